import { pickGroupData } from "../callbacks/index.js";
import { Composer } from "grammy";
import { groupById, groupByChat } from "../domain/groups.js";
import { groupsOfUser } from "../domain/members.js";
import { maySeeGroup } from "../domain/permissions.js";
import { chatId, groupId, type Group } from "../domain/types.js";
import type { App } from "./app.js";
import type { BotContext } from "./context.js";
import { refuse } from "./errors.js";
import { groupPicker } from "./keyboards.js";

export type GroupHandler = (ctx: BotContext, group: Group) => Promise<unknown>;

/**
 * The group a command is about: in a group chat, that chat's group; in private, the person's
 * group, or a question which one when they belong to several. Undefined when already answered.
 */
async function resolveGroup(app: App, ctx: BotContext, action: string): Promise<Group | undefined> {
  const chat = ctx.chat;
  if (!chat || !ctx.from) return undefined;
  if (chat.type !== "private") {
    const group = groupByChat(app.db, chatId(chat.id));
    if (!group) await ctx.reply(ctx.t("group-not-registered"));
    return group;
  }
  const mine = groupsOfUser(app.db, ctx.person);
  if (mine.length === 1) return mine[0];
  if (mine.length === 0) await ctx.reply(ctx.t("no-groups"));
  else await ctx.reply(ctx.t("pick-group"), { reply_markup: groupPicker(mine, action, ctx.speech.locale) });
  return undefined;
}

/**
 * A command about one group, answered in group chats and in private. The "which group?"
 * buttons it may show are checked again when pressed: the person must still belong to it.
 */
export function groupCommand(app: App, command: string, handler: GroupHandler): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command(command, async (ctx) => {
    const group = await resolveGroup(app, ctx, command);
    if (group) await handler(ctx, group);
  });
  composer.callbackQuery(pickGroupData.filter({ command }), async (ctx) => {
    const group = groupById(app.db, pickGroupData.unpack(ctx.match).group);
    if (!group || !maySeeGroup(app.db, group.id, ctx.person)) {
      return refuse(ctx, "not-your-group");
    }
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t("picked-group", { municipality: group.municipality }));
    await handler(ctx, group);
  });
  return composer;
}

/** The group a pressed list button is about, if this person may see it; else the press is refused. */
export async function visibleGroup(app: App, ctx: BotContext, id: number): Promise<Group | undefined> {
  const group = groupById(app.db, groupId(id));
  if (group && maySeeGroup(app.db, group.id, ctx.person)) return group;
  await refuse(ctx, "not-your-group");
  return undefined;
}
