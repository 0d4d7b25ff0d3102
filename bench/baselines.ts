/**
 * What each scenario is measured beside, in the same run: a bare grammY bot answering /start,
 * and the floor, the same bare bot making as many Bot API calls per update as the scenario did
 * (spread evenly) and nothing else. What the bot costs above the floor is its own work.
 */
import { Bot } from "grammy";
import type { Update, User } from "grammy/types";
import { benchTelegram, BOT_INFO, drive, privateChat, say, TOKEN, type RssSampler, type Run } from "./measure.js";

/** As many /start as the scenario has updates, from many people in private. */
function bareUpdates(n: number): Update[] {
  return Array.from({ length: n }, (_, i) => {
    const person: User = { id: 30_000_000 + (i % 5000), is_bot: false, first_name: "Айгүл", language_code: "ky" };
    return say(person, privateChat(person), "/start");
  });
}

export async function bareRun(n: number, rss: RssSampler, concurrency: number, ratePerSecond?: number): Promise<Run> {
  const tg = benchTelegram();
  const bot = new Bot(TOKEN, { botInfo: BOT_INFO, client: { fetch: tg.fetch } });
  bot.command("start", (ctx) => ctx.reply("hi"));
  return drive("bare grammY /start", bot, bareUpdates(n), tg, rss, concurrency, ratePerSecond);
}

export async function floorRun(n: number, callsPerUpdate: number, rss: RssSampler, concurrency: number): Promise<Run> {
  const tg = benchTelegram();
  const bot = new Bot(TOKEN, { botInfo: BOT_INFO, client: { fetch: tg.fetch } });
  let i = 0;
  bot.command("start", async (ctx) => {
    const at = i++;
    const calls = Math.floor((at + 1) * callsPerUpdate) - Math.floor(at * callsPerUpdate);
    for (let c = 0; c < calls; c++) await ctx.reply("hi");
  });
  return drive("floor: the same API calls", bot, bareUpdates(n), tg, rss, concurrency);
}
