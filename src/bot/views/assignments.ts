import { InlineKeyboard } from "grammy";
import { assignmentAcceptData, assignmentDoneData, assignmentReportData, assignmentReturnData } from "../../callbacks/index.js";
import type { Assignment } from "../../domain/assignments.js";
import { serviceById } from "../../domain/services.js";
import type { Group, UserId } from "../../domain/types.js";
import { formatDate } from "../../i18n/dates.js";
import type { Locale } from "../../i18n/locales.js";
import type { App } from "../app.js";
import type { T } from "../speech.js";
import { serviceName } from "./observation-card.js";

/** A list line shows this much of a task; the full text is in the assignee's message. */
const LINE_TASK_LENGTH = 120;
const LISTED = 20;

const short = (text: string) => (text.length > LINE_TASK_LENGTH ? `${text.slice(0, LINE_TASK_LENGTH - 1)}…` : text);

function serviceOf(app: App, t: T, locale: Locale, a: Pick<Assignment, "serviceId">): string {
  const service = a.serviceId === null ? undefined : serviceById(app.db, a.serviceId);
  return service ? serviceName(t, locale, service) : t("assignment-any-service");
}

/** The assignment in full, as the assignee and the leader receive it. */
export function assignmentText(app: App, t: T, locale: Locale, a: Assignment, key: string): string {
  return t(key, { task: a.task, service: serviceOf(app, t, locale, a), date: formatDate(locale, a.dueOn), name: a.assignee });
}

export const memberButtons = (a: Assignment) => (t: T) =>
  new InlineKeyboard()
    .text(t("assignment-accept-button"), assignmentAcceptData.pack({ assignment: a.id }))
    .text(t("assignment-report-button"), assignmentReportData.pack({ assignment: a.id }));

export const leaderButtons = (a: Assignment) => (t: T) =>
  new InlineKeyboard()
    .text(t("assignment-done-button"), assignmentDoneData.pack({ assignment: a.id }))
    .text(t("assignment-return-button"), assignmentReturnData.pack({ assignment: a.id }));

export const reportButton = (a: Assignment) => (t: T) =>
  new InlineKeyboard().text(t("assignment-report-button"), assignmentReportData.pack({ assignment: a.id }));

export function listText(app: App, t: T, locale: Locale, group: Group, list: readonly Assignment[], today: string): string {
  if (list.length === 0) return t("assignments-none", { municipality: group.municipality });
  const lines = list.slice(0, LISTED).map((a, i) =>
    t(a.dueOn < today && a.status !== "reported" ? "assignments-line-overdue" : "assignments-line", {
      n: i + 1,
      name: a.assignee,
      task: short(a.task),
      service: serviceOf(app, t, locale, a),
      date: formatDate(locale, a.dueOn),
      status: t(`assignment-status-${a.status}`),
    }),
  );
  if (list.length > LISTED) lines.push(t("assignments-more", { count: list.length - LISTED }));
  return [t("assignments-title", { municipality: group.municipality }), ...lines].join("\n");
}

/** The buttons a person has on the list: their own steps, and the leader's decisions. */
export function listKeyboard(t: T, list: readonly Assignment[], user: UserId, leader: boolean): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  list.slice(0, LISTED).forEach((a, i) => {
    const n = i + 1;
    if (a.assigneeUser === user && a.status === "given")
      keyboard.text(t("assignment-accept-n", { n }), assignmentAcceptData.pack({ assignment: a.id }));
    if (a.assigneeUser === user && a.status !== "reported")
      keyboard.text(t("assignment-report-n", { n }), assignmentReportData.pack({ assignment: a.id }));
    if (leader && a.status === "reported")
      keyboard
        .text(t("assignment-done-n", { n }), assignmentDoneData.pack({ assignment: a.id }))
        .text(t("assignment-return-n", { n }), assignmentReturnData.pack({ assignment: a.id }));
    keyboard.row();
  });
  return keyboard;
}
