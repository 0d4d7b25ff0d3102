import { Composer } from "grammy";
import { startLanguageData } from "../../callbacks/index.js";
import { languagePreference } from "../../domain/users.js";
import { LOCALES, localeFromTelegram } from "../../i18n/locales.js";
import type { App } from "../app.js";
import type { BotContext } from "../context.js";
import { buttonGrid } from "../keyboards.js";
import { chooseOwnLanguage } from "../own-language.js";
import type { DeepLinks, Feature } from "../feature.js";

/** The two languages as buttons, the one of the person's Telegram app first. */
function languageButtons(ctx: BotContext) {
  const telegram = localeFromTelegram(ctx.from?.language_code);
  const order = [...LOCALES].sort((a, b) => Number(b === telegram) - Number(a === telegram));
  return buttonGrid(
    order.map((locale) => [ctx.t(`language-name-${locale}`), startLanguageData.pack({ locale })] as const),
    2,
  );
}

const greet = (ctx: BotContext) => ctx.reply(ctx.t("start-greeting", { name: ctx.from?.first_name ?? "" }));

/**
 * /start: at first contact the person picks their language, then the greeting; the deep links
 * other messages point to open their forms at once.
 */
export function startFeature(app: App, links: DeepLinks = {}): Feature {
  const composer = new Composer<BotContext>();
  const priv = composer.chatType("private");
  priv.command("start", async (ctx) => {
    const link = /^([a-z]+)[-_](\d+)$/.exec(ctx.match);
    const open = link?.[1] ? links[link[1]] : undefined;
    if (open) return open(ctx, Number(link?.[2]));
    if (languagePreference(app.db, ctx.person).chosen) return greet(ctx);
    await ctx.reply(ctx.t("language-ask-first"), { reply_markup: languageButtons(ctx) });
  });
  priv.callbackQuery(startLanguageData.filter(), async (ctx) => {
    const { locale } = startLanguageData.unpack(ctx.match);
    await chooseOwnLanguage(app, ctx, locale);
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t("language-set"));
    await greet(ctx);
  });
  composer.chatType(["group", "supergroup"]).command("start", (ctx) => ctx.reply(ctx.t("start-in-group")));
  return { composer };
}
