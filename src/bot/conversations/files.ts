import { InlineKeyboard } from "grammy";
import { formButton } from "../../callbacks/index.js";
import type { Form, FormContext } from "../context.js";
import { ask, type Parser } from "./ask.js";

export interface SentFile {
  kind: "photo" | "document";
  fileId: string;
}

type FileStep = { done: true } | { done: false; file: SentFile };

function fileAnswer(prefix: string, count: number, max: number, documents: boolean): Parser<FileStep> {
  return (ctx) => {
    if (formButton.is(ctx.callbackQuery?.data, prefix, "files", "done")) return { ok: true, value: { done: true } };
    const photo = ctx.message?.photo;
    const document = documents ? ctx.message?.document : undefined;
    if (!photo && !document)
      return { ok: false, hint: ctx.callbackQuery ? "form-use-buttons" : documents ? "files-hint-documents" : "files-hint-photos" };
    if (count >= max) return { ok: false, hint: "files-limit", vars: { max } };
    // Telegram sends each photo in several sizes, the largest last.
    const file: SentFile = photo
      ? { kind: "photo", fileId: photo[photo.length - 1]!.file_id }
      : { kind: "document", fileId: document!.file_id };
    return { ok: true, value: { done: false, file } };
  };
}

/**
 * Photos (and, when asked, documents) one after another until Done or the limit. Bounded: each
 * round either ends the step or adds one file.
 */
export async function askFiles(
  form: Form,
  ctx: FormContext,
  prefix: string,
  o: { question: string; max: number; documents: boolean },
): Promise<SentFile[]> {
  const done = new InlineKeyboard().text(ctx.t("files-done"), formButton.pack(prefix, "files", "done"));
  await ctx.reply(ctx.t(o.question, { max: o.max }), { reply_markup: done });
  const files: SentFile[] = [];
  for (let round = 0; round <= o.max; round++) {
    const step = await ask(form, prefix, fileAnswer(prefix, files.length, o.max, o.documents));
    if (step.done) break;
    files.push(step.file);
    await ctx.reply(ctx.t("files-received", { count: files.length, max: o.max }), { reply_markup: done });
  }
  return files;
}
