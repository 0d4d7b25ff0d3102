import { assignmentById, type Assignment } from "../../domain/assignments.js";
import { currentLeader } from "../../domain/leadership.js";
import type { App } from "../app.js";
import { bestEffort } from "../errors.js";
import { notifyPerson } from "../notify.js";
import { assignmentText, leaderButtons, memberButtons, reportButton } from "../views/assignments.js";

/** New assignments: each assignee receives theirs in private, with the buttons to accept and report. */
export async function sendAssignments(app: App, ids: readonly number[]): Promise<void> {
  for (const id of ids) {
    const a = assignmentById(app.db, id);
    if (a)
      await notifyPerson(
        app,
        a.assigneeUser,
        { text: (t, l) => assignmentText(app, t, l, a, "assignment-to-member"), keyboard: memberButtons(a) },
        a.groupId,
      );
  }
}

/** An assignment accepted: the leader is told. */
export async function tellLeaderAccepted(app: App, a: Assignment): Promise<void> {
  const leader = currentLeader(app.db, a.groupId);
  if (leader)
    await notifyPerson(app, leader.userId, { text: (t, l) => assignmentText(app, t, l, a, "assignment-accepted-to-leader") }, a.groupId);
}

/** An assignment reported: the leader receives the report with the buttons to decide, then its photos. */
export async function sendReportToLeader(app: App, a: Assignment, photos: readonly string[], observations: number): Promise<void> {
  const leader = currentLeader(app.db, a.groupId);
  if (!leader) return;
  await notifyPerson(
    app,
    leader.userId,
    {
      text: (t, l) =>
        `${assignmentText(app, t, l, a, "assignment-reported")}\n${t("assignment-attached", { photos: photos.length, observations })}`,
      keyboard: leaderButtons(a),
    },
    a.groupId,
  );
  for (const photo of photos) await bestEffort(app.logger, "report photo not sent", app.api.sendPhoto(leader.userId, photo));
}

/** The leader's decision on a report: the assignee learns it is done, or returned with the button to report again. */
export async function tellAssigneeDecided(app: App, a: Assignment, done: boolean): Promise<void> {
  await notifyPerson(
    app,
    a.assigneeUser,
    {
      text: (t, l) => assignmentText(app, t, l, a, done ? "assignment-done-to-member" : "assignment-returned-to-member"),
      keyboard: done ? undefined : reportButton(a),
    },
    a.groupId,
  );
}
