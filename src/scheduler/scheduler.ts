import type { Logger } from "pino";
import type { Clock } from "../clock.js";
import type { Db } from "../db/client.js";
import type { Pacer } from "../delivery/pacer.js";
import { localHour } from "../domain/quarters.js";
import { claim, claimedKeys, disabledGroupKinds, isMuted, release, releaseStale, settle, type Outcome } from "./ledger.js";
import type { Notifier } from "./notifier.js";
import type { Reminder, ReminderRule } from "./reminder.js";

/** The statute's community is asleep from 21:00 to 09:00: what falls due then waits for 09:00. */
export const QUIET_FROM_HOUR = 21;
export const QUIET_UNTIL_HOUR = 9;

/** A claim older than this with no outcome was cut short by a crash (a send takes seconds at most). */
export const STALE_CLAIM_MS = 5 * 60 * 1000;

export function isQuietTime(now: Date): boolean {
  const hour = localHour(now);
  return hour >= QUIET_FROM_HOUR || hour < QUIET_UNTIL_HOUR;
}

export interface TickReport {
  due: number;
  sent: number;
  unreachable: number;
  failed: number;
  retried: number;
}

/** What the scheduler works with: the ledger's database, the time, the pace of sending, and where to send. */
export interface SchedulerDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  pacer: Pacer;
  notifier: Notifier;
}

export interface Scheduler {
  /** One pass: find what is due and not yet sent, and send it, one message after another. */
  tick(): Promise<TickReport>;
}

function wanted(app: SchedulerDeps, reminder: Reminder, disabled: Map<number, Set<string>>): boolean {
  if ("user" in reminder.to) return !isMuted(app.db, reminder.to.user);
  let kinds = disabled.get(reminder.groupId);
  if (!kinds) disabled.set(reminder.groupId, (kinds = disabledGroupKinds(app.db, reminder.groupId)));
  return !kinds.has(reminder.kind);
}

/** What became of one reminder: its ledger outcome, "retry" next tick, or "taken" by another process. */
/** A group chat is always reachable: a failure throws. */
async function sentToGroup(
  app: SchedulerDeps,
  group: Parameters<Notifier["toGroup"]>[0],
  notice: Parameters<Notifier["toGroup"]>[1],
): Promise<true> {
  await app.notifier.toGroup(group, notice);
  return true;
}

async function deliver(app: SchedulerDeps, reminder: Reminder): Promise<Outcome | "retry" | "taken"> {
  const to = reminder.to;
  const chatId = "user" in to ? to.user : to.group.chatId;
  if (!claim(app.db, reminder, chatId, app.clock.now())) return "taken";
  try {
    await app.pacer.slot(chatId);
    const delivered =
      "user" in to
        ? await app.notifier.toPerson(to.user, reminder.message, reminder.groupId)
        : await sentToGroup(app, to.group, reminder.message);
    const outcome: Outcome = delivered ? "sent" : "unreachable";
    settle(app.db, reminder.key, outcome);
    return outcome;
  } catch (error) {
    const failure = app.notifier.failure(error);
    app.logger.warn({ key: reminder.key, err: error }, failure === "retry" ? "reminder not sent, will retry" : "reminder refused");
    if (failure === "retry") {
      release(app.db, reminder.key);
      return "retry";
    }
    settle(app.db, reminder.key, failure);
    return failure;
  }
}

export function createScheduler(app: SchedulerDeps, rules: readonly ReminderRule[]): Scheduler {
  let running: Promise<TickReport> | undefined;
  // Keys found claimed at the last tick. The ledger stays the judge (a claim is an insert that
  // fails when the key is there); this only spares asking it again about the same reminders,
  // which stay due for days. It holds what was due at the last tick, no more.
  let known = new Set<string>();

  async function pass(): Promise<TickReport> {
    const report: TickReport = { due: 0, sent: 0, unreachable: 0, failed: 0, retried: 0 };
    const now = app.clock.now();
    if (isQuietTime(now)) return report;
    for (const key of releaseStale(app.db, new Date(now.getTime() - STALE_CLAIM_MS))) known.delete(key);
    const at = { db: app.db, now };
    const due = rules.flatMap((rule) => rule(at));
    const asked = claimedKeys(
      app.db,
      due.filter((reminder) => !known.has(reminder.key)).map((reminder) => reminder.key),
    );
    const claimed = new Set(due.filter((reminder) => known.has(reminder.key) || asked.has(reminder.key)).map((reminder) => reminder.key));
    const disabled = new Map<number, Set<string>>();
    const fresh = due.filter((reminder) => !claimed.has(reminder.key) && wanted(app, reminder, disabled));
    report.due = fresh.length;
    // One after another: a batch never bursts past Telegram's rates, and one failing chat
    // does not stop the rest.
    for (const reminder of fresh) {
      const outcome = await deliver(app, reminder);
      if (outcome === "retry") report.retried++;
      else if (outcome === "taken") claimed.add(reminder.key);
      else {
        report[outcome]++;
        claimed.add(reminder.key);
      }
    }
    known = claimed;
    if (report.due > 0) app.logger.info({ ...report }, "reminders sent");
    return report;
  }

  return {
    tick() {
      running ??= pass().finally(() => (running = undefined));
      return running;
    },
  };
}
