/**
 * The scheduler over many groups: 10,000 groups with members, leaders, meetings, protocols,
 * open votes and protocols awaiting signatures spread over the year. Reports the time of the
 * first tick after a start (the catch-up), of a tick that finds nothing new, and of one that
 * sends to 1,000 groups, with the peak RSS.
 *
 *   npm run bench:scheduler     (also run at the end of `npm run bench`)
 *
 * Knobs (environment): SCHEDULER_GROUPS (10000), BENCH_FETCH ("turn" or "microtask").
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { createBot } from "../src/bot/create-bot.js";
import { attachReminders } from "../src/reminders.js";
import { closeDatabase, openDatabase, type Database } from "../src/db/client.js";
import type { TickReport } from "../src/scheduler/scheduler.js";
import { benchTelegram, BOT_INFO, DELIVERY, MB, RssSampler, TOKEN, errorLog, random, relaunchWithNursery } from "./measure.js";

const GROUPS = Number(process.env.SCHEDULER_GROUPS ?? 10_000);
const SENDING_GROUPS = Math.min(1000, GROUPS);
const MEMBERS = 5;
const TARGET_NOOP_MS = 20;
const HOUR = 3600_000;
const DAY = 24 * HOUR;

const local = (iso: string) => new Date(`${iso}+06:00`);
/** The moment the bot comes back up: mid-quarter, midday in Bishkek. */
const START = local("2027-05-12T12:00:00");
/** Half an hour later: exactly the first SENDING_GROUPS groups have a meeting in 24 hours. */
const LATER = new Date(START.getTime() + 30 * 60 * 1000);

/**
 * Writes the groups straight into SQLite, in one transaction: going through the bot for
 * 10,000 groups would measure the forms, not the scheduler.
 */
function seed(db: Database): void {
  const sqlite = db.$client;
  const rnd = random(42);
  const at = (ms: number) => Math.floor(ms);
  const yearStart = local("2027-01-01T00:00:00").getTime();
  const insertUser = sqlite.prepare("insert into users (id, first_name, telegram_language) values (?, ?, ?)");
  const insertGroup = sqlite.prepare(
    "insert into groups (id, chat_id, municipality, locale, created_by, created_at) values (?, ?, ?, ?, ?, ?)",
  );
  const insertAppointer = sqlite.prepare(
    "insert into appointers (group_id, user_id, office, added_by, added_at) values (?, ?, 'head', ?, ?)",
  );
  const insertMember = sqlite.prepare(
    "insert into members (id, group_id, user_id, full_name, category, joined_at) values (?, ?, ?, ?, 'resident', ?)",
  );
  const insertLeader = sqlite.prepare(
    "insert into leader_appointments (group_id, member_id, appointed_by, appointed_at) values (?, ?, ?, ?)",
  );
  const insertMeeting = sqlite.prepare(
    "insert into meetings (id, group_id, starts_at, place, created_by, created_at, cancelled_at) values (?, ?, ?, 'Зал', ?, ?, ?)",
  );
  const insertProtocol = sqlite.prepare(
    "insert into protocols (id, group_id, meeting_id, year, number, held_on, place, status, frozen_at, created_by, created_at) values (?, ?, ?, 2027, ?, '2027-01-01', 'Зал', ?, ?, ?, ?)",
  );
  const insertVote = sqlite.prepare("insert into votes (id, protocol_id, opened_by, opened_at, deadline) values (?, ?, ?, ?, ?)");
  const insertVoter = sqlite.prepare("insert into voters (vote_id, member_id) values (?, ?)");
  const insertSigner = sqlite.prepare("insert into signatures (protocol_id, member_id, role) values (?, ?, ?)");
  let meetingId = 0;
  let protocolId = 0;
  sqlite.transaction(() => {
    for (let g = 1; g <= GROUPS; g++) {
      const created = yearStart - 30 * DAY;
      const head = 1_000_000 + g;
      const locale = g % 2 === 0 ? "ky" : "ru";
      insertUser.run(head, `Head ${g}`, locale);
      insertGroup.run(g, -1_000_000_000 - g, `Айыл аймагы ${g}`, locale, head, created);
      insertAppointer.run(g, head, head, created);
      const memberIds: number[] = [];
      for (let m = 0; m < MEMBERS; m++) {
        const user = 10_000_000 + g * 10 + m;
        const member = g * 10 + m;
        insertUser.run(user, `Member ${g}.${m}`, locale);
        insertMember.run(member, g, user, `Member ${g}.${m}`, created);
        memberIds.push(member);
      }
      insertLeader.run(g, memberIds[0], head, created);
      // One meeting a quarter at 15:00–18:00 on a random day; a few cancelled; every third group
      // has not met yet in the second quarter.
      for (let q = 0; q < 4; q++) {
        if (q === 1 && g % 3 === 0) continue;
        const day = yearStart + (q * 91 + Math.floor(rnd() * 85)) * DAY + (15 + Math.floor(rnd() * 4)) * HOUR;
        insertMeeting.run(++meetingId, g, at(day), head, created, rnd() < 0.05 ? created : null);
      }
      // The first groups meet in exactly 24 hours and a half: their day-before reminder falls due at LATER.
      if (g <= SENDING_GROUPS) insertMeeting.run(++meetingId, g, LATER.getTime() + DAY, head, created, null);
      // A protocol for the first quarter: final for most, open for signature or to the vote for some.
      const status = g % 10 === 0 ? "signing" : g % 10 === 1 ? "voting" : "final";
      const frozen = status === "voting" ? null : START.getTime() - 2 * DAY - 3 * HOUR;
      insertProtocol.run(++protocolId, g, meetingId - (g <= SENDING_GROUPS ? 1 : 0), 1, status, frozen, head, created);
      if (status === "signing")
        for (const [i, member] of memberIds.entries()) insertSigner.run(protocolId, member, i === 0 ? "leader" : "attendee");
      if (status === "voting") {
        insertVote.run(protocolId, protocolId, head, START.getTime() - 2 * DAY, START.getTime() + DAY + 6 * HOUR);
        for (const member of memberIds) insertVoter.run(protocolId, member);
      }
    }
  })();
}

async function timed(
  label: string,
  tick: () => Promise<TickReport>,
  rss: RssSampler,
): Promise<{ label: string; ms: number; report: TickReport }> {
  rss.sample();
  const started = performance.now();
  const report = await tick();
  const ms = performance.now() - started;
  rss.sample();
  return { label, ms, report };
}

export async function schedulerScenario(): Promise<void> {
  const rss = new RssSampler();
  const dir = mkdtempSync(join(tmpdir(), "mg-scheduler-"));
  const db = openDatabase(join(dir, "bench.sqlite"));
  const tg = benchTelegram();
  const errors = errorLog();
  let now = START;
  const bot = createBot({
    token: TOKEN,
    db,
    logger: errors.logger,
    defaultLocale: "ky",
    botInfo: BOT_INFO,
    client: { fetch: tg.fetch },
    clock: { now: () => now },
  });
  try {
    const seeding = performance.now();
    seed(db);
    const seeded = performance.now() - seeding;
    const scheduler = attachReminders(bot);
    const rows = [await timed("first tick after a start (catch-up)", () => scheduler.tick(), rss)];
    const noops: number[] = [];
    for (let i = 0; i < 5; i++) noops.push((await timed("nothing new", () => scheduler.tick(), rss)).ms);
    const inOrder = [...noops];
    noops.sort((x, y) => x - y);
    now = LATER;
    rows.push(await timed(`meetings of ${SENDING_GROUPS} groups tomorrow`, () => scheduler.tick(), rss));
    const peak = rss.stop();

    console.log(
      `Scheduler: ${GROUPS} groups × ${MEMBERS} members, seeded in ${(seeded / 1000).toFixed(1)} s; fake Bot API answering ${DELIVERY === "turn" ? "on the next event-loop turn" : "at once"}`,
    );
    console.log("tick                                     ms    due   sent");
    for (const { label, ms, report } of rows) {
      console.log(`${label.padEnd(38)} ${ms.toFixed(1).padStart(7)} ${String(report.due).padStart(6)} ${String(report.sent).padStart(6)}`);
    }
    const median = noops[Math.floor(noops.length / 2)] ?? 0;
    console.log(
      `tick that finds nothing new: median ${median.toFixed(1)} ms, best ${noops[0]?.toFixed(1)} ms, worst ${noops[noops.length - 1]?.toFixed(1)} ms of ${noops.length}` +
        ` (target under ${TARGET_NOOP_MS} ms: ${median < TARGET_NOOP_MS ? "met" : "NOT met"}); in order: ${inOrder.map((ms) => ms.toFixed(1)).join(", ")} ms`,
    );
    console.log(`peak RSS ${(peak / MB).toFixed(0)} MB`);
    if (errors.lines > 0) console.log(`WARNING: ${errors.lines} error log line(s), e.g. ${errors.samples.join(" | ")}`);
  } finally {
    await bot.background.stop();
    closeDatabase(db);
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  relaunchWithNursery();
  await schedulerScenario();
}
