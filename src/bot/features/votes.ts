import { Composer } from "grammy";
import { groupById } from "../../domain/groups.js";
import { MIN_MEMBERS, VOTE_HOURS_CHOICES } from "../../domain/rules.js";
import type { protocolId } from "../../domain/types.js";
import { ballotData, closeVoteData, openVoteData } from "../../callbacks/index.js";
import { castBallot, closeVote, openVote, setVoteMessage } from "../../domain/votes.js";
import type { App } from "../app.js";
import type { BotContext } from "../context.js";
import { bestEffort, refuse } from "../errors.js";
import { announceClosing, refreshTally } from "../notices/votes.js";
import { voteMessage } from "../views/votes.js";
import type { Feature } from "../feature.js";

async function openRound(app: App, ctx: BotContext, id: ReturnType<typeof protocolId>, hours: number): Promise<unknown> {
  // Callback data is text anyone can forge: only the lengths the buttons offer are taken.
  if (!VOTE_HOURS_CHOICES.some((choice) => choice === hours)) return refuse(ctx, "button-stale");
  const result = openVote(app.db, { protocol: id, by: ctx.person, now: app.clock.now(), hours });
  if (!result.ok) return refuse(ctx, `vote-refused-${result.reason}`, { min: MIN_MEMBERS, count: result.members ?? 0 });
  await ctx.answerCallbackQuery({ text: ctx.personalSpeech.t("vote-opened") });
  await bestEffort(app.logger, "buttons not taken off", ctx.editMessageReplyMarkup({ reply_markup: undefined }));
  const group = groupById(app.db, result.protocol.groupId);
  const message = group && voteMessage(app, group, result.vote.id);
  if (!group || !message) return;
  const sent = await app.api.sendMessage(group.chatId, message.text, { reply_markup: message.keyboard });
  setVoteMessage(app.db, result.vote.id, sent.message_id);
}

/**
 * The vote: the leader opens it from the draft; members press for / against / abstain on the
 * message in the group (or wherever the message reached them). Every press is checked here.
 */
export function votesFeature(app: App): Feature {
  const composer = new Composer<BotContext>();
  composer.callbackQuery(openVoteData.filter(), (ctx) => {
    const { protocol, hours } = openVoteData.unpack(ctx.match);
    return openRound(app, ctx, protocol, hours);
  });
  composer.callbackQuery(ballotData.filter(), async (ctx) => {
    const { vote: id, choice } = ballotData.unpack(ctx.match);
    const result = castBallot(app.db, { vote: id, user: ctx.person, choice, now: app.clock.now() });
    if (!result.ok) {
      await refuse(ctx, `ballot-${result.reason}`);
      if (result.closing) await announceClosing(app, result.closing);
      return;
    }
    await ctx.answerCallbackQuery({ text: ctx.personalSpeech.t("ballot-saved", { choice: ctx.personalSpeech.t(`vote-${choice}`) }) });
    if (result.closing) return announceClosing(app, result.closing);
    const group = groupById(app.db, result.groupId);
    if (group) await refreshTally(app, group, id);
  });
  composer.callbackQuery(closeVoteData.filter(), async (ctx) => {
    const result = closeVote(app.db, { vote: closeVoteData.unpack(ctx.match).vote, by: ctx.person, now: app.clock.now() });
    if (!result.ok) return refuse(ctx, `vote-close-${result.reason}`);
    await ctx.answerCallbackQuery();
    await announceClosing(app, result.closing);
  });
  return { composer };
}
