import { appointData } from "../../callbacks/index.js";
import { Composer } from "grammy";
import { addAppointer } from "../../domain/appointing.js";
import { groupByChat, groupById } from "../../domain/groups.js";
import { appointLeader, type AppointResult } from "../../domain/leadership.js";
import { activeMembers, activeMembership } from "../../domain/members.js";
import { mayAppointLeader } from "../../domain/permissions.js";
import { chatId, userId, type Group, type MemberId } from "../../domain/types.js";
import { rememberUser } from "../../domain/users.js";
import type { App } from "../app.js";
import type { BotContext } from "../context.js";
import { refuse } from "../errors.js";
import { groupCommand } from "../group-scope.js";
import { buttonGrid } from "../keyboards.js";
import { announceLeader } from "../notices/leadership.js";
import type { Feature } from "../feature.js";

type Refusal = Extract<AppointResult, { ok: false }>["reason"];

/** Appoints and announces; returns the refusal, if any, for the caller to word. */
async function appoint(app: App, ctx: BotContext, group: Group, member: MemberId): Promise<Refusal | undefined> {
  const result = appointLeader(app.db, { group: group.id, member, by: ctx.person, now: app.clock.now() });
  if (!result.ok) return result.reason;
  await announceLeader(app, group, result.leader);
  app.menus.group(group.id);
  return undefined;
}

/**
 * /appoint: an appointer names the leader from the active members, by button or by replying
 * to the member's message. /addappointer: an appointer adds the holder of the other office.
 */
export function appointFeature(app: App): Feature {
  const composer = new Composer<BotContext>();
  composer.use(
    groupCommand(app, "appoint", async (ctx, group) => {
      if (!mayAppointLeader(app.db, group.id, ctx.person)) return refuse(ctx, "appoint-not-allowed");
      const target = ctx.msg?.reply_to_message?.from;
      if (target) {
        const member = activeMembership(app.db, group.id, userId(target.id));
        if (!member) return ctx.reply(ctx.t("appoint-not-member", { name: target.first_name }));
        const refusal = await appoint(app, ctx, group, member.id);
        if (refusal) await ctx.reply(ctx.t(`appoint-${refusal}`, { name: member.fullName }));
        return;
      }
      const list = activeMembers(app.db, group.id);
      if (list.length === 0) return ctx.reply(ctx.t("appoint-no-members"));
      await ctx.reply(ctx.t("appoint-pick", { municipality: group.municipality }), {
        reply_markup: buttonGrid(
          list.map((member) => [member.fullName, appointData.pack({ group: group.id, member: member.id })] as const),
        ),
      });
    }),
  );
  composer.callbackQuery(appointData.filter(), async (ctx) => {
    const pressed = appointData.unpack(ctx.match);
    const group = groupById(app.db, pressed.group);
    if (!group) return refuse(ctx, "appoint-not-allowed");
    const refusal = await appoint(app, ctx, group, pressed.member);
    if (refusal) return refuse(ctx, `appoint-${refusal}`, { name: "" });
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup({ reply_markup: undefined });
  });
  composer.chatType("private").command("addappointer", (ctx) => ctx.reply(ctx.t("addappointer-in-group")));
  composer.chatType(["group", "supergroup"]).command("addappointer", async (ctx) => {
    const group = groupByChat(app.db, chatId(ctx.chat.id));
    if (!group) return ctx.reply(ctx.t("group-not-registered"));
    const target = ctx.msg.reply_to_message?.from;
    if (!target || target.is_bot) return ctx.reply(ctx.t("addappointer-reply"));
    rememberUser(app.db, target);
    const result = addAppointer(app.db, { group: group.id, user: userId(target.id), by: ctx.person, now: app.clock.now() });
    if (!result.ok) return ctx.reply(ctx.t(`addappointer-${result.reason}`, { name: target.first_name }));
    await ctx.reply(ctx.t("addappointer-done", { name: target.first_name, office: ctx.t(`office-${result.office}`) }));
    app.menus.group(group.id);
  });
  return { composer };
}
