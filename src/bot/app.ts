import type { Api } from "grammy";
import type { Logger } from "pino";
import type { Clock } from "../clock.js";
import type { Db } from "../db/client.js";
import type { Pacer } from "../delivery/pacer.js";
import type { Renderer } from "../documents/render/index.js";
import type { Locale } from "../i18n/locales.js";
import type { EditCoalescer } from "./coalescer.js";
import type { Translate } from "./i18n.js";
import type { MenuPublisher } from "./menu-publisher.js";

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
  /** The command menus an update changed are published through this, after the update. */
  menus: MenuPublisher;
  /** Makes PDFs and pictures off the event loop. */
  renderer: Renderer;
  /** Downloads a file people sent, by the file_path getFile gave. */
  download(filePath: string): Promise<Uint8Array>;
}
