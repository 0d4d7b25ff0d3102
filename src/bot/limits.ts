import type { Transformer } from "grammy";
import type { Logger } from "pino";
import { splitLong } from "./notify.js";

/** What Telegram refuses beyond (Bot API): characters of text, of a caption, of a callback answer. */
export const TEXT_LIMIT = 4096;
export const CAPTION_LIMIT = 1024;
export const CALLBACK_ANSWER_LIMIT = 200;
/** Bytes of a button's callback data. */
export const CALLBACK_DATA_LIMIT = 64;

const cut = (text: string, limit: number) => (text.length > limit ? `${text.slice(0, limit - 1)}…` : text);

/**
 * The last guard before Telegram: a text that would be refused for its length is sent in parts
 * (or, where a message cannot grow into several, an edit, a caption or an alert, shortened),
 * and the slip is logged so it gets fixed where the text is built.
 */
export function withinLimits(logger: Logger): Transformer {
  return async (prev, method, payload, signal) => {
    const p = payload as Record<string, unknown>;
    const text = typeof p.text === "string" ? p.text : undefined;
    if (method === "sendMessage" && text !== undefined && text.length > TEXT_LIMIT) {
      logger.warn({ method, length: text.length }, "message over Telegram's limit sent in parts");
      const parts = splitLong(text);
      for (const part of parts.slice(0, -1)) await prev(method, { ...p, text: part, reply_markup: undefined } as never, signal);
      return prev(method, { ...p, text: parts[parts.length - 1] } as never, signal);
    }
    const limit = method === "editMessageText" ? TEXT_LIMIT : method === "answerCallbackQuery" ? CALLBACK_ANSWER_LIMIT : undefined;
    if (limit !== undefined && text !== undefined && text.length > limit) {
      logger.warn({ method, length: text.length }, "text over Telegram's limit shortened");
      return prev(method, { ...p, text: cut(text, limit) } as never, signal);
    }
    if (typeof p.caption === "string" && p.caption.length > CAPTION_LIMIT) {
      logger.warn({ method, length: p.caption.length }, "caption over Telegram's limit shortened");
      return prev(method, { ...p, caption: cut(p.caption, CAPTION_LIMIT) } as never, signal);
    }
    return prev(method, payload, signal);
  };
}
