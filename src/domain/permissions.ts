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

/** Who may do a thing in a group: the person's place in it decides. */
export type GroupRule = (db: Db, group: GroupId, user: UserId) => boolean;

export const isAppointer: GroupRule = (db, group, user) => appointerOffice(db, group, user) !== undefined;
export const isLeader: GroupRule = (db, group, user) => activeMembership(db, group, user)?.isLeader ?? false;
const isMember: GroupRule = (db, group, user) => activeMembership(db, group, user) !== undefined;
const either =
  (...rules: GroupRule[]): GroupRule =>
  (db, group, user) =>
    rules.some((rule) => rule(db, group, user));

/** An appointer names the holder of the other office (head or council chair). */
export const mayAddAppointer: GroupRule = isAppointer;

/** Membership requests are decided by an appointer or the leader. */
export const mayDecideRequests: GroupRule = either(isAppointer, isLeader);

/** The statute: the leader is appointed by the ayil okmotu head or the council chair. */
export const mayAppointLeader: GroupRule = isAppointer;

/** Members and appointers may see everything about the group (the statute's right to information). */
export const maySeeGroup: GroupRule = either(isAppointer, isMember);

/** Meetings are scheduled, moved, cancelled and their attendance recorded by the leader. */
export const mayManageMeetings: GroupRule = isLeader;

/** The leader drafts and revises protocols and puts them to the vote. */
export const mayDraftProtocol: GroupRule = isLeader;

/** The statute's right to express wishes, doubts and conclusions: every member may comment. */
export const mayComment: GroupRule = isMember;

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
export const mayManageServices: GroupRule = isLeader;

/** Observations are recorded by the group's active members. */
export const mayRecordObservations: GroupRule = isMember;

/** An observation is corrected or withdrawn by its author while they are a member. */
export function mayChangeObservation(db: Db, observation: { groupId: GroupId; userId: UserId }, user: UserId): boolean {
  return observation.userId === user && mayRecordObservations(db, observation.groupId, user);
}

/** The leader records the group's work plan; an appointer approves it. */
export const mayRecordPlan: GroupRule = isLeader;

export const mayApprovePlan: GroupRule = isAppointer;

/** The term is ended by those who set the group up: the ayil okmotu head or the council chair. */
export const mayEndTerm: GroupRule = isAppointer;

/** The statute: members carry out the leader's instructions and report to the leader. */
export const mayGiveAssignments: GroupRule = isLeader;

/** The leader records the group's requests for information and their answers. */
export const mayRecordInfoRequests: GroupRule = isLeader;

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
export const mayChangeGroupLanguage: GroupRule = either(isAppointer, isLeader);

/** The leader turns the reminders in the group chat on and off. */
export const maySwitchGroupReminders: GroupRule = isLeader;

/** The leader publishes a report to the group chat and sends it to the appointers. */
export const mayPublishReport: GroupRule = isLeader;

/** The municipality's official names are corrected by an appointer. */
export const mayRenameGroup: GroupRule = isAppointer;

/** Reports are prepared for the appointers and published by the leader; exports are theirs too. */
export const mayExport: GroupRule = either(isAppointer, isLeader);
