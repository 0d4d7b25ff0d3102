import { assignmentCounts } from "../../domain/assignments.js";
import { localDate } from "../../domain/calendar.js";
import { infoRequestCounts } from "../../domain/info-requests.js";
import { currentPlan } from "../../domain/plans.js";
import { termEndingOf } from "../../domain/term.js";
import type { Group } from "../../domain/types.js";
import { formatDate } from "../../i18n/dates.js";
import type { App } from "../app.js";
import type { Speech } from "../speech.js";

/** /status: the work plan and whether it is approved. */
export function planStatusLines(app: App, { t, locale }: Speech, group: Group): string[] {
  const plan = currentPlan(app.db, group.id);
  if (!plan) return [t("status-plan-none")];
  return [t(plan.approvedAt ? "status-plan-approved" : "status-plan-awaiting", { date: formatDate(locale, plan.endsOn) })];
}

/** /status: why and when an appointer ended the term. */
export function termEndStatusLines(app: App, { t, locale }: Speech, group: Group): string[] {
  const ending = termEndingOf(app.db, group.id);
  return ending ? [t("status-term-ended", { date: formatDate(locale, localDate(ending.endedAt)), reason: ending.reason })] : [];
}

/** /status: open and overdue assignments. */
export function assignmentStatusLines(app: App, { t }: Speech, group: Group): string[] {
  const counts = assignmentCounts(app.db, group.id, localDate(app.clock.now()));
  if (counts.open === 0) return [];
  return [
    t("status-assignments", { count: counts.open }),
    ...(counts.overdue > 0 ? [t("status-assignments-overdue", { count: counts.overdue })] : []),
  ];
}

/** /status: requests for information still unanswered, and the overdue ones. */
export function infoRequestStatusLines(app: App, { t }: Speech, group: Group): string[] {
  const counts = infoRequestCounts(app.db, group.id, localDate(app.clock.now()));
  if (counts.open === 0) return [];
  return [t("status-info", { count: counts.open }), ...(counts.overdue > 0 ? [t("status-info-overdue", { count: counts.overdue })] : [])];
}

/** Everything the statute's plan, term, assignments and requests add to /status. */
export function statuteStatusLines(app: App, speech: Speech, group: Group): string[] {
  return [
    ...termEndStatusLines(app, speech, group),
    ...planStatusLines(app, speech, group),
    ...assignmentStatusLines(app, speech, group),
    ...infoRequestStatusLines(app, speech, group),
  ];
}
