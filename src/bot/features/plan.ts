import { formNow } from "../conversations/now.js";
import { FORMS, planApproveData, planRecordData } from "../../callbacks/index.js";
import { createConversation } from "@grammyjs/conversations";
import { Composer, InlineKeyboard } from "grammy";
import { localDate } from "../../domain/calendar.js";
import { groupById, isClosed } from "../../domain/groups.js";
import { mayApprovePlan, mayRecordPlan, maySeeGroup } from "../../domain/permissions.js";
import { approvePlan, currentPlan, PLAN_TEXT_MAX_LENGTH, recordPlan } from "../../domain/plans.js";
import { groupId } from "../../domain/types.js";
import type { App } from "../app.js";
import type { BotContext, Form, FormContext } from "../context.js";
import { refuse } from "../errors.js";
import { ask, dueDateAnswer, textAnswer } from "../conversations/ask.js";
import { FORM_TIMEOUT_MS } from "../conversations/limits.js";
import { groupCommand } from "../group-scope.js";
import { deepLink } from "../keyboards.js";
import { announcePlanApproved, sendPlanForApproval } from "../notices/plan.js";
import { planText } from "../views/plan.js";
import { groupFormLink, groupFormOpener } from "../private-form.js";
import type { Feature } from "../feature.js";

const PREFIX = FORMS.plan;

function planForm(app: App) {
  return async function plan(form: Form, ctx: FormContext, id: number) {
    const today = localDate(new Date(await formNow(form, app)));
    await ctx.reply(ctx.t("plan-ask-services"));
    const services = await ask(form, PREFIX, textAnswer("plan-text-hint", 3, PLAN_TEXT_MAX_LENGTH));
    await ctx.reply(ctx.t("plan-ask-focus"));
    const focus = await ask(form, PREFIX, textAnswer("plan-text-hint", 3, PLAN_TEXT_MAX_LENGTH));
    await ctx.reply(ctx.t("plan-ask-until"));
    const endsOn = await ask(form, PREFIX, dueDateAnswer("date-hint", "date-past", today));
    const by = ctx.person;
    const result = await form.external(() =>
      recordPlan(app.db, { group: groupId(id), by, services, focus, endsOn, today, now: app.clock.now() }),
    );
    if (!result.ok) return ctx.reply(ctx.t(`plan-refused-${result.reason}`));
    await ctx.reply(ctx.t("plan-saved"));
    await form.external(() => sendPlanForApproval(app, result.plan));
  };
}

/** /plan: the group's work plan for everyone in it; the leader records it, an appointer approves it. */
export function planFeature(app: App): Feature {
  const composer = new Composer<BotContext>();
  const startForm = groupFormOpener(app, { form: "plan", may: mayRecordPlan, refused: "plan-refused" });
  composer.use(
    groupCommand(app, "plan", async (ctx, group) => {
      const user = ctx.person;
      if (!maySeeGroup(app.db, group.id, user)) return refuse(ctx, "not-your-group");
      const { t, locale } = ctx.speech;
      const plan = currentPlan(app.db, group.id);
      const keyboard = new InlineKeyboard();
      const open = !isClosed(group, app.clock.now());
      if (open && mayRecordPlan(app.db, group.id, user)) {
        if (ctx.chat?.type === "private") keyboard.text(t("plan-record-button"), planRecordData.pack({ group: group.id }));
        else keyboard.url(t("plan-record-button"), deepLink(app.botUsername, `plan-${group.id}`));
      }
      if (open && plan && !plan.approvedAt && mayApprovePlan(app.db, group.id, user))
        keyboard.text(t("plan-approve-button"), planApproveData.pack({ group: group.id, plan: plan.id }));
      await ctx.reply(plan ? planText(t, locale, plan) : t("plan-none"), { reply_markup: keyboard });
    }),
  );
  composer.callbackQuery(planRecordData.filter(), async (ctx) => {
    const group = groupById(app.db, planRecordData.unpack(ctx.match).group);
    await ctx.answerCallbackQuery();
    if (group) await startForm(ctx, group);
  });
  composer.callbackQuery(planApproveData.filter(), async (ctx) => {
    const pressed = planApproveData.unpack(ctx.match);
    const result = approvePlan(app.db, { group: pressed.group, plan: pressed.plan, by: ctx.person, now: app.clock.now() });
    if (!result.ok) return refuse(ctx, `plan-refused-${result.reason}`);
    await ctx.answerCallbackQuery({ text: ctx.t("plan-approved-done") });
    await ctx.editMessageReplyMarkup({ reply_markup: undefined });
    const group = groupById(app.db, result.plan.groupId);
    if (group) await announcePlanApproved(app, group, result.plan);
  });
  return {
    composer,
    forms: [createConversation<BotContext, FormContext>(planForm(app), { id: "plan", maxMillisecondsToWait: FORM_TIMEOUT_MS })],
    deepLinks: { plan: groupFormLink(app, startForm) },
  };
}
