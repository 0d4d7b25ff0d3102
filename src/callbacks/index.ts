/**
 * Every button's callback data, by family: each family packs, matches (`filter()` for
 * `bot.callbackQuery`) and unpacks, with its values checked. "Who sends `sg:`?" is a search here.
 */
import type { CallbackData } from "./data.js";
import * as assignments from "./assignments.js";
import * as forms from "./forms.js";
import * as groups from "./groups.js";
import * as language from "./language.js";
import * as meetings from "./meetings.js";
import * as membership from "./membership.js";
import * as observations from "./observations.js";
import * as protocols from "./protocols.js";
import * as recommendations from "./recommendations.js";
import * as signing from "./signing.js";
import * as votes from "./votes.js";

export * from "./assignments.js";
export * from "./data.js";
export * from "./forms.js";
export * from "./groups.js";
export * from "./language.js";
export * from "./meetings.js";
export * from "./membership.js";
export * from "./observations.js";
export * from "./protocols.js";
export * from "./recommendations.js";
export * from "./signing.js";
export * from "./votes.js";

const isFamily = (value: unknown): value is CallbackData<Record<string, unknown>> =>
  typeof value === "object" && value !== null && "pack" in value && "filter" in value && "largest" in value;

/** Every family of fixed shape, by its exported name. */
export const FAMILIES: Readonly<Record<string, CallbackData<Record<string, unknown>>>> = Object.fromEntries(
  [assignments, forms, groups, language, meetings, membership, observations, protocols, recommendations, signing, votes]
    .flatMap((module) => Object.entries(module))
    .filter(([, value]) => isFamily(value)),
) as never;
