import type { GroupId, ObservationId } from "../domain/types.js";
import { callbackData, id, int, shaped } from "./data.js";

/** A quarter (`2026-Q4`) or none (`-`). */
const quarter = shaped("\\d{4}-Q[1-4]|-", ["9999-Q4"], (raw) => (/^(?:\d{4}-Q[1-4]|-)$/.test(raw) ? raw : undefined));
/** A service id, or 0 for every service. */
const service = int();
const page = int();

/** Start an observation for this group (for the person in several). */
export const observeStartData = callbackData("obs:start", { group: id<GroupId>() });
/** A page of the observations list, filtered by service and quarter. */
export const observationListData = callbackData("ol", { group: id<GroupId>(), service, quarter, page });
/** Pick the service filter, keeping the quarter. */
export const observationServiceFilterData = callbackData("os", { group: id<GroupId>(), quarter });
/** Pick the quarter filter, keeping the service. */
export const observationQuarterFilterData = callbackData("oq", { group: id<GroupId>(), service });
/** Open one observation. */
export const observationViewData = callbackData("ov", { observation: id<ObservationId>() });
/** Correct one's observation. */
export const observationEditData = callbackData("oe", { observation: id<ObservationId>() });
/** Withdraw one's observation: ask, confirm, keep. */
export const observationWithdrawData = callbackData("ow", { observation: id<ObservationId>() });
export const observationWithdrawYesData = callbackData("owy", { observation: id<ObservationId>() });
export const observationWithdrawNoData = callbackData("own", { observation: id<ObservationId>() });
