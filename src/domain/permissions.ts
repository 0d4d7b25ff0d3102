/**
 * Who may do what. Every button press and command that changes the group's records asks here;
 * nothing a client sends is trusted.
 */
import { and, eq } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { signatures } from "../db/schema.js";
import { appointerOffice, appointersOf } from "./appointers.js";
import { activeMembership } from "./members.js";
import type { GroupId, Member, MemberId, ProtocolId, UserId } from "./types.js";

/** To whom a recommendation is addressed: one of the two offices, or someone else named. */
type RecommendationAddressee = "head" | "chair" | "other";

/** Chat statuses Telegram reports for the people who run a chat. */
const CHAT_ADMIN_STATUSES = new Set(["creator", "administrator"]);

/** /setup: an administrator of the Telegram chat, or a superadmin of this deployment. */
export function maySetUpGroup(chatMemberStatus: string | undefined, isSuperadmin: boolean): boolean {
  return isSuperadmin || (chatMemberStatus !== undefined && CHAT_ADMIN_STATUSES.has(chatMemberStatus));
}

export function isAppointer(db: Db, group: GroupId, user: UserId): boolean {
  return appointerOffice(db, group, user) !== undefined;
}

export function isLeader(db: Db, group: GroupId, user: UserId): boolean {
  return activeMembership(db, group, user)?.isLeader ?? false;
}

/** An appointer names the holder of the other office (head or council chair). */
export function mayAddAppointer(db: Db, group: GroupId, user: UserId): boolean {
  return isAppointer(db, group, user);
}

/** Membership requests are decided by an appointer or the leader. */
export function mayDecideRequests(db: Db, group: GroupId, user: UserId): boolean {
  return isAppointer(db, group, user) || isLeader(db, group, user);
}

/** The statute: the leader is appointed by the ayil okmotu head or the council chair. */
export function mayAppointLeader(db: Db, group: GroupId, user: UserId): boolean {
  return isAppointer(db, group, user);
}

/** Members and appointers may see everything about the group (the statute's right to information). */
export function maySeeGroup(db: Db, group: GroupId, user: UserId): boolean {
  return isAppointer(db, group, user) || activeMembership(db, group, user) !== undefined;
}

/** Meetings are scheduled, moved, cancelled and their attendance recorded by the leader. */
export function mayManageMeetings(db: Db, group: GroupId, user: UserId): boolean {
  return isLeader(db, group, user);
}

/** The leader drafts and revises protocols and puts them to the vote. */
export function mayDraftProtocol(db: Db, group: GroupId, user: UserId): boolean {
  return isLeader(db, group, user);
}

/** The statute's right to express wishes, doubts and conclusions: every member may comment. */
export function mayComment(db: Db, group: GroupId, user: UserId): boolean {
  return activeMembership(db, group, user) !== undefined;
}

/**
 * Who may vote in a round: an active member of the group who was already a member when the
 * vote opened (the voters are listed at opening, so the quorum cannot move under the vote).
 * The caller reads both facts in one query, as a busy vote needs.
 */
export function voterRefusal(voter: { activeMember: boolean; listed: boolean }): "not-member" | "not-eligible" | undefined {
  if (!voter.activeMember) return "not-member";
  return voter.listed ? undefined : "not-eligible";
}

/** Why a member signs a protocol: as the leader, or as one who attended the meeting. */
export type SignerRole = "leader" | "attendee";

/**
 * The statute: the protocol is signed by the group's leader and by each member who attended
 * its meeting (the leader who attended signs once, as the leader).
 */
export function requiredSigners(leader: MemberId | undefined, attendees: readonly MemberId[]): Map<MemberId, SignerRole> {
  const signers = new Map<MemberId, SignerRole>();
  if (leader !== undefined) signers.set(leader, "leader");
  for (const attendee of attendees) if (!signers.has(attendee)) signers.set(attendee, "attendee");
  return signers;
}

/** The statute: the protocol is signed by the leader and the members who attended. */
export function maySign(db: Db, group: GroupId, protocol: ProtocolId, user: UserId): Member | undefined {
  const member = activeMembership(db, group, user);
  if (!member) return undefined;
  const required = db
    .select({ id: signatures.memberId })
    .from(signatures)
    .where(and(eq(signatures.protocolId, protocol), eq(signatures.memberId, member.id)))
    .get();
  return required ? member : undefined;
}

/** The leader manages the list of services the group monitors. */
export function mayManageServices(db: Db, group: GroupId, user: UserId): boolean {
  return isLeader(db, group, user);
}

/** Observations are recorded by the group's active members. */
export function mayRecordObservations(db: Db, group: GroupId, user: UserId): boolean {
  return activeMembership(db, group, user) !== undefined;
}

/** An observation is corrected or withdrawn by its author while they are a member. */
export function mayChangeObservation(db: Db, observation: { groupId: GroupId; userId: UserId }, user: UserId): boolean {
  return observation.userId === user && mayRecordObservations(db, observation.groupId, user);
}

/** The leader records the group's work plan; an appointer approves it. */
export function mayRecordPlan(db: Db, group: GroupId, user: UserId): boolean {
  return isLeader(db, group, user);
}

export function mayApprovePlan(db: Db, group: GroupId, user: UserId): boolean {
  return isAppointer(db, group, user);
}

/** The term is ended by those who set the group up: the ayil okmotu head or the council chair. */
export function mayEndTerm(db: Db, group: GroupId, user: UserId): boolean {
  return isAppointer(db, group, user);
}

/** The statute: members carry out the leader's instructions and report to the leader. */
export function mayGiveAssignments(db: Db, group: GroupId, user: UserId): boolean {
  return isLeader(db, group, user);
}

/** The leader records the group's requests for information and their answers. */
export function mayRecordInfoRequests(db: Db, group: GroupId, user: UserId): boolean {
  return isLeader(db, group, user);
}

/** An answer is recorded by the leader, or by the head when the request is addressed to the head. */
export function mayAnswerInfoRequest(db: Db, group: GroupId, addressee: "head" | "provider", user: UserId): boolean {
  return isLeader(db, group, user) || (addressee === "head" && appointerOffice(db, group, user) === "head");
}

/**
 * A recommendation's status records its addressee's answer. An appointer records it for what
 * is addressed to their own office; the leader records it for every other addressee, and for an
 * office nobody holds in the bot (else no one could).
 */
export function mayChangeRecommendation(db: Db, group: GroupId, addressee: RecommendationAddressee, user: UserId): boolean {
  if (addressee !== "other") {
    const office = appointerOffice(db, group, user);
    if (office !== undefined) return office === addressee;
    const held = appointersOf(db, group).some((appointer) => appointer.office === addressee);
    if (held) return false;
  }
  return isLeader(db, group, user);
}

/** The group's language (its chat, its documents) is chosen by its appointers and its leader. */
export function mayChangeGroupLanguage(db: Db, group: GroupId, user: UserId): boolean {
  return isAppointer(db, group, user) || isLeader(db, group, user);
}

/** The leader turns the reminders in the group chat on and off. */
export function maySwitchGroupReminders(db: Db, group: GroupId, user: UserId): boolean {
  return isLeader(db, group, user);
}

/** The leader publishes a report to the group chat and sends it to the appointers. */
export function mayPublishReport(db: Db, group: GroupId, user: UserId): boolean {
  return isLeader(db, group, user);
}

/** The municipality's official names are corrected by an appointer. */
export function mayRenameGroup(db: Db, group: GroupId, user: UserId): boolean {
  return isAppointer(db, group, user);
}

/** Reports are prepared for the appointers and published by the leader; exports are theirs too. */
export function mayExport(db: Db, group: GroupId, user: UserId): boolean {
  return isAppointer(db, group, user) || isLeader(db, group, user);
}
