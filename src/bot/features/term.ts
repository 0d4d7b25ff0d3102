import { LocalizedName } from "../../i18n/localized-name.js";
import { FORMS, formButton, termDoneData } from "../../callbacks/index.js";
import { createConversation } from "@grammyjs/conversations";
import { Composer, InlineKeyboard } from "grammy";
import { groupById } from "../../domain/groups.js";
import { mayEndTerm } from "../../domain/permissions.js";
import { END_REASON_MAX_LENGTH, endTerm, type EndTermResult } from "../../domain/term.js";
import { groupId } from "../../domain/types.js";
import type { App } from "../app.js";
import type { BotContext, Form, FormContext } from "../context.js";
import { refuse } from "../errors.js";
import { ask, buttonAnswer, textAnswer } from "../conversations/ask.js";
import { FORM_TIMEOUT_MS } from "../conversations/limits.js";
import { groupCommand } from "../group-scope.js";
import { groupFormLink, groupFormOpener } from "../private-form.js";
import type { Feature } from "../feature.js";
import { announceEnd } from "../notices/term.js";

const PREFIX = FORMS.endTerm;
const CONFIRM = ["yes", "no"] as const;

function endTermForm(app: App) {
  return async function endterm(form: Form, ctx: FormContext, id: number) {
    // What a form's external step returns is stored as JSON: the plain names, made a name again here.
    const names = await form.external(() => groupById(app.db, groupId(id))?.municipality.value ?? { ky: "", ru: "" });
    const municipality = new LocalizedName(names);
    await ctx.reply(ctx.t("term-end-ask-reason", { municipality }));
    const reason = await ask(form, PREFIX, textAnswer("term-end-reason-hint", 5, END_REASON_MAX_LENGTH));
    await ctx.reply(ctx.t("term-end-confirm", { municipality, reason }), {
      reply_markup: new InlineKeyboard()
        .text(ctx.t("term-end-yes"), formButton.pack(PREFIX, "ok", "yes"))
        .text(ctx.t("term-end-no"), formButton.pack(PREFIX, "ok", "no")),
    });
    const confirmed = await ask(form, PREFIX, buttonAnswer(PREFIX, "ok", CONFIRM, "form-use-buttons"));
    if (confirmed === "no") return ctx.reply(ctx.t("term-end-kept"));
    const result = await form.external(
      (): EndTermResult => endTerm(app.db, { group: groupId(id), by: ctx.person, reason, now: app.clock.now() }),
    );
    if (!result.ok) return ctx.reply(ctx.t(`term-refused-${result.reason}`));
    await ctx.reply(ctx.t("term-end-done"));
    await form.external(async () => {
      const group = groupById(app.db, groupId(id));
      if (group) await announceEnd(app, group, reason);
    });
  };
}

/** /endterm: an appointer ends the group's term (with the reason, after a confirmation). */
export function termFeature(app: App): Feature {
  const composer = new Composer<BotContext>();
  const start = groupFormOpener(app, { form: "endterm", may: mayEndTerm, refused: "term-refused" });
  composer.use(groupCommand(app, "endterm", start));
  // The answer to "is the group's work done?", asked when its final report is published
  // (onFinalReportPublished, in ../final-report.ts).
  composer.callbackQuery(termDoneData.filter(), async (ctx) => {
    const pressed = termDoneData.unpack(ctx.match);
    const group = groupById(app.db, pressed.group);
    const by = ctx.person;
    if (!group || !mayEndTerm(app.db, group.id, by)) return refuse(ctx, "term-refused-not-allowed");
    if (pressed.answer === "n") {
      await ctx.answerCallbackQuery();
      return ctx.editMessageText(ctx.t("term-continues"));
    }
    const reason = app.t(group.locale, "term-reason-final-report");
    const result = endTerm(app.db, { group: group.id, by, reason, now: app.clock.now() });
    if (!result.ok) return refuse(ctx, `term-refused-${result.reason}`);
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup({ reply_markup: undefined });
    await announceEnd(app, result.group, reason);
  });
  return {
    composer,
    forms: [createConversation<BotContext, FormContext>(endTermForm(app), { id: "endterm", maxMillisecondsToWait: FORM_TIMEOUT_MS })],
    deepLinks: { endterm: groupFormLink(app, start) },
  };
}
