import type { Api } from "grammy";
import type { Logger } from "pino";
import type { Db } from "../db/client.js";
import type { Pacer } from "../delivery/pacer.js";
import type { Locale } from "../i18n/locales.js";
import type { EditCoalescer } from "./coalescer.js";
import type { Translate } from "./i18n.js";

/** The clock every rule reads, so tests can move time. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** What features share: the database, the clock, translations and the outer Bot API. */
export interface App {
  db: Db;
  clock: Clock;
  logger: Logger;
  t: Translate;
  api: Api;
  defaultLocale: Locale;
  superadminIds: ReadonlySet<number>;
  botUsername: string;
  /** Live tallies are edited through this, never more than once every few seconds. */
  edits: EditCoalescer;
  /** What the bot sends on its own waits here for its turn (Telegram's rate limits). */
  pacer: Pacer;
}
