import { castCount } from "../../domain/ballots.js";
import { groupById } from "../../domain/groups.js";
import type { Group, GroupId, VoteId } from "../../domain/types.js";
import { closeDueVotes, voteById, type Closing } from "../../domain/votes.js";
import type { App } from "../app.js";
import { bestEffort } from "../errors.js";
import { notifyGroup } from "../notify.js";
import { protocolNumber, tallyText } from "../views/protocol-text.js";
import { voteMessage } from "../views/votes.js";
import { openSigning } from "./signing.js";

async function editVoteMessage(app: App, group: Group, id: VoteId): Promise<void> {
  const vote = voteById(app.db, id);
  const message = voteMessage(app, group, id);
  if (!vote?.messageId || !message) return;
  await app.api.editMessageText(group.chatId, vote.messageId, message.text, { reply_markup: message.keyboard });
}

const tallyKey = (id: VoteId) => `vote:${id}`;

/** A ballot was cast: the vote message shows the new tally, edits coalesced in a busy group. */
export function refreshTally(app: App, group: Group, id: VoteId): Promise<void> {
  return app.edits.request(tallyKey(id), () => editVoteMessage(app, group, id));
}

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
