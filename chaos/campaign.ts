/**
 * The crash campaign: the real process (node, src/main.ts) against a fake Bot API on loopback,
 * under a steady load of join forms, approvals, reads and forged presses; killed with SIGKILL
 * at random moments and restarted on the same database; then stopped with SIGTERM under load.
 * A share of Bot API calls fail (429 with retry_after, 500, dropped connections) and some
 * updates are delivered twice. Prints the figures; exits 1 when one of them is not as it must be.
 *
 *   npm run chaos                 (30 kills)
 *   CHAOS_KILLS=5 npm run chaos   (a quick look)
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import SQLite from "better-sqlite3";
import type { Message, Update } from "grammy/types";
import { closeDatabase, openDatabase } from "../src/db/client.js";
import { BOT_INFO } from "../tests/helpers/fake-telegram.js";
import { FakeBotApi, type Seen } from "./fake-bot-api.js";

const ROOT = resolve(import.meta.dirname, "..");
const TOKEN = "123456:CHAOS-token-for-the-local-bot-api";
const KILLS = Number(process.env.CHAOS_KILLS ?? 30);
const GROUPS = 6;
const PEOPLE = Number(process.env.CHAOS_PEOPLE ?? 240);
const DEADLINE_MS = 20 * 60 * 1000;
const started = Date.now();

/** A seeded random, so a failing run can be repeated (CHAOS_SEED). */
let seed = Number(process.env.CHAOS_SEED ?? Date.now() % 1_000_000);
const firstSeed = seed;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const between = (a: number, b: number) => a + random() * (b - a);
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

// ---------- what the people sent, and what they were told ----------

interface Sent {
  id: number;
  chat: number;
  queryId?: string;
  answered: boolean;
  answer?: () => void;
}
const updates = new Map<number, Sent>();
/** The update each chat waits an answer for (people act one step at a time). */
const waitingIn = new Map<number, Sent>();
const byQuery = new Map<string, Sent>();
/** Messages the bot sent to each chat, newest last. */
const inbox = new Map<number, Message[]>();
const told = { joinSent: new Set<number>(), approved: new Set<number>() };
const forms = { behind: new Set<number>(), furthest: new Map<number, number>() };
let forged = 0;
let forgedAnswered = 0;
let stopLoad = false;

function questionOf(text: string, buttons: string[]): number | undefined {
  if (text.startsWith("Заявка на вступление")) return 0;
  if (buttons.some((b) => b.startsWith("jf:cat:"))) return 1;
  if (buttons.some((b) => b.startsWith("jf:consent:"))) return 2;
  if (text.startsWith("Заявка в группу")) return 3;
  return undefined;
}

function onCall(seen: Seen): void {
  const { method, body } = seen;
  if (method === "answerCallbackQuery") {
    const sent = byQuery.get(String(body.callback_query_id));
    if (sent) settle(sent);
    if (sent && body.text === "Заявка одобрена.") told.approved.add(Number(pressedRequest.get(sent.id)));
    return;
  }
  const chat = Number(body.chat_id);
  if (!Number.isFinite(chat)) return;
  if (method === "sendMessage") {
    const message = {
      message_id: 0,
      date: 0,
      chat: { id: chat },
      text: String(body.text ?? ""),
      reply_markup: body.reply_markup,
    } as unknown as Message;
    const list = inbox.get(chat) ?? [];
    list.push(message);
    inbox.set(chat, list);
    const buttons = buttonsOf(message);
    const question = questionOf(message.text ?? "", buttons);
    if (question !== undefined && chat >= FIRST_PERSON) {
      const furthest = forms.furthest.get(chat) ?? -1;
      if (question < furthest) forms.behind.add(chat);
      forms.furthest.set(chat, Math.max(furthest, question));
      if (question === 3) told.joinSent.add(chat);
    }
  }
  const waiting = waitingIn.get(chat);
  if (waiting && !waiting.queryId) settle(waiting);
}

function settle(sent: Sent): void {
  if (sent.answered) return;
  sent.answered = true;
  if (waitingIn.get(sent.chat) === sent) waitingIn.delete(sent.chat);
  sent.answer?.();
}

function buttonsOf(message: Message): string[] {
  const rows = (message.reply_markup?.inline_keyboard ?? []) as { callback_data?: string }[][];
  return rows.flat().map((b) => b.callback_data ?? "");
}

const api = new FakeBotApi(BOT_INFO, onCall, random);

function person(id: number) {
  return { id, is_bot: false, first_name: `Киши${id}`, language_code: "ru" };
}
const privateChat = (id: number) => ({ id, type: "private" as const, first_name: `Киши${id}` });

/** Sends an update and waits until the bot answers it (however many restarts that takes). */
async function act(chat: number, update: Omit<Update, "update_id">, queryId?: string): Promise<void> {
  const sent: Sent = { id: 0, chat, queryId, answered: false };
  const answered = new Promise<void>((done) => (sent.answer = done));
  waitingIn.set(chat, sent);
  sent.id = api.push(update);
  updates.set(sent.id, sent);
  if (queryId) byQuery.set(queryId, sent);
  await answered;
}

let messageIds = 1;
const say = (from: number, text: string) =>
  act(from, {
    message: {
      message_id: messageIds++,
      date: Math.floor(Date.now() / 1000),
      chat: privateChat(from),
      from: person(from),
      text,
      entities: text.startsWith("/") ? [{ type: "bot_command", offset: 0, length: text.split(" ")[0]!.length }] : undefined,
    } as never,
  });

let queries = 1;
const pressedRequest = new Map<number, number>();
async function press(
  from: number,
  data: string,
  message: Message = { message_id: 1, date: 0, chat: privateChat(from), text: "old" } as never,
): Promise<number> {
  const queryId = `q${queries++}`;
  let id = 0;
  const done = act(from, { callback_query: { id: queryId, from: person(from), chat_instance: "ci", data, message } as never }, queryId);
  id = [...updates.values()].at(-1)!.id;
  await done;
  return id;
}

// ---------- the load ----------

const FIRST_PERSON = 100_000;
const JOINS_OVER_MS = Number(process.env.CHAOS_JOINS_OVER_MS ?? 90_000);
const heads = Array.from({ length: GROUPS }, (_, g) => 9000 + g);
const groupIds: number[] = [];

async function joiner(id: number, group: number): Promise<void> {
  await sleep(between(0, JOINS_OVER_MS));
  await say(id, `/start join-${group}`);
  for (let step = 0; step < 20; step++) {
    // As a person would: answer the latest question on the screen (a hint may follow it).
    const last = (inbox.get(id) ?? []).findLast((m) => questionOf(m.text ?? "", buttonsOf(m)) !== undefined);
    const buttons = last ? buttonsOf(last) : [];
    if (told.joinSent.has(id)) break;
    if (buttons.some((b) => b.startsWith("jf:cat:"))) await press(id, "jf:cat:resident", last);
    else if (buttons.some((b) => b.startsWith("jf:consent:"))) await press(id, "jf:consent:yes", last);
    else if (last?.text?.startsWith("Заявка на вступление")) await say(id, `Фамилия${id} Имя Отчество`);
    else break;
    await sleep(between(50, 400));
  }
  while (!stopLoad) {
    await sleep(between(500, 3000));
    if (stopLoad) break;
    const r = random();
    if (r < 0.4) await say(id, "/help");
    else if (r < 0.7) await say(id, "/status");
    else {
      forged++;
      const data = [
        `req:${Math.floor(between(1, 400))}:a`,
        "att:1:done",
        "v:1:for",
        `pick:members:${Math.floor(between(1, 1e9))}`,
        "vo:1:5",
        "zz",
      ][Math.floor(random() * 6)]!;
      const id2 = await press(id, data);
      if (updates.get(id2)?.answered) forgedAnswered++;
    }
  }
}

async function head(id: number): Promise<void> {
  const done = new Set<string>();
  while (!stopLoad) {
    const card = (inbox.get(id) ?? []).find((m) => buttonsOf(m).some((b) => b.startsWith("req:") && b.endsWith(":a") && !done.has(b)));
    if (!card) {
      await sleep(200);
      continue;
    }
    const data = buttonsOf(card).find((b) => b.startsWith("req:") && b.endsWith(":a"))!;
    done.add(data);
    const pressed = press(id, data, card);
    const updateId = [...updates.values()].at(-1)!.id;
    pressedRequest.set(updateId, Number(data.split(":")[1]));
    await pressed;
    await sleep(between(100, 600));
  }
}

// ---------- the process ----------

interface Bot {
  child: ChildProcess;
  exited: Promise<number | null>;
  startedUp: Promise<void>;
  killedByUs: boolean;
}
const errorLines: string[] = [];
let unexpectedExits = 0;

function startBot(dir: string, apiRoot: string): Bot {
  // node itself (no wrapper process), so that a kill reaches the bot.
  const child = spawn(
    process.execPath,
    ["--import", pathToFileURL(join(ROOT, "node_modules", "tsx", "dist", "loader.mjs")).href, join(ROOT, "src", "main.ts")],
    {
      cwd: dir,
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? "",
        BOT_TOKEN: TOKEN,
        DATABASE_PATH: join(dir, "bot.sqlite"),
        TELEGRAM_API_ROOT: apiRoot,
        LOG_LEVEL: "info",
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let ready: () => void = () => undefined;
  const startedUp = new Promise<void>((done) => (ready = done));
  let rest = "";
  const read = (chunk: Buffer) => {
    rest += chunk.toString();
    const lines = rest.split("\n");
    rest = lines.pop() ?? "";
    for (const line of lines) {
      if (line.includes('"bot started"')) ready();
      try {
        if ((JSON.parse(line) as { level: number }).level >= 50) errorLines.push(line);
      } catch {
        if (line.trim()) errorLines.push(line);
      }
    }
  };
  child.stdout!.on("data", read);
  child.stderr!.on("data", read);
  const bot: Bot = { child, startedUp, killedByUs: false, exited: new Promise((done) => child.on("exit", (code) => done(code))) };
  void bot.exited.then(() => {
    if (!bot.killedByUs) unexpectedExits++;
  });
  return bot;
}

async function kill(bot: Bot, signal: NodeJS.Signals): Promise<number | null> {
  bot.killedByUs = true;
  bot.child.kill(signal);
  return bot.exited;
}

function integrity(path: string): boolean {
  const db = new SQLite(path, { readonly: true });
  try {
    return (db.pragma("integrity_check", { simple: true }) as string) === "ok";
  } finally {
    db.close();
  }
}

function seedGroups(path: string): void {
  const db = openDatabase(path);
  const now = Date.now();
  for (const [g, headId] of heads.entries()) {
    db.$client.prepare("insert into users (id, first_name, telegram_language) values (?, ?, 'ru')").run(headId, `Глава${g}`);
    const group = db.$client
      .prepare("insert into groups (chat_id, municipality, locale, created_by, created_at) values (?, ?, 'ru', ?, ?)")
      .run(-100_200 - g, `Айыл ${g}`, headId, now).lastInsertRowid;
    db.$client
      .prepare("insert into appointers (group_id, user_id, office, added_by, added_at) values (?, ?, 'head', ?, ?)")
      .run(group, headId, headId, now);
    groupIds.push(Number(group));
  }
  closeDatabase(db);
}

async function until(condition: () => boolean, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(100)) if (condition()) return true;
  return condition();
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "mg-chaos-"));
  const path = join(dir, "bot.sqlite");
  seedGroups(path);
  const apiRoot = await api.listen();
  const load = [
    ...Array.from({ length: PEOPLE }, (_, i) => joiner(FIRST_PERSON + i, groupIds[i % GROUPS]!)),
    ...heads.map((id) => head(id)),
  ];
  let integrityOk = 0;
  let kills = 0;
  try {
    while (kills < KILLS && Date.now() - started < DEADLINE_MS) {
      const bot = startBot(dir, apiRoot);
      // Most kills come under load once polling runs; some while the process is still starting.
      if (random() < 0.2) await sleep(between(300, 2000));
      else {
        await Promise.race([bot.startedUp, sleep(15_000)]);
        await sleep(between(300, 3000));
      }
      await kill(bot, "SIGKILL");
      kills++;
      if (integrity(path)) integrityOk++;
      process.stdout.write(`\rkills ${kills}/${KILLS}, updates ${updates.size}`);
    }
    process.stdout.write("\n");

    // SIGTERM under load: whatever was taken is answered before the exit or after the next start.
    let bot = startBot(dir, apiRoot);
    await Promise.race([bot.startedUp, sleep(15_000)]);
    await sleep(2000);
    // A burst from people new to the bot, so that the stop finds updates in hand.
    for (let i = 0; i < 40; i++) void say(800_000 + i, "/help");
    await until(() => [...api.handedAt.keys()].filter((id) => updates.get(id) && !updates.get(id)!.answered).length >= 20, 3000);
    const taken = [...api.handedAt.keys()].filter((id) => updates.get(id) && !updates.get(id)!.answered);
    const stoppedAt = Date.now();
    const code = await kill(bot, "SIGTERM");
    const stopMs = Date.now() - stoppedAt;
    const answeredBeforeExit = taken.filter((id) => updates.get(id)!.answered).length;
    bot = startBot(dir, apiRoot);
    await Promise.race([bot.startedUp, sleep(15_000)]);
    await until(() => taken.every((id) => updates.get(id)!.answered), 60_000);
    const answeredAfterStart = taken.filter((id) => updates.get(id)!.answered).length - answeredBeforeExit;

    // The load ends once every form is through; what is in flight is answered; the process stops cleanly.
    await until(() => told.joinSent.size >= PEOPLE, 120_000);
    stopLoad = true;
    await until(() => [...updates.values()].every((u) => u.answered) && api.waiting === 0, 90_000);
    await kill(bot, "SIGTERM");
    if (integrity(path)) integrityOk++;

    const db = new SQLite(path, { readonly: true });
    const one = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    const lostRequests = [...told.joinSent].filter(
      (user) => !db.prepare("select 1 from membership_requests where user_id = ?").get(user),
    ).length;
    const lostApprovals = [...told.approved].filter(
      (request) => !db.prepare("select 1 from members where request_id = ?").get(request),
    ).length;
    const doubled =
      one("select count(*) n from (select group_id, user_id from membership_requests group by 1, 2 having count(*) > 1)") +
      one("select count(*) n from (select request_id from members where request_id is not null group by 1 having count(*) > 1)");
    const unauthorized = one(
      `select count(*) n from membership_requests where decided_by is not null and decided_by not in (${heads.join(",")})`,
    );
    const startedForms = [...forms.furthest.keys()].length;
    const unfinished = [...forms.furthest.entries()].filter(([chat, q]) => q < 3 && !told.joinSent.has(chat)).length;
    const unanswered = [...updates.values()].filter((u) => !u.answered).length;
    const inboxLeft = one("select count(*) n from inbox where done_at is null");
    db.close();

    const figures = {
      seed: firstSeed,
      "kill -9": kills,
      "integrity_check ok": `${integrityOk}/${kills + 1}`,
      "updates sent by people": updates.size,
      "updates delivered twice": api.duplicates,
      "Bot API calls": api.faults.calls,
      "faults injected (429 / 5xx / dropped)": `${api.faults.tooMany} / ${api.faults.serverError} / ${api.faults.dropped} (${((100 * (api.faults.tooMany + api.faults.serverError + api.faults.dropped)) / api.faults.calls).toFixed(1)}%)`,
      "join requests the person was told were sent": told.joinSent.size,
      "approvals the head was told of": told.approved.size,
      "changes told and lost": lostRequests + lostApprovals,
      "records doubled": doubled,
      "forms started": startedForms,
      "forms behind": forms.behind.size,
      "forms lost (never finished)": unfinished,
      "updates left unanswered": unanswered,
      "inbox rows left undone": inboxLeft,
      "forged presses / answered": `${forged} / ${forgedAnswered}`,
      "unauthorized changes": unauthorized,
      "SIGTERM: updates in hand / answered before exit / after next start": `${taken.length} / ${answeredBeforeExit} / ${answeredAfterStart}`,
      "SIGTERM: exit code, ms to exit": `${code}, ${stopMs}`,
      "error lines in the bot's log": errorLines.length,
      "unexpected exits": unexpectedExits,
      "campaign seconds": Math.round((Date.now() - started) / 1000),
    };
    for (const [name, value] of Object.entries(figures)) console.log(`${name.padEnd(70)} ${value}`);
    for (const line of errorLines.slice(0, 5)) console.log(`  error: ${line.slice(0, 300)}`);
    for (const [chat] of [...forms.furthest.entries()].filter(([chat, q]) => q < 3 && !told.joinSent.has(chat)).slice(0, 3)) {
      console.log(
        `  unfinished ${chat}: ${(inbox.get(chat) ?? [])
          .slice(-3)
          .map((m) => (m.text ?? "").slice(0, 60))
          .join(" | ")}`,
      );
    }
    const failed =
      integrityOk !== kills + 1 ||
      lostRequests + lostApprovals > 0 ||
      doubled > 0 ||
      forms.behind.size > 0 ||
      unfinished > 0 ||
      unanswered > 0 ||
      unauthorized > 0 ||
      errorLines.length > 0 ||
      unexpectedExits > 0 ||
      answeredBeforeExit + answeredAfterStart !== taken.length ||
      code !== 0;
    console.log(failed ? "FAILED" : "PASSED");
    process.exitCode = failed ? 1 : 0;
  } finally {
    stopLoad = true;
    api.close();
    void Promise.allSettled(load);
    rmSync(dir, { recursive: true, force: true });
  }
  process.exit();
}

await main();
