import { and, asc, eq, lt, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { preparedQuery } from "../db/prepared.js";
import { stateIn } from "../db/states.js";
import { assignmentAttachments, assignments, members } from "../db/schema.js";
import { memberById } from "./members.js";
import { mayGiveAssignments } from "./permissions.js";
import { MAX_PHOTOS } from "./rules.js";
import { writableGroup } from "./term.js";
import type { GroupId, MemberId, ServiceId, UserId } from "./types.js";

export const ASSIGNMENT_TEXT_MAX_LENGTH = 1000;
export const MAX_LINKED_OBSERVATIONS = 10;

export type AssignmentStatus = "given" | "accepted" | "reported" | "done";

export interface Assignment {
  id: number;
  groupId: GroupId;
  memberId: MemberId;
  assignee: string;
  assigneeUser: UserId;
  task: string;
  serviceId: ServiceId | null;
  dueOn: string;
  status: AssignmentStatus;
  report: string | null;
  returnNote: string | null;
}

export interface Attachments {
  photos: string[];
  observations: number[];
}

const columns = {
  id: assignments.id,
  groupId: assignments.groupId,
  memberId: assignments.memberId,
  assignee: members.fullName,
  assigneeUser: members.userId,
  task: assignments.task,
  serviceId: assignments.serviceId,
  dueOn: assignments.dueOn,
  status: assignments.status,
  report: assignments.report,
  returnNote: assignments.returnNote,
};

function query(db: Db) {
  return db.select(columns).from(assignments).innerJoin(members, eq(members.id, assignments.memberId));
}

const toAssignment = (row: Awaited<ReturnType<ReturnType<typeof query>["all"]>>[number]): Assignment => ({
  ...row,
  groupId: row.groupId as GroupId,
  memberId: row.memberId as MemberId,
  assigneeUser: row.assigneeUser as UserId,
  serviceId: row.serviceId as ServiceId | null,
});

export function assignmentById(db: Db, id: number): Assignment | undefined {
  const row = query(db).where(eq(assignments.id, id)).get();
  return row && toAssignment(row);
}

/** Assignments not yet done, by due date: the member still owes them or the leader's decision. */
export function openAssignments(db: Db, group: GroupId): Assignment[] {
  return query(db)
    .where(and(eq(assignments.groupId, group), stateIn(assignments.status, ["given", "accepted", "reported"])))
    .orderBy(asc(assignments.dueOn), asc(assignments.id))
    .all()
    .map(toAssignment);
}

/** Open assignments whose member has not reported by the due date. */
export function overdueAssignments(db: Db, group: GroupId, today: string): Assignment[] {
  return query(db)
    .where(and(eq(assignments.groupId, group), stateIn(assignments.status, ["given", "accepted"]), lt(assignments.dueOn, today)))
    .orderBy(asc(assignments.dueOn))
    .all()
    .map(toAssignment);
}

/** One person's assignments in the group that still need them (given, accepted, or returned). */
export function assignmentsOf(db: Db, group: GroupId, user: UserId): Assignment[] {
  return openAssignments(db, group).filter((a) => a.assigneeUser === user);
}

export function attachmentsOf(db: Db, id: number): Attachments {
  const rows = db
    .select()
    .from(assignmentAttachments)
    .where(eq(assignmentAttachments.assignmentId, id))
    .orderBy(asc(assignmentAttachments.position))
    .all();
  return {
    photos: rows.flatMap((row) => (row.photoFileId ? [row.photoFileId] : [])),
    observations: rows.flatMap((row) => (row.observationId !== null ? [row.observationId] : [])),
  };
}

export type GiveResult =
  | { ok: true; assignments: Assignment[] }
  | { ok: false; reason: "not-found" | "closed" | "not-allowed" | "not-member" | "past" };

/** The leader gives one task to one or several members: one assignment each. */
export function giveAssignment(
  db: Db,
  g: {
    group: GroupId;
    by: UserId;
    to: readonly MemberId[];
    task: string;
    service: ServiceId | null;
    dueOn: string;
    today: string;
    now: Date;
  },
): GiveResult {
  const writable = writableGroup(db, g.group, g.now);
  if (!writable.ok) return writable;
  if (!mayGiveAssignments(db, g.group, g.by)) return { ok: false, reason: "not-allowed" };
  if (g.dueOn < g.today) return { ok: false, reason: "past" };
  const assignees = g.to.map((id) => memberById(db, id));
  if (g.to.length === 0 || assignees.some((m) => !m || m.groupId !== g.group || m.leftAt !== null))
    return { ok: false, reason: "not-member" };
  const ids = db.transaction((tx) =>
    g.to.map(
      (memberId) =>
        tx
          .insert(assignments)
          .values({
            groupId: g.group,
            memberId,
            task: g.task,
            serviceId: g.service,
            dueOn: g.dueOn,
            status: "given",
            givenBy: g.by,
            givenAt: g.now,
          })
          .returning({ id: assignments.id })
          .get().id,
    ),
  );
  return { ok: true, assignments: ids.map((id) => assignmentById(db, id)!) };
}

export type StepRefusal = "not-found" | "closed" | "not-allowed" | "wrong-status";
export type StepResult = { ok: true; assignment: Assignment } | { ok: false; reason: StepRefusal };

/** Checks the group is open, the person is the one the step belongs to, and the status fits. */
function step(
  db: Db,
  s: { id: number; user: UserId; now: Date },
  who: "assignee" | "leader",
  from: readonly AssignmentStatus[],
  change: (assignment: Assignment) => void,
): StepResult {
  const assignment = assignmentById(db, s.id);
  if (!assignment) return { ok: false, reason: "not-found" };
  const writable = writableGroup(db, assignment.groupId, s.now);
  if (!writable.ok) return writable;
  const allowed =
    who === "assignee"
      ? assignment.assigneeUser === s.user && memberById(db, assignment.memberId)?.leftAt === null
      : mayGiveAssignments(db, assignment.groupId, s.user);
  if (!allowed) return { ok: false, reason: "not-allowed" };
  if (!from.includes(assignment.status)) return { ok: false, reason: "wrong-status" };
  change(assignment);
  return { ok: true, assignment: assignmentById(db, s.id)! };
}

export function acceptAssignment(db: Db, a: { id: number; user: UserId; now: Date }): StepResult {
  return step(db, a, "assignee", ["given"], () => {
    db.update(assignments).set({ status: "accepted" }).where(eq(assignments.id, a.id)).run();
  });
}

/** The member reports back: text, and any photos or observations that show the work. */
export function reportAssignment(
  db: Db,
  r: { id: number; user: UserId; text: string; photos: readonly string[]; observations: readonly number[]; now: Date },
): StepResult {
  return step(db, r, "assignee", ["given", "accepted"], () => {
    db.transaction((tx) => {
      tx.update(assignments).set({ status: "reported", report: r.text, reportedAt: r.now }).where(eq(assignments.id, r.id)).run();
      tx.delete(assignmentAttachments).where(eq(assignmentAttachments.assignmentId, r.id)).run();
      const rows = [
        ...r.photos.slice(0, MAX_PHOTOS).map((photo) => ({ photoFileId: photo, observationId: null })),
        ...r.observations.slice(0, MAX_LINKED_OBSERVATIONS).map((observation) => ({ photoFileId: null, observationId: observation })),
      ];
      for (const [position, row] of rows.entries())
        tx.insert(assignmentAttachments)
          .values({ assignmentId: r.id, position, ...row })
          .run();
    });
  });
}

export function completeAssignment(db: Db, c: { id: number; user: UserId; now: Date }): StepResult {
  return step(db, c, "leader", ["reported"], () => {
    db.update(assignments).set({ status: "done", doneAt: c.now }).where(eq(assignments.id, c.id)).run();
  });
}

/** The leader returns a report: the member works on and reports again. */
export function returnAssignment(db: Db, r: { id: number; user: UserId; note: string | null; now: Date }): StepResult {
  return step(db, r, "leader", ["reported"], () => {
    db.update(assignments).set({ status: "accepted", returnNote: r.note }).where(eq(assignments.id, r.id)).run();
  });
}

const countsQuery = preparedQuery((db) =>
  db
    .select({
      open: sql<number>`count(*)`,
      overdue: sql<number>`coalesce(sum(${assignments.status} in ('given', 'accepted') and ${assignments.dueOn} < ${sql.placeholder("today")}), 0)`,
    })
    .from(assignments)
    .where(and(eq(assignments.groupId, sql.placeholder("group")), stateIn(assignments.status, ["given", "accepted", "reported"])))
    .prepare(),
);

/** The counts /status shows. */
export function assignmentCounts(db: Db, group: GroupId, today: string): { open: number; overdue: number } {
  const row = countsQuery(db).get({ group, today });
  return { open: row?.open ?? 0, overdue: row?.overdue ?? 0 };
}
