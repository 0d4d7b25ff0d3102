import { eq, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { preparedQuery } from "../db/prepared.js";
import { groups } from "../db/schema.js";
import { forgetGroups, groupById, nameColumns, type MunicipalityNames } from "./groups.js";
import type { Locale } from "./locale.js";
import { mayChangeGroupLanguage, mayRenameGroup } from "./permissions.js";
import type { Group, GroupId, UserId } from "./types.js";

export type SettingResult = { ok: true; group: Group } | { ok: false; reason: "not-found" | "not-allowed" };

/** An appointer corrects the municipality's official names. */
export function renameGroup(db: Db, r: { group: GroupId; names: MunicipalityNames; by: UserId }): SettingResult {
  if (!groupById(db, r.group)) return { ok: false, reason: "not-found" };
  if (!mayRenameGroup(db, r.group, r.by)) return { ok: false, reason: "not-allowed" };
  db.update(groups).set(nameColumns(r.names)).where(eq(groups.id, r.group)).run();
  forgetGroups(db);
  return { ok: true, group: groupById(db, r.group)! };
}

export type LanguageResult = { ok: true; group: Group } | { ok: false; reason: "not-found" | "not-allowed" };

const localeUpdate = preparedQuery((db) =>
  db
    .update(groups)
    .set({ locale: sql.placeholder("locale") as never })
    .where(eq(groups.id, sql.placeholder("group")))
    .prepare(),
);

/** The group's language, chosen by one of its appointers or its leader. */
export function setGroupLocale(db: Db, c: { group: GroupId; locale: Locale; by: UserId }): LanguageResult {
  if (!groupById(db, c.group)) return { ok: false, reason: "not-found" };
  if (!mayChangeGroupLanguage(db, c.group, c.by)) return { ok: false, reason: "not-allowed" };
  localeUpdate(db).run({ group: c.group, locale: c.locale });
  forgetGroups(db);
  return { ok: true, group: groupById(db, c.group)! };
}
