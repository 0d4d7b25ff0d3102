import { FORMS, joinData } from "../../callbacks/index.js";
import { createConversation } from "@grammyjs/conversations";
import { Composer, InlineKeyboard } from "grammy";
import { groupById, groupByChat, openGroups } from "../../domain/groups.js";
import { joinRefusal, requestMembership, type JoinRefusal } from "../../domain/requests.js";
import { NAME_MAX_LENGTH, NAME_MIN_LENGTH } from "../../domain/rules.js";
import { CATEGORIES, chatId, groupId, requestId, type Category, type GroupId } from "../../domain/types.js";
import type { App } from "../app.js";
import type { BotContext, Form, FormContext } from "../context.js";
import { ask, buttonAnswer, textAnswer } from "../conversations/ask.js";
import { FORM_TIMEOUT_MS } from "../conversations/limits.js";
import { buttonGrid, choiceKeyboard, deepLink } from "../keyboards.js";
import { sendRequestToDeciders } from "../notices/requests.js";
import { LocalizedName } from "../../i18n/localized-name.js";
import type { Feature } from "../feature.js";

const PREFIX = FORMS.join;
const CONSENT = ["yes", "no"] as const;
/** Beyond this many open groups, /join in private points to the group chat's link instead. */
const MAX_LISTED_GROUPS = 30;

function joinForm(app: App) {
  return async function join(form: Form, ctx: FormContext, id: number) {
    const group = await form.external(() => {
      const found = groupById(app.db, groupId(id));
      const refusal = joinRefusal(app.db, found, ctx.person, app.clock.now());
      return { names: found?.municipality.value ?? { ky: "", ru: "" }, refusal: refusal ?? null };
    });
    const municipality = new LocalizedName(group.names);
    if (group.refusal) {
      await ctx.reply(ctx.t(`join-refused-${group.refusal}`, { municipality }));
      return;
    }
    const { t } = ctx.speech;
    await ctx.reply(ctx.t("join-ask-name", { municipality }));
    const fullName = await ask(form, PREFIX, textAnswer("join-name-hint", NAME_MIN_LENGTH, NAME_MAX_LENGTH));
    await ctx.reply(ctx.t("join-ask-category"), { reply_markup: choiceKeyboard(t, PREFIX, "cat", CATEGORIES, "category") });
    const category = await ask<Category>(form, PREFIX, buttonAnswer(PREFIX, "cat", CATEGORIES, "form-use-buttons"));
    await ctx.reply(ctx.t("join-ask-consent", { municipality, name: fullName, category: ctx.t(`category-${category}`) }), {
      reply_markup: choiceKeyboard(t, PREFIX, "consent", CONSENT, "join-consent", 2),
    });
    const consent = await ask(form, PREFIX, buttonAnswer(PREFIX, "consent", CONSENT, "form-use-buttons"));
    if (consent === "no") {
      await ctx.reply(ctx.t("join-no-consent"));
      return;
    }
    // Committed with the update (see InboxUnit): handled again after a crash, it files nothing twice.
    const filed = await form.external((outside) =>
      outside.commit((tx) => {
        const result = requestMembership(tx, {
          group: groupId(id),
          user: ctx.person,
          fullName,
          category,
          now: app.clock.now(),
        });
        return result.ok ? { request: result.request.id as number, refusal: null } : { request: 0, refusal: result.reason };
      }),
    );
    if (filed.refusal) {
      await ctx.reply(ctx.t(`join-refused-${filed.refusal}`, { municipality }));
      return;
    }
    await ctx.reply(ctx.t("join-sent", { municipality }));
    await form.external(() => sendRequestToDeciders(app, requestId(filed.request)));
  };
}

function refusalText(ctx: BotContext, refusal: JoinRefusal, municipality?: LocalizedName): string {
  return ctx.t(`join-refused-${refusal}`, { municipality: municipality ?? "" });
}

/** Opens the join form for one group in private chat, or says at once why it cannot. */
async function startJoin(app: App, ctx: BotContext, group: GroupId): Promise<unknown> {
  const found = groupById(app.db, group);
  const refusal = joinRefusal(app.db, found, ctx.person, app.clock.now());
  if (refusal) return ctx.reply(refusalText(ctx, refusal, found?.municipality));
  await ctx.conversation.exitAll();
  await ctx.conversation.enter("join", group);
}

/** /join: in a group chat, a button that opens the form in private; in private, the list of groups. */
export function joinFeature(app: App): Feature {
  const composer = new Composer<BotContext>();
  composer.chatType(["group", "supergroup"]).command("join", async (ctx) => {
    const group = groupByChat(app.db, chatId(ctx.chat.id));
    if (!group) return ctx.reply(ctx.t("group-not-registered"));
    const refusal = joinRefusal(app.db, group, ctx.person, app.clock.now());
    if (refusal) return ctx.reply(refusalText(ctx, refusal, group.municipality));
    await ctx.reply(ctx.t("join-open-private", { municipality: group.municipality }), {
      reply_markup: new InlineKeyboard().url(ctx.t("join-button"), deepLink(app.botUsername, `join-${group.id}`)),
      reply_parameters: { message_id: ctx.msg.message_id, allow_sending_without_reply: true },
    });
  });
  composer.chatType("private").command("join", async (ctx) => {
    const groups = openGroups(app.db, app.clock.now());
    const locale = ctx.speech.locale;
    if (groups.length === 0 || groups.length > MAX_LISTED_GROUPS) return ctx.reply(ctx.t("join-ask-link"));
    await ctx.reply(ctx.t("join-pick-group"), {
      reply_markup: buttonGrid(groups.map((group) => [group.municipality.in(locale), joinData.pack({ group: group.id })] as const)),
    });
  });
  composer.chatType("private").callbackQuery(joinData.filter(), async (ctx) => {
    await ctx.answerCallbackQuery();
    await startJoin(app, ctx, joinData.unpack(ctx.match).group);
  });
  return {
    forms: [createConversation<BotContext, FormContext>(joinForm(app), { id: "join", maxMillisecondsToWait: FORM_TIMEOUT_MS })],
    composer,
    deepLinks: {
      join: (ctx: BotContext, id: number) => startJoin(app, ctx, groupId(id)),
    },
  };
}
