import type { ReminderRule } from "../reminder.js";

/** Every reminder the bot sends on its own, in the order a tick sends them. */
export const ALL_RULES: readonly ReminderRule[] = [];
