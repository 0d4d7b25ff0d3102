import { countActiveMembers } from "../../domain/members.js";
import type { Group, Member } from "../../domain/types.js";
import type { App } from "../app.js";
import { notifyGroup } from "../notify.js";
import { compositionText } from "../views/composition.js";

/** A member left: the group chat is told who (and that it has no leader now, if so) and its new composition. */
export async function announceLeaving(app: App, group: Group, member: Member): Promise<void> {
  const count = countActiveMembers(app.db, group.id);
  const name = member.fullName;
  await notifyGroup(app, group, {
    text: (t) =>
      [t("member-left", { name }), member.isLeader ? t("leader-left") : undefined, compositionText(t, count)].filter(Boolean).join("\n"),
  });
}
