import { Composer } from "grammy";
import { groupId } from "../../domain/types.js";
import type { App } from "../app.js";
import type { BotContext } from "../context.js";
import { startJoin } from "./join.js";
import { startObserve } from "./observe.js";

/** What a deep link `?start=<name>-<id>` opens in private chat. */
export type DeepLinks = Record<string, (ctx: BotContext, id: number) => Promise<unknown>>;

/** /start: the greeting in private, and the deep links other messages point to. */
export function startFeature(app: App, links: DeepLinks = {}) {
  const composer = new Composer<BotContext>();
  const priv = composer.chatType("private");
  priv.command("start", async (ctx) => {
    const link = /^([a-z]+)[-_](\d+)$/.exec(ctx.match);
    if (link?.[1] === "join") return startJoin(app, ctx, groupId(Number(link[2])));
    if (link?.[1] === "obs") return startObserve(app, ctx, groupId(Number(link[2])));
    const open = link?.[1] ? links[link[1]] : undefined;
    if (open) return open(ctx, Number(link?.[2]));
    await ctx.reply(ctx.t("start-greeting", { name: ctx.from.first_name }));
  });
  composer.chatType(["group", "supergroup"]).command("start", (ctx) => ctx.reply(ctx.t("start-in-group")));
  return composer;
}
