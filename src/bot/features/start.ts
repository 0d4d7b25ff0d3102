import { Composer } from "grammy";
import { groupId } from "../../domain/types.js";
import type { App } from "../app.js";
import type { BotContext } from "../context.js";
import { startJoin } from "./join.js";
import { startObserve } from "./observe.js";

/** /start: the greeting in private, and the deep links other messages point to. */
export function startFeature(app: App) {
  const composer = new Composer<BotContext>();
  const priv = composer.chatType("private");
  priv.command("start", async (ctx) => {
    const join = /^join-(\d+)$/.exec(ctx.match);
    if (join) return startJoin(app, ctx, groupId(Number(join[1])));
    const observe = /^obs-(\d+)$/.exec(ctx.match);
    if (observe) return startObserve(app, ctx, groupId(Number(observe[1])));
    await ctx.reply(ctx.t("start-greeting", { name: ctx.from.first_name }));
  });
  composer.chatType(["group", "supergroup"]).command("start", (ctx) => ctx.reply(ctx.t("start-in-group")));
  return composer;
}
