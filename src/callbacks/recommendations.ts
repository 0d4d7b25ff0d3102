import type { GroupId } from "../domain/types.js";
import { RECOMMENDATION_STATUSES } from "../domain/recommendations.js";
import { ADDRESSEES } from "../domain/protocols.js";
import { callbackData, id, int, oneOf } from "./data.js";

/** Which recommendations: all (`a`), open (`o`) or done (`d`). */
const view = oneOf(["a", "o", "d"]);
/** An addressee, or any (`-`). */
const addressee = oneOf([...ADDRESSEES, "-"]);
/** A protocol id, or 0 for every protocol. */
const protocol = int();

/** A page of the recommendations list, filtered. */
export const recommendationListData = callbackData("rl", { group: id<GroupId>(), view, addressee, protocol, page: int() });
/** Pick the addressee filter. */
export const recommendationAddresseeFilterData = callbackData("ra", { group: id<GroupId>(), view, protocol });
/** Pick the protocol filter. */
export const recommendationProtocolFilterData = callbackData("rp", { group: id<GroupId>(), view, addressee });
/** Open one recommendation. */
export const recommendationCardData = callbackData("rc", { recommendation: id() });
/** Move a recommendation to a status. */
export const recommendationStatusData = callbackData("rs", { recommendation: id(), status: oneOf(RECOMMENDATION_STATUSES) });
