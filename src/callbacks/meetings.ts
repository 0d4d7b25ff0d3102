import type { MeetingId, MemberId } from "../domain/types.js";
import { callbackData, id, literal, oneOf } from "./data.js";

/** "I will come" (`y`) / "I can't come" (`n`) on a meeting's announcement. */
export const rsvpData = callbackData("rsvp", { meeting: id<MeetingId>(), answer: oneOf(["y", "n"]) });
/** The leader reschedules (`r`), asks to cancel (`c`) or confirms cancelling (`cy`) a meeting. */
export const manageMeetingData = callbackData("mm", { meeting: id<MeetingId>(), action: oneOf(["r", "c", "cy"]) });
/** The attendance list: open it, tick a person, or finish it. */
export const attendanceOpenData = callbackData("att", { meeting: id<MeetingId>(), action: literal("open") });
export const attendanceMarkData = callbackData("att", { meeting: id<MeetingId>(), member: id<MemberId>() });
export const attendanceDoneData = callbackData("att", { meeting: id<MeetingId>(), action: literal("done") });
