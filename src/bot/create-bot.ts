import { autoRetry } from "@grammyjs/auto-retry";
import { conversations } from "@grammyjs/conversations";
import { sequentialize } from "@grammyjs/runner";
import { Bot, type ApiClientOptions, type MiddlewareFn } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { Logger } from "pino";
import type { Db } from "../db/client.js";
import type { Locale } from "../i18n/locales.js";
import { systemClock, type App, type Clock } from "./app.js";
import { Background } from "./background.js";
import { EditCoalescer } from "./coalescer.js";
import type { BotContext, FormContext } from "./context.js";
import { formKey, sqliteFormStorage } from "./conversations/storage.js";
import { featureErrorHandler } from "./errors.js";
import { appointFeature } from "./features/appoint.js";
import { attendanceFeature } from "./features/attendance.js";
import { cancelFeature } from "./features/cancel.js";
import { chatMigrationFeature } from "./features/chat-migration.js";
import { documentsFeature } from "./features/documents.js";
import { exportFeature } from "./features/export.js";
import { fallbackFeature } from "./features/fallback.js";
import { helpFeature } from "./features/help.js";
import { joinFeature } from "./features/join.js";
import { languageFeature } from "./features/language.js";
import { leaveFeature } from "./features/leave.js";
import { meetingsFeature } from "./features/meetings.js";
import { namesFeature } from "./features/names.js";
import { membersFeature } from "./features/members.js";
import { protocolForms } from "./features/protocol-forms.js";
import { protocolsFeature } from "./features/protocols.js";
import { observationsFeature } from "./features/observations.js";
import { observeFeature } from "./features/observe.js";
import { recommendationsFeature } from "./features/recommendations.js";
import { reportFeature } from "./features/report.js";
import { requestsFeature } from "./features/requests.js";
import { servicesFeature } from "./features/services.js";
import { setupFeature } from "./features/setup.js";
import { signingFeature } from "./features/signing.js";
import { startFeature } from "./features/start.js";
import { remindersFeature } from "./features/reminders.js";
import { statusFeature } from "./features/status.js";
import { votesFeature } from "./features/votes.js";
import { createI18n } from "./i18n.js";
import { fileDownloader } from "./files.js";
import { sharedRenderer, type Renderer } from "../documents/render/index.js";
import { dedupeUpdates } from "./middleware/dedupe.js";
import type { ReminderRule } from "../scheduler/reminder.js";
import { ALL_RULES } from "../scheduler/rules/index.js";
import { rememberPeople } from "./middleware/people.js";
import { updateLog } from "./middleware/update-log.js";

export interface BotDeps {
  token: string;
  db: Db;
  logger: Logger;
  defaultLocale: Locale;
  superadminIds?: ReadonlySet<number>;
  clock?: Clock;
  /** Known in advance (tests, benchmarks) so that nothing calls getMe. */
  botInfo?: UserFromGetMe;
  /** Bot API root and fetch; tests pass a fake fetch. */
  client?: ApiClientOptions;
  /** Renders documents in a worker thread; one per process unless given. */
  renderer?: Renderer;
  /** The reminders the bot sends on its own; all of them unless a test says otherwise. */
  reminderRules?: readonly ReminderRule[];
}

/** 429s are waited out (up to a minute), network failures retried a few times. */
const retry = () => autoRetry({ maxRetryAttempts: 5, maxDelaySeconds: 60 });

/** The bot, and what it does on its own between updates (stopped on shutdown). */
export type MonitoringBot = Bot<BotContext> & { background: Background };

/** Builds the whole bot; starting it (polling or webhook) is the caller's business. */
export function createBot(deps: BotDeps): MonitoringBot {
  const bot = new Bot<BotContext>(deps.token, { botInfo: deps.botInfo, client: deps.client });
  bot.api.config.use(retry());
  const clock = deps.clock ?? systemClock;
  const i18n = createI18n(deps.db, deps.defaultLocale);
  const app: App = {
    db: deps.db,
    clock,
    logger: deps.logger,
    t: (locale, key, vars) => i18n.outside.t(locale, key, vars),
    api: bot.api,
    defaultLocale: deps.defaultLocale,
    superadminIds: deps.superadminIds ?? new Set(),
    get botUsername() {
      return bot.botInfo.username;
    },
    edits: new EditCoalescer(clock, (error, key) => deps.logger.warn({ err: error, key }, "tally edit failed")),
    renderer: deps.renderer ?? sharedRenderer(),
    download: fileDownloader(deps.token, deps.client),
  };
  const storage = sqliteFormStorage(deps.db, clock);
  const retryInForms: MiddlewareFn<FormContext> = async (ctx, next) => {
    ctx.api.config.use(retry());
    await next();
  };

  // Updates of one person in one chat run in order; everything else runs in parallel.
  bot.use(sequentialize(formKey));
  bot.use(updateLog(deps.logger));
  bot.use(dedupeUpdates(deps.db, clock));
  bot.use(chatMigrationFeature(app));
  bot.use(rememberPeople(deps.db));
  bot.use(i18n.outside, i18n.remember);
  // Vote buttons are the busiest in a busy group and never a form's answer: they are handled
  // before the forms are even read, rather than after every feature's filters.
  const boundary = featureErrorHandler(app);
  bot.errorBoundary(boundary, votesFeature(app));
  bot.use(
    conversations<BotContext, FormContext>({
      storage: { type: "key", version: 1, getStorageKey: formKey, adapter: storage },
      plugins: [i18n.inside, retryInForms],
    }),
  );
  bot.use(async (ctx, next) => {
    const key = formKey(ctx);
    if (key && storage.takeReset(key)) await ctx.reply(ctx.t("form-reset"));
    await next();
  });

  bot.errorBoundary(boundary, cancelFeature(), languageFeature(app));
  const setup = setupFeature(app);
  const join = joinFeature(app);
  const meetings = meetingsFeature(app);
  const protocols = protocolsFeature(app);
  const signing = signingFeature(app);
  const names = namesFeature(app);
  const documents = documentsFeature(app);
  const observe = observeFeature(app);
  const services = servicesFeature(app);
  const recommendations = recommendationsFeature(app);
  bot.use(...setup.forms, ...join.forms, ...observe.forms, ...services.forms, ...meetings.forms, ...protocolForms(app), ...signing.forms, ...names.forms, ...recommendations.forms);
  bot.errorBoundary(
    boundary,
    startFeature(app, { ...meetings.deepLinks, ...protocols.deepLinks, ...signing.deepLinks, ...documents.deepLinks, ...recommendations.deepLinks }),
    helpFeature(app),
    setup.composer,
    names.composer,
    join.composer,
    requestsFeature(app),
    leaveFeature(app),
    membersFeature(app),
    appointFeature(app),
    statusFeature(app),
    remindersFeature(app),
    meetings.composer,
    attendanceFeature(app),
    protocols.composer,
    documents.composer,
    signing.composer,
    observe.composer,
    observationsFeature(app),
    services.composer,
    recommendations.composer,
    exportFeature(app),
    reportFeature(app),
    fallbackFeature(app),
  );
  bot.catch(boundary);
  return Object.assign(bot, { background: new Background(app, deps.reminderRules ?? ALL_RULES) });
}
