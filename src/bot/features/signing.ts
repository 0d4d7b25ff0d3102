import { createConversation } from "@grammyjs/conversations";
import { Composer } from "grammy";
import { FORMS, signData, signDissentData } from "../../callbacks/index.js";
import { localDate } from "../../domain/calendar.js";
import { protocolById, protocolByNumber } from "../../domain/protocols.js";
import { COMMENT_MAX_LENGTH } from "../../domain/rules.js";
import { sign, signRefusal, verifyProtocol } from "../../domain/signing.js";
import { protocolId } from "../../domain/types.js";
import type { App } from "../app.js";
import type { BotContext, Form, FormContext } from "../context.js";
import { bestEffort, refuse } from "../errors.js";
import { ask, textAnswer } from "../conversations/ask.js";
import { FORM_TIMEOUT_MS } from "../conversations/limits.js";
import { groupCommand } from "../group-scope.js";
import { afterSignature } from "../notices/signing.js";
import { protocolNumber } from "../views/protocol-text.js";
import { openInPrivate } from "../private-form.js";
import type { Feature } from "../feature.js";

const PREFIX = FORMS.dissent;
function dissentForm(app: App) {
  return async function dissent(form: Form, ctx: FormContext, id: number) {
    const user = ctx.person;
    const refusal = await form.external(() => {
      const found = signRefusal(app.db, protocolId(id), user, app.clock.now());
      return found && !found.ok ? found.reason : null;
    });
    if (refusal) {
      await ctx.reply(ctx.t(`sign-${refusal}`));
      return;
    }
    const number = await form.external(() => {
      const protocol = protocolById(app.db, protocolId(id));
      return protocol ? protocolNumber(protocol) : "";
    });
    await ctx.reply(ctx.t("sign-ask-dissent", { number }));
    const text = await ask(form, PREFIX, textAnswer("sign-dissent-hint", 3, COMMENT_MAX_LENGTH));
    const signed = await form.external(async () => {
      const result = sign(app.db, { protocol: protocolId(id), user, dissent: text, now: app.clock.now() });
      if (result.ok) await afterSignature(app, result);
      return result.ok ? null : result.reason;
    });
    await ctx.reply(ctx.t(signed ? `sign-${signed}` : "sign-done-dissent", { number }));
  };
}

/** Parses "3/2026" or "3" (this year). */
function parseNumber(text: string, year: number): { number: number; year: number } | undefined {
  const match = /^(\d{1,4})(?:\/(\d{4}))?$/.exec(text.trim());
  return match ? { number: Number(match[1]), year: match[2] ? Number(match[2]) : year } : undefined;
}

/**
 * Signing with a button (or with a dissenting opinion, typed in private) and /verify, which
 * rebuilds a protocol's text from the records and compares it with what was signed.
 */
export function signingFeature(app: App): Feature {
  const composer = new Composer<BotContext>();
  composer.callbackQuery(signData.filter(), async (ctx) => {
    const result = sign(app.db, { protocol: signData.unpack(ctx.match).protocol, user: ctx.person, dissent: null, now: app.clock.now() });
    if (!result.ok) return refuse(ctx, `sign-${result.reason}`);
    await ctx.answerCallbackQuery({ text: ctx.personalSpeech.t("sign-done") });
    if (ctx.chat?.type === "private")
      await bestEffort(app.logger, "buttons not taken off", ctx.editMessageReplyMarkup({ reply_markup: undefined }));
    await afterSignature(app, result);
  });
  composer.callbackQuery(signDissentData.filter(), async (ctx) => {
    const id = signDissentData.unpack(ctx.match).protocol;
    const refusal = signRefusal(app.db, id, ctx.person, app.clock.now());
    if (refusal && !refusal.ok) return refuse(ctx, `sign-${refusal.reason}`);
    await ctx.answerCallbackQuery();
    await openInPrivate(app, ctx, "dissent", "dissent", id);
  });
  composer.use(
    groupCommand(app, "verify", async (ctx, group) => {
      const s = ctx.speech;
      const argument = (ctx.msg?.text ?? "").split(/\s+/).slice(1).join(" ");
      const wanted = parseNumber(argument, Number(localDate(app.clock.now()).slice(0, 4)));
      if (!wanted) return ctx.reply(s.t("verify-usage"));
      const protocol = protocolByNumber(app.db, group.id, wanted.year, wanted.number);
      const number = `${wanted.number}/${wanted.year}`;
      if (!protocol) return ctx.reply(s.t("verify-not-found", { number }));
      const check = verifyProtocol(app.db, protocol.id);
      if (!check) return ctx.reply(s.t("verify-not-frozen", { number }));
      return ctx.reply(
        s.t(check.matches ? "verify-ok" : "verify-mismatch", {
          number,
          stored: check.stored,
          recomputed: check.recomputed,
          signed: check.signed,
          required: check.required,
        }),
      );
    }),
  );
  return {
    forms: [createConversation<BotContext, FormContext>(dissentForm(app), { id: "dissent", maxMillisecondsToWait: FORM_TIMEOUT_MS })],
    composer,
    deepLinks: {
      dissent: (ctx: BotContext, id: number) => openInPrivate(app, ctx, "dissent", "dissent", id),
    },
  };
}
