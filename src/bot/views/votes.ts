import { InlineKeyboard } from "grammy";
import { CHOICES, tallyOf } from "../../domain/ballots.js";
import { protocolById } from "../../domain/protocols.js";
import type { Group, VoteId } from "../../domain/types.js";
import { ballotData, closeVoteData } from "../../callbacks/index.js";
import { voteById } from "../../domain/votes.js";
import type { App } from "../app.js";
import { voteMessageText } from "./protocol-text.js";
import { speechIn, type Speech } from "../speech.js";

function ballotKeyboard({ t }: Speech, vote: VoteId): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const choice of CHOICES) keyboard.text(t(`vote-${choice}`), ballotData.pack({ vote, choice }));
  return keyboard.row().text(t("vote-close"), closeVoteData.pack({ vote }));
}

/** The vote message as it stands: the tally by name, and the buttons while it is open. */
export function voteMessage(app: App, group: Group, id: VoteId): { text: string; keyboard: InlineKeyboard | undefined } | undefined {
  const vote = voteById(app.db, id);
  const protocol = vote && protocolById(app.db, vote.protocolId);
  if (!vote || !protocol) return undefined;
  const s = speechIn(app, group.locale);
  return { text: voteMessageText(s, protocol, vote, tallyOf(app.db, id)), keyboard: vote.closedAt ? undefined : ballotKeyboard(s, id) };
}
