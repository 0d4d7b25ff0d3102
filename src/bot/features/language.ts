import { Composer } from "grammy";
import { languageData, type LanguageTarget } from "../../callbacks/index.js";
import { setGroupLocale } from "../../domain/group-settings.js";
import { groupByChat } from "../../domain/groups.js";
import { chatId, groupId } from "../../domain/types.js";
import { LOCALES } from "../../i18n/locales.js";
import type { App } from "../app.js";
import type { BotContext } from "../context.js";
import { refuse } from "../errors.js";
import { buttonGrid } from "../keyboards.js";
import { chooseOwnLanguage } from "../own-language.js";
import type { Feature } from "../feature.js";

/**
 * /language: in private, the person's own language; in a group chat, the group's language,
 * which its appointers and leader may change. Placed before the forms, so it works inside one.
 */
export function languageFeature(app: App): Feature {
  const composer = new Composer<BotContext>();
  composer.command("language", async (ctx) => {
    const chat = ctx.chat;
    if (!chat) return;
    const target: LanguageTarget = chat.type === "private" ? "me" : `g${groupByChat(app.db, chatId(chat.id))?.id ?? 0}`;
    if (target === "g0") return ctx.reply(ctx.t("group-not-registered"));
    await ctx.reply(ctx.t(target === "me" ? "language-ask" : "language-ask-group"), {
      reply_markup: buttonGrid(
        LOCALES.map((locale) => [ctx.t(`language-name-${locale}`), languageData.pack({ target, locale })] as const),
        2,
      ),
    });
  });
  composer.callbackQuery(languageData.filter(), async (ctx) => {
    const { target, locale } = languageData.unpack(ctx.match);
    const user = ctx.person;
    if (target === "me") {
      await chooseOwnLanguage(app, ctx, locale);
    } else {
      const changed = setGroupLocale(app.db, { group: groupId(Number(target.slice(1))), locale, by: user });
      if (!changed.ok) return refuse(ctx, "language-group-not-allowed");
      await ctx.i18n.renegotiateLocale();
      app.menus.group(changed.group.id);
    }
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t(target === "me" ? "language-set" : "language-set-group"));
  });
  return { composer };
}
