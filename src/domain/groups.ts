import { eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { memo } from "../db/memo.js";
import { preparedQuery } from "../db/prepared.js";
import { appointers, groups } from "../db/schema.js";
import { localDate } from "./calendar.js";
import { isUniqueViolation } from "./errors.js";
import { seedServices } from "./seeded-services.js";
import type { Locale } from "./locale.js";
import { LocalizedName } from "../i18n/localized-name.js";
import { chatId as toChatId, groupId as toGroupId, type ChatId, type Group, type GroupId, type Office, type UserId } from "./types.js";

type GroupRow = typeof groups.$inferSelect;

type NameColumns = Pick<GroupRow, "municipality" | "municipalityRu" | "areaKy" | "areaRu">;

/** The group's names from its row: the one name of an older group serves both languages. */
export function groupNames(row: NameColumns): Pick<Group, "municipality" | "area"> {
  const area = row.areaKy || row.areaRu ? { ky: row.areaKy || row.areaRu || "", ru: row.areaRu || row.areaKy || "" } : null;
  return {
    municipality: new LocalizedName({ ky: row.municipality, ru: row.municipalityRu || row.municipality }),
    area: area && new LocalizedName(area),
  };
}

function toGroup(row: GroupRow): Group {
  return {
    id: toGroupId(row.id),
    chatId: toChatId(row.chatId),
    ...groupNames(row),
    locale: row.locale,
    termEndsOn: row.termEndsOn,
    endedAt: row.endedAt,
  };
}

const statements = preparedQuery((db) => ({
  byChat: db
    .select()
    .from(groups)
    .where(eq(groups.chatId, sql.placeholder("chat")))
    .prepare(),
  byId: db
    .select()
    .from(groups)
    .where(eq(groups.id, sql.placeholder("id")))
    .prepare(),
  register: db
    .insert(groups)
    .values({
      chatId: sql.placeholder("chat"),
      municipality: sql.placeholder("municipality"),
      municipalityRu: sql.placeholder("municipalityRu"),
      areaKy: sql.placeholder("areaKy"),
      areaRu: sql.placeholder("areaRu"),
      locale: sql.placeholder("locale"),
      termEndsOn: sql.placeholder("termEndsOn"),
      createdBy: sql.placeholder("by"),
      createdAt: sql.placeholder("now"),
    })
    .returning()
    .prepare(),
  firstAppointer: db
    .insert(appointers)
    .values({
      groupId: sql.placeholder("group"),
      userId: sql.placeholder("by"),
      office: sql.placeholder("office"),
      addedBy: sql.placeholder("by"),
      addedAt: sql.placeholder("now"),
    })
    .prepare(),
}));

/** Groups by `c<chat id>` and `i<group id>`; every write of groups forgets them all. */
const remembered = memo<string, Group | undefined>();

/** For every writer of the groups table, after its write. */
export function forgetGroups(db: Db): void {
  remembered.forget(db);
}

export function groupByChat(db: Db, chat: ChatId): Group | undefined {
  return remembered.get(db, `c${chat}`, () => {
    const row = statements(db).byChat.get({ chat });
    return row && toGroup(row);
  });
}

export function groupById(db: Db, id: GroupId): Group | undefined {
  return remembered.get(db, `i${id}`, () => {
    const row = statements(db).byId.get({ id });
    return row && toGroup(row);
  });
}

/** Groups that still accept members, by municipality name. */
export function openGroups(db: Db, now: Date): Group[] {
  return db
    .select()
    .from(groups)
    .where(isNull(groups.endedAt))
    .orderBy(groups.municipality)
    .all()
    .map(toGroup)
    .filter((group) => !isClosed(group, now));
}

/** After its term, or once an appointer ends it, a group's records are read-only. */
export function isClosed(group: Pick<Group, "endedAt" | "termEndsOn">, now: Date): boolean {
  if (group.endedAt !== null && group.endedAt <= now) return true;
  return group.termEndsOn !== null && group.termEndsOn < localDate(now);
}

/** The municipality's names as /setup and /names take them: the name in each language, district and region optional. */
export interface MunicipalityNames {
  ky: string;
  ru: string;
  areaKy: string | null;
  areaRu: string | null;
}

export const nameColumns = (names: MunicipalityNames) => ({
  municipality: names.ky,
  municipalityRu: names.ru,
  areaKy: names.areaKy,
  areaRu: names.areaRu,
});

export interface Registration {
  chatId: ChatId;
  names: MunicipalityNames;
  locale: Locale;
  termEndsOn: string | null;
  by: UserId;
  office: Office;
  now: Date;
}

export type RegisterResult = { ok: true; group: Group } | { ok: false; reason: "already-registered" };

/** Registers a group chat with the usual services; whoever registers it becomes its first appointer. */
export function registerGroup(db: Db, r: Registration): RegisterResult {
  forgetGroups(db);
  try {
    return db.transaction((tx) => {
      const row = statements(tx).register.get({
        chat: r.chatId,
        ...nameColumns(r.names),
        locale: r.locale,
        termEndsOn: r.termEndsOn,
        by: r.by,
        now: r.now,
      })!;
      statements(tx).firstAppointer.run({ group: row.id, by: r.by, office: r.office, now: r.now });
      seedServices(tx, toGroupId(row.id), r.now);
      return { ok: true as const, group: toGroup(row) };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: "already-registered" };
    throw error;
  }
}

/** One name for both languages (an older group, a test). */
export const oneName = (name: string): MunicipalityNames => ({ ky: name, ru: name, areaKy: null, areaRu: null });

/** A group chat that became a supergroup gets a new chat id; the records follow it. */
export function moveGroupChat(db: Db, from: ChatId, to: ChatId): boolean {
  const changed = db.update(groups).set({ chatId: to }).where(eq(groups.chatId, from)).run();
  forgetGroups(db);
  return changed.changes > 0;
}
