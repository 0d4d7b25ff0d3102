import type { MiddlewareFn } from "grammy";
import type { Db } from "../../db/client.js";
import { userId } from "../../domain/types.js";
import { markReachable, rememberUser } from "../../domain/users.js";

/** Keeps the bot's own record of the people it meets (Telegram will not list a chat's members). */
export function rememberPeople(db: Db): MiddlewareFn {
  return async (ctx, next) => {
    const from = ctx.from;
    if (from && !from.is_bot) {
      rememberUser(db, from);
      if (ctx.chat?.type === "private") markReachable(db, userId(from.id));
    }
    await next();
  };
}
