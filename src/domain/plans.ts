import { desc, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { preparedQuery } from "../db/prepared.js";
import { forgetGroups } from "./groups.js";
import { groups, workPlans } from "../db/schema.js";
import { mayApprovePlan, mayRecordPlan } from "./permissions.js";
import { writableGroup } from "./term.js";
import type { GroupId, UserId } from "./types.js";

export const PLAN_TEXT_MAX_LENGTH = 1000;

export interface WorkPlan {
  id: number;
  groupId: GroupId;
  services: string;
  focus: string;
  endsOn: string;
  approvedAt: Date | null;
}

type PlanRow = typeof workPlans.$inferSelect;
const toPlan = (row: PlanRow): WorkPlan => ({
  id: row.id,
  groupId: row.groupId as GroupId,
  services: row.services,
  focus: row.focus,
  endsOn: row.endsOn,
  approvedAt: row.approvedAt,
});

const currentQuery = preparedQuery((db) =>
  db
    .select()
    .from(workPlans)
    .where(eq(workPlans.groupId, sql.placeholder("group")))
    .orderBy(desc(workPlans.id))
    .limit(1)
    .prepare(),
);

/** The group's plan: the latest one the leader recorded. */
export function currentPlan(db: Db, group: GroupId): WorkPlan | undefined {
  const row = currentQuery(db).get({ group });
  return row && toPlan(row);
}

export type PlanResult = { ok: true; plan: WorkPlan } | { ok: false; reason: "not-found" | "closed" | "not-allowed" | "past" };

/** The leader records the plan for a period; a new plan replaces the last and awaits approval. */
export function recordPlan(
  db: Db,
  p: { group: GroupId; by: UserId; services: string; focus: string; endsOn: string; today: string; now: Date },
): PlanResult {
  const writable = writableGroup(db, p.group, p.now);
  if (!writable.ok) return writable;
  if (!mayRecordPlan(db, p.group, p.by)) return { ok: false, reason: "not-allowed" };
  if (p.endsOn < p.today) return { ok: false, reason: "past" };
  const row = db
    .insert(workPlans)
    .values({ groupId: p.group, services: p.services, focus: p.focus, endsOn: p.endsOn, createdBy: p.by, createdAt: p.now })
    .returning()
    .get();
  return { ok: true, plan: toPlan(row) };
}

export type ApproveResult = PlanResult | { ok: false; reason: "superseded" | "already-approved" };

/** An appointer approves the plan (only the current one, once); its end becomes the group's term end. */
export function approvePlan(db: Db, a: { group: GroupId; plan: number; by: UserId; now: Date }): ApproveResult {
  const writable = writableGroup(db, a.group, a.now);
  if (!writable.ok) return writable;
  if (!mayApprovePlan(db, a.group, a.by)) return { ok: false, reason: "not-allowed" };
  const plan = currentPlan(db, a.group);
  if (!plan || plan.id !== a.plan) return { ok: false, reason: "superseded" };
  if (plan.approvedAt) return { ok: false, reason: "already-approved" };
  // The statute: the group's term follows from its plan-assignment.
  db.transaction((tx) => {
    tx.update(workPlans).set({ approvedBy: a.by, approvedAt: a.now }).where(eq(workPlans.id, plan.id)).run();
    tx.update(groups).set({ termEndsOn: plan.endsOn }).where(eq(groups.id, a.group)).run();
  });
  forgetGroups(db);
  return { ok: true, plan: { ...plan, approvedAt: a.now } };
}
