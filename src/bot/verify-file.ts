import type { Document } from "grammy/types";
import { sha256 } from "../domain/canonical.js";
import { issuedDocument } from "../domain/documents.js";
import { groupById } from "../domain/groups.js";
import { protocolById } from "../domain/protocols.js";
import { recordDifferences } from "../domain/record-diff.js";
import { verifyProtocol } from "../domain/signing.js";
import { protocolId, type ProtocolId } from "../domain/types.js";
import type { App } from "./app.js";
import { sha256Bytes } from "./recorded-document.js";
import { protocolNumber } from "./views/protocol-text.js";
import type { Speech } from "./speech.js";

/** Bots may download files up to 20 MB. */
const MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024;

/** What a file sent for checking turned out to be. */
export type FileCheck =
  | { kind: "not-pdf" | "too-big" | "no-record" | "unknown-protocol" }
  /** The very bytes the bot issued; `matches` says whether the stored record still verifies. */
  | { kind: "issued"; protocol: ProtocolId; matches: boolean }
  /** Not the bot's bytes (re-saved, printed to PDF…), but the record inside equals the signed one. */
  | { kind: "record-matches"; protocol: ProtocolId }
  | { kind: "record-differs"; protocol: ProtocolId; paths: string[] };

const isPdf = (file: Document) => file.mime_type === "application/pdf" || /\.pdf$/i.test(file.file_name ?? "");

function issued(app: App, found: { fileUniqueId?: string; sha256?: string }): FileCheck | undefined {
  const doc = issuedDocument(app.db, found);
  if (doc?.kind !== "protocol") return undefined;
  const id = protocolId(doc.subjectId);
  return { kind: "issued", protocol: id, matches: verifyProtocol(app.db, id)?.matches ?? false };
}

/** Compares the record attached inside a PDF with the signed record of the protocol it names. */
function checkRecord(app: App, claimedId: string | undefined, text: string): FileCheck {
  const id = claimedId && /^\d+$/.test(claimedId) ? protocolId(Number(claimedId)) : undefined;
  const protocol = id && protocolById(app.db, id);
  if (!protocol?.hash || protocol.canonicalText === null) return { kind: "unknown-protocol" };
  if (sha256(text) === protocol.hash) return { kind: "record-matches", protocol: protocol.id };
  let claimed: unknown;
  try {
    claimed = JSON.parse(text);
  } catch {
    return { kind: "record-differs", protocol: protocol.id, paths: ["(record)"] };
  }
  return { kind: "record-differs", protocol: protocol.id, paths: recordDifferences(claimed, JSON.parse(protocol.canonicalText)) };
}

/**
 * Checks a file sent to the bot: is it a protocol PDF the bot issued (by Telegram's file id or
 * the hash of its bytes), and does the record attached inside match the signed record?
 */
export async function checkFile(app: App, file: Document): Promise<FileCheck> {
  if (!isPdf(file)) return { kind: "not-pdf" };
  if ((file.file_size ?? 0) > MAX_DOWNLOAD_BYTES) return { kind: "too-big" };
  const known = issued(app, { fileUniqueId: file.file_unique_id });
  if (known) return known;
  const { file_path: path } = await app.api.getFile(file.file_id);
  if (!path) return { kind: "too-big" };
  const bytes = await app.download(path);
  const byHash = issued(app, { sha256: sha256Bytes(bytes) });
  if (byHash) return byHash;
  const contents = await app.renderer.readPdf(bytes);
  if (!contents) return { kind: "not-pdf" };
  const record = contents.attachments.find((attached) => /^protocol-\d+-\d+\.json$/.test(attached.name));
  if (!record) return { kind: "no-record" };
  return checkRecord(app, contents.info.protocolId, Buffer.from(record.bytes).toString("utf8"));
}

/** The answer to a file check, in the asker's language. */
export function fileCheckText(app: App, { t, locale }: Speech, check: FileCheck): string {
  if (!("protocol" in check)) return t(`verify-file-${check.kind}`);
  const protocol = protocolById(app.db, check.protocol);
  const group = protocol && groupById(app.db, protocol.groupId);
  const vars = {
    number: protocol ? protocolNumber(protocol) : "",
    municipality: group ? group.municipality.in(locale) : "",
    hash: protocol?.hash ?? "",
  };
  if (check.kind === "issued") return t(check.matches ? "verify-file-issued" : "verify-file-issued-mismatch", vars);
  if (check.kind === "record-matches") return t("verify-file-record-matches", vars);
  const fields = check.paths.map((path) => `${t(`verify-field-${fieldOf(path)}`)} (${path})`);
  return t("verify-file-record-differs", { ...vars, fields: fields.join("; ") });
}

const FIELDS = [
  "group",
  "number",
  "year",
  "heldOn",
  "startsAt",
  "place",
  "leader",
  "attendees",
  "items",
  "recommendations",
  "observations",
  "vote",
] as const;
type Field = (typeof FIELDS)[number] | "other";

function fieldOf(path: string): Field {
  const top = path.split(".")[0] ?? "";
  return FIELDS.find((field) => field === top) ?? "other";
}
