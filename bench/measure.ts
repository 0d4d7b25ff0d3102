/**
 * What the benchmarks share: the bot's identity, updates as Telegram delivers them, a driver
 * that feeds them as @grammyjs/runner would, and the figures (throughput, latency, memory).
 */
import { spawnSync } from "node:child_process";
import { type Bot, BotError, type Context } from "grammy";
import type { Chat, Message, Update, User } from "grammy/types";
import { BOT_INFO, FakeTelegram, type Delivery } from "../tests/helpers/fake-telegram.js";
import { pino, type Logger } from "pino";
import { commandEntities, type Step } from "../tests/helpers/scenes.js";
import { requestData } from "../src/callbacks/index.js";

export const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 64);
export const DELIVERY: Delivery = process.env.BENCH_FETCH === "microtask" ? "microtask" : "turn";

export const TOKEN = "123456:BENCH-token-for-the-fake-telegram";
/** The same bot the tests talk to. */
export { BOT_INFO };
export const BOT_USER: User = { id: BOT_INFO.id, is_bot: true, first_name: BOT_INFO.first_name, username: BOT_INFO.username };

export type { Delivery };
/** The tests' fake Bot API, keeping the request notices the bot sent so the approvals phase can press the very buttons. */
export type BenchTelegram = FakeTelegram & { readonly requestNotices: Map<string, Message> };

/** The fake Bot API in its benchmark mode (counts only, no history, Telegram's limits enforced). */
export function benchTelegram(delivery: Delivery = DELIVERY): BenchTelegram {
  const tg = Object.assign(new FakeTelegram({ mode: "benchmark", delivery }), { requestNotices: new Map<string, Message>() });
  tg.telegram.on((event) => {
    if (event.kind !== "message") return;
    for (const button of (event.message.reply_markup?.inline_keyboard ?? []).flat()) {
      const data = "callback_data" in button ? button.callback_data : undefined;
      if (data && requestData.parse(data)?.decision === "a") tg.requestNotices.set(data, event.message);
    }
  });
  return tg;
}

// ---------------------------------------------------------------------------------------------
// Updates, as Telegram would deliver them

let lastUpdateId = 0;
let lastMessageId = 0;
const unixNow = () => Math.floor(Date.now() / 1000);

export function privateChat(user: User): Chat {
  return { id: user.id, type: "private", first_name: user.first_name } as Chat;
}

/** A text message; a leading /command gets its bot_command entity, as clients send it. */
export function say(from: User, chat: Chat, text: string): Update {
  const entities = commandEntities(text);
  const message = { message_id: ++lastMessageId, date: unixNow(), chat, from, text, ...(entities ? { entities } : {}) } as Message;
  return { update_id: ++lastUpdateId, message } as Update;
}

/** A button press on a message of the bot's (by default one shaped like it: the bot only reads its chat and id). */
export function press(from: User, chat: Chat, data: string, on?: Message): Update {
  const message = on ?? ({ message_id: ++lastMessageId, date: unixNow(), chat, from: BOT_USER, text: "…" } as Message);
  return {
    update_id: ++lastUpdateId,
    callback_query: { id: String(lastUpdateId), from, chat_instance: `ci${chat.id}`, data, message },
  } as Update;
}

/** The update for one step of a scene (tests/helpers/scenes.ts). */
export function step(from: User, chat: Chat, s: Step): Update {
  return "say" in s ? say(from, chat, s.say) : press(from, chat, s.press);
}

/** Deterministic, so every run feeds the same sequence. */
export function random(seed: number): () => number {
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
export function interleave(streams: Update[][], rnd: () => number): Update[] {
  const open = streams.filter((s) => s.length > 0).map((s) => ({ s, at: 0 }));
  const out: Update[] = [];
  while (open.length > 0) {
    const i = Math.floor(rnd() * open.length);
    const stream = open[i]!;
    out.push(stream.s[stream.at++]!);
    if (stream.at === stream.s.length) (open[i] = open[open.length - 1]!), open.pop();
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Measurement

/** Peak resident set size: sampled every 50 ms by a timer and, in case the loop is busy, between updates. */
export class RssSampler {
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

export interface Run {
  name: string;
  updates: number;
  calls: number;
  wallMs: number;
  cpuMs: number;
  latencies: Float64Array;
  peakRss: number;
  thrown: number;
}

/**
 * Feeds updates as @grammyjs/runner would: up to `concurrency` in flight, taken in arrival order.
 * With `ratePerSecond`, update i arrives i/rate seconds after the start (as from Telegram), and
 * its latency counts from its arrival. `settle` is waited for before the clock stops: what the
 * bot does just after the updates (publishing the menus they changed) counts in the run.
 */
export async function drive<C extends Context>(
  name: string,
  bot: Bot<C>,
  updates: Update[],
  tg: BenchTelegram,
  rss: RssSampler,
  concurrency = CONCURRENCY,
  ratePerSecond?: number,
  settle?: () => Promise<unknown>,
): Promise<Run> {
  const latencies = new Float64Array(updates.length);
  const callsBefore = tg.totalCalls;
  let next = 0;
  let thrown = 0;
  rss.reset();
  const cpu = process.cpuUsage();
  const started = performance.now();
  const handle = async (i: number, t0: number) => {
    try {
      await bot.handleUpdate(updates[i]!);
    } catch (error) {
      thrown++;
      // What the runner does with an error no boundary caught.
      if (error instanceof BotError) await bot.errorHandler(error);
      else throw error;
    } finally {
      latencies[i] = performance.now() - t0;
    }
    rss.maybe();
  };
  if (ratePerSecond) {
    // One dispatcher starts the updates in order as they arrive (timers alone could wake out of order).
    const inFlight = new Set<Promise<void>>();
    for (let i = 0; i < updates.length; i++) {
      const arrival = started + (i * 1000) / ratePerSecond;
      if (arrival > performance.now()) await new Promise((resolve) => setTimeout(resolve, arrival - performance.now()));
      while (inFlight.size >= concurrency) await Promise.race(inFlight);
      const running: Promise<void> = handle(i, arrival).finally(() => inFlight.delete(running));
      inFlight.add(running);
    }
    await Promise.all(inFlight);
  } else {
    const worker = async () => {
      while (next < updates.length) await handle(next++, performance.now());
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, updates.length) }, worker));
  }
  await settle?.();
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

export function combine(name: string, runs: Run[]): Run {
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

export interface Figures {
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function figures(run: Run): Figures {
  const sorted = Float64Array.from(run.latencies).sort();
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
  return { perSecond: run.updates / (run.wallMs / 1000), p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted[sorted.length - 1] ?? 0 };
}

export const MB = 1024 * 1024;

export function table(rows: Run[]): string {
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

/** A logger that counts error lines and keeps the first few, for the warnings after a run. */
export function errorLog(): { logger: Logger; readonly lines: number; samples: string[] } {
  const state = { lines: 0, samples: [] as string[] };
  const logger = pino(
    { level: "error" },
    {
      write(line: string) {
        const entry = JSON.parse(line) as { level: number; msg?: string; err?: { message?: string } };
        if (entry.level < 50) return;
        state.lines++;
        if (state.samples.length < 3) state.samples.push(`${entry.msg ?? ""}${entry.err?.message ? `: ${entry.err.message}` : ""}`);
      },
    },
  );
  return {
    logger,
    get lines() {
      return state.lines;
    },
    samples: state.samples,
  };
}

/**
 * The young generation the figures are taken with. The bot allocates a little for every update;
 * with V8's default nursery it spends a third of its time in scavenges.
 */
const NURSERY_FLAG = "--max-semi-space-size=64";

/** Runs this benchmark again in a Node started with the flag, unless it already was. */
export function relaunchWithNursery(): void {
  if (process.execArgv.includes(NURSERY_FLAG) || process.env.NODE_OPTIONS?.includes(NURSERY_FLAG)) return;
  const child = spawnSync(process.execPath, [NURSERY_FLAG, ...process.execArgv, ...process.argv.slice(1)], { stdio: "inherit" });
  process.exit(child.status ?? 1);
}
