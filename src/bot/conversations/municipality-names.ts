import type { MunicipalityNames } from "../../domain/groups.js";
import { MUNICIPALITY_MAX_LENGTH } from "../../domain/rules.js";
import type { Form, FormContext } from "../context.js";
import { ask, textAnswer, type Answer, type Parser } from "./ask.js";

/**
 * With privacy mode on, the bot sees a group member's text only when it replies to the bot: a
 * selective forced reply (to the person's command) makes their answer one. Every question a
 * form asks in a group goes out this way.
 */
export function forcedReply(ctx: FormContext) {
  return {
    reply_markup: { force_reply: true as const, selective: true },
    reply_parameters: { message_id: ctx.msg?.message_id ?? 0, allow_sending_without_reply: true },
  };
}

/** The answer "-" leaves an optional field empty. */
export const SKIP_ANSWER = "-";

/** District and region: "-", or two lines, the first in Kyrgyz and the second in Russian. */
const areaAnswer: Parser<{ ky: string; ru: string } | null> = (ctx): Answer<{ ky: string; ru: string } | null> => {
  const text = ctx.message?.text?.trim();
  if (text === undefined || ctx.callbackQuery) return { ok: false, hint: "names-area-hint" };
  if (text === SKIP_ANSWER) return { ok: true, value: null };
  const lines = text
    .split("\n")
    .map((line) => line.trim().replace(/\s+/g, " "))
    .filter((line) => line !== "");
  if (lines.length !== 2) return { ok: false, hint: "names-area-hint" };
  const [ky, ru] = lines as [string, string];
  if (ky.length > MUNICIPALITY_MAX_LENGTH || ru.length > MUNICIPALITY_MAX_LENGTH) {
    return { ok: false, hint: "form-too-long", vars: { max: MUNICIPALITY_MAX_LENGTH, length: Math.max(ky.length, ru.length) } };
  }
  return { ok: true, value: { ky, ru } };
};

/** Asks the municipality's official name in Kyrgyz, in Russian, then district and region (optional). */
export async function askMunicipalityNames(form: Form, ctx: FormContext, prefix: string): Promise<MunicipalityNames> {
  const name = () => textAnswer("names-name-hint", 2, MUNICIPALITY_MAX_LENGTH);
  await ctx.reply(ctx.t("names-ask-ky"), forcedReply(ctx));
  const ky = await ask(form, prefix, name());
  await ctx.reply(ctx.t("names-ask-ru"), forcedReply(ctx));
  const ru = await ask(form, prefix, name());
  await ctx.reply(ctx.t("names-ask-area"), forcedReply(ctx));
  const area = await ask(form, prefix, areaAnswer);
  return { ky, ru, areaKy: area?.ky ?? null, areaRu: area?.ru ?? null };
}
