import type { Group, Member } from "../../domain/types.js";
import type { App } from "../app.js";
import { notifyGroup, notifyPerson, officials } from "../notify.js";

/** A leader appointed: the group chat is told, then the new leader in private. */
export async function announceLeader(app: App, group: Group, leader: Member): Promise<void> {
  const name = leader.fullName;
  await notifyGroup(app, group, { text: (t) => t("leader-appointed", { name, municipality: group.municipality }) });
  await notifyPerson(app, leader.userId, { text: (t) => t("leader-appointed-you", { municipality: group.municipality }) }, group.id);
}

/** The leader left: the appointers are told in private that the group needs a new one. */
export async function tellLeaderLeft(app: App, group: Group, name: string): Promise<void> {
  for (const person of officials(app, group, false)) {
    await notifyPerson(app, person, { text: (t) => t("leader-left-appointer", { name, municipality: group.municipality }) });
  }
}
