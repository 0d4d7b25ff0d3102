import { formNow } from "../conversations/now.js";
import { FORMS, formButton } from "../../callbacks/index.js";
import { createConversation } from "@grammyjs/conversations";
import { Composer, InlineKeyboard } from "grammy";
import { parseFutureDate, localDate } from "../../domain/calendar.js";
import { groupByChat, registerGroup } from "../../domain/groups.js";
import { maySetUpGroup } from "../../domain/permissions.js";
import { chatId, groupId, OFFICES, type Office } from "../../domain/types.js";
import { formatDate } from "../../i18n/dates.js";
import { LOCALES, type Locale } from "../../i18n/locales.js";
import type { App } from "../app.js";
import type { BotContext, Form, FormContext } from "../context.js";
import { ask, buttonAnswer, eitherAnswer, type Parser } from "../conversations/ask.js";
import { askMunicipalityNames, forcedReply, SKIP_ANSWER } from "../conversations/municipality-names.js";
import { FORM_TIMEOUT_MS } from "../conversations/limits.js";
import { choiceKeyboard, deepLink } from "../keyboards.js";
import type { Feature } from "../feature.js";

const PREFIX = FORMS.setup;

/** The end of the term as a date, or "-" for none (the button of forms begun before is still understood). */
function termAnswer(today: string): Parser<string | null> {
  return eitherAnswer(
    (ctx) =>
      formButton.is(ctx.callbackQuery?.data, PREFIX, "term", "none") ? { ok: true, value: null } : { ok: false, hint: "setup-term-hint" },
    (ctx) => {
      if (ctx.message?.text?.trim() === SKIP_ANSWER) return { ok: true, value: null };
      const date = parseFutureDate(ctx.message?.text ?? "", today);
      if (!date) return { ok: false, hint: "setup-term-hint" };
      if (date <= today) return { ok: false, hint: "setup-term-past" };
      return { ok: true, value: date };
    },
  );
}

function setupForm(app: App) {
  return async function setup(form: Form, ctx: FormContext) {
    const { t } = ctx.speech;
    await ctx.reply(ctx.t("setup-ask-office"), { reply_markup: choiceKeyboard(t, PREFIX, "office", OFFICES, "office") });
    const office = await ask<Office>(form, PREFIX, buttonAnswer(PREFIX, "office", OFFICES, "form-use-buttons"));
    const names = await askMunicipalityNames(form, ctx, PREFIX);
    await ctx.reply(ctx.t("setup-ask-language"), { reply_markup: choiceKeyboard(t, PREFIX, "lang", LOCALES, "language-name", 2) });
    const locale = await ask<Locale>(form, PREFIX, buttonAnswer(PREFIX, "lang", LOCALES, "form-use-buttons"));
    const today = localDate(new Date(await formNow(form, app)));
    await ctx.reply(ctx.t("setup-ask-term"), forcedReply(ctx));
    const termEndsOn = await ask(form, PREFIX, termAnswer(today));

    const chat = chatId(ctx.chatId ?? 0);
    const by = ctx.person;
    // Committed with the update (see InboxUnit): handled again after a crash, it stores nothing twice.
    const result = await form.external((outside) =>
      outside.commit(() => {
        const registered = registerGroup(app.db, { chatId: chat, names, locale, termEndsOn, by, office, now: app.clock.now() });
        return registered.ok ? { groupId: registered.group.id as number } : { groupId: null };
      }),
    );
    if (result.groupId === null) {
      await ctx.reply(ctx.t("setup-already-registered"));
      return;
    }
    const term = termEndsOn ? formatDate(locale, termEndsOn) : app.t(locale, "term-none");
    await ctx.reply(app.t(locale, "setup-done", { municipality: names[locale], office: app.t(locale, `office-${office}`), term }), {
      reply_markup: new InlineKeyboard().url(app.t(locale, "join-button"), deepLink(app.botUsername, `join-${result.groupId}`)),
    });
    app.menus.group(groupId(result.groupId));
  };
}

async function startSetup(app: App, ctx: BotContext & { chat: { id: number } }, from: number): Promise<unknown> {
  const existing = groupByChat(app.db, chatId(ctx.chat.id));
  if (existing) return ctx.reply(ctx.t("setup-already-registered"));
  const superadmin = app.superadminIds.has(from);
  const status = superadmin ? undefined : (await ctx.getChatMember(from)).status;
  if (!maySetUpGroup(status, superadmin)) return ctx.reply(ctx.t("setup-not-admin"));
  await ctx.conversation.exitAll();
  await ctx.conversation.enter("setup");
}

/** /setup: a chat administrator registers the group chat and becomes its first appointer. */
export function setupFeature(app: App): Feature {
  const composer = new Composer<BotContext>();
  composer.chatType("private").command("setup", (ctx) => ctx.reply(ctx.t("setup-in-group")));
  composer.chatType(["group", "supergroup"]).command("setup", async (ctx) => {
    // An anonymous administrator writes as the chat itself: we cannot tell who it is.
    if (ctx.msg.sender_chat?.id === ctx.chat.id) return ctx.reply(ctx.t("setup-anonymous"));
    await startSetup(app, ctx, ctx.from.id);
  });
  return {
    forms: [createConversation<BotContext, FormContext>(setupForm(app), { id: "setup", maxMillisecondsToWait: FORM_TIMEOUT_MS })],
    composer,
  };
}
