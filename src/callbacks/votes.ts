import { CHOICES } from "../domain/ballots.js";
import { VOTE_HOURS_CHOICES } from "../domain/rules.js";
import type { ProtocolId, VoteId } from "../domain/types.js";
import { callbackData, id, oneOf } from "./data.js";

/** The leader opens a vote on a draft protocol for one of the offered lengths. */
export const openVoteData = callbackData("vo", { protocol: id<ProtocolId>(), hours: oneOf(VOTE_HOURS_CHOICES) });
/** A member's ballot. */
export const ballotData = callbackData("v", { vote: id<VoteId>(), choice: oneOf(CHOICES) });
/** The leader closes the vote. */
export const closeVoteData = callbackData("vc", { vote: id<VoteId>() });
