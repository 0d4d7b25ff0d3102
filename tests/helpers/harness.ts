import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { expect } from "vitest";
import type { Chat, Document, Message, Update, User } from "grammy/types";
import { createBot, type BotDeps } from "../../src/bot/create-bot.js";
import type { ReminderRule } from "../../src/scheduler/reminder.js";
import type { Scheduler } from "../../src/scheduler/scheduler.js";
import { attachReminders } from "../../src/reminders.js";
import type { Clock } from "../../src/clock.js";
import { closeDatabase, openDatabase, type Database } from "../../src/db/client.js";
import { Pacer, type PaceClock } from "../../src/delivery/pacer.js";
import { BOT_INFO, FakeTelegram } from "./fake-telegram.js";
import { draftButtonData } from "../../src/callbacks/index.js";
import { commandEntities, type Step } from "./scenes.js";

/** Pacing time that moves only when the pacer waits: the limits hold, no test waits for them. */
export function instantTime(): PaceClock {
  let now = Date.parse("2026-01-01T00:00:00Z");
  return { now: () => now, sleep: async (ms) => void (now += Math.max(0, ms)) };
}

export const TOKEN = "123456:TEST-token-for-the-fake-telegram";

export class TestClock implements Clock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current);
  }
  set(date: Date | string): void {
    this.current = new Date(date);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export type LogLine = { level: number; msg: string; [key: string]: unknown };

let nextUpdateId = 1;
export const newUpdateId = () => nextUpdateId++;

/** A freshly migrated database, made once per worker: a copy of it is quicker than migrating. */
let migrated: Uint8Array | undefined;
function emptyDatabase(): Uint8Array {
  if (!migrated) {
    const db = openDatabase(":memory:");
    migrated = db.$client.serialize();
    closeDatabase(db);
  }
  return migrated;
}

/** What a harness has come to, for others to start from: its database, what Telegram saw, its clock and logs. */
export interface HarnessSnapshot {
  database: Uint8Array;
  tg: FakeTelegram;
  now: Date;
  logs: LogLine[];
  /** Update ids up to this one are in the database's inbox: a copy must not reuse them. */
  lastUpdateId: number;
}

export interface HarnessOptions {
  superadminIds?: number[];
  now?: string;
  /** The reminders the scheduler knows; all of them by default. */
  reminderRules?: readonly ReminderRule[];
  /** How many handled updates the inbox keeps; the bot's default unless a test says otherwise. */
  inboxKeep?: number;
  /** Where it starts from (another harness's `snapshot()`); an empty database by default. */
  snapshot?: HarnessSnapshot;
}

/**
 * A real bot over a real SQLite file and the fake Bot API. `restart()` builds a new bot over
 * the same database, as a restarted process would.
 */
export class Harness {
  readonly dir = mkdtempSync(join(tmpdir(), "mg-bot-"));
  readonly tg = new FakeTelegram();
  readonly logs: LogLine[] = [];
  readonly clock: TestClock;
  db: Database;
  bot: ReturnType<typeof createBot>;
  private reminders!: Scheduler;

  constructor(private readonly options: HarnessOptions = {}) {
    this.clock = new TestClock(new Date(options.now ?? "2026-11-24T06:00:00Z"));
    this.tg.now = () => Math.floor(this.clock.now().getTime() / 1000);
    const { snapshot } = options;
    writeFileSync(join(this.dir, "bot.sqlite"), snapshot?.database ?? emptyDatabase());
    this.db = openDatabase(join(this.dir, "bot.sqlite"));
    if (snapshot) {
      this.tg.copyFrom(snapshot.tg);
      this.clock.set(snapshot.now);
      this.logs.push(...structuredClone(snapshot.logs));
      nextUpdateId = Math.max(nextUpdateId, snapshot.lastUpdateId + 1);
    }
    this.bot = this.build();
  }

  /** What this harness has come to, copied: a harness given it as its `snapshot` starts from there. */
  snapshot(): HarnessSnapshot {
    const tg = new FakeTelegram();
    tg.copyFrom(this.tg);
    return {
      database: this.db.$client.serialize(),
      tg,
      now: this.clock.now(),
      logs: structuredClone(this.logs),
      lastUpdateId: nextUpdateId - 1,
    };
  }

  private deps(): BotDeps {
    const logger = pino({ level: "debug" }, { write: (line: string) => void this.logs.push(JSON.parse(line) as LogLine) });
    return {
      token: TOKEN,
      db: this.db,
      logger,
      defaultLocale: "ky",
      superadminIds: new Set(this.options.superadminIds ?? []),
      clock: this.clock,
      botInfo: BOT_INFO,
      client: { fetch: this.tg.fetch },
      inboxKeep: this.options.inboxKeep,
      pacer: new Pacer(instantTime()),
    };
  }

  private build() {
    const bot = createBot(this.deps());
    this.reminders = attachReminders(bot, this.options.reminderRules);
    return bot;
  }

  /** The reminder scheduler of the running bot. */
  scheduler(): Scheduler {
    return this.reminders;
  }

  /** A second bot process over the same database (as during a rolling restart). */
  anotherProcess(): ReturnType<typeof createBot> {
    const bot = createBot(this.deps());
    attachReminders(bot, this.options.reminderRules);
    return bot;
  }

  /** The reminder scheduler of a second bot process over the same database. */
  anotherProcessScheduler(): Scheduler {
    return attachReminders(createBot(this.deps()), this.options.reminderRules);
  }

  /** A new process over the same database file. */
  restart(): void {
    void this.bot.background.stop();
    closeDatabase(this.db);
    this.db = openDatabase(join(this.dir, "bot.sqlite"));
    this.bot = this.build();
  }

  /**
   * Handles the update, then waits for the menus it changed: what Telegram saw afterwards
   * includes them, as it does a moment after the update in production.
   */
  async send(update: Omit<Update, "update_id"> & { update_id?: number }): Promise<void> {
    const full = { update_id: newUpdateId(), ...update } as Update;
    this.tg.telegram.observe(full);
    await this.bot.handleUpdate(full);
    await this.bot.menus.idle();
  }

  /** The `n` a counting query returns, e.g. `select count(*) n from ballots`. */
  count(sql: string, ...args: unknown[]): number {
    return (this.db.$client.prepare(sql).get(...args) as { n: number }).n;
  }

  /** The text of the last alert or toast shown for a button press. */
  lastAlert(): string | undefined {
    return this.tg.alerts().pop();
  }

  errors(): LogLine[] {
    return this.logs.filter((line) => line.level >= 50);
  }

  /** Ends a test: it fails if any handler logged an error or Telegram would have refused a call for its length; then the harness is closed. */
  finish(): void {
    try {
      expect(this.errors()).toEqual([]);
      expect(this.tg.violations).toEqual([]);
    } finally {
      this.close();
    }
  }

  close(): void {
    void this.bot.background.stop();
    closeDatabase(this.db);
    rmSync(this.dir, { recursive: true, force: true });
  }

  person(id: number, firstName: string, languageCode?: string): Person {
    return new Person(this, { id, is_bot: false, first_name: firstName, language_code: languageCode });
  }

  groupChat(id: number, title = "Айыл аймагы"): Chat {
    return { id, type: "supergroup", title } as Chat;
  }
}

/** Someone using Telegram: writes messages and presses buttons, in private or in a group. */
export class Person {
  constructor(
    readonly h: Harness,
    readonly user: User,
  ) {}

  get id(): number {
    return this.user.id;
  }

  get privateChat(): Chat {
    return { id: this.user.id, type: "private", first_name: this.user.first_name } as Chat;
  }

  messageIn(chat: Chat | undefined, fields: Partial<Message>): Message {
    const where = chat ?? this.privateChat;
    return {
      message_id: this.h.tg.telegram.nextMessageId(where.id),
      date: Math.floor(this.h.clock.now().getTime() / 1000),
      chat: where,
      from: this.user,
      ...fields,
    } as Message;
  }

  /** Sends a text (a command when it starts with "/") in the chat, private by default. */
  async say(text: string, chat?: Chat, extra: Partial<Message> = {}): Promise<void> {
    await this.h.send({ message: this.messageIn(chat, { text, entities: commandEntities(text), ...extra }) as never });
  }

  /** Takes one step of a scene (tests/helpers/scenes.ts) in the chat, private by default. */
  async step(step: Step, chat?: Chat): Promise<void> {
    if ("say" in step) await this.say(step.say, chat);
    else await this.press(step.press, chat);
  }

  async sendSticker(chat?: Chat): Promise<void> {
    await this.h.send({
      message: this.messageIn(chat, {
        sticker: { file_id: "sticker", file_unique_id: "s", type: "regular", width: 512, height: 512, is_animated: false, is_video: false },
      }) as never,
    });
  }

  /** Sends (or forwards: Telegram gives the bot the same document) a file, with an optional caption. */
  async sendFile(document: Document, chat?: Chat, caption?: string): Promise<void> {
    const caption_entities = caption ? commandEntities(caption) : undefined;
    await this.h.send({ message: this.messageIn(chat, { document, caption, caption_entities }) as never });
  }

  /** Presses the button with this callback data on the newest message that has it. */
  async press(data: string, chat?: Chat): Promise<void> {
    const where = chat ?? this.privateChat;
    const message = this.h.tg.messageWithButton(where.id, data);
    if (!message) throw new Error(`no message in ${where.id} has a button "${data}"`);
    await this.pressOn(data, message);
  }

  /**
   * Presses a button of a draft form on the newest message that has it: `of:svc:3` presses
   * `of:<draft id>:svc:3`, whichever draft it belongs to.
   */
  async pressDraft(data: string, chat?: Chat): Promise<void> {
    const found = this.h.tg.buttonMatching((chat ?? this.privateChat).id, draftButtonData.anyDraft(data));
    if (!found) throw new Error(`no message in ${(chat ?? this.privateChat).id} has a draft button "${data}"`);
    await this.pressOn(found.data, found.message);
  }

  /** Presses a button with any data on a given message: what a forged or old button does. */
  async pressOn(data: string, message: Message): Promise<void> {
    await this.h.send({
      callback_query: { id: String(newUpdateId()), from: this.user, chat_instance: "ci", data, message } as never,
    });
  }

  /** Presses forged callback data on some message in the chat. */
  async forge(data: string, chat?: Chat): Promise<void> {
    const where = chat ?? this.privateChat;
    await this.pressOn(data, { message_id: 1, date: 0, chat: where, text: "old" } as Message);
  }
}
