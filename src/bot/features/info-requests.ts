import { formNow } from "../conversations/now.js";
import { FORMS, infoAnswerData } from "../../callbacks/index.js";
import { createConversation } from "@grammyjs/conversations";
import { Composer, InlineKeyboard } from "grammy";
import { localDate } from "../../domain/calendar.js";
import { isClosed } from "../../domain/groups.js";
import {
  ADDRESSEE_NAME_MAX_LENGTH,
  answerInfoRequest,
  answerRefusal,
  INFO_ADDRESSEES,
  INFO_TEXT_MAX_LENGTH,
  MAX_ANSWER_FILES,
  recordInfoRequest,
  unansweredInfoRequests,
} from "../../domain/info-requests.js";
import { mayAnswerInfoRequest, mayRecordInfoRequests, maySeeGroup } from "../../domain/permissions.js";
import { groupId } from "../../domain/types.js";
import type { App } from "../app.js";
import type { BotContext, Form, FormContext } from "../context.js";
import { refuse } from "../errors.js";
import { ask, buttonAnswer, dueDateAnswer, textAnswer } from "../conversations/ask.js";
import { askFiles } from "../conversations/files.js";
import { FORM_TIMEOUT_MS } from "../conversations/limits.js";
import { groupCommand } from "../group-scope.js";
import { choiceKeyboard } from "../keyboards.js";
import { announceInfoAnswer, sendInfoRequestToHead } from "../notices/info-requests.js";
import { answerKeyboard, listText } from "../views/info-requests.js";
import { groupFormLink, groupFormOpener, openInPrivate } from "../private-form.js";
import type { Feature } from "../feature.js";

const ASK = FORMS.askInfo;
const ANSWER = FORMS.answerInfo;
function askForm(app: App) {
  return async function inforequest(form: Form, ctx: FormContext, id: number) {
    const today = localDate(new Date(await formNow(form, app)));
    await ctx.reply(ctx.t("info-ask-to"), { reply_markup: choiceKeyboard((k) => ctx.t(k), ASK, "to", INFO_ADDRESSEES, "info-to-button") });
    const addressee = await ask(form, ASK, buttonAnswer(ASK, "to", INFO_ADDRESSEES, "form-use-buttons"));
    let addresseeName: string | null = null;
    if (addressee === "provider") {
      await ctx.reply(ctx.t("info-ask-provider"));
      addresseeName = await ask(form, ASK, textAnswer("info-provider-hint", 2, ADDRESSEE_NAME_MAX_LENGTH));
    }
    await ctx.reply(ctx.t("info-ask-subject"));
    const subject = await ask(form, ASK, textAnswer("info-subject-hint", 3, INFO_TEXT_MAX_LENGTH));
    await ctx.reply(ctx.t("info-ask-due"));
    const dueOn = await ask(form, ASK, dueDateAnswer("date-hint", "date-past", today));
    const by = ctx.person;
    const result = await form.external(() =>
      recordInfoRequest(app.db, { group: groupId(id), by, addressee, addresseeName, subject, dueOn, today, now: app.clock.now() }),
    );
    if (!result.ok) return ctx.reply(ctx.t(`info-refused-${result.reason}`));
    const request = result.request;
    const delivered = await form.external(() => sendInfoRequestToHead(app, request));
    await ctx.reply(ctx.t(`info-saved-${delivered}`));
  };
}

function answerForm(app: App) {
  return async function inforeply(form: Form, ctx: FormContext, id: number) {
    await ctx.reply(ctx.t("info-ask-answer"));
    const text = await ask(form, ANSWER, textAnswer("info-answer-hint", 1, INFO_TEXT_MAX_LENGTH));
    const files = await askFiles(form, ctx, ANSWER, { question: "info-ask-files", max: MAX_ANSWER_FILES, documents: true });
    const user = ctx.person;
    const result = await form.external(() =>
      answerInfoRequest(app.db, { id, user, text, files, today: localDate(app.clock.now()), now: app.clock.now() }),
    );
    if (!result.ok) return ctx.reply(ctx.t(`info-refused-${result.reason}`));
    await ctx.reply(ctx.t("info-answer-saved"));
    await form.external(() => announceInfoAnswer(app, result.request, user, files));
  };
}

/** /inforequest (the leader records a request for information) and /inforequests (what is awaited). */
export function infoRequestsFeature(app: App): Feature {
  const composer = new Composer<BotContext>();
  const startAsk = groupFormOpener(app, { form: "inforequest", may: mayRecordInfoRequests, refused: "info-refused" });
  const startAnswer = async (ctx: BotContext, id: number): Promise<unknown> => {
    const check = answerRefusal(app.db, id, ctx.person, app.clock.now());
    if (!check.ok) return ctx.reply(ctx.t(`info-refused-${check.reason}`));
    return openInPrivate(app, ctx, "inforeply", "inforeply", id);
  };
  composer.use(groupCommand(app, "inforequest", startAsk));
  composer.use(
    groupCommand(app, "inforequests", async (ctx, group) => {
      const user = ctx.person;
      if (!maySeeGroup(app.db, group.id, user)) return refuse(ctx, "not-your-group");
      const { t, locale } = ctx.speech;
      const list = unansweredInfoRequests(app.db, group.id);
      const keyboard =
        ctx.chat?.type === "private" && !isClosed(group, app.clock.now())
          ? answerKeyboard(t, list, (r) => mayAnswerInfoRequest(app.db, group.id, r.addressee, user))
          : new InlineKeyboard();
      await ctx.reply(listText(t, locale, group, list, localDate(app.clock.now())), { reply_markup: keyboard });
    }),
  );
  composer.callbackQuery(infoAnswerData.filter(), async (ctx) => {
    const id = infoAnswerData.unpack(ctx.match).request;
    const check = answerRefusal(app.db, id, ctx.person, app.clock.now());
    if (!check.ok) return refuse(ctx, `info-refused-${check.reason}`);
    await ctx.answerCallbackQuery();
    await startAnswer(ctx, id);
  });
  return {
    composer,
    forms: [
      createConversation<BotContext, FormContext>(askForm(app), { id: "inforequest", maxMillisecondsToWait: FORM_TIMEOUT_MS }),
      createConversation<BotContext, FormContext>(answerForm(app), { id: "inforeply", maxMillisecondsToWait: FORM_TIMEOUT_MS }),
    ],
    deepLinks: {
      inforequest: groupFormLink(app, startAsk),
      inforeply: (ctx: BotContext, id: number) => startAnswer(ctx, id),
    },
  };
}
