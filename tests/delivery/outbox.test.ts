import { afterEach, expect, test } from "vitest";
import { Api } from "grammy";
import { pino } from "pino";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { closeDatabase, openDatabase, type Database } from "../../src/db/client.js";
import { enqueue, Outbox } from "../../src/delivery/outbox.js";
import { Pacer, type PaceClock } from "../../src/delivery/pacer.js";
import { FakeTelegram } from "../helpers/fake-telegram.js";
import { TOKEN } from "../helpers/harness.js";

/** Time that moves only when someone sleeps: a run of hours takes milliseconds. */
class FakeTime implements PaceClock {
  current = Date.parse("2026-11-24T06:00:00Z");
  now(): number {
    return this.current;
  }
  async sleep(ms: number): Promise<void> {
    this.current += Math.max(0, ms);
  }
}

let dir: string;
let db: Database;
afterEach(() => {
  closeDatabase(db);
  rmSync(dir, { recursive: true, force: true });
});

function setUp() {
  dir = mkdtempSync(join(tmpdir(), "mg-outbox-"));
  db = openDatabase(join(dir, "bot.sqlite"));
  const tg = new FakeTelegram();
  const time = new FakeTime();
  const sentAt: { chat: number; at: number }[] = [];
  const api = new Api(TOKEN, { fetch: tg.fetch });
  api.config.use(async (prev, method, payload, signal) => {
    const result = await prev(method, payload, signal);
    if (result.ok && method.startsWith("send")) sentAt.push({ chat: Number((payload as { chat_id: number }).chat_id), at: time.now() });
    return result;
  });
  const logger = pino({ level: "silent" });
  const outbox = new Outbox(db, api, logger, new Pacer(time), { now: () => new Date(time.now()) });
  return { tg, time, sentAt, outbox };
}

/** The most sent in any window of this length. */
function busiest(times: number[], windowMs: number): number {
  let most = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[i]! - times[j]! >= windowMs) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

test("10,000 group reminders go out never faster than 30 a second, within 5% of the fastest pace allowed", async () => {
  const { time, sentAt, outbox } = setUp();
  const start = time.now();
  db.transaction((tx) => {
    for (let i = 0; i < 10_000; i++) enqueue(tx, { chatId: -1_000_000 - i, text: `Эскертүү ${i}`, key: `r:${i}` }, new Date(start));
  });
  expect(await outbox.flush()).toBe(10_000);
  const times = sentAt.map((s) => s.at);
  expect(times).toHaveLength(10_000);
  expect(busiest(times, 1000)).toBeLessThanOrEqual(30);
  const fastest = Math.ceil((10_000 - 30) / 30) * 1000;
  const took = times[times.length - 1]! - start;
  expect(took).toBeGreaterThanOrEqual(fastest);
  expect(took).toBeLessThanOrEqual(fastest * 1.05);
});

test("one group gets at most 20 a minute, one person at most one a second", async () => {
  const { time, sentAt, outbox } = setUp();
  const now = new Date(time.now());
  for (let i = 0; i < 60; i++) enqueue(db, { chatId: -1001, text: `g${i}` }, now);
  for (let i = 0; i < 30; i++) enqueue(db, { chatId: 42, text: `p${i}` }, now);
  await outbox.flush();
  const group = sentAt.filter((s) => s.chat === -1001).map((s) => s.at);
  const person = sentAt.filter((s) => s.chat === 42).map((s) => s.at);
  expect(group).toHaveLength(60);
  expect(person).toHaveLength(30);
  expect(busiest(group, 60_000)).toBeLessThanOrEqual(20);
  expect(busiest(person, 1000)).toBeLessThanOrEqual(1);
  // Nobody waits behind the busy group: the person's messages went out meanwhile.
  expect(person[29]! - time.current).toBeLessThan(0);
});

test("a 429 is waited out and the message is delivered once; a key enqueued twice is sent once", async () => {
  const { tg, time, outbox } = setUp();
  let refused = 0;
  tg.fail = (call) =>
    call.method === "sendMessage" && refused++ < 2
      ? { error_code: 429, description: "Too Many Requests: retry after 7", parameters: { retry_after: 7 } }
      : undefined;
  const start = time.now();
  expect(enqueue(db, { chatId: -1001, text: "Жыйналыш", key: "meeting:1" }, new Date(start))).toBe(true);
  expect(enqueue(db, { chatId: -1001, text: "Жыйналыш", key: "meeting:1" }, new Date(start))).toBe(false);
  await outbox.flush();
  const delivered = tg.calls.filter((c) => c.method === "sendMessage" && c.result);
  expect(delivered).toHaveLength(1);
  expect(time.now() - start).toBeGreaterThanOrEqual(14_000);
});

test("a send cut short by a crash is sent again at the next start, then given up after three tries", async () => {
  const { tg, outbox } = setUp();
  enqueue(db, { chatId: -1001, text: "Жыйналыш" }, new Date());
  db.$client.prepare("update outbox set state = 'sending', attempts = 1").run();
  outbox.recover();
  await outbox.flush();
  expect(tg.calls.filter((c) => c.method === "sendMessage")).toHaveLength(1);
  enqueue(db, { chatId: -1002, text: "Жыйналыш" }, new Date());
  db.$client.prepare("update outbox set state = 'sending', attempts = 3 where chat_id = -1002").run();
  outbox.recover();
  await outbox.flush();
  expect(tg.calls.filter((c) => c.method === "sendMessage")).toHaveLength(1);
  expect(db.$client.prepare("select state from outbox where chat_id = -1002").get()).toEqual({ state: "dropped" });
});

test("a document goes out through the same queue", async () => {
  const { tg, outbox } = setUp();
  enqueue(
    db,
    { chatId: -1001, document: { filename: "protocol-1-2026.pdf", bytes: new Uint8Array([37, 80, 68, 70]), caption: "Протокол" } },
    new Date(),
  );
  await outbox.flush();
  expect(tg.calls.map((c) => c.method)).toEqual(["sendDocument"]);
});
