import type { GroupId, MemberId, RequestId, UserId } from "../domain/types.js";
import { callbackData, id, oneOf, shaped } from "./data.js";

/** Approve (`a`) or refuse (`r`) a membership request. */
export const requestData = callbackData("req", { request: id<RequestId>(), decision: oneOf(["a", "r"]) });
/** Ask to join this group (for the person who may join several). */
export const joinData = callbackData("join", { group: id<GroupId>() });
/** An appointer names this member the group's leader. */
export const appointData = callbackData("appoint", { group: id<GroupId>(), member: id<MemberId>() });
/** The person named confirms (`y`) or keeps (`n`) their membership. */
export const leaveData = callbackData("leave", { group: id<GroupId>(), user: id<UserId>(), answer: oneOf(["y", "n"]) });
/** Telegram's command names: 1–32 of a–z, 0–9 and _. */
const command = shaped("[a-z0-9_]{1,32}", ["x".repeat(32)], (raw) => (/^[a-z0-9_]{1,32}$/.test(raw) ? raw : undefined));
/** Which group a command is about, for the person in several. */
export const pickGroupData = callbackData("pick", { command, group: id<GroupId>() });
