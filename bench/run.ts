/**
 * Throughput and latency of the bot under a realistic membership mix, beside a bare grammY bot
 * doing nothing but answer /start, over the same fake Bot API and the same concurrency.
 *
 *   npm run bench
 *
 * Knobs (environment): BENCH_GROUPS (200), BENCH_PEOPLE (8 per group), BENCH_CONCURRENCY (64),
 * BENCH_FETCH ("turn": the fake Bot API answers on a later event-loop turn, like a socket;
 * "microtask": at once).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { count, eq, isNull } from "drizzle-orm";
import { Bot, BotError, type Context } from "grammy";
import type { Chat, Message, Update, User, UserFromGetMe } from "grammy/types";
import { pino } from "pino";
import { createBot } from "../src/bot/create-bot.js";
import { closeDatabase, openDatabase, type Database } from "../src/db/client.js";
import { conversationStates, groups, members, membershipRequests } from "../src/db/schema.js";
import { groupByChat } from "../src/domain/groups.js";
import { pendingRequests } from "../src/domain/requests.js";
import { CATEGORIES, chatId, type GroupId } from "../src/domain/types.js";
import { BenchTelegram, type Delivery } from "./fake-telegram.js";

const GROUPS = Number(process.env.BENCH_GROUPS ?? 200);
const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 8);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 64);
const DELIVERY: Delivery = process.env.BENCH_FETCH === "microtask" ? "microtask" : "turn";
/** Members (by index in their group) who leave in the last phase; one more changes their mind. */
const LEAVERS = new Set([5, 6].filter((i) => i < PEOPLE));
const EXPECTED_ACTIVE = GROUPS * (PEOPLE - LEAVERS.size);

const TOKEN = "123456:BENCH-token-for-the-fake-telegram";
const BOT_INFO = {
  id: 7000000001,
  is_bot: true,
  first_name: "Monitoring",
  username: "monitoring_group_bot",
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
} as UserFromGetMe;
const BOT_USER: User = { id: BOT_INFO.id, is_bot: true, first_name: BOT_INFO.first_name, username: BOT_INFO.username };

// ---------------------------------------------------------------------------------------------
// Updates, as Telegram would deliver them

let lastUpdateId = 0;
let lastMessageId = 0;
const unixNow = () => Math.floor(Date.now() / 1000);

function privateChat(user: User): Chat {
  return { id: user.id, type: "private", first_name: user.first_name } as Chat;
}

/** A text message; a leading /command gets its bot_command entity, as clients send it. */
function say(from: User, chat: Chat, text: string): Update {
  const command = /^\/[a-z_]+(@\w+)?/i.exec(text);
  const message = {
    message_id: ++lastMessageId,
    date: unixNow(),
    chat,
    from,
    text,
    ...(command ? { entities: [{ type: "bot_command", offset: 0, length: command[0].length }] } : {}),
  } as Message;
  return { update_id: ++lastUpdateId, message } as Update;
}

/** A button press on a message of the bot's (by default one shaped like it: the bot only reads its chat and id). */
function press(from: User, chat: Chat, data: string, on?: Message): Update {
  const message = on ?? ({ message_id: ++lastMessageId, date: unixNow(), chat, from: BOT_USER, text: "…" } as Message);
  return {
    update_id: ++lastUpdateId,
    callback_query: { id: String(lastUpdateId), from, chat_instance: `ci${chat.id}`, data, message },
  } as Update;
}

/** Deterministic, so every run feeds the same sequence. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Mixes the streams (each the updates of one person in one chat, in order) as they would arrive
 * from many people at once: the order inside each stream is kept, the rest is shuffled.
 */
function interleave(streams: Update[][], rnd: () => number): Update[] {
  const open = streams.filter((s) => s.length > 0).map((s) => ({ s, at: 0 }));
  const out: Update[] = [];
  while (open.length > 0) {
    const i = Math.floor(rnd() * open.length);
    const stream = open[i]!;
    out.push(stream.s[stream.at++]!);
    if (stream.at === stream.s.length) open[i] = open[open.length - 1]!, open.pop();
  }
  return out;
}

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
  const people = Array.from({ length: PEOPLE }, (_, i): User => ({
    id: 10_000_000 + g * 100 + i,
    is_bot: false,
    first_name: FIRST[(g + i) % FIRST.length]!,
    ...(i % 3 === 2 ? {} : { language_code: i % 2 === 0 ? "ky" : "ru-RU" }),
  }));
  return { chat, admin, people, locale: g % 4 === 0 ? "ru" : "ky" };
}

/** The administrator answers every step of /setup in the group chat. */
function setupPhase(scenes: Scene[], rnd: () => number): Update[] {
  return interleave(
    scenes.map(({ chat, admin, locale }, g) => [
      say(admin, chat, "/setup"),
      press(admin, chat, `sf:office:${g % 2 === 0 ? "head" : "chair"}`),
      say(admin, chat, `${PLACES[g % PLACES.length]} айыл аймагы №${g + 1}`),
      press(admin, chat, `sf:lang:${locale}`),
      g % 5 === 0 ? say(admin, chat, "31.12.2030") : press(admin, chat, "sf:term:none"),
    ]),
    rnd,
  );
}

/** Everyone opens the group's deep link and fills the join form; one in each group types too short a name first. */
function joinPhase(scenes: Scene[], ids: GroupId[], rnd: () => number): Update[] {
  const streams = scenes.flatMap(({ people }, g) =>
    people.map((person, i) => {
      const chat = privateChat(person);
      const name = `${person.first_name} ${LAST[(g + i) % LAST.length]}`;
      return [
        say(person, chat, `/start join-${ids[g]}`),
        ...(i === PEOPLE - 1 ? [say(person, chat, "Ай")] : []),
        say(person, chat, name),
        press(person, chat, `jf:cat:${CATEGORIES[(g + i) % CATEGORIES.length]}`),
        press(person, chat, "jf:consent:yes"),
      ];
    }),
  );
  return interleave(streams, rnd);
}

/** Each administrator presses Approve on the notices the bot sent them. */
function approvePhase(db: Database, tg: BenchTelegram, scenes: Scene[], ids: GroupId[], rnd: () => number): { updates: Update[]; missing: number } {
  let missing = 0;
  const streams = scenes.map(({ admin }, g) =>
    pendingRequests(db, ids[g]!).map((request) => {
      const data = `req:${request.id}:a`;
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
      press(admin, chat, `lang:g${ids[g]}:${g % 8 === 0 ? (locale === "ky" ? "ru" : "ky") : locale}`),
    ]);
    streams.push([say(admin, mine, "/members"), say(admin, mine, "/status")]);
    people.forEach((person, i) => {
      const own = privateChat(person);
      const stream = [say(person, own, "/members"), say(person, own, "/status"), say(person, own, "/help")];
      if (i % 2 === 0) stream.push(say(person, own, "/language"), press(person, own, `lang:me:${i % 4 === 0 ? "ru" : "ky"}`));
      if (i === 1) stream.push(say(person, own, "Саламатсызбы, жыйын качан болот?"));
      if (i === 3) stream.push(say(person, own, "/vote"));
      if (i === 4) stream.push(say(person, own, "/leave"), press(person, own, `leave:${ids[g]}:${person.id}:n`));
      if (LEAVERS.has(i)) stream.push(say(person, own, "/leave"), press(person, own, `leave:${ids[g]}:${person.id}:y`));
      streams.push(stream);
      if (i === 0 || i === 2) streams.push([say(person, chat, "/help"), say(person, chat, "/status")]);
    });
  });
  return interleave(streams, rnd);
}

/** As many /start as the mix has updates, from many people in private. */
function bareUpdates(n: number): Update[] {
  return Array.from({ length: n }, (_, i) => {
    const person: User = { id: 30_000_000 + (i % 5000), is_bot: false, first_name: FIRST[i % FIRST.length]!, language_code: "ky" };
    return say(person, privateChat(person), "/start");
  });
}

// ---------------------------------------------------------------------------------------------
// Measurement

/** Peak resident set size: sampled every 50 ms by a timer and, in case the loop is busy, between updates. */
class RssSampler {
  peak = 0;
  private last = 0;
  private readonly timer = setInterval(() => this.sample(), 50);

  sample(): void {
    this.last = performance.now();
    const rss = process.memoryUsage.rss();
    if (rss > this.peak) this.peak = rss;
  }

  maybe(): void {
    if (performance.now() - this.last >= 50) this.sample();
  }

  /** Starts a new window; returns the peak of the one before. */
  reset(): number {
    this.sample();
    const peak = this.peak;
    this.peak = 0;
    this.sample();
    return peak;
  }

  stop(): number {
    clearInterval(this.timer);
    return this.reset();
  }
}

interface Run {
  name: string;
  updates: number;
  calls: number;
  wallMs: number;
  cpuMs: number;
  latencies: Float64Array;
  peakRss: number;
  thrown: number;
}

/** Feeds updates as @grammyjs/runner would: up to `concurrency` in flight, taken in arrival order. */
async function drive<C extends Context>(
  name: string,
  bot: Bot<C>,
  updates: Update[],
  tg: BenchTelegram,
  rss: RssSampler,
): Promise<Run> {
  const latencies = new Float64Array(updates.length);
  const callsBefore = tg.totalCalls;
  let next = 0;
  let thrown = 0;
  rss.reset();
  const cpu = process.cpuUsage();
  const started = performance.now();
  const worker = async () => {
    while (next < updates.length) {
      const i = next++;
      const t0 = performance.now();
      try {
        await bot.handleUpdate(updates[i]!);
      } catch (error) {
        latencies[i] = performance.now() - t0;
        thrown++;
        // What the runner does with an error no boundary caught.
        if (error instanceof BotError) await bot.errorHandler(error);
        else throw error;
        continue;
      }
      latencies[i] = performance.now() - t0;
      rss.maybe();
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, updates.length) }, worker));
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return {
    name,
    updates: updates.length,
    calls: tg.totalCalls - callsBefore,
    wallMs,
    cpuMs: (used.user + used.system) / 1000,
    latencies,
    peakRss: rss.reset(),
    thrown,
  };
}

function combine(name: string, runs: Run[]): Run {
  const latencies = new Float64Array(runs.reduce((n, r) => n + r.latencies.length, 0));
  let at = 0;
  for (const r of runs) latencies.set(r.latencies, (at += r.latencies.length) - r.latencies.length);
  return {
    name,
    updates: runs.reduce((n, r) => n + r.updates, 0),
    calls: runs.reduce((n, r) => n + r.calls, 0),
    wallMs: runs.reduce((n, r) => n + r.wallMs, 0),
    cpuMs: runs.reduce((n, r) => n + r.cpuMs, 0),
    latencies,
    peakRss: Math.max(...runs.map((r) => r.peakRss)),
    thrown: runs.reduce((n, r) => n + r.thrown, 0),
  };
}

interface Figures {
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

function figures(run: Run): Figures {
  const sorted = Float64Array.from(run.latencies).sort();
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
  return { perSecond: run.updates / (run.wallMs / 1000), p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted[sorted.length - 1] ?? 0 };
}

const MB = 1024 * 1024;

function table(rows: Run[]): string {
  const head = ["run", "updates", "API calls", "wall s", "updates/s", "CPU µs/upd", "p50 ms", "p95 ms", "p99 ms", "max ms", "peak RSS MB"];
  const body = rows.map((run) => {
    const f = figures(run);
    return [
      run.name,
      String(run.updates),
      String(run.calls),
      (run.wallMs / 1000).toFixed(2),
      f.perSecond.toFixed(0),
      ((run.cpuMs * 1000) / run.updates).toFixed(0),
      f.p50.toFixed(2),
      f.p95.toFixed(2),
      f.p99.toFixed(2),
      f.max.toFixed(2),
      (run.peakRss / MB).toFixed(0),
    ];
  });
  const widths = head.map((h, c) => Math.max(h.length, ...body.map((row) => row[c]!.length)));
  const line = (cells: string[]) => cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join("  ");
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  return [line(head), rule, ...body.map(line)].join("\n");
}

// ---------------------------------------------------------------------------------------------

async function bareRun(n: number, rss: RssSampler): Promise<Run> {
  const tg = new BenchTelegram(BOT_INFO, DELIVERY);
  const bot = new Bot(TOKEN, { botInfo: BOT_INFO, client: { fetch: tg.fetch } });
  bot.command("start", (ctx) => ctx.reply("hi"));
  return drive("bare grammY /start", bot, bareUpdates(n), tg, rss);
}

async function main(): Promise<void> {
  const rss = new RssSampler();
  const rssAtStart = process.memoryUsage.rss();
  const rnd = random(20261124);
  const scenes = Array.from({ length: GROUPS }, (_, g) => scene(g));

  const dir = mkdtempSync(join(tmpdir(), "mg-bench-"));
  const db = openDatabase(join(dir, "bench.sqlite"));
  const tg = new BenchTelegram(BOT_INFO, DELIVERY);
  for (const { chat, admin } of scenes) tg.admins.add(`${chat.id}:${admin.id}`);
  let errorLines = 0;
  const errorSamples: string[] = [];
  const logger = pino(
    { level: "error" },
    {
      write(line: string) {
        const entry = JSON.parse(line) as { level: number; msg?: string; err?: { message?: string } };
        if (entry.level < 50) return;
        errorLines++;
        if (errorSamples.length < 3) errorSamples.push(`${entry.msg ?? ""}${entry.err?.message ? `: ${entry.err.message}` : ""}`);
      },
    },
  );
  const bot = createBot({ token: TOKEN, db, logger, defaultLocale: "ky", botInfo: BOT_INFO, client: { fetch: tg.fetch } });

  try {
    // The baseline first, on a fresh process, so that its peak RSS is its own. It gets as many
    // updates as the mix has; the mix's size does not depend on the ids the bot hands out.
    const placeholders = scenes.map((_, g) => (g + 1) as GroupId);
    const mixSize =
      GROUPS * 5 + joinPhase(scenes, placeholders, random(1)).length + GROUPS * PEOPLE + readsPhase(scenes, placeholders, random(1)).length;
    const bare = await bareRun(mixSize, rss);

    // Each phase is generated when the one before has run: join links need the group ids setup
    // creates, approvals the request notices the join forms sent.
    const setup = setupPhase(scenes, rnd);

    const phases: Run[] = [];
    phases.push(await drive("setup (/setup form)", bot, setup, tg, rss));
    const ids = scenes.map(({ chat }) => groupByChat(db, chatId(chat.id))?.id);
    const unregistered = ids.filter((id) => id === undefined).length;
    const groupIds = ids.map((id) => id ?? (0 as GroupId));

    const join = joinPhase(scenes, groupIds, rnd);
    phases.push(await drive("join (deep link form)", bot, join, tg, rss));

    const approve = approvePhase(db, tg, scenes, groupIds, rnd);
    phases.push(await drive("approve (req buttons)", bot, approve.updates, tg, rss));

    const reads = readsPhase(scenes, groupIds, rnd);
    phases.push(await drive("reads, language, leave", bot, reads, tg, rss));

    const real = combine("membership mix, all", phases);
    rss.stop();

    // Light checks on what the bot recorded.
    const one = <T>(rows: T[]) => rows[0];
    const active = one(db.select({ n: count() }).from(members).where(isNull(members.leftAt)).all())?.n ?? -1;
    const registered = one(db.select({ n: count() }).from(groups).all())?.n ?? -1;
    const pending = one(db.select({ n: count() }).from(membershipRequests).where(eq(membershipRequests.status, "pending")).all())?.n ?? -1;
    const openForms = one(db.select({ n: count() }).from(conversationStates).all())?.n ?? -1;

    const fr = figures(real);
    const fb = figures(bare);
    console.log(
      `Membership mix: ${GROUPS} groups × ${PEOPLE} people, ${CONCURRENCY} updates in flight, ` +
        `fake Bot API answering ${DELIVERY === "turn" ? "on the next event-loop turn" : "at once (microtask)"}`,
    );
    console.log(`Node ${process.version}, ${cpus().length} CPU(s), SQLite file in ${tmpdir()}, RSS at start ${(rssAtStart / MB).toFixed(0)} MB`);
    console.log("");
    console.log(table([...phases, real, bare]));
    console.log("");
    console.log(
      `real / bare: throughput ${(fr.perSecond / fb.perSecond).toFixed(3)}× (${fr.perSecond.toFixed(0)} vs ${fb.perSecond.toFixed(0)} updates/s), ` +
        `p99 ${(fr.p99 / fb.p99).toFixed(1)}× (${fr.p99.toFixed(2)} vs ${fb.p99.toFixed(2)} ms)`,
    );
    console.log(
      `API calls per update: real ${(real.calls / real.updates).toFixed(2)}, bare ${(bare.calls / bare.updates).toFixed(2)}; ` +
        `by method (real): ${[...tg.counts].sort((a, b) => b[1] - a[1]).map(([m, n]) => `${m} ${n}`).join(", ")}`,
    );
    console.log(
      `recorded: ${registered} groups, ${active} active members (expected ${EXPECTED_ACTIVE}), ${pending} pending requests, ` +
        `${openForms} open forms, ${errorLines} error log lines, ${real.thrown + bare.thrown} updates thrown`,
    );

    const warnings: string[] = [];
    if (unregistered > 0) warnings.push(`${unregistered} group(s) were not registered by /setup`);
    if (approve.missing > 0) warnings.push(`${approve.missing} request notice(s) never reached an administrator`);
    if (registered !== GROUPS) warnings.push(`${registered} groups registered, expected ${GROUPS}`);
    if (active !== EXPECTED_ACTIVE) warnings.push(`${active} active members, expected ${EXPECTED_ACTIVE}`);
    if (pending !== 0) warnings.push(`${pending} requests still pending`);
    if (openForms !== 0) warnings.push(`${openForms} forms left open`);
    if (errorLines > 0) warnings.push(`${errorLines} error log line(s), e.g. ${errorSamples.join(" | ")}`);
    if (real.updates !== bare.updates) warnings.push(`the mix had ${real.updates} updates, the baseline ${bare.updates}`);
    if (real.thrown + bare.thrown > 0) warnings.push(`${real.thrown + bare.thrown} update(s) escaped the error boundaries`);
    for (const warning of warnings) console.log(`WARNING: ${warning}`);
  } finally {
    rss.stop();
    closeDatabase(db);
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
