import { autoRetry } from "@grammyjs/auto-retry";
import { conversations } from "@grammyjs/conversations";
import { sequentialize } from "@grammyjs/runner";
import { Api, Bot, type ApiClientOptions, type MiddlewareFn } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { Logger } from "pino";
import type { Db } from "../db/client.js";
import type { Locale } from "../i18n/locales.js";
import { systemClock, type Clock } from "../clock.js";
import type { App } from "./app.js";
import { Background } from "./background.js";
import { EditCoalescer } from "./coalescer.js";
import type { BotContext, FormContext } from "./context.js";
import { formKey, FORMS_VERSION, sqliteFormStorage } from "./conversations/storage.js";
import { draftButtons, draftsFeature } from "./drafts/engine.js";
import { featureErrorHandler } from "./errors.js";
import type { DeepLinks, Feature } from "./feature.js";
import { withinLimits } from "./limits.js";
import { directFilters } from "./patches/composer-filters.js";
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
import { createI18n, type Translate } from "./i18n.js";
import { MenuPublisher } from "./menu-publisher.js";
import { Inbox } from "../delivery/inbox.js";
import { boundedNetworkRetry } from "../delivery/network-retry.js";
import { Outbox } from "../delivery/outbox.js";
import { Pacer } from "../delivery/pacer.js";
import type { Stoppable } from "../delivery/pause.js";
import { inboxUpdates } from "./middleware/inbox.js";
import { answerEveryPress } from "./middleware/presses.js";
import { fileDownloader } from "./files.js";
import { sharedRenderer, type Renderer } from "../documents/render/index.js";
import { rememberPeople } from "./middleware/people.js";
import { deliverPending } from "./middleware/pending.js";
import { readOnlyGroups } from "./middleware/read-only.js";
import { assignmentsFeature } from "./features/assignments.js";
import { infoRequestsFeature } from "./features/info-requests.js";
import { planFeature } from "./features/plan.js";
import { termFeature } from "./features/term.js";
import { updateLog } from "./middleware/update-log.js";

/** The features' handlers, in the order given. */
const handlers = (features: readonly Feature[]) => features.flatMap((feature) => (feature.composer ? [feature.composer] : []));

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
  /** How many handled updates the inbox keeps (see INBOX_KEEP). */
  inboxKeep?: number;
  /** The pace of what the bot sends on its own; real time unless a test says otherwise. */
  pacer?: Pacer;
}

/** 429s are waited out (up to a minute); network failures and 5xx retried a bounded few times, logged. */
const retry =
  (logger: Logger): MiddlewareFn<FormContext> =>
  async (ctx, next) => {
    ctx.api.config.use(
      boundedNetworkRetry(logger),
      autoRetry({ maxRetryAttempts: 5, maxDelaySeconds: 60, rethrowHttpErrors: true, rethrowInternalServerErrors: true }),
      withinLimits(logger),
    );
    await next();
  };

/**
 * The bot, what it does on its own between updates (stopped on shutdown), its update inbox,
 * its outbox and the menus its updates changed. `resume` handles what the inbox holds undone
 * (at start, before new updates).
 */
export type MonitoringBot = Bot<BotContext> & {
  background: Background;
  menus: MenuPublisher;
  inbox: Inbox;
  outbox: Outbox;
  resume(signal?: Stoppable): Promise<number>;
};

/** Builds the whole bot; starting it (polling or webhook) is the caller's business. */
export function createBot(deps: BotDeps): MonitoringBot {
  directFilters();
  const bot = new Bot<BotContext>(deps.token, { botInfo: deps.botInfo, client: deps.client });
  bot.api.config.use(
    boundedNetworkRetry(deps.logger),
    autoRetry({ maxRetryAttempts: 5, maxDelaySeconds: 60, rethrowHttpErrors: true, rethrowInternalServerErrors: true }),
    withinLimits(deps.logger),
  );
  const clock = deps.clock ?? systemClock;
  const inbox = new Inbox(deps.db, clock, deps.inboxKeep);
  bot.api.config.use(inbox.storeBeforeCalls);
  const pacer = deps.pacer ?? new Pacer();
  const outboxApi = new Api(deps.token, deps.client);
  outboxApi.config.use(boundedNetworkRetry(deps.logger), withinLimits(deps.logger));
  const outbox = new Outbox(deps.db, outboxApi, deps.logger, pacer, clock);
  const presses = answerEveryPress(deps.logger);
  const i18n = createI18n(deps.db, deps.defaultLocale);
  const t: Translate = (locale, key, vars) => i18n.outside.t(locale, key, vars);
  const app: App = {
    db: deps.db,
    clock,
    logger: deps.logger,
    t,
    api: bot.api,
    defaultLocale: deps.defaultLocale,
    superadminIds: deps.superadminIds ?? new Set(),
    get botUsername() {
      return bot.botInfo.username;
    },
    pacer,
    edits: new EditCoalescer(clock, (error, key) => deps.logger.warn({ err: error, key }, "tally edit failed")),
    menus: new MenuPublisher({ db: deps.db, api: bot.api, t, defaultLocale: deps.defaultLocale, logger: deps.logger }),
    renderer: deps.renderer ?? sharedRenderer(),
    download: fileDownloader(deps.token, deps.client),
  };
  const storage = sqliteFormStorage(deps.db, clock, inbox);

  // Updates of one person in one chat run in order; everything else runs in parallel.
  bot.use(sequentialize(formKey));
  bot.use(updateLog(deps.logger));
  bot.use(inboxUpdates(inbox));
  bot.use(presses.outside);
  bot.use(...handlers([chatMigrationFeature(app)]));
  bot.use(rememberPeople(deps.db));
  bot.use(i18n.outside, i18n.remember, i18n.speakOutside);
  bot.use(deliverPending(app));
  const boundary = featureErrorHandler(app);
  // In the order their handlers run, after those placed before the forms; the fallback
  // answers what none of them took. Their short forms are registered in this order too (only
  // one runs at a time), their long forms' buttons before the short forms are read.
  const features: Feature[] = [
    helpFeature(app),
    setupFeature(app),
    namesFeature(app),
    joinFeature(app),
    requestsFeature(app),
    leaveFeature(app),
    membersFeature(app),
    appointFeature(app),
    statusFeature(app),
    remindersFeature(app),
    meetingsFeature(app),
    attendanceFeature(app),
    protocolsFeature(app),
    protocolForms(app),
    documentsFeature(app),
    signingFeature(app),
    observeFeature(app),
    observationsFeature(app),
    servicesFeature(app),
    termFeature(app),
    planFeature(app),
    assignmentsFeature(app),
    infoRequestsFeature(app),
    recommendationsFeature(app),
    exportFeature(app),
    reportFeature(app),
    fallbackFeature(app),
  ];
  const drafts = features.flatMap((feature) => feature.drafts ?? []);
  // Vote buttons are the busiest in a busy group and never a short form's answer, nor are the
  // long forms' buttons: they are handled before the short forms are even read.
  bot.errorBoundary(boundary, ...handlers([votesFeature(app)]), draftButtons(app, drafts));
  bot.use(
    conversations<BotContext, FormContext>({
      storage: { type: "key", version: FORMS_VERSION, getStorageKey: formKey, adapter: storage },
      plugins: [i18n.inside, i18n.speakInside, retry(deps.logger), presses.inside, inboxUpdates.inside(inbox)],
    }),
  );
  bot.use(async (ctx, next) => {
    const key = formKey(ctx);
    if (key && storage.takeReset(key)) await ctx.reply(ctx.t("form-reset"));
    await next();
  });

  bot.errorBoundary(boundary, draftsFeature(app, drafts));
  bot.errorBoundary(boundary, ...handlers([cancelFeature(), languageFeature(app)]), readOnlyGroups(app));
  bot.use(...features.flatMap((feature) => feature.forms ?? []));
  const deepLinks: DeepLinks = Object.fromEntries(features.flatMap((feature) => Object.entries(feature.deepLinks ?? {})));
  bot.errorBoundary(boundary, ...handlers([startFeature(app, deepLinks), ...features]));
  bot.catch(boundary);
  const resume = (signal?: Stoppable) => inbox.resume((update) => bot.handleUpdate(update), deps.logger, signal);
  return Object.assign(bot, { background: new Background(app), inbox, outbox, menus: app.menus, resume });
}
