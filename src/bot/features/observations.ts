import { Composer, InlineKeyboard, InputMediaBuilder } from "grammy";
import {
  changeRefusal,
  observationById,
  observationPage,
  observationQuarters,
  withdrawObservation,
  type Observation,
  type ObservationFilter,
} from "../../domain/observations.js";
import { maySeeGroup } from "../../domain/permissions.js";
import { servicesOf } from "../../domain/services.js";
import { observationId, serviceId, type Group, type GroupId, type Service } from "../../domain/types.js";
import { formatDate } from "../../i18n/dates.js";
import type { App } from "../app.js";
import type { BotContext } from "../context.js";
import { bestEffort, refuse } from "../errors.js";
import { groupCommand, visibleGroup } from "../group-scope.js";
import { buttonGrid, deepLink } from "../keyboards.js";
import type { T } from "../notify.js";
import type { Speech } from "../speech.js";
import { observationCard, observationLine, quarterName, serviceName } from "../observation-card.js";
import { startEdit } from "./observe.js";

export const PAGE_SIZE = 10;
/** More pages than any group has; a forged page number beyond it is read as this (the last page shows). */
const MAX_PAGE = 100_000;
const NO_QUARTER = "-";

/** A list view as callback data: `ol:<group>:<service or 0>:<quarter or ->:<page>`. */
interface View {
  group: GroupId;
  service: number;
  quarter: string;
  page: number;
}

const inGroupChat = (ctx: BotContext) => ctx.chat !== undefined && ctx.chat.type !== "private";

const viewData = (v: View) => `ol:${v.group}:${v.service}:${v.quarter}:${v.page}`;

function filterOf(v: View): ObservationFilter {
  return {
    group: v.group,
    service: v.service === 0 ? undefined : serviceId(v.service),
    quarter: v.quarter === NO_QUARTER ? undefined : v.quarter,
  };
}

interface Rendering extends Speech {
  services: Map<number, Service>;
}

async function rendering(app: App, ctx: BotContext, group: GroupId): Promise<Rendering> {
  const services = new Map(servicesOf(app.db, group, { withRetired: true }).map((s) => [s.id as number, s]));
  return { ...ctx.speech, services };
}

function nameOf(r: Rendering, id: number): string {
  const service = r.services.get(id);
  return service ? serviceName(r.t, r.locale, service) : "";
}

/**
 * What names one observation in a title: its service and date, never its record number
 * (the list numbers its entries by position, and «1» must not open «№ 4»).
 */
function labelOf(r: Rendering, o: Observation): { service: string; date: string } {
  return { service: nameOf(r, o.serviceId), date: formatDate(r.locale, o.observedOn) };
}

function listLine(r: Rendering, o: Observation, index: number): string {
  return observationLine(r.t, r.locale, o, nameOf(r, o.serviceId), index);
}

/** One page of the list, with its open, paging and filter buttons. */
function listMessage(app: App, r: Rendering, group: Group, v: View, inGroup: boolean): { text: string; keyboard: InlineKeyboard } {
  const { t } = r;
  let page = observationPage(app.db, filterOf(v), v.page, PAGE_SIZE);
  const pages = Math.max(1, Math.ceil(page.total / PAGE_SIZE));
  // An old or forged page number beyond the end shows the last page.
  if (v.page >= pages) page = observationPage(app.db, filterOf(v), (v = { ...v, page: pages - 1 }).page, PAGE_SIZE);
  const first = v.page * PAGE_SIZE + 1;
  const head = [
    t("obs-list-title", { municipality: group.municipality }),
    t("obs-list-filter", {
      service: v.service === 0 ? t("obs-filter-all-services") : nameOf(r, v.service),
      quarter: v.quarter === NO_QUARTER ? t("obs-filter-all-quarters") : quarterName(t, v.quarter),
    }),
    page.total === 0 ? t("obs-list-empty") : t("obs-list-range", { from: first, to: first + page.items.length - 1, total: page.total }),
  ];
  const lines = page.items.map((o, i) => listLine(r, o, first + i));
  const keyboard = buttonGrid(page.items.map((o, i) => [String(first + i), `ov:${o.id}`] as const), 5).row();
  if (v.page > 0) keyboard.text(t("obs-list-newer"), viewData({ ...v, page: v.page - 1 }));
  if (v.page < pages - 1) keyboard.text(t("obs-list-older"), viewData({ ...v, page: v.page + 1 }));
  keyboard.row().text(t("obs-filter-service"), `os:${v.group}:${v.quarter}`).text(t("obs-filter-quarter"), `oq:${v.group}:${v.service}`);
  // In the group chat, the way to add one: the private chat, opened on this group.
  if (inGroup) keyboard.row().url(t("obs-add-button"), deepLink(app.botUsername, `obs-${group.id}`));
  return { text: [...head, "", ...lines].join("\n").trim(), keyboard };
}

function changeButtons(t: T, o: Observation): InlineKeyboard {
  return new InlineKeyboard().text(t("obs-edit"), `oe:${o.id}`).text(t("obs-withdraw"), `ow:${o.id}`);
}

/** An observation in full, with its photos and place; its author gets Edit / Withdraw in private. */
async function showObservation(app: App, ctx: BotContext, o: Observation): Promise<void> {
  const r = await rendering(app, ctx, o.groupId);
  if (o.photos.length === 1) await ctx.replyWithPhoto(o.photos[0]!);
  if (o.photos.length > 1) await ctx.replyWithMediaGroup(o.photos.map((file) => InputMediaBuilder.photo(file)));
  if (o.latitude !== null && o.longitude !== null) await ctx.replyWithLocation(o.latitude, o.longitude);
  if (o.findingVoice !== null) await ctx.replyWithVoice(o.findingVoice);
  const text = observationCard(r.t, r.locale, {
    draft: o,
    service: nameOf(r, o.serviceId),
    author: o.authorName,
    withdrawn: o.status === "withdrawn",
    locked: o.locked,
  });
  const mine = ctx.chat?.type === "private" && changeRefusal(app.db, o, ctx.person, app.clock.now()) === undefined;
  await ctx.reply(`${r.t("obs-card-title", labelOf(r, o))}\n${text}`, { reply_markup: mine ? changeButtons(r.t, o) : undefined });
}

/** The observation behind a pressed button, when it exists and this person may see it. */
async function pressedObservation(app: App, ctx: BotContext, id: string): Promise<Observation | undefined> {
  const o = observationById(app.db, observationId(Number(id)));
  if (o && maySeeGroup(app.db, o.groupId, ctx.person)) return o;
  await refuse(ctx, o ? "not-your-group" : "obs-refused-not-found");
  return undefined;
}

/** Edit and withdraw are refused, with the reason, unless the author may still change it. */
async function refuseChange(app: App, ctx: BotContext, o: Observation): Promise<boolean> {
  const refusal = ctx.chat?.type !== "private" ? "private-only" : changeRefusal(app.db, o, ctx.person, app.clock.now());
  if (refusal === undefined) return false;
  await refuse(ctx, `obs-refused-${refusal}`, { municipality: "" });
  return true;
}

/**
 * /observations: the group's latest observations, ten a page, filterable by service and
 * quarter; each opens in full. Members and appointers see them all (the statute's right to
 * information); the author corrects or withdraws their own until a signed protocol locks it.
 */
export function observationsFeature(app: App) {
  const composer = new Composer<BotContext>();
  composer.use(
    groupCommand(app, "observations", async (ctx, group) => {
      if (!maySeeGroup(app.db, group.id, ctx.person)) return refuse(ctx, "not-your-group");
      const r = await rendering(app, ctx, group.id);
      const list = listMessage(app, r, group, { group: group.id, service: 0, quarter: NO_QUARTER, page: 0 }, inGroupChat(ctx));
      await ctx.reply(list.text, { reply_markup: list.keyboard });
    }),
  );
  composer.callbackQuery(/^ol:(\d+):(\d+):(\d{4}-Q[1-4]|-):(\d+)$/, async (ctx) => {
    const group = await visibleGroup(app, ctx, Number(ctx.match[1]));
    if (!group) return;
    const view = { group: group.id, service: Number(ctx.match[2]), quarter: ctx.match[3]!, page: Math.min(Number(ctx.match[4]), MAX_PAGE) };
    const list = listMessage(app, await rendering(app, ctx, group.id), group, view, inGroupChat(ctx));
    await ctx.answerCallbackQuery();
    await bestEffort(app.logger, "message not edited", ctx.editMessageText(list.text, { reply_markup: list.keyboard }));
  });
  composer.callbackQuery(/^os:(\d+):(\d{4}-Q[1-4]|-)$/, async (ctx) => {
    const group = await visibleGroup(app, ctx, Number(ctx.match[1]));
    if (!group) return;
    const r = await rendering(app, ctx, group.id);
    const quarter = ctx.match[2]!;
    const choices = [...r.services.values()].map((s) => [nameOf(r, s.id), viewData({ group: group.id, service: s.id, quarter, page: 0 })] as const);
    const all = [r.t("obs-filter-all-services"), viewData({ group: group.id, service: 0, quarter, page: 0 })] as const;
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup({ reply_markup: buttonGrid([all, ...choices], 2) });
  });
  composer.callbackQuery(/^oq:(\d+):(\d+)$/, async (ctx) => {
    const group = await visibleGroup(app, ctx, Number(ctx.match[1]));
    if (!group) return;
    const { t } = ctx.speech;
    const service = Number(ctx.match[2]);
    const choices = observationQuarters(app.db, group.id).map((q) => [quarterName(t, q), viewData({ group: group.id, service, quarter: q, page: 0 })] as const);
    const all = [t("obs-filter-all-quarters"), viewData({ group: group.id, service, quarter: NO_QUARTER, page: 0 })] as const;
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup({ reply_markup: buttonGrid([all, ...choices], 2) });
  });
  composer.callbackQuery(/^ov:(\d+)$/, async (ctx) => {
    const o = await pressedObservation(app, ctx, ctx.match[1]!);
    if (!o) return;
    await ctx.answerCallbackQuery();
    await showObservation(app, ctx, o);
  });
  composer.callbackQuery(/^oe:(\d+)$/, async (ctx) => {
    const o = await pressedObservation(app, ctx, ctx.match[1]!);
    if (!o || (await refuseChange(app, ctx, o))) return;
    const refusal = await startEdit(app, ctx, o.id);
    if (refusal) await refuse(ctx, `obs-refused-${refusal}`, { municipality: "" });
    else await ctx.answerCallbackQuery();
  });
  composer.callbackQuery(/^ow:(\d+)$/, async (ctx) => {
    const o = await pressedObservation(app, ctx, ctx.match[1]!);
    if (!o || (await refuseChange(app, ctx, o))) return;
    await ctx.answerCallbackQuery();
    await ctx.reply(ctx.t("obs-withdraw-confirm", labelOf(await rendering(app, ctx, o.groupId), o)), {
      reply_markup: new InlineKeyboard().text(ctx.t("obs-withdraw-yes"), `owy:${o.id}`).text(ctx.t("obs-withdraw-no"), `own:${o.id}`),
    });
  });
  composer.callbackQuery(/^own:(\d+)$/, async (ctx) => {
    await ctx.answerCallbackQuery();
    await bestEffort(app.logger, "message not edited", ctx.editMessageText(ctx.t("obs-withdraw-kept")));
  });
  composer.callbackQuery(/^owy:(\d+)$/, async (ctx) => {
    const o = await pressedObservation(app, ctx, ctx.match[1]!);
    if (!o || (await refuseChange(app, ctx, o))) return;
    const result = withdrawObservation(app.db, { id: o.id, user: ctx.person, now: app.clock.now() });
    if (!result.ok) return refuse(ctx, `obs-refused-${result.reason}`, { municipality: "" });
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t("obs-withdrawn", labelOf(await rendering(app, ctx, o.groupId), o)));
  });
  return composer;
}
