import type { MiddlewareFn } from "grammy";
import type { Db } from "../../db/client.js";
import { userId } from "../../domain/types.js";
import { markReachable, rememberUser, type TelegramPerson } from "../../domain/users.js";

/** How many people's last written profile is kept in memory; past it, the memory starts over. */
const RECENT_LIMIT = 10_000;

const profileOf = (p: TelegramPerson) => [p.first_name, p.last_name ?? "", p.username ?? "", p.language_code ?? ""].join("\u0000");

/**
 * Keeps the bot's own record of the people it meets (Telegram will not list a chat's members).
 * Most updates come from someone seen a moment ago with the same name and language: their
 * record is written only when that changes (and once after each start).
 */
export function rememberPeople(db: Db): MiddlewareFn {
  const written = new Map<number, string>();
  return async (ctx, next) => {
    const from = ctx.from;
    if (from && !from.is_bot) {
      const profile = profileOf(from);
      if (written.get(from.id) !== profile) {
        rememberUser(db, from);
        if (written.size >= RECENT_LIMIT) written.clear();
        written.set(from.id, profile);
      }
      if (ctx.chat?.type === "private") markReachable(db, userId(from.id));
    }
    await next();
  };
}
