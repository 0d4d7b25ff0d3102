import { Composer, InlineKeyboard, InputMediaBuilder } from "grammy";
import {
  observationEditData,
  observationListData,
  observationQuarterFilterData,
  observationServiceFilterData,
  observationViewData,
  observationWithdrawData,
  observationWithdrawNoData,
  observationWithdrawYesData,
} from "../../callbacks/index.js";
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
import { serviceId, type Group, type GroupId, type Service, type ObservationId } from "../../domain/types.js";
import { formatDate } from "../../i18n/dates.js";
import type { App } from "../app.js";
import type { BotContext } from "../context.js";
import { bestEffort, refuse } from "../errors.js";
import { groupCommand, visibleGroup } from "../group-scope.js";
import { buttonGrid, deepLink } from "../keyboards.js";
import type { T } from "../notify.js";
import type { Speech } from "../speech.js";
import { observationCard, observationLine, quarterName, serviceName } from "../views/observation-card.js";
import { startEdit } from "../drafts/observation-form.js";
import type { Feature } from "../feature.js";

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

const viewData = (v: View) => observationListData.pack(v);

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
  const keyboard = buttonGrid(
    page.items.map((o, i) => [String(first + i), observationViewData.pack({ observation: o.id })] as const),
    5,
  ).row();
  if (v.page > 0) keyboard.text(t("obs-list-newer"), viewData({ ...v, page: v.page - 1 }));
  if (v.page < pages - 1) keyboard.text(t("obs-list-older"), viewData({ ...v, page: v.page + 1 }));
  keyboard
    .row()
    .text(t("obs-filter-service"), observationServiceFilterData.pack(v))
    .text(t("obs-filter-quarter"), observationQuarterFilterData.pack(v));
  // In the group chat, the way to add one: the private chat, opened on this group.
  if (inGroup) keyboard.row().url(t("obs-add-button"), deepLink(app.botUsername, `obs-${group.id}`));
  return { text: [...head, "", ...lines].join("\n").trim(), keyboard };
}

function changeButtons(t: T, o: Observation): InlineKeyboard {
  return new InlineKeyboard()
    .text(t("obs-edit"), observationEditData.pack({ observation: o.id }))
    .text(t("obs-withdraw"), observationWithdrawData.pack({ observation: o.id }));
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
async function pressedObservation(app: App, ctx: BotContext, id: ObservationId): Promise<Observation | undefined> {
  const o = observationById(app.db, id);
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
export function observationsFeature(app: App): Feature {
  const composer = new Composer<BotContext>();
  composer.use(
    groupCommand(app, "observations", async (ctx, group) => {
      if (!maySeeGroup(app.db, group.id, ctx.person)) return refuse(ctx, "not-your-group");
      const r = await rendering(app, ctx, group.id);
      const list = listMessage(app, r, group, { group: group.id, service: 0, quarter: NO_QUARTER, page: 0 }, inGroupChat(ctx));
      await ctx.reply(list.text, { reply_markup: list.keyboard });
    }),
  );
  composer.callbackQuery(observationListData.filter(), async (ctx) => {
    const pressed = observationListData.unpack(ctx.match);
    const group = await visibleGroup(app, ctx, pressed.group);
    if (!group) return;
    const view = { group: group.id, service: pressed.service, quarter: pressed.quarter, page: Math.min(pressed.page, MAX_PAGE) };
    const list = listMessage(app, await rendering(app, ctx, group.id), group, view, inGroupChat(ctx));
    await ctx.answerCallbackQuery();
    await bestEffort(app.logger, "message not edited", ctx.editMessageText(list.text, { reply_markup: list.keyboard }));
  });
  composer.callbackQuery(observationServiceFilterData.filter(), async (ctx) => {
    const { group: pressed, quarter } = observationServiceFilterData.unpack(ctx.match);
    const group = await visibleGroup(app, ctx, pressed);
    if (!group) return;
    const r = await rendering(app, ctx, group.id);
    const choices = [...r.services.values()].map(
      (s) => [nameOf(r, s.id), viewData({ group: group.id, service: s.id, quarter, page: 0 })] as const,
    );
    const all = [r.t("obs-filter-all-services"), viewData({ group: group.id, service: 0, quarter, page: 0 })] as const;
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup({ reply_markup: buttonGrid([all, ...choices], 2) });
  });
  composer.callbackQuery(observationQuarterFilterData.filter(), async (ctx) => {
    const { group: pressed, service } = observationQuarterFilterData.unpack(ctx.match);
    const group = await visibleGroup(app, ctx, pressed);
    if (!group) return;
    const { t } = ctx.speech;
    const choices = observationQuarters(app.db, group.id).map(
      (q) => [quarterName(t, q), viewData({ group: group.id, service, quarter: q, page: 0 })] as const,
    );
    const all = [t("obs-filter-all-quarters"), viewData({ group: group.id, service, quarter: NO_QUARTER, page: 0 })] as const;
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup({ reply_markup: buttonGrid([all, ...choices], 2) });
  });
  composer.callbackQuery(observationViewData.filter(), async (ctx) => {
    const o = await pressedObservation(app, ctx, observationViewData.unpack(ctx.match).observation);
    if (!o) return;
    await ctx.answerCallbackQuery();
    await showObservation(app, ctx, o);
  });
  composer.callbackQuery(observationEditData.filter(), async (ctx) => {
    const o = await pressedObservation(app, ctx, observationEditData.unpack(ctx.match).observation);
    if (!o || (await refuseChange(app, ctx, o))) return;
    const refusal = await startEdit(app, ctx, o.id);
    if (refusal) await refuse(ctx, `obs-refused-${refusal}`, { municipality: "" });
    else await ctx.answerCallbackQuery();
  });
  composer.callbackQuery(observationWithdrawData.filter(), async (ctx) => {
    const o = await pressedObservation(app, ctx, observationWithdrawData.unpack(ctx.match).observation);
    if (!o || (await refuseChange(app, ctx, o))) return;
    await ctx.answerCallbackQuery();
    await ctx.reply(ctx.t("obs-withdraw-confirm", labelOf(await rendering(app, ctx, o.groupId), o)), {
      reply_markup: new InlineKeyboard()
        .text(ctx.t("obs-withdraw-yes"), observationWithdrawYesData.pack({ observation: o.id }))
        .text(ctx.t("obs-withdraw-no"), observationWithdrawNoData.pack({ observation: o.id })),
    });
  });
  composer.callbackQuery(observationWithdrawNoData.filter(), async (ctx) => {
    await ctx.answerCallbackQuery();
    await bestEffort(app.logger, "message not edited", ctx.editMessageText(ctx.t("obs-withdraw-kept")));
  });
  composer.callbackQuery(observationWithdrawYesData.filter(), async (ctx) => {
    const o = await pressedObservation(app, ctx, observationWithdrawYesData.unpack(ctx.match).observation);
    if (!o || (await refuseChange(app, ctx, o))) return;
    const result = withdrawObservation(app.db, { id: o.id, user: ctx.person, now: app.clock.now() });
    if (!result.ok) return refuse(ctx, `obs-refused-${result.reason}`, { municipality: "" });
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t("obs-withdrawn", labelOf(await rendering(app, ctx, o.groupId), o)));
  });
  return { composer };
}
