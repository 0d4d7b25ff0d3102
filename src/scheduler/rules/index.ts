import type { ReminderRule } from "../reminder.js";
import { assignmentDue, assignmentOverdue } from "./assignments.js";
import { meetingSoon } from "./meetings.js";
import { quarterEnd, quarterStart } from "./quarter.js";
import { recommendationsOverdue } from "./recommendations.js";
import { signaturesDue } from "./signatures.js";
import { voteClosing } from "./votes.js";

/** Every reminder the bot sends on its own, in the order a tick sends them. */
export const ALL_RULES: readonly ReminderRule[] = [
  meetingSoon,
  voteClosing,
  signaturesDue,
  quarterStart,
  quarterEnd,
  assignmentDue,
  assignmentOverdue,
  recommendationsOverdue,
];
