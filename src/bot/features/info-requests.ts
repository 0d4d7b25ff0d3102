import { formNow } from "../conversations/now.js";
import { FORMS, infoAnswerData } from "../../callbacks/index.js";
import type { LocalizedName } from "../../i18n/localized-name.js";
import { createConversation } from "@grammyjs/conversations";
import { Composer, InlineKeyboard } from "grammy";
import { appointersOf } from "../../domain/appointers.js";
import { localDate } from "../../domain/calendar.js";
import { groupById, isClosed } from "../../domain/groups.js";
import {
  ADDRESSEE_NAME_MAX_LENGTH,
  answerInfoRequest,
  answerRefusal,
  INFO_ADDRESSEES,
  INFO_TEXT_MAX_LENGTH,
  MAX_ANSWER_FILES,
  recordInfoRequest,
  unansweredInfoRequests,
  type InfoRequest,
} from "../../domain/info-requests.js";
import { currentLeader } from "../../domain/leadership.js";
import { mayAnswerInfoRequest, mayRecordInfoRequests, maySeeGroup } from "../../domain/permissions.js";
import { groupId, type Group } from "../../domain/types.js";
import { formatDate } from "../../i18n/dates.js";
import type { Locale } from "../../i18n/locales.js";
import type { App } from "../app.js";
import type { BotContext, Form, FormContext } from "../context.js";
import { bestEffort, refuse } from "../errors.js";
import { ask, buttonAnswer, dueDateAnswer, textAnswer } from "../conversations/ask.js";
import { askFiles } from "../conversations/files.js";
import { FORM_TIMEOUT_MS } from "../conversations/limits.js";
import { groupCommand } from "../group-scope.js";
import { choiceKeyboard } from "../keyboards.js";
import { notifyGroup, notifyPerson, type T } from "../notify.js";
import { groupFormLink, groupFormOpener, openInPrivate } from "../private-form.js";
import type { Feature } from "../feature.js";

const ASK = FORMS.askInfo;
const ANSWER = FORMS.answerInfo;
const LISTED = 20;
const LINE_TEXT_LENGTH = 120;

const short = (text: string) => (text.length > LINE_TEXT_LENGTH ? `${text.slice(0, LINE_TEXT_LENGTH - 1)}…` : text);

const addresseeOf = (t: T, r: InfoRequest) => (r.addressee === "head" ? t("info-to-head") : (r.addresseeName ?? ""));

function requestText(t: T, locale: Locale, r: InfoRequest, key: string, municipality: LocalizedName): string {
  return t(key, { to: addresseeOf(t, r), subject: r.subject, date: formatDate(locale, r.dueOn), municipality, answer: r.answer ?? "" });
}

const answerButton = (r: InfoRequest) => (t: T) =>
  new InlineKeyboard().text(t("info-answer-button"), infoAnswerData.pack({ request: r.id }));

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
    const delivered = await form.external(async () => {
      const group = groupById(app.db, groupId(id));
      const head = group && appointersOf(app.db, group.id).find((a) => a.office === "head");
      if (!group || request.addressee !== "head") return "recorded";
      if (!head) return "no-head";
      const sent = await notifyPerson(
        app,
        head.userId,
        { text: (t, l) => requestText(t, l, request, "info-to-head-message", group.municipality), keyboard: answerButton(request) },
        group.id,
      );
      return sent ? "sent" : "kept";
    });
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
    await form.external(async () => {
      const group = groupById(app.db, result.request.groupId);
      if (!group) return;
      const r = result.request;
      await bestEffort(
        app.logger,
        "answer not posted",
        notifyGroup(app, group, { text: (t, l) => requestText(t, l, r, "info-answered-group", group.municipality) }),
      );
      const leader = currentLeader(app.db, group.id);
      if (leader && leader.userId !== user) {
        await notifyPerson(
          app,
          leader.userId,
          { text: (t, l) => requestText(t, l, r, "info-answered-to-leader", group.municipality) },
          group.id,
        );
      }
      for (const file of files) {
        const send = file.kind === "photo" ? app.api.sendPhoto(group.chatId, file.fileId) : app.api.sendDocument(group.chatId, file.fileId);
        await bestEffort(app.logger, "answer file not posted", send);
      }
    });
  };
}

function listText(t: T, locale: Locale, group: Group, list: readonly InfoRequest[], today: string): string {
  if (list.length === 0) return t("info-none", { municipality: group.municipality });
  const lines = list.slice(0, LISTED).map((r, i) =>
    t(r.dueOn < today ? "info-line-overdue" : "info-line", {
      n: i + 1,
      to: short(addresseeOf(t, r)),
      subject: short(r.subject),
      date: formatDate(locale, r.dueOn),
    }),
  );
  if (list.length > LISTED) lines.push(t("info-more", { count: list.length - LISTED }));
  return [t("info-title", { municipality: group.municipality }), ...lines].join("\n");
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
      const keyboard = new InlineKeyboard();
      if (ctx.chat?.type === "private" && !isClosed(group, app.clock.now())) {
        list.slice(0, LISTED).forEach((r, i) => {
          if (mayAnswerInfoRequest(app.db, group.id, r.addressee, user))
            keyboard.text(t("info-answer-n", { n: i + 1 }), infoAnswerData.pack({ request: r.id })).row();
        });
      }
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
