import type { MeetingId, ProtocolId } from "../domain/types.js";
import { LOCALES } from "../i18n/locales.js";
import { callbackData, id, int, oneOf, shaped } from "./data.js";

const position = int(0, 999);
/** What a revision opens: an agenda item (`i0`), the recommendations, the place or the observations. */
export type EditPart = `i${number}` | "r" | "p" | "o";
const part = shaped<EditPart>("i\\d{1,3}|r|p|o", ["i999"], (raw) =>
  ["r", "p", "o"].includes(raw) || (raw.startsWith("i") && position.read(raw.slice(1)) !== undefined) ? (raw as EditPart) : undefined,
);

/** The leader starts the protocol of a held meeting. */
export const draftProtocolData = callbackData("pd", { meeting: id<MeetingId>() });
/** A member comments on a draft protocol. */
export const commentProtocolData = callbackData("pcm", { protocol: id<ProtocolId>() });
/** The leader revises one part of a draft protocol. */
export const editProtocolData = callbackData("pe", { protocol: id<ProtocolId>(), part });
/** The signed protocol's document in the other language. */
export const protocolPdfData = callbackData("pdf", { protocol: id<ProtocolId>(), locale: oneOf(LOCALES) });
