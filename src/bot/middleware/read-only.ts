import type { MiddlewareFn } from "grammy";
import { groupByChat, isClosed } from "../../domain/groups.js";
import { groupsOfUser } from "../../domain/members.js";
import { chatId, type Group } from "../../domain/types.js";
import type { App } from "../app.js";
import type { BotContext } from "../context.js";

/** Commands that only change records: after the term they are answered at once, before any form opens. */
export const CHANGING_COMMANDS = [
  "meeting",
  "attendance",
  "observe",
  "assign",
  "inforequest",
  "endterm",
  "appoint",
  "addappointer",
  "join",
] as const;

function commandOf(ctx: BotContext): string | undefined {
  const entity = ctx.message?.entities?.[0];
  if (entity?.type !== "bot_command" || entity.offset !== 0) return undefined;
  return ctx.message?.text?.slice(1, entity.length).split("@")[0]?.toLowerCase();
}

/** The group this command is about, when it is clear without asking: the chat's, or the person's only one. */
function groupAbout(app: App, ctx: BotContext): Group | undefined {
  if (ctx.chat?.type !== "private") return ctx.chat ? groupByChat(app.db, chatId(ctx.chat.id)) : undefined;
  const mine = ctx.from ? groupsOfUser(app.db, ctx.person) : [];
  return mine.length === 1 ? mine[0] : undefined;
}

/**
 * A group whose term has ended is read-only: a command that would change it says so instead
 * of opening a form. The domain refuses every change on its own too; this spares the person
 * filling a form that cannot be saved.
 */
export function readOnlyGroups(app: App): MiddlewareFn<BotContext> {
  const changing = new Set<string>(CHANGING_COMMANDS);
  return async (ctx, next) => {
    const command = commandOf(ctx);
    if (command && changing.has(command)) {
      const group = groupAbout(app, ctx);
      if (group && isClosed(group, app.clock.now()))
        return void (await ctx.reply(ctx.t("group-read-only", { municipality: group.municipality })));
    }
    await next();
  };
}
