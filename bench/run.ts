/**
 * Throughput and latency of the bot under a realistic membership mix, beside a bare grammY bot
 * doing nothing but answer /start, over the same fake Bot API and the same concurrency, and a
 * floor: the bare bot making as many Bot API calls per update as the mix did.
 *
 *   npm run bench
 *
 * Knobs (environment): BENCH_GROUPS (200), BENCH_PEOPLE (8 per group), BENCH_CONCURRENCY (64),
 * BENCH_FETCH ("turn": the fake Bot API answers on a later event-loop turn, like a socket;
 * "microtask": at once), BENCH_DOCUMENTS (100: 50 protocols and 50 reports rendered beside the mix in its third run). Node runs with a larger young generation (see measure.ts). The vote
 * storm (votes.ts) follows the membership mix.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { count, eq, isNull } from "drizzle-orm";
import type { Chat, Update, User } from "grammy/types";
import { createBot } from "../src/bot/create-bot.js";
import { checkpointInBackground } from "../src/db/checkpoints.js";
import { closeDatabase, openDatabase, type Database } from "../src/db/client.js";
import { conversationStates, groups as groupsTable, members, membershipRequests } from "../src/db/schema.js";
import { groupByChat } from "../src/domain/groups.js";
import { pendingRequests } from "../src/domain/requests.js";
import { CATEGORIES, chatId, groupId, requestId, userId, type GroupId } from "../src/domain/types.js";
import {
  benchTelegram,
  BOT_INFO,
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
  privateChat,
  random,
  relaunchWithNursery,
  say,
  step,
  table,
  type BenchTelegram,
  type Run,
} from "./measure.js";
import { documentFixture, LoopDelay, renderDocuments, type DocumentFixture } from "./documents.js";
import { voteStorm } from "./votes.js";
import { bareRun, floorRun } from "./baselines.js";
import { languageData, leaveData, requestData } from "../src/callbacks/index.js";
import { joinSteps, setupSteps } from "../tests/helpers/scenes.js";

const GROUPS = Number(process.env.BENCH_GROUPS ?? 200);
/** The documents scenario: PDFs rendered (BENCH_DOCUMENTS), beside a mix of this many groups arriving at this rate. */
const DOCUMENTS = Number(process.env.BENCH_DOCUMENTS ?? 100);
const DOCUMENT_GROUPS = Number(process.env.BENCH_DOCUMENT_GROUPS ?? 40);
const PACE = Number(process.env.BENCH_PACE ?? 100);
const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 8);
/** Members (by index in their group) who leave in the last phase; one more changes their mind. */
const LEAVERS = new Set([5, 6].filter((i) => i < PEOPLE));
const expectedActive = (groups: number) => groups * (PEOPLE - LEAVERS.size);

const FIRST = ["Айгүл", "Бакыт", "Гүлнара", "Данияр", "Элмира", "Жылдыз", "Нурлан", "Асел", "Тилек", "Мээрим", "Азамат", "Чолпон"];
const LAST = ["Осмонова", "Токтогулов", "Исаева", "Абдыкадыров", "Жумабаева", "Сатыбалдиев", "Мамбетова", "Урматов"];
const PLACES = ["Мин-Булак", "Кара-Суу", "Ак-Талаа", "Жаңы-Жер", "Көк-Жар", "Тогуз-Булак", "Сары-Камыш", "Бору-Баш"];

interface Scene {
  chat: Chat;
  admin: User;
  people: User[];
  locale: "ky" | "ru";
}

function scene(g: number): Scene {
  const chat = { id: -1002000000000 - g, type: "supergroup", title: `${PLACES[g % PLACES.length]} БМжБ` } as Chat;
  const admin: User = { id: 5_000_000 + g, is_bot: false, first_name: FIRST[g % FIRST.length]!, language_code: g % 3 === 0 ? "ru" : "ky" };
  const people = Array.from(
    { length: PEOPLE },
    (_, i): User => ({
      id: 10_000_000 + g * 100 + i,
      is_bot: false,
      first_name: FIRST[(g + i) % FIRST.length]!,
      ...(i % 3 === 2 ? {} : { language_code: i % 2 === 0 ? "ky" : "ru-RU" }),
    }),
  );
  return { chat, admin, people, locale: g % 4 === 0 ? "ru" : "ky" };
}

/** The administrator answers every step of /setup in the group chat. */
function setupPhase(scenes: Scene[], rnd: () => number): Update[] {
  return interleave(
    scenes.map(({ chat, admin, locale }, g) =>
      setupSteps({
        office: g % 2 === 0 ? "head" : "chair",
        municipality: `${PLACES[g % PLACES.length]} айыл аймагы №${g + 1}`,
        municipalityRu: `${PLACES[g % PLACES.length]}ский айылный аймак №${g + 1}`,
        area: g % 3 === 0 ? "Ала-Бука району, Жалал-Абад облусу\nАла-Букинский район, Джалал-Абадская область" : "-",
        locale,
        term: g % 5 === 0 ? "31.12.2030" : "-",
      }).map((s) => step(admin, chat, s)),
    ),
    rnd,
  );
}

/** Everyone opens the group's deep link and fills the join form; one in each group types too short a name first. */
function joinPhase(scenes: Scene[], ids: GroupId[], rnd: () => number): Update[] {
  const streams = scenes.flatMap(({ people }, g) =>
    people.map((person, i) => {
      const chat = privateChat(person);
      const name = `${person.first_name} ${LAST[(g + i) % LAST.length]}`;
      const steps = joinSteps(ids[g]!, name, CATEGORIES[(g + i) % CATEGORIES.length]);
      if (i === PEOPLE - 1) steps.splice(1, 0, { say: "Ай" });
      return steps.map((s) => step(person, chat, s));
    }),
  );
  return interleave(streams, rnd);
}

/** Each administrator presses Approve on the notices the bot sent them. */
function approvePhase(
  db: Database,
  tg: BenchTelegram,
  scenes: Scene[],
  ids: GroupId[],
  rnd: () => number,
): { updates: Update[]; missing: number } {
  let missing = 0;
  const streams = scenes.map(({ admin }, g) =>
    pendingRequests(db, ids[g]!).map((request) => {
      const data = requestData.pack({ request: requestId(request.id), decision: "a" });
      const notice = tg.requestNotices.get(data);
      if (!notice) missing++;
      return press(admin, privateChat(admin), data, notice);
    }),
  );
  return { updates: interleave(streams, rnd), missing };
}

/** Reads, language changes, a few departures and some chatter, from everyone at once. */
function readsPhase(scenes: Scene[], ids: GroupId[], rnd: () => number): Update[] {
  const streams: Update[][] = [];
  scenes.forEach(({ chat, admin, people, locale }, g) => {
    const mine = privateChat(admin);
    streams.push([
      say(admin, chat, "/members"),
      say(admin, chat, "/status"),
      say(admin, chat, "/help"),
      say(admin, chat, "/language"),
      press(admin, chat, languageData.pack({ target: `g${ids[g]!}`, locale: g % 8 === 0 ? (locale === "ky" ? "ru" : "ky") : locale })),
    ]);
    streams.push([say(admin, mine, "/members"), say(admin, mine, "/status")]);
    people.forEach((person, i) => {
      const own = privateChat(person);
      const stream = [say(person, own, "/members"), say(person, own, "/status"), say(person, own, "/help")];
      if (i % 2 === 0)
        stream.push(
          say(person, own, "/language"),
          press(person, own, languageData.pack({ target: "me", locale: i % 4 === 0 ? "ru" : "ky" })),
        );
      if (i === 1) stream.push(say(person, own, "Саламатсызбы, жыйын качан болот?"));
      if (i === 3) stream.push(say(person, own, "/vote"));
      if (i === 4)
        stream.push(
          say(person, own, "/leave"),
          press(person, own, leaveData.pack({ group: groupId(ids[g]!), user: userId(person.id), answer: "n" })),
        );
      if (LEAVERS.has(i))
        stream.push(
          say(person, own, "/leave"),
          press(person, own, leaveData.pack({ group: groupId(ids[g]!), user: userId(person.id), answer: "y" })),
        );
      streams.push(stream);
      if (i === 0 || i === 2) streams.push([say(person, chat, "/help"), say(person, chat, "/status")]);
    });
  });
  return interleave(streams, rnd);
}

interface MixOptions {
  groups?: number;
  /** Updates arrive at this rate (as from Telegram), instead of as fast as the bot takes them. */
  ratePerSecond?: number;
  /** PDFs rendered from the start of the mix (bench/documents.ts). */
  documents?: { fixture: DocumentFixture; count: number };
  /** The event loop's delay is measured until the rendering ends, or for this long without it. */
  windowMs?: number;
}

/**
 * The membership mix on a fresh database, beside the bare bot, with `concurrency` updates in
 * flight. Returns the event loop's delay over the mix (or over the window of `options`).
 */
async function main(concurrency: number, options: MixOptions = {}): Promise<{ delay: ReturnType<LoopDelay["stop"]>; windowMs: number }> {
  const { groups = GROUPS, ratePerSecond, documents } = options;
  const rss = new RssSampler();
  const rssAtStart = process.memoryUsage.rss();
  const rnd = random(20261124);
  const scenes = Array.from({ length: groups }, (_, g) => scene(g));

  const dir = mkdtempSync(join(tmpdir(), "mg-bench-"));
  const db = openDatabase(join(dir, "bench.sqlite"));
  const tg = benchTelegram();
  for (const { chat, admin } of scenes) tg.chatMemberStatus.set(`${chat.id}:${admin.id}`, "administrator");
  const errors = errorLog();
  const logger = errors.logger;
  // As in production (src/main.ts): checkpoints in their own thread.
  const checkpoints = checkpointInBackground(db, logger);
  const bot = createBot({ token: TOKEN, db, logger, defaultLocale: "ky", botInfo: BOT_INFO, client: { fetch: tg.fetch } });

  try {
    // The baseline first, on a fresh process, so that its peak RSS is its own. It gets as many
    // updates as the mix has; the mix's size does not depend on the ids the bot hands out.
    const placeholders = scenes.map((_, g) => (g + 1) as GroupId);
    const mixSize =
      groups * 7 + joinPhase(scenes, placeholders, random(1)).length + groups * PEOPLE + readsPhase(scenes, placeholders, random(1)).length;
    const bare = await bareRun(mixSize, rss, concurrency, ratePerSecond);

    // Each phase is generated when the one before has run: join links need the group ids setup
    // creates, approvals the request notices the join forms sent.
    const setup = setupPhase(scenes, rnd);

    const loop = new LoopDelay();
    loop.start();
    const mixStarted = performance.now();
    let delay: ReturnType<LoopDelay["stop"]> | undefined;
    let windowMs = 0;
    const closeWindow = () => {
      if (delay) return;
      delay = loop.stop();
      windowMs = performance.now() - mixStarted;
    };
    const rendering = documents && renderDocuments(documents.fixture, documents.count).finally(closeWindow);
    const window = !documents && options.windowMs !== undefined ? setTimeout(closeWindow, options.windowMs) : undefined;
    const phases: Run[] = [];
    const menus = () => bot.menus.idle();
    phases.push(await drive("setup (/setup form)", bot, setup, tg, rss, concurrency, ratePerSecond, menus));
    const ids = scenes.map(({ chat }) => groupByChat(db, chatId(chat.id))?.id);
    const unregistered = ids.filter((id) => id === undefined).length;
    const groupIds = ids.map((id) => id ?? (0 as GroupId));

    const join = joinPhase(scenes, groupIds, rnd);
    phases.push(await drive("join (deep link form)", bot, join, tg, rss, concurrency, ratePerSecond, menus));

    const approve = approvePhase(db, tg, scenes, groupIds, rnd);
    phases.push(await drive("approve (req buttons)", bot, approve.updates, tg, rss, concurrency, ratePerSecond, menus));

    const reads = readsPhase(scenes, groupIds, rnd);
    phases.push(await drive("reads, language, leave", bot, reads, tg, rss, concurrency, ratePerSecond, menus));

    const real = combine("membership mix, all", phases);
    const floor = ratePerSecond ? undefined : await floorRun(real.updates, real.calls / real.updates, rss, concurrency);
    clearTimeout(window);
    const rendered = rendering && (await rendering);
    closeWindow();
    rss.stop();

    // Light checks on what the bot recorded.
    const one = <T>(rows: T[]) => rows[0];
    const active = one(db.select({ n: count() }).from(members).where(isNull(members.leftAt)).all())?.n ?? -1;
    const registered = one(db.select({ n: count() }).from(groupsTable).all())?.n ?? -1;
    const pending = one(db.select({ n: count() }).from(membershipRequests).where(eq(membershipRequests.status, "pending")).all())?.n ?? -1;
    const openForms = one(db.select({ n: count() }).from(conversationStates).all())?.n ?? -1;

    const fr = figures(real);
    const fb = figures(bare);
    console.log(
      `Membership mix: ${groups} groups × ${PEOPLE} people, ${concurrency} update(s) in flight` +
        (ratePerSecond ? `, arriving at ${ratePerSecond} updates/s` : "") +
        `${concurrency === 1 ? " (each update's own latency, nothing queued before it)" : " (latency includes waiting behind the others)"}, ` +
        `fake Bot API answering ${DELIVERY === "turn" ? "on the next event-loop turn" : "at once (microtask)"}`,
    );
    console.log(
      `Node ${process.version}, ${cpus().length} CPU(s), SQLite file in ${tmpdir()}, RSS at start ${(rssAtStart / MB).toFixed(0)} MB`,
    );
    console.log("");
    console.log(table([...phases, real, bare, ...(floor ? [floor] : [])]));
    console.log("");
    console.log(
      `real / bare: throughput ${(fr.perSecond / fb.perSecond).toFixed(3)}× (${fr.perSecond.toFixed(0)} vs ${fb.perSecond.toFixed(0)} updates/s), ` +
        `p99 ${(fr.p99 / fb.p99).toFixed(1)}× (${fr.p99.toFixed(2)} vs ${fb.p99.toFixed(2)} ms)`,
    );
    if (floor) {
      const ff = figures(floor);
      console.log(
        `real / floor: throughput ${(fr.perSecond / ff.perSecond).toFixed(3)}× (${ff.perSecond.toFixed(0)} updates/s), ` +
          `CPU per update ${((real.cpuMs / real.updates) * 1000).toFixed(0)} vs ${((floor.cpuMs / floor.updates) * 1000).toFixed(0)} µs; ` +
          `floor / bare: ${(ff.perSecond / fb.perSecond).toFixed(3)}×`,
      );
    }
    console.log(
      `API calls per update: real ${(real.calls / real.updates).toFixed(2)}, bare ${(bare.calls / bare.updates).toFixed(2)}; ` +
        `by method (real): ${[...tg.counts]
          .sort((a, b) => b[1] - a[1])
          .map(([m, n]) => `${m} ${n}`)
          .join(", ")}`,
    );
    console.log(
      `recorded: ${registered} groups, ${active} active members (expected ${expectedActive(groups)}), ${pending} pending requests, ` +
        `${openForms} open forms, ${errors.lines} error log lines, ${real.thrown + bare.thrown} updates thrown`,
    );

    const warnings: string[] = [];
    if (unregistered > 0) warnings.push(`${unregistered} group(s) were not registered by /setup`);
    if (approve.missing > 0) warnings.push(`${approve.missing} request notice(s) never reached an administrator`);
    if (registered !== groups) warnings.push(`${registered} groups registered, expected ${groups}`);
    if (active !== expectedActive(groups)) warnings.push(`${active} active members, expected ${expectedActive(groups)}`);
    if (pending !== 0) warnings.push(`${pending} requests still pending`);
    if (openForms !== 0) warnings.push(`${openForms} forms left open`);
    if (errors.lines > 0) warnings.push(`${errors.lines} error log line(s), e.g. ${errors.samples.join(" | ")}`);
    if (real.updates !== bare.updates) warnings.push(`the mix had ${real.updates} updates, the baseline ${bare.updates}`);
    if (real.thrown + bare.thrown > 0) warnings.push(`${real.thrown + bare.thrown} update(s) escaped the error boundaries`);
    const measured = delay!;
    console.log(
      `event-loop delay over the first ${(windowMs / 1000).toFixed(1)} s of the mix: p50 ${measured.p50.toFixed(2)} ms, p99 ${measured.p99.toFixed(2)} ms, max ${measured.max.toFixed(2)} ms` +
        (rendered
          ? `; ${rendered.documents} documents rendered beside it in ${(rendered.wallMs / 1000).toFixed(2)} s ` +
            `(${((rendered.documents * 1000) / rendered.wallMs).toFixed(1)} documents/s, ${(rendered.bytes / rendered.documents / 1024).toFixed(0)} KB each; ` +
            `the mix took ${(real.wallMs / 1000).toFixed(2)} s)`
          : ""),
    );
    if (rendered && rendered.wallMs > real.wallMs)
      warnings.push("the mix ended before the rendering: the delay covers only the part of the rendering beside it");
    for (const warning of warnings) console.log(`WARNING: ${warning}`);
    return { delay: measured, windowMs };
  } finally {
    bot.background.stop();
    rss.stop();
    await checkpoints.stop();
    closeDatabase(db);
    rmSync(dir, { recursive: true, force: true });
  }
}

relaunchWithNursery();
/** BENCH_MIX_ONLY=1 runs the membership mix alone (under load, then one at a time), for profiling. */
if (process.env.BENCH_MIX_ONLY) {
  await main(CONCURRENCY);
  console.log("");
  await main(1);
  process.exit(0);
}
/** `npm run bench:documents` runs only the documents scenario. */
const documentsOnly = process.argv.includes("--documents");
if (!documentsOnly) {
  // Under load, for throughput; then one at a time, for what a single update costs.
  await main(CONCURRENCY);
  console.log("");
  await main(1);
  console.log("");
}
// Documents rendered in the worker thread while the mix arrives as from Telegram
// (bench/documents.ts); then the same mix, over the same time, without them.
const fixture = await documentFixture();
const withDocuments = await main(CONCURRENCY, { groups: DOCUMENT_GROUPS, ratePerSecond: PACE, documents: { fixture, count: DOCUMENTS } });
fixture.close();
console.log("");
const withoutDocuments = await main(CONCURRENCY, { groups: DOCUMENT_GROUPS, ratePerSecond: PACE, windowMs: withDocuments.windowMs });
console.log("");
console.log(
  `Documents: event-loop delay p99 ${withDocuments.delay.p99.toFixed(2)} ms while ${DOCUMENTS} documents render beside the mix, ` +
    `${withoutDocuments.delay.p99.toFixed(2)} ms over the same mix and time without them (target: under 20 ms)`,
);
if (documentsOnly) process.exit(0);
console.log("");
// The observation form, step by step (bench/observations.ts).
await (await import("./observations.js")).printObservationScenario({ concurrency: CONCURRENCY, delivery: DELIVERY });
console.log("");
// The vote storm (bench/votes.ts).
await voteStorm();
console.log("");
// The scheduler over 10,000 groups (bench/scheduler.ts).
await (await import("./scheduler.js")).schedulerScenario();
