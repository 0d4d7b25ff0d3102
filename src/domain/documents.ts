import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { preparedQuery } from "../db/prepared.js";
import { documents } from "../db/schema.js";
import type { Locale } from "./locale.js";

export type DocumentKind = (typeof documents.kind.enumValues)[number];

/** Which document: of what (kind, subject id, and a variant such as a report's period), in which language. */
export interface DocumentKey {
  kind: DocumentKind;
  subjectId: number;
  variant?: string;
  locale: Locale;
}

export type StoredDocument = typeof documents.$inferSelect;

const statements = preparedQuery((db) => ({
  byKey: db
    .select()
    .from(documents)
    .where(
      and(
        eq(documents.kind, sql.placeholder("kind")),
        eq(documents.subjectId, sql.placeholder("subject")),
        eq(documents.variant, sql.placeholder("variant")),
        eq(documents.locale, sql.placeholder("locale")),
        eq(documents.rendererVersion, sql.placeholder("renderer")),
      ),
    )
    .prepare(),
  byFile: db
    .select()
    .from(documents)
    .where(eq(documents.fileUniqueId, sql.placeholder("file")))
    .orderBy(desc(documents.id))
    .prepare(),
  byHash: db
    .select()
    .from(documents)
    .where(eq(documents.sha256, sql.placeholder("hash")))
    .orderBy(desc(documents.id))
    .prepare(),
}));

/** The document already made for this key by this renderer version, if any. */
export function findDocument(db: Db, key: DocumentKey, rendererVersion: string): StoredDocument | undefined {
  return statements(db).byKey.get({
    kind: key.kind,
    subject: key.subjectId,
    variant: key.variant ?? "",
    locale: key.locale,
    renderer: rendererVersion,
  });
}

/** Records a document that was sent (or its Telegram file id, once known); the same key again updates the row. */
export function recordDocument(
  db: Db,
  key: DocumentKey,
  doc: { sha256: string; fileId: string | null; fileUniqueId: string | null; rendererVersion: string; now: Date },
): void {
  const values = { kind: key.kind, subjectId: key.subjectId, variant: key.variant ?? "", locale: key.locale, ...doc, createdAt: doc.now };
  db.insert(documents)
    .values(values)
    .onConflictDoUpdate({
      target: [documents.kind, documents.subjectId, documents.variant, documents.locale, documents.rendererVersion],
      set: { sha256: doc.sha256, fileId: doc.fileId, fileUniqueId: doc.fileUniqueId },
    })
    .run();
}

/** A document the bot issued, recognised by Telegram's id of the file or by the SHA-256 of its bytes. */
export function issuedDocument(db: Db, found: { fileUniqueId?: string; sha256?: string }): StoredDocument | undefined {
  if (found.fileUniqueId) {
    const byFile = statements(db).byFile.get({ file: found.fileUniqueId });
    if (byFile) return byFile;
  }
  return found.sha256 ? statements(db).byHash.get({ hash: found.sha256 }) : undefined;
}
