import { leaveData } from "../../callbacks/index.js";
import { Composer, InlineKeyboard } from "grammy";
import { groupById } from "../../domain/groups.js";
import { leaveGroup } from "../../domain/leaving.js";
import { finishAfterLeaving } from "../../domain/signing.js";
import { activeMembership } from "../../domain/members.js";
import type { App } from "../app.js";
import type { BotContext } from "../context.js";
import { bestEffort, refuse } from "../errors.js";
import { groupCommand } from "../group-scope.js";
import { publishFinal } from "../notices/signing.js";
import { tellLeaderLeft } from "../notices/leadership.js";
import { announceLeaving } from "../notices/membership.js";
import type { Feature } from "../feature.js";

/** /leave: the statute lets a member leave at any time; we only ask them to confirm. */
export function leaveFeature(app: App): Feature {
  const composer = new Composer<BotContext>();
  composer.use(
    groupCommand(app, "leave", async (ctx, group) => {
      const member = activeMembership(app.db, group.id, ctx.person);
      if (!member) {
        return ctx.reply(ctx.t("leave-not-member", { municipality: group.municipality }));
      }
      await ctx.reply(ctx.t("leave-confirm", { municipality: group.municipality }), {
        reply_markup: new InlineKeyboard()
          .text(ctx.t("leave-yes"), leaveData.pack({ group: group.id, user: member.userId, answer: "y" }))
          .text(ctx.t("leave-no"), leaveData.pack({ group: group.id, user: member.userId, answer: "n" })),
      });
    }),
  );
  // The button names whose confirmation it is, so in a group nobody else can press it for them.
  composer.callbackQuery(leaveData.filter(), async (ctx) => {
    const pressed = leaveData.unpack(ctx.match);
    if (pressed.user !== ctx.from.id) {
      return refuse(ctx, "button-not-yours");
    }
    if (pressed.answer === "n") {
      await ctx.answerCallbackQuery();
      return ctx.editMessageText(ctx.t("leave-kept"));
    }
    const result = leaveGroup(app.db, { group: pressed.group, user: ctx.person, now: app.clock.now() });
    if (!result.ok) {
      await refuse(ctx, `leave-${result.reason}`, { municipality: "" });
      return bestEffort(app.logger, "buttons not taken off", ctx.editMessageReplyMarkup({ reply_markup: undefined }));
    }
    const group = groupById(app.db, result.member.groupId);
    if (!group) return;
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t("leave-done", { municipality: group.municipality }));
    await announceLeaving(app, group, result.member);
    // Protocols that waited only for this member's signature are final now.
    for (const id of finishAfterLeaving(app.db, group.id, app.clock.now())) await publishFinal(app, id);
    if (result.member.isLeader) {
      app.menus.group(group.id);
      await tellLeaderLeft(app, group, result.member.fullName);
    }
  });
  return { composer };
}
