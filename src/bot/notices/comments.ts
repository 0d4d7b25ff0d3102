import { currentLeader } from "../../domain/leadership.js";
import type { GroupId, UserId } from "../../domain/types.js";
import type { App } from "../app.js";
import { notifyPerson } from "../notify.js";

/** A comment on a protocol: the leader reads it in private, unless the comment is theirs. */
export async function tellLeaderCommented(app: App, group: GroupId, by: UserId, number: string, text: string): Promise<void> {
  const leader = currentLeader(app.db, group);
  if (leader && leader.userId !== by) {
    await notifyPerson(app, leader.userId, { text: (t) => t("comment-to-leader", { number, text }) });
  }
}
