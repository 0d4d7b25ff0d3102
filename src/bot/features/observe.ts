import { observeStartData } from "../../callbacks/index.js";
import { Composer, InlineKeyboard } from "grammy";
import { groupByChat } from "../../domain/groups.js";
import { groupsOfUser } from "../../domain/members.js";
import { mayRecordObservations } from "../../domain/permissions.js";
import { chatId, groupId } from "../../domain/types.js";
import type { App } from "../app.js";
import type { BotContext } from "../context.js";
import { bestEffort } from "../errors.js";
import { observationDraft, startObserve } from "../drafts/observation-form.js";
import { buttonGrid, deepLink } from "../keyboards.js";
import type { Feature } from "../feature.js";

/**
 * /observe: in private, the form (after "which group?" for a member of several); in a group
 * chat, a button that opens the private chat on that group.
 */
export function observeFeature(app: App): Feature {
  const composer = new Composer<BotContext>();
  composer.chatType(["group", "supergroup"]).command("observe", async (ctx) => {
    const group = groupByChat(app.db, chatId(ctx.chat.id));
    if (!group) return ctx.reply(ctx.t("group-not-registered"));
    await ctx.reply(ctx.t("obs-open-private", { municipality: group.municipality }), {
      reply_markup: new InlineKeyboard().url(ctx.t("obs-add-button"), deepLink(app.botUsername, `obs-${group.id}`)),
      reply_parameters: { message_id: ctx.msg.message_id, allow_sending_without_reply: true },
    });
  });
  composer.chatType("private").command("observe", async (ctx) => {
    const user = ctx.person;
    const mine = groupsOfUser(app.db, user).filter((group) => mayRecordObservations(app.db, group.id, user));
    if (mine.length === 1) return startObserve(app, ctx, mine[0]!.id);
    if (mine.length === 0) return ctx.reply(ctx.t("obs-not-member-any"));
    const locale = ctx.speech.locale;
    await ctx.reply(ctx.t("pick-group"), {
      reply_markup: buttonGrid(mine.map((group) => [group.municipality.in(locale), observeStartData.pack({ group: group.id })] as const)),
    });
  });
  composer.chatType("private").callbackQuery(observeStartData.filter(), async (ctx) => {
    await ctx.answerCallbackQuery();
    await bestEffort(app.logger, "buttons not taken off", ctx.editMessageReplyMarkup({ reply_markup: undefined }));
    await startObserve(app, ctx, observeStartData.unpack(ctx.match).group);
  });
  return {
    drafts: [observationDraft(app)],
    composer,
    deepLinks: {
      obs: (ctx: BotContext, id: number) => startObserve(app, ctx, groupId(id)),
    },
  };
}
