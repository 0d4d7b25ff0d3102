import { rmSync } from "node:fs";
import type { Logger } from "pino";
import { createBot, type MonitoringBot } from "../bot/create-bot.js";
import { attachReminders } from "../reminders.js";
import { loadTranslations } from "../bot/i18n.js";
import { publishCommonMenus, refreshChatMenus } from "../bot/menus.js";
import { closeDatabase, openDatabase, type Database } from "../db/client.js";
import type { Locale } from "../i18n/locales.js";
import { startPolling, type Running } from "../runtime/polling.js";
import { cast, GROUP_CHAT, type Character } from "./cast.js";
import { SandboxClock } from "./clock.js";
import { seedLivingGroup } from "./seed.js";
import { EMBEDDED_BOT } from "./telegram/identity.js";
import { EmbeddedTelegram, type TelegramEvent } from "./telegram/telegram.js";
import { target, travel, type TimeStep } from "./time.js";

/** The sandbox's own token: never one @BotFather gave. */
export const SANDBOX_TOKEN = "7000000001:SANDBOX-embedded-telegram-not-a-real-token";

export const WORLDS = ["fresh", "seeded-ky", "seeded-ru"] as const;
export type World = (typeof WORLDS)[number];

export type SandboxEvent = TelegramEvent | { kind: "reset"; world: World } | { kind: "clock"; now: string };

/** Refuses any Bot API root but our own on this machine: the sandbox never talks to Telegram. */
export function assertEmbeddedRoot(root: string): void {
  const host = new URL(root).hostname;
  if (host !== "127.0.0.1" && host !== "localhost" && host !== "[::1]") {
    throw new Error(`the sandbox runs only against its embedded Telegram on this machine, not ${root}`);
  }
}

/**
 * The real bot (createBot, its long polling through the inbox, forms, the scheduler, the outbox) over a database
 * file of its own and the embedded Telegram; `open` makes a fresh or a seeded world.
 */
export class Sandbox {
  tg = new EmbeddedTelegram(EMBEDDED_BOT);
  clock = new SandboxClock();
  people: Character[] = cast("ky");
  world: World = "fresh";
  private db: Database | undefined;
  private bot: MonitoringBot | undefined;
  private running: Running | undefined;
  private readonly listeners = new Set<(event: SandboxEvent) => void>();
  private unsubscribe: (() => void) | undefined;
  /** Whether a world is being made: the page waits. */
  busy: Promise<void> = Promise.resolve();

  constructor(
    readonly apiRoot: string,
    readonly databasePath: string,
    readonly logger: Logger,
  ) {
    assertEmbeddedRoot(apiRoot);
  }

  on(listener: (event: SandboxEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(event: SandboxEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  get groupChat(): number {
    return GROUP_CHAT.id;
  }

  open(world: World): Promise<void> {
    this.busy = this.busy.then(() => this.make(world));
    return this.busy;
  }

  private async make(world: World): Promise<void> {
    await this.close();
    const locale: Locale = world === "seeded-ru" ? "ru" : "ky";
    for (const suffix of ["", "-wal", "-shm"]) rmSync(`${this.databasePath}${suffix}`, { force: true });
    this.world = world;
    this.clock = new SandboxClock();
    this.people = cast(locale);
    this.tg = new EmbeddedTelegram(EMBEDDED_BOT);
    const clock = this.clock;
    this.tg.now = () => Math.floor(clock.now().getTime() / 1000);
    for (const c of this.people) {
      this.tg.addUser(c.user);
      this.tg.memberStatus.set(`${GROUP_CHAT.id}:${c.user.id}`, c.role === "head" ? "administrator" : "member");
    }
    this.tg.addChat(GROUP_CHAT);
    this.unsubscribe = this.tg.on((event) => this.emit(event));

    this.db = openDatabase(this.databasePath);
    const bot = createBot({
      token: SANDBOX_TOKEN,
      db: this.db,
      logger: this.logger,
      defaultLocale: locale,
      clock,
      client: { apiRoot: this.apiRoot },
    });
    this.bot = bot;
    attachReminders(bot);
    await bot.init();
    const menus = { db: this.db, api: bot.api, t: loadTranslations(locale), defaultLocale: locale, logger: this.logger };
    await publishCommonMenus(menus);
    await refreshChatMenus(menus);
    bot.outbox.start();
    if (world !== "fresh") {
      // Seeding goes through the bot's own handlers, one update after another, before polling starts.
      this.tg.sink = (update) => bot.handleUpdate(update);
      try {
        await seedLivingGroup({ tg: this.tg, clock, people: this.people, groupChat: GROUP_CHAT.id, locale, tick: () => this.tick() });
      } catch (error) {
        // The world stays usable as far as it got; the page shows where the story stopped.
        this.logger.error({ err: error }, "seeding the living group stopped");
      } finally {
        this.tg.sink = undefined;
      }
    }
    await bot.background.tick();
    bot.background.start();
    this.running = await startPolling(bot, this.logger);
    this.emit({ kind: "reset", world });
  }

  /** What the bot does on its own when time passes. */
  private async tick(): Promise<void> {
    if (!this.bot) return;
    await this.bot.background.tick();
    await this.bot.background.flushEdits();
  }

  /** Moves the bot's clock (an hour, a day, to the quarter's end, past a vote's deadline). */
  async move(step: TimeStep): Promise<Date> {
    await this.busy;
    if (!this.db) return this.clock.now();
    await travel(this.clock, target(step, this.clock.now(), this.db), () => this.tick());
    const now = this.clock.now();
    this.emit({ kind: "clock", now: now.toISOString() });
    return now;
  }

  async close(): Promise<void> {
    await this.running?.stop();
    await this.bot?.background.stop();
    await this.bot?.outbox.stop();
    if (this.db) closeDatabase(this.db);
    this.unsubscribe?.();
    this.running = undefined;
    this.bot = undefined;
    this.db = undefined;
  }
}
