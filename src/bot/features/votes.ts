import { Composer, InlineKeyboard } from "grammy";
import { CHOICES, castCount, tallyOf } from "../../domain/ballots.js";
import { groupById } from "../../domain/groups.js";
import { protocolById } from "../../domain/protocols.js";
import { MIN_MEMBERS, VOTE_HOURS_CHOICES } from "../../domain/rules.js";
import { protocolId, type Group, type GroupId, type VoteId } from "../../domain/types.js";
import { ballotData, closeVoteData, openVoteData } from "../../callbacks/index.js";
import { castBallot, closeDueVotes, closeVote, openVote, setVoteMessage, voteById, type Closing } from "../../domain/votes.js";
import type { App } from "../app.js";
import type { BotContext } from "../context.js";
import { bestEffort, refuse } from "../errors.js";
import { notifyGroup } from "../notify.js";
import { protocolNumber, tallyText, voteMessageText } from "../protocol-text.js";
import { speechIn, type Speech } from "../speech.js";
import { openSigning } from "./signing.js";

function ballotKeyboard({ t }: Speech, vote: VoteId): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const choice of CHOICES) keyboard.text(t(`vote-${choice}`), ballotData.pack({ vote, choice }));
  return keyboard.row().text(t("vote-close"), closeVoteData.pack({ vote }));
}

/** The vote message as it stands: the tally by name, and the buttons while it is open. */
function voteMessage(app: App, group: Group, id: VoteId): { text: string; keyboard: InlineKeyboard | undefined } | undefined {
  const vote = voteById(app.db, id);
  const protocol = vote && protocolById(app.db, vote.protocolId);
  if (!vote || !protocol) return undefined;
  const s = speechIn(app, group.locale);
  return { text: voteMessageText(s, protocol, vote, tallyOf(app.db, id)), keyboard: vote.closedAt ? undefined : ballotKeyboard(s, id) };
}

async function editVoteMessage(app: App, group: Group, id: VoteId): Promise<void> {
  const vote = voteById(app.db, id);
  const message = voteMessage(app, group, id);
  if (!vote?.messageId || !message) return;
  await app.api.editMessageText(group.chatId, vote.messageId, message.text, { reply_markup: message.keyboard });
}

const tallyKey = (id: VoteId) => `vote:${id}`;

/**
 * A round has closed: its message shows the final tally at once, the result is posted, and an
 * adopted protocol is opened for signature; otherwise the leader is told it is a draft again.
 */
export async function announceClosing(app: App, closing: Closing): Promise<void> {
  const group = groupById(app.db, closing.vote.groupId);
  if (!group) return;
  app.edits.drop(tallyKey(closing.vote.id));
  await bestEffort(app.logger, "final tally not edited", editVoteMessage(app, group, closing.vote.id));
  const number = protocolNumber(closing.protocol);
  const cast = castCount(closing.tally);
  await notifyGroup(app, group, {
    text: (t, locale) =>
      [
        t(`vote-result-${closing.outcome}`, { number, cast, voters: closing.tally.voters }),
        tallyText({ t, locale }, closing.tally),
        closing.outcome === "adopted" ? "" : t("vote-back-to-draft"),
      ]
        .filter(Boolean)
        .join("\n"),
  });
  if (closing.outcome === "adopted") await openSigning(app, closing.protocol.id);
}

/**
 * Closes the rounds past their deadline and announces them: all of them at start and by timer;
 * on a person's command, only those of the group in hand (the timer sees to the others).
 */
export async function closeDueAndAnnounce(app: App, group?: GroupId): Promise<number> {
  const closed = closeDueVotes(app.db, app.clock.now(), group);
  for (const closing of closed) await announceClosing(app, closing);
  return closed.length;
}

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
export function votesFeature(app: App) {
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
    if (group) await app.edits.request(tallyKey(id), () => editVoteMessage(app, group, id));
  });
  composer.callbackQuery(closeVoteData.filter(), async (ctx) => {
    const result = closeVote(app.db, { vote: closeVoteData.unpack(ctx.match).vote, by: ctx.person, now: app.clock.now() });
    if (!result.ok) return refuse(ctx, `vote-close-${result.reason}`);
    await ctx.answerCallbackQuery();
    await announceClosing(app, result.closing);
  });
  return composer;
}
