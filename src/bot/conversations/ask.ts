import { formButton } from "../../callbacks/index.js";
import { parseFutureDate } from "../../domain/calendar.js";
import type { Form, FormContext } from "../context.js";
import type { TranslationVariables } from "../i18n.js";

export type Answer<T> = { ok: true; value: T } | { ok: false; hint: string; vars?: TranslationVariables };

/** Reads one answer out of an update, or says which hint to show. */
export type Parser<T> = (ctx: FormContext) => Answer<T>;

function isCommand(ctx: FormContext): boolean {
  const first = ctx.message?.entities?.[0];
  return first?.type === "bot_command" && first.offset === 0;
}

/** Plain messages and this form's own buttons are answers; anything else is not for the form. */
function isForForm(ctx: FormContext, prefix: string): boolean {
  if (ctx.callbackQuery) return formButton.belongs(ctx.callbackQuery.data, prefix);
  return ctx.message !== undefined && !isCommand(ctx);
}

/**
 * Waits for the answer to the question just asked. Commands and other features' buttons pass
 * on to their own handlers while the question stays open; an answer that does not fit gets a
 * hint and the question stays open too. Nothing loops: a skipped update is as if never received.
 */
export async function ask<T>(form: Form, prefix: string, parse: Parser<T>): Promise<T> {
  const ctx = await form.wait();
  if (!isForForm(ctx, prefix)) await form.skip({ next: true });
  const answer = parse(ctx);
  if (!answer.ok) {
    const hint = ctx.t(answer.hint, answer.vars);
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: hint, show_alert: true });
    else await ctx.reply(hint);
    return await form.skip();
  }
  if (ctx.callbackQuery) {
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup({ reply_markup: undefined });
  }
  return answer.value;
}

/** A typed text of bounded length; stickers, photos and buttons get the hint. */
export function textAnswer(hint: string, min: number, max: number): Parser<string> {
  return (ctx): Answer<string> => {
    const text = ctx.message?.text?.trim().replace(/\s+/g, " ");
    if (text === undefined || ctx.callbackQuery) return { ok: false, hint };
    if (text.length < min) return { ok: false, hint: "form-too-short", vars: { min } };
    if (text.length > max) return { ok: false, hint: "form-too-long", vars: { max, length: text.length } };
    return { ok: true, value: text };
  };
}

/** One of a form's buttons, `<prefix>:<field>:<value>`; typed text gets the hint. */
export function buttonAnswer<V extends string>(prefix: string, field: string, values: readonly V[], hint: string): Parser<V> {
  return (ctx) => {
    const known = formButton.value(ctx.callbackQuery?.data, prefix, field, values);
    return known === undefined ? { ok: false, hint } : { ok: true, value: known };
  };
}

/** Either a button or a typed value, for questions that offer both ("no end date" or a date). */
export function eitherAnswer<A, B>(first: Parser<A>, second: Parser<B>): Parser<A | B> {
  return (ctx) => (ctx.callbackQuery ? first(ctx) : second(ctx));
}

/** Numbers typed from a numbered list ("1, 3"), each between 1 and `count`, without repeats. */
export function numbersAnswer(hint: string, count: number): Parser<number[]> {
  return (ctx) => {
    const numbers = [
      ...new Set(
        (ctx.message?.text ?? "")
          .split(/[\s,;]+/)
          .filter(Boolean)
          .map(Number),
      ),
    ];
    const valid = numbers.length > 0 && numbers.every((n) => Number.isInteger(n) && n >= 1 && n <= count);
    return valid ? { ok: true, value: numbers } : { ok: false, hint, vars: { count } };
  };
}

/** A due date, today or later; "15.01" means the next 15 January. */
export function dueDateAnswer(hint: string, pastHint: string, today: string): Parser<string> {
  return (ctx) => {
    const date = parseFutureDate(ctx.message?.text ?? "", today);
    if (!date) return { ok: false, hint };
    return date < today ? { ok: false, hint: pastHint } : { ok: true, value: date };
  };
}
