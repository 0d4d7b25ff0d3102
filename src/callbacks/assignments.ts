import { callbackData, id } from "./data.js";

/** The member accepts an assignment. */
export const assignmentAcceptData = callbackData("asa", { assignment: id() });
/** The member reports on it. */
export const assignmentReportData = callbackData("asr", { assignment: id() });
/** The leader marks a report done. */
export const assignmentDoneData = callbackData("asd", { assignment: id() });
/** The leader sends it back. */
export const assignmentReturnData = callbackData("asb", { assignment: id() });
