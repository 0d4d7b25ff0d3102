import { and, asc, eq, isNull, lt, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { preparedQuery } from "../db/prepared.js";
import { infoRequestFiles, infoRequests } from "../db/schema.js";
import { mayAnswerInfoRequest, mayRecordInfoRequests } from "./permissions.js";
import { writableGroup } from "./term.js";
import type { GroupId, UserId } from "./types.js";

export const INFO_ADDRESSEES = ["head", "provider"] as const;
export type InfoAddressee = (typeof INFO_ADDRESSEES)[number];
export const INFO_TEXT_MAX_LENGTH = 1000;
export const ADDRESSEE_NAME_MAX_LENGTH = 100;
export const MAX_ANSWER_FILES = 10;

export interface InfoRequest {
  id: number;
  groupId: GroupId;
  addressee: InfoAddressee;
  addresseeName: string | null;
  subject: string;
  dueOn: string;
  answer: string | null;
  answeredOn: string | null;
}

export interface AnswerFile {
  kind: "document" | "photo";
  fileId: string;
}

type Row = typeof infoRequests.$inferSelect;
const toRequest = (row: Row): InfoRequest => ({
  id: row.id,
  groupId: row.groupId as GroupId,
  addressee: row.addressee,
  addresseeName: row.addresseeName,
  subject: row.subject,
  dueOn: row.dueOn,
  answer: row.answer,
  answeredOn: row.answeredOn,
});

export function infoRequestById(db: Db, id: number): InfoRequest | undefined {
  const row = db.select().from(infoRequests).where(eq(infoRequests.id, id)).get();
  return row && toRequest(row);
}

/** Requests still waiting for an answer, by due date. */
export function unansweredInfoRequests(db: Db, group: GroupId): InfoRequest[] {
  return db
    .select()
    .from(infoRequests)
    .where(and(eq(infoRequests.groupId, group), isNull(infoRequests.answeredOn)))
    .orderBy(asc(infoRequests.dueOn), asc(infoRequests.id))
    .all()
    .map(toRequest);
}

const countsQuery = preparedQuery((db) =>
  db
    .select({ open: sql<number>`count(*)`, overdue: sql<number>`coalesce(sum(${infoRequests.dueOn} < ${sql.placeholder("today")}), 0)` })
    .from(infoRequests)
    .where(and(eq(infoRequests.groupId, sql.placeholder("group")), isNull(infoRequests.answeredOn)))
    .prepare(),
);

export function infoRequestCounts(db: Db, group: GroupId, today: string): { open: number; overdue: number } {
  const row = countsQuery(db).get({ group, today });
  return { open: row?.open ?? 0, overdue: row?.overdue ?? 0 };
}

export function overdueInfoRequests(db: Db, group: GroupId, today: string): InfoRequest[] {
  return db
    .select()
    .from(infoRequests)
    .where(and(eq(infoRequests.groupId, group), isNull(infoRequests.answeredOn), lt(infoRequests.dueOn, today)))
    .orderBy(asc(infoRequests.dueOn))
    .all()
    .map(toRequest);
}

export function answerFilesOf(db: Db, id: number): AnswerFile[] {
  return db
    .select({ kind: infoRequestFiles.kind, fileId: infoRequestFiles.fileId })
    .from(infoRequestFiles)
    .where(eq(infoRequestFiles.requestId, id))
    .orderBy(asc(infoRequestFiles.position))
    .all();
}

export type RecordResult = { ok: true; request: InfoRequest } | { ok: false; reason: "not-found" | "closed" | "not-allowed" | "past" };

/** The leader records a request: to whom, what, by when. */
export function recordInfoRequest(
  db: Db,
  r: {
    group: GroupId;
    by: UserId;
    addressee: InfoAddressee;
    addresseeName: string | null;
    subject: string;
    dueOn: string;
    today: string;
    now: Date;
  },
): RecordResult {
  const writable = writableGroup(db, r.group, r.now);
  if (!writable.ok) return writable;
  if (!mayRecordInfoRequests(db, r.group, r.by)) return { ok: false, reason: "not-allowed" };
  if (r.dueOn < r.today) return { ok: false, reason: "past" };
  const row = db
    .insert(infoRequests)
    .values({
      groupId: r.group,
      addressee: r.addressee,
      addresseeName: r.addressee === "provider" ? r.addresseeName : null,
      subject: r.subject,
      dueOn: r.dueOn,
      createdBy: r.by,
      createdAt: r.now,
    })
    .returning()
    .get();
  return { ok: true, request: toRequest(row) };
}

export type AnswerResult = { ok: true; request: InfoRequest } | { ok: false; reason: "not-found" | "closed" | "not-allowed" | "answered" };

/** Whether this person may record the answer now; the refusal otherwise. */
export function answerRefusal(db: Db, id: number, user: UserId, now: Date): AnswerResult {
  const request = infoRequestById(db, id);
  if (!request) return { ok: false, reason: "not-found" };
  const writable = writableGroup(db, request.groupId, now);
  if (!writable.ok) return writable;
  if (!mayAnswerInfoRequest(db, request.groupId, request.addressee, user)) return { ok: false, reason: "not-allowed" };
  if (request.answeredOn) return { ok: false, reason: "answered" };
  return { ok: true, request };
}

/** Records the answer (text and files) and the day it came. */
export function answerInfoRequest(
  db: Db,
  a: { id: number; user: UserId; text: string; files: readonly AnswerFile[]; today: string; now: Date },
): AnswerResult {
  const check = answerRefusal(db, a.id, a.user, a.now);
  if (!check.ok) return check;
  db.transaction((tx) => {
    tx.update(infoRequests).set({ answer: a.text, answeredOn: a.today, answeredBy: a.user }).where(eq(infoRequests.id, a.id)).run();
    for (const [position, file] of a.files.slice(0, MAX_ANSWER_FILES).entries())
      tx.insert(infoRequestFiles)
        .values({ requestId: a.id, position, ...file })
        .run();
  });
  return { ok: true, request: infoRequestById(db, a.id)! };
}
