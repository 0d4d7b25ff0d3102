import type { GroupId, ServiceId } from "../domain/types.js";
import { GROUP_CHAT_KINDS } from "../scheduler/reminder.js";
import { callbackData, id, oneOf, shaped } from "./data.js";

/** The leader switches one of the group chat's reminders. */
export const reminderToggleData = callbackData("rem", { group: id<GroupId>(), kind: oneOf(GROUP_CHAT_KINDS) });
/** A person mutes (1) or unmutes (0) their own reminders. */
export const muteData = callbackData("mute", { muted: oneOf([0, 1]) });
/** The leader retires (`ret`) or restores (`res`) a service. */
export const serviceToggleData = callbackData("sv", { action: oneOf(["ret", "res"]), service: id<ServiceId>() });
/** The leader adds a service to a group (`add`, group id) or renames one (`ren`, service id). */
export const serviceFormData = callbackData("sv", { action: oneOf(["add", "ren"]), id: id() });
/** The leader records the work plan of a group. */
export const planRecordData = callbackData("pln", { group: id<GroupId>() });
/** An appointer approves a work plan. */
export const planApproveData = callbackData("pla", { group: id<GroupId>(), plan: id() });
/** An appointer answers whether a group without a set term has done its work. */
export const termDoneData = callbackData("twd", { group: id<GroupId>(), answer: oneOf(["y", "n"]) });
/** The leader publishes (`pub`) a report in the group or sends (`app`) it to the appointers. */
export const reportData = callbackData("rpt", {
  action: oneOf(["pub", "app"]),
  group: id<GroupId>(),
  period: shaped("\\d{4}(?:-Q[1-4])?", ["9999-Q4"], (raw) => (/^\d{4}(?:-Q[1-4])?$/.test(raw) ? raw : undefined)),
});
/** Answer an information request. */
export const infoAnswerData = callbackData("ira", { request: id() });
