/**
 * The vote storm: many groups voting on their protocols at once, every member voting and
 * changing their vote, then the last member of each group completing the round, which closes
 * it, freezes the protocol and opens it for signature.
 *
 *   npm run bench:votes        (also run at the end of `npm run bench`)
 *
 * Knobs (environment): VOTE_GROUPS (500), VOTE_MEMBERS (7 per group), VOTE_CHANGES (2 changes
 * per member), BENCH_CONCURRENCY (64), BENCH_FETCH ("turn" or "microtask").
 */
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Chat, Message, Update, User } from "grammy/types";
import { createBot } from "../src/bot/create-bot.js";
import { closeDatabase, openDatabase, type Database } from "../src/db/client.js";
import { oneName, registerGroup } from "../src/domain/groups.js";
import { appointLeader } from "../src/domain/leadership.js";
import { finishAttendance, scheduleMeeting, toggleAttendance } from "../src/domain/meetings.js";
import { createDraft } from "../src/domain/protocols.js";
import { decideRequest, requestMembership } from "../src/domain/requests.js";
import { chatId, userId, voteId, type GroupId, type MemberId, type UserId, type VoteId } from "../src/domain/types.js";
import { rememberUser } from "../src/domain/users.js";
import { openVote, setVoteMessage } from "../src/domain/votes.js";
import {
  BOT_INFO,
  BOT_USER,
  CONCURRENCY,
  DELIVERY,
  MB,
  RssSampler,
  TOKEN,
  combine,
  drive,
  errorLog,
  figures,
  interleave,
  press,
  random,
  relaunchWithNursery,
  table,
  benchTelegram,
} from "./measure.js";
import { ballotData } from "../src/callbacks/index.js";

const GROUPS = Number(process.env.VOTE_GROUPS ?? 500);
const MEMBERS = Math.max(5, Number(process.env.VOTE_MEMBERS ?? 7));
const CHANGES = Number(process.env.VOTE_CHANGES ?? 2);
const TARGET_PER_SECOND = 3000;
const HOUR = 3600_000;

interface Storm {
  chat: Chat;
  people: User[];
  vote: VoteId;
  message: Message;
}

/**
 * Seeds each group through the domain rules, as the earlier steps would have left it: five or
 * more members, a leader, a held meeting with its attendance, a draft, and its vote open.
 */
function seed(db: Database, g: number): Storm {
  const now = new Date();
  const long = new Date(now.getTime() - 3 * HOUR);
  const chat = { id: -1003000000000 - g, type: "supergroup", title: `Айыл аймагы ${g + 1}` } as Chat;
  const head = userId(6_000_000 + g);
  rememberUser(db, { id: head, first_name: "Башчы" });
  const registered = registerGroup(db, {
    chatId: chatId(chat.id),
    names: oneName(`Айыл аймагы №${g + 1}`),
    locale: g % 2 ? "ru" : "ky",
    termEndsOn: null,
    by: head,
    office: "head",
    now: long,
  });
  if (!registered.ok) throw new Error(registered.reason);
  const group: GroupId = registered.group.id;
  const people: User[] = [];
  const memberIds: MemberId[] = [];
  for (let i = 0; i < MEMBERS; i++) {
    const user: User = { id: 20_000_000 + g * 100 + i, is_bot: false, first_name: `Мүчө ${i + 1}`, language_code: i % 2 ? "ru" : "ky" };
    rememberUser(db, user);
    const filed = requestMembership(db, {
      group,
      user: user.id as UserId,
      fullName: `Мүчө ${g}-${i + 1}`,
      category: "resident",
      now: long,
    });
    if (!filed.ok) throw new Error(filed.reason);
    const decided = decideRequest(db, { request: filed.request.id, by: head, approve: true, now: long });
    if (!decided.ok || !decided.member) throw new Error("not approved");
    people.push(user);
    memberIds.push(decided.member);
  }
  appointLeader(db, { group, member: memberIds[0]!, by: head, now: long });
  const leader = people[0]!.id as UserId;
  const meeting = scheduleMeeting(db, {
    group,
    by: leader,
    startsAt: new Date(long.getTime() + HOUR),
    place: "Айыл өкмөтү",
    agenda: ["Суу", "Жарык"],
    now: long,
  });
  if (!meeting.ok) throw new Error(meeting.reason);
  const held = new Date(long.getTime() + 2 * HOUR);
  for (const member of memberIds.slice(0, 4)) toggleAttendance(db, { meeting: meeting.meeting.id, member, by: leader, now: held });
  finishAttendance(db, { meeting: meeting.meeting.id, by: leader, now: held });
  const draft = createDraft(db, {
    meeting: meeting.meeting.id,
    by: leader,
    items: [
      { title: "Суу", discussed: "Суу түтүгү", decided: "Оңдоо" },
      { title: "Жарык", discussed: "Көчө жарыгы", decided: "Чырак орнотуу" },
    ],
    recommendations: [{ text: "Түтүктү алмаштыруу", addressee: "head", addresseeName: null, dueOn: "2030-01-01" }],
    now: held,
  });
  if (!draft.ok) throw new Error(draft.reason);
  const opened = openVote(db, { protocol: draft.protocol.id, by: leader, now });
  if (!opened.ok) throw new Error(opened.reason);
  const message = { message_id: 500 + g, date: Math.floor(now.getTime() / 1000), chat, from: BOT_USER, text: "🗳" } as Message;
  setVoteMessage(db, opened.vote.id, message.message_id);
  return { chat, people, vote: opened.vote.id, message };
}

const CHOICES = ["for", "against", "abstain"] as const;

/** Everyone but the last member of each group votes, then changes their vote, ending on "for". */
function stormPhase(storms: Storm[], rnd: () => number): Update[] {
  const streams = storms.flatMap(({ chat, people, vote, message }) =>
    people.slice(0, -1).map((person, i) => {
      const changes = Array.from({ length: CHANGES }, (_, c) => CHOICES[(i + c + 1) % CHOICES.length]!);
      return [...changes, "for" as const].map((choice) => press(person, chat, ballotData.pack({ vote: voteId(vote), choice }), message));
    }),
  );
  return interleave(streams, rnd);
}

/** The last member of each group votes: the round is complete, closes, and the protocol is frozen. */
function closingPhase(storms: Storm[], rnd: () => number): Update[] {
  return interleave(
    storms.map(({ chat, people, vote, message }) => [
      press(people[people.length - 1]!, chat, ballotData.pack({ vote: voteId(vote), choice: "for" }), message),
    ]),
    rnd,
  );
}

export async function voteStorm(): Promise<{ perSecond: number; p99: number }> {
  const dir = mkdtempSync(join(tmpdir(), "mg-votes-"));
  const db = openDatabase(join(dir, "votes.sqlite"));
  const tg = benchTelegram();
  const errors = errorLog();
  const bot = createBot({ token: TOKEN, db, logger: errors.logger, defaultLocale: "ky", botInfo: BOT_INFO, client: { fetch: tg.fetch } });
  const rss = new RssSampler();
  try {
    const seeding = performance.now();
    const storms = db.transaction(() => Array.from({ length: GROUPS }, (_, g) => seed(db, g)));
    const seededMs = performance.now() - seeding;
    const rnd = random(20261124);
    const storm = await drive("vote storm: vote and change", bot, stormPhase(storms, rnd), tg, rss);
    const closing = await drive("vote storm: last votes close", bot, closingPhase(storms, rnd), tg, rss);
    const all = combine("vote storm, all", [storm, closing]);
    rss.stop();

    const one = (sql: string) => (db.$client.prepare(sql).get() as { n: number }).n;
    const ballots = one("select count(*) n from ballots");
    const extra = one("select count(*) n from (select vote_id, member_id, count(*) c from ballots group by 1, 2 having c > 1)");
    const adopted = one("select count(*) n from votes where outcome = 'adopted'");
    const signing = one("select count(*) n from protocols where status = 'signing' and hash is not null");
    const f = figures(all);
    console.log(
      `Vote storm: ${GROUPS} groups × ${MEMBERS} members, each voting and changing ${CHANGES} times, ${CONCURRENCY} updates in flight, ` +
        `fake Bot API answering ${DELIVERY === "turn" ? "on the next event-loop turn" : "at once (microtask)"}; seeded in ${(seededMs / 1000).toFixed(1)} s`,
    );
    console.log(`Node ${process.version}, ${cpus().length} CPU(s)`);
    console.log("");
    console.log(table([storm, closing, all]));
    console.log("");
    console.log(
      `throughput ${f.perSecond.toFixed(0)} updates/s (target ${TARGET_PER_SECOND}), p99 ${f.p99.toFixed(2)} ms; ` +
        `peak RSS ${(all.peakRss / MB).toFixed(0)} MB; API calls by method: ${[...tg.counts]
          .sort((a, b) => b[1] - a[1])
          .map(([m, n]) => `${m} ${n}`)
          .join(", ")}`,
    );
    console.log(
      `recorded: ${ballots} ballots (expected ${GROUPS * MEMBERS}), ${extra} doubled, ${adopted} rounds adopted, ${signing} protocols frozen for signature`,
    );
    const warnings: string[] = [];
    if (ballots !== GROUPS * MEMBERS || extra > 0) warnings.push("ballots do not add up to one per member");
    if (adopted !== GROUPS || signing !== GROUPS) warnings.push(`${adopted} adopted / ${signing} frozen, expected ${GROUPS}`);
    if (errors.lines > 0) warnings.push(`${errors.lines} error log line(s), e.g. ${errors.samples.join(" | ")}`);
    if (all.thrown > 0) warnings.push(`${all.thrown} update(s) escaped the error boundaries`);
    if (f.perSecond < TARGET_PER_SECOND) warnings.push(`throughput below the target of ${TARGET_PER_SECOND} updates/s`);
    for (const warning of warnings) console.log(`WARNING: ${warning}`);
    return { perSecond: f.perSecond, p99: f.p99 };
  } finally {
    bot.background.stop();
    rss.stop();
    closeDatabase(db);
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  relaunchWithNursery();
  await voteStorm();
}
