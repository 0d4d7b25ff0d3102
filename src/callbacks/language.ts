import type { GroupId } from "../domain/types.js";
import { LOCALES } from "../i18n/locales.js";
import { callbackData, id, oneOf, shaped } from "./data.js";

const groupTarget = id<GroupId>();
/** Whose language: the person's own (`me`) or a group's (`g<group id>`). */
export type LanguageTarget = "me" | `g${number}`;
const target = shaped<LanguageTarget>("me|g\\d{1,16}", [`g${Number.MAX_SAFE_INTEGER}`], (raw) =>
  raw === "me" || (raw.startsWith("g") && groupTarget.read(raw.slice(1)) !== undefined) ? (raw as LanguageTarget) : undefined,
);

/** The language chosen with /language, for the person or for a group. */
export const languageData = callbackData("lang", { target, locale: oneOf(LOCALES) });
/** The language chosen at /start. */
export const startLanguageData = callbackData("lang:start", { locale: oneOf(LOCALES) });
