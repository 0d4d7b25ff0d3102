import { createConversation } from "@grammyjs/conversations";
import {
  FORMS,
  formButton,
  recommendationAddresseeFilterData,
  recommendationCardData,
  recommendationListData,
  recommendationProtocolFilterData,
  recommendationStatusData,
} from "../../callbacks/index.js";
import { Composer, InlineKeyboard } from "grammy";
import { localDate } from "../../domain/calendar.js";
import { maySeeGroup } from "../../domain/permissions.js";
import { ADDRESSEES, type Addressee } from "../../domain/protocols.js";
import {
  changeRecommendationStatus,
  changeRefusal,
  historyOf,
  isRecommendationStatus,
  nextStatuses,
  NOTE_MAX_LENGTH,
  protocolsWithRecommendations,
  recommendationById,
  recommendationPage,
  type Recommendation,
  type RecommendationFilter,
  type RecommendationView,
  type ChangeRefusal,
} from "../../domain/recommendations.js";
import { protocolId, userId, type Group, type GroupId } from "../../domain/types.js";
import type { App } from "../app.js";
import type { BotContext, Form, FormContext } from "../context.js";
import { bestEffort, refuse } from "../errors.js";
import { ask, eitherAnswer, textAnswer, type Parser } from "../conversations/ask.js";
import { FORM_TIMEOUT_MS } from "../conversations/limits.js";
import { groupCommand, visibleGroup } from "../group-scope.js";
import { buttonGrid, deepLink } from "../keyboards.js";
import { protocolNumber } from "../views/protocol-text.js";
import { recommendationCard, recommendationListLine, recommendationNumber } from "../views/recommendation-text.js";
import type { Speech } from "../speech.js";
import type { Feature } from "../feature.js";

export const PAGE_SIZE = 8;
const PREFIX = FORMS.recommendationNote;
const VIEWS = { a: "all", o: "open", d: "overdue" } as const satisfies Record<string, RecommendationView>;
type ViewCode = keyof typeof VIEWS;
const ANY = "-";

/** A list view as callback data: `rl:<group>:<a|o|d>:<addressee or ->:<protocol or 0>:<page>`. */
interface View {
  group: GroupId;
  view: ViewCode;
  addressee: Addressee | typeof ANY;
  protocol: number;
  page: number;
}

const viewData = (v: View) => recommendationListData.pack(v);

function filterOf(v: View, today: string): RecommendationFilter {
  return {
    group: v.group,
    view: VIEWS[v.view],
    addressee: v.addressee === ANY ? undefined : v.addressee,
    protocol: v.protocol === 0 ? undefined : protocolId(v.protocol),
    today,
  };
}

/** One page of the list, with its open, paging and filter buttons. */
function listMessage(app: App, s: Speech, group: Group, v: View): { text: string; keyboard: InlineKeyboard } {
  const { t } = s;
  const today = localDate(app.clock.now());
  let page = recommendationPage(app.db, filterOf(v, today), v.page, PAGE_SIZE);
  const pages = Math.max(1, Math.ceil(page.total / PAGE_SIZE));
  // An old or forged page number beyond the end shows the last page.
  if (v.page >= pages) page = recommendationPage(app.db, filterOf((v = { ...v, page: pages - 1 }), today), v.page, PAGE_SIZE);
  const first = v.page * PAGE_SIZE + 1;
  const protocol = protocolsWithRecommendations(app.db, group.id).find((p) => p.id === v.protocol);
  const head = [
    t("rec-list-title", { municipality: group.municipality }),
    t("rec-list-filter", {
      view: t(`rec-view-${VIEWS[v.view]}`),
      addressee: v.addressee === ANY ? t("rec-filter-any-addressee") : t(`addressee-${v.addressee}`),
      protocol: protocol ? protocolNumber(protocol) : t("rec-filter-any-protocol"),
    }),
    page.total === 0 ? t("rec-list-empty") : t("rec-list-range", { from: first, to: first + page.items.length - 1, total: page.total }),
  ];
  const lines = page.items.map((r, i) => `${first + i}. ${recommendationListLine(s, r, today)}`);
  const keyboard = buttonGrid(
    page.items.map((r, i) => [String(first + i), recommendationCardData.pack({ recommendation: r.id })] as const),
    4,
  ).row();
  if (v.page > 0) keyboard.text(t("rec-list-back"), viewData({ ...v, page: v.page - 1 }));
  if (v.page < pages - 1) keyboard.text(t("rec-list-next"), viewData({ ...v, page: v.page + 1 }));
  keyboard.row();
  for (const code of Object.keys(VIEWS) as ViewCode[]) {
    if (code !== v.view) keyboard.text(t(`rec-view-${VIEWS[code]}`), viewData({ ...v, view: code, page: 0 }));
  }
  keyboard
    .row()
    .text(t("rec-filter-addressee"), recommendationAddresseeFilterData.pack(v))
    .text(t("rec-filter-protocol"), recommendationProtocolFilterData.pack(v));
  return { text: [...head, "", ...lines].join("\n").trim(), keyboard };
}

/** The recommendation behind a pressed button, when it is tracked and this person may see it. */
async function pressedRecommendation(app: App, ctx: BotContext, id: number): Promise<Recommendation | undefined> {
  const r = recommendationById(app.db, id);
  if (r && maySeeGroup(app.db, r.groupId, ctx.person)) return r;
  await refuse(ctx, r ? "not-your-group" : "rec-refused-not-found");
  return undefined;
}

/** The statuses this person may move it to now: buttons in private, a link there from a group. */
function cardKeyboard(app: App, s: Speech, r: Recommendation, user: number, inPrivate: boolean): InlineKeyboard | undefined {
  const now = app.clock.now();
  const allowed = nextStatuses(r.status).filter((to) => changeRefusal(app.db, r, to, userId(user), now) === undefined);
  if (allowed.length === 0) return undefined;
  if (!inPrivate) return new InlineKeyboard().url(s.t("rec-change-in-private"), deepLink(app.botUsername, `rec-${r.id}`));
  return buttonGrid(
    allowed.map((to) => [s.t(`rec-to-${to}`), recommendationStatusData.pack({ recommendation: r.id, status: to })] as const),
    2,
  );
}

async function showCard(app: App, ctx: BotContext, r: Recommendation): Promise<void> {
  const s = ctx.speech;
  const text = recommendationCard(s, r, historyOf(app.db, r.id), localDate(app.clock.now()));
  const keyboard = cardKeyboard(app, s, r, ctx.person, ctx.chat?.type === "private");
  await ctx.reply(text, { reply_markup: keyboard });
}

const skip: Parser<null> = (ctx) =>
  formButton.is(ctx.callbackQuery?.data, PREFIX, "skip") ? { ok: true, value: null } : { ok: false, hint: "form-use-buttons" };

/** The addressee's answer for a change of status, then the change itself. */
function noteForm(app: App) {
  return async function recommendationNote(form: Form, ctx: FormContext, id: number, to: string) {
    if (!isRecommendationStatus(to)) return;
    const user = ctx.person;
    const refusal = await form.external(() => changeRefusal(app.db, recommendationById(app.db, id), to, user, app.clock.now()) ?? null);
    if (refusal) return ctx.reply(ctx.t(`rec-refused-${refusal}`));
    await ctx.reply(ctx.t("rec-ask-note", { status: ctx.t(`rec-status-${to}`) }), {
      reply_markup: new InlineKeyboard().text(ctx.t("rec-note-skip"), formButton.pack(PREFIX, "skip")),
    });
    const note = await ask(form, PREFIX, eitherAnswer(skip, textAnswer("rec-note-hint", 2, NOTE_MAX_LENGTH)));
    const result = await form.external((): { number: string } | { refused: ChangeRefusal } => {
      const changed = changeRecommendationStatus(app.db, { id, to, by: user, note, now: app.clock.now() });
      return changed.ok ? { number: recommendationNumber(changed.recommendation) } : { refused: changed.reason };
    });
    if ("refused" in result) return ctx.reply(ctx.t(`rec-refused-${result.refused}`));
    await ctx.reply(ctx.t("rec-changed", { number: result.number, status: ctx.t(`rec-status-${to}`) }));
  };
}

/**
 * /recommendations: what the group recommended in its final protocols and what became of it,
 * filtered (open, overdue, all; by addressee; by protocol), a page at a time. Everyone in the
 * group sees them; the addressee's office (or the leader, for other addressees) records the
 * answers, in private.
 */
export function recommendationsFeature(app: App): Feature {
  const composer = new Composer<BotContext>();
  composer.use(
    groupCommand(app, "recommendations", async (ctx, group) => {
      if (!maySeeGroup(app.db, group.id, ctx.person)) return refuse(ctx, "not-your-group");
      const list = listMessage(app, ctx.speech, group, { group: group.id, view: "o", addressee: ANY, protocol: 0, page: 0 });
      await ctx.reply(list.text, { reply_markup: list.keyboard });
    }),
  );
  composer.callbackQuery(recommendationListData.filter(), async (ctx) => {
    const pressed = recommendationListData.unpack(ctx.match);
    const group = await visibleGroup(app, ctx, pressed.group);
    if (!group) return;
    const view: View = { ...pressed, group: group.id };
    const list = listMessage(app, ctx.speech, group, view);
    await ctx.answerCallbackQuery();
    await bestEffort(app.logger, "message not edited", ctx.editMessageText(list.text, { reply_markup: list.keyboard }));
  });
  composer.callbackQuery(recommendationAddresseeFilterData.filter(), async (ctx) => {
    const pressed = recommendationAddresseeFilterData.unpack(ctx.match);
    const group = await visibleGroup(app, ctx, pressed.group);
    if (!group) return;
    const { t } = ctx.speech;
    const base = { group: group.id, view: pressed.view, protocol: pressed.protocol, page: 0 };
    const choices = ([ANY, ...ADDRESSEES] as const).map(
      (a) => [a === ANY ? t("rec-filter-any-addressee") : t(`addressee-${a}`), viewData({ ...base, addressee: a })] as const,
    );
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup({ reply_markup: buttonGrid(choices, 2) });
  });
  composer.callbackQuery(recommendationProtocolFilterData.filter(), async (ctx) => {
    const pressed = recommendationProtocolFilterData.unpack(ctx.match);
    const group = await visibleGroup(app, ctx, pressed.group);
    if (!group) return;
    const { t } = ctx.speech;
    const base = { group: group.id, view: pressed.view, addressee: pressed.addressee, page: 0 };
    const choices = protocolsWithRecommendations(app.db, group.id).map(
      (p) => [protocolNumber(p), viewData({ ...base, protocol: p.id })] as const,
    );
    const all = [t("rec-filter-any-protocol"), viewData({ ...base, protocol: 0 })] as const;
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup({ reply_markup: buttonGrid([all, ...choices], 3) });
  });
  composer.callbackQuery(recommendationCardData.filter(), async (ctx) => {
    const r = await pressedRecommendation(app, ctx, recommendationCardData.unpack(ctx.match).recommendation);
    if (!r) return;
    await ctx.answerCallbackQuery();
    await showCard(app, ctx, r);
  });
  composer.callbackQuery(recommendationStatusData.filter(), async (ctx) => {
    const pressed = recommendationStatusData.unpack(ctx.match);
    const r = await pressedRecommendation(app, ctx, pressed.recommendation);
    if (!r) return;
    const to = pressed.status;
    const refusal =
      ctx.chat?.type !== "private"
        ? "private-only"
        : isRecommendationStatus(to)
          ? changeRefusal(app.db, r, to, ctx.person, app.clock.now())
          : "not-next";
    if (refusal) return ctx.answerCallbackQuery({ text: ctx.t(`rec-refused-${refusal}`), show_alert: true });
    await ctx.answerCallbackQuery();
    await bestEffort(app.logger, "buttons not taken off", ctx.editMessageReplyMarkup({ reply_markup: undefined }));
    await ctx.conversation.exitAll();
    await ctx.conversation.enter("recommendationNote", r.id, to);
  });
  return {
    forms: [
      createConversation<BotContext, FormContext>(noteForm(app), { id: "recommendationNote", maxMillisecondsToWait: FORM_TIMEOUT_MS }),
    ],
    composer,
    deepLinks: {
      rec: async (ctx: BotContext, id: number) => {
        const r = recommendationById(app.db, id);
        if (!r || !maySeeGroup(app.db, r.groupId, ctx.person)) return ctx.reply(ctx.t("rec-refused-not-found"));
        await showCard(app, ctx, r);
      },
    },
  };
}
