import { and, desc, eq, lt, or, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { preparedQuery } from "../db/prepared.js";
import { stateIs, stateIsNot } from "../db/states.js";
import { drafts } from "../db/schema.js";
import type { UserId } from "./types.js";

export type DraftKind = (typeof drafts.$inferSelect)["kind"];
export type DraftStatus = (typeof drafts.$inferSelect)["status"];

/** A long form in progress; `answers` is the form's own JSON. */
export interface Draft<A = unknown> {
  id: number;
  userId: number;
  kind: DraftKind;
  step: string;
  answers: A;
  status: DraftStatus;
  lastUpdate: number;
  updatedAt: Date;
}

function toDraft<A>(row: typeof drafts.$inferSelect): Draft<A> {
  return { ...row, answers: JSON.parse(row.answers) as A };
}

const byIdQuery = preparedQuery((db) =>
  db
    .select()
    .from(drafts)
    .where(eq(drafts.id, sql.placeholder("id")))
    .prepare(),
);
const pendingQuery = preparedQuery((db) =>
  db
    .select()
    .from(drafts)
    .where(and(eq(drafts.userId, sql.placeholder("user")), stateIsNot(drafts.status, "closed")))
    .prepare(),
);
const writeQuery = preparedQuery((db) =>
  db
    .update(drafts)
    .set({
      step: sql.placeholder("step") as never,
      answers: sql.placeholder("answers") as never,
      status: sql.placeholder("status") as never,
      lastUpdate: sql.placeholder("update") as never,
      updatedAt: sql.placeholder("at") as never,
    })
    .where(eq(drafts.id, sql.placeholder("id")))
    .prepare(),
);

const forMessageQuery = preparedQuery((db) =>
  db
    .select()
    .from(drafts)
    .where(
      and(
        eq(drafts.userId, sql.placeholder("user")),
        or(stateIsNot(drafts.status, "closed"), eq(drafts.lastUpdate, sql.placeholder("update"))),
      ),
    )
    .orderBy(desc(eq(drafts.lastUpdate, sql.placeholder("update"))))
    .limit(1)
    .prepare(),
);

/**
 * The draft a person's message is for: the one this very update already changed (delivered
 * again), else their draft that is not closed.
 */
export function draftForUpdate<A>(db: Db, user: UserId, update: number): Draft<A> | undefined {
  const row = forMessageQuery(db).get({ user, update });
  return row && toDraft<A>(row);
}

export function draftById<A>(db: Db, id: number): Draft<A> | undefined {
  const row = byIdQuery(db).get({ id });
  return row && toDraft<A>(row);
}

/** The person's draft that is not closed (open or parked), if any: there is at most one. */
export function pendingDraft<A>(db: Db, user: UserId): Draft<A> | undefined {
  const row = pendingQuery(db).get({ user });
  return row && toDraft<A>(row);
}

export function insertDraft<A>(
  db: Db,
  d: { user: UserId; kind: DraftKind; step: string; answers: A; update: number; now: Date },
): Draft<A> {
  const row = db
    .insert(drafts)
    .values({
      userId: d.user,
      kind: d.kind,
      step: d.step,
      answers: JSON.stringify(d.answers),
      status: "open",
      lastUpdate: d.update,
      updatedAt: d.now,
    })
    .returning()
    .get();
  return toDraft<A>(row);
}

/** Writes a draft's new state in one statement. */
export function writeDraft<A>(db: Db, d: Draft<A>): void {
  writeQuery(db).run({
    id: d.id,
    step: d.step,
    answers: JSON.stringify(d.answers),
    status: d.status,
    update: d.lastUpdate,
    at: d.updatedAt,
  });
}

/** Parks the person's open draft behind another form: it keeps its answers and stops taking typed ones. */
export function parkDraft(db: Db, user: UserId): void {
  db.update(drafts)
    .set({ status: "parked" })
    .where(and(eq(drafts.userId, user), stateIs(drafts.status, "open")))
    .run();
}

/**
 * Closes the drafts untouched since `before` and returns them as they were (their owners are
 * told); deletes the closed ones older than that, whose buttons nobody presses any more.
 */
export function sweepDrafts(db: Db, before: Date, now: Date): Draft[] {
  return db.transaction((tx) => {
    tx.delete(drafts)
      .where(and(stateIs(drafts.status, "closed"), lt(drafts.updatedAt, before)))
      .run();
    const stale = and(stateIsNot(drafts.status, "closed"), lt(drafts.updatedAt, before));
    const found = tx.select().from(drafts).where(stale).all();
    tx.update(drafts).set({ status: "closed", step: "draft-swept", updatedAt: now }).where(stale).run();
    return found.map((row) => toDraft(row));
  });
}
