import type { MonitoringBot } from "./bot/create-bot.js";
import { reminderNotifier } from "./bot/reminder-delivery.js";
import type { ReminderRule } from "./scheduler/reminder.js";
import { ALL_RULES } from "./scheduler/rules/index.js";
import { createScheduler, type Scheduler } from "./scheduler/scheduler.js";

/**
 * The reminders, put together beside the bot: the scheduler decides what is due and the bot's
 * notices send it; the bot's background tick runs it.
 */
export function attachReminders(bot: MonitoringBot, rules: readonly ReminderRule[] = ALL_RULES): Scheduler {
  const app = bot.background.app;
  const scheduler = createScheduler(
    { db: app.db, clock: app.clock, logger: app.logger, pacer: app.pacer, notifier: reminderNotifier(app) },
    rules,
  );
  bot.background.sendReminders(scheduler);
  return scheduler;
}
