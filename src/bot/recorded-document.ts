import { createHash } from "node:crypto";
import { InputFile, type InlineKeyboard } from "grammy";
import { findDocument, recordDocument, type DocumentKey } from "../domain/documents.js";
import { RENDERER_VERSION } from "../documents/render/index.js";
import type { App } from "./app.js";

export const sha256Bytes = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/**
 * Sends a document to a chat: by Telegram's file id when this renderer made it before for the
 * same key, else made now and recorded (hash, file id) for the next time and for /verify.
 * False when there was nothing to make.
 */
export async function sendRecorded(
  app: App,
  chat: number,
  key: DocumentKey,
  make: () => Promise<{ bytes: Uint8Array; name: string } | undefined>,
  extra: { caption?: string; keyboard?: InlineKeyboard } = {},
): Promise<boolean> {
  const options = { caption: extra.caption, reply_markup: extra.keyboard };
  const known = findDocument(app.db, key, RENDERER_VERSION);
  if (known?.fileId) {
    await app.api.sendDocument(chat, known.fileId, options);
    return true;
  }
  const made = await make();
  if (!made) return false;
  const sent = await app.api.sendDocument(chat, new InputFile(made.bytes, made.name), options);
  recordDocument(app.db, key, {
    sha256: sha256Bytes(made.bytes),
    fileId: sent.document?.file_id ?? null,
    fileUniqueId: sent.document?.file_unique_id ?? null,
    rendererVersion: RENDERER_VERSION,
    now: app.clock.now(),
  });
  return true;
}
