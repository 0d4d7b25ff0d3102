import type { MiddlewareFn } from "grammy";
import type { User } from "grammy/types";
import type { Db } from "../../db/client.js";
import { userId } from "../../domain/types.js";
import { markReachable, rememberUser } from "../../domain/users.js";

/** How many people's last-seen details are kept in memory to skip writing them again. */
const REMEMBERED = 50_000;

const signature = (u: User) => `${u.first_name}\u0000${u.last_name ?? ""}\u0000${u.username ?? ""}\u0000${u.language_code ?? ""}`;

/** Keeps the bot's own record of the people it meets (Telegram will not list a chat's members). */
export function rememberPeople(db: Db): MiddlewareFn {
  const seen = new Map<number, string>();
  return async (ctx, next) => {
    const from = ctx.from;
    if (from && !from.is_bot) {
      const details = signature(from);
      if (seen.get(from.id) !== details) {
        rememberUser(db, from);
        if (seen.size >= REMEMBERED) seen.clear();
        seen.set(from.id, details);
      }
      if (ctx.chat?.type === "private") markReachable(db, userId(from.id));
    }
    await next();
  };
}
