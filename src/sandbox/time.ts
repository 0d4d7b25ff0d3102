import { isNull, min } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { votes } from "../db/schema.js";
import { atLocalTime, quarterAt, quarterDays } from "../domain/quarters.js";
import type { SandboxClock } from "./clock.js";

export type TimeStep = "hour" | "day" | "quarter" | "vote";

const HOUR = 60 * 60 * 1000;

/** The earliest deadline of a vote still open, if any. */
function nextVoteDeadline(db: Db): Date | undefined {
  const row = db
    .select({ deadline: min(votes.deadline) })
    .from(votes)
    .where(isNull(votes.closedAt))
    .get();
  return row?.deadline ?? undefined;
}

/** Where a step takes the clock: an hour, a day, the quarter's last day at 18:00, a minute past the next vote's deadline. */
export function target(step: TimeStep, now: Date, db: Db): Date {
  switch (step) {
    case "hour":
      return new Date(now.getTime() + HOUR);
    case "day":
      return new Date(now.getTime() + 24 * HOUR);
    case "quarter": {
      const end = atLocalTime(quarterDays(quarterAt(now)).last, 18);
      return end > now ? end : atLocalTime(quarterDays(quarterAt(new Date(now.getTime() + 24 * HOUR))).last, 18);
    }
    case "vote": {
      const deadline = nextVoteDeadline(db);
      return deadline && deadline > now ? new Date(deadline.getTime() + 60_000) : now;
    }
  }
}

/**
 * Moves the clock to `to` an hour at a time, letting the bot do at each hour what it does on
 * its own (close votes, send reminders, flush tally edits): the reminders that fall on the way
 * are sent when they would have been.
 */
export async function travel(clock: SandboxClock, to: Date, tick: () => Promise<void>): Promise<void> {
  while (clock.now() < to) {
    clock.moveTo(new Date(Math.min(to.getTime(), clock.now().getTime() + HOUR)));
    await tick();
  }
}
