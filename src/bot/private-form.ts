import { InlineKeyboard } from "grammy";
import type { Db } from "../db/client.js";
import { groupById, isClosed } from "../domain/groups.js";
import { groupId, type Group, type GroupId, type UserId } from "../domain/types.js";
import type { App } from "./app.js";
import type { BotContext } from "./context.js";
import { deepLink } from "./keyboards.js";

/**
 * Opens a form in private chat: from a group chat, a button leading there (a form in the group
 * would catch other people's talk); in private, the form itself, any other one closed.
 */
export async function openInPrivate(app: App, ctx: BotContext, form: string, link: string, id: number): Promise<unknown> {
  if (ctx.chat?.type !== "private") return linkToPrivate(app, ctx, link, id);
  await ctx.conversation.exitAll();
  await ctx.conversation.enter(form, id);
}

/** A button leading to the private chat, where the form opens through the deep link `<link>-<id>`. */
export function linkToPrivate(app: App, ctx: BotContext, link: string, id: number): Promise<unknown> {
  return ctx.reply(ctx.t("continue-in-private"), {
    reply_markup: new InlineKeyboard().url(ctx.t("continue-button"), deepLink(app.botUsername, `${link}-${id}`)),
  });
}

/** Where the refusals of a group form are worded: `<prefix>-not-allowed` and `<prefix>-closed`. */
export type FormRefusal = "assignment-refused" | "info-refused" | "plan-refused" | "term-refused";

/** Opens a form about a group, for who may: the others, and anyone after the term, get the refusal. */
export type GroupFormOpener = (ctx: BotContext, group: Group) => Promise<unknown>;

export function groupFormOpener(
  app: App,
  o: { form: string; may: (db: Db, group: GroupId, user: UserId) => boolean; refused: FormRefusal },
): GroupFormOpener {
  return async (ctx, group) => {
    if (!o.may(app.db, group.id, ctx.person)) return ctx.reply(ctx.t(`${o.refused}-not-allowed`));
    if (isClosed(group, app.clock.now())) return ctx.reply(ctx.t(`${o.refused}-closed`));
    return openInPrivate(app, ctx, o.form, o.form, group.id);
  };
}

/** The deep link (`?start=<form>-<group id>`) that opens such a form from a group chat's button. */
export function groupFormLink(app: App, open: GroupFormOpener): (ctx: BotContext, id: number) => Promise<unknown> {
  return async (ctx, id) => {
    const group = groupById(app.db, groupId(id));
    if (group) await open(ctx, group);
  };
}
