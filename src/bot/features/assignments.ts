import { formNow } from "../conversations/now.js";
import {
  FORMS,
  assignmentAcceptData,
  assignmentDoneData,
  assignmentReportData,
  assignmentReturnData,
  formButton,
} from "../../callbacks/index.js";
import { createConversation } from "@grammyjs/conversations";
import { Composer, InlineKeyboard } from "grammy";
import {
  acceptAssignment,
  ASSIGNMENT_TEXT_MAX_LENGTH,
  assignmentById,
  completeAssignment,
  giveAssignment,
  MAX_LINKED_OBSERVATIONS,
  openAssignments,
  reportAssignment,
  returnAssignment,
  type StepResult,
} from "../../domain/assignments.js";
import { localDate } from "../../domain/calendar.js";
import { groupById, isClosed } from "../../domain/groups.js";
import { activeMembers } from "../../domain/members.js";
import { observationPage } from "../../domain/observations.js";
import { mayGiveAssignments, maySeeGroup } from "../../domain/permissions.js";
import { MAX_PHOTOS } from "../../domain/rules.js";
import { servicesOf } from "../../domain/services.js";
import { groupId, memberId, serviceId } from "../../domain/types.js";
import type { App } from "../app.js";
import type { BotContext, Form, FormContext } from "../context.js";
import { bestEffort, refuse } from "../errors.js";
import { ask, buttonAnswer, dueDateAnswer, eitherAnswer, numbersAnswer, textAnswer } from "../conversations/ask.js";
import { askFiles } from "../conversations/files.js";
import { FORM_TIMEOUT_MS } from "../conversations/limits.js";
import { groupCommand } from "../group-scope.js";
import { buttonGrid } from "../keyboards.js";
import { sendAssignments, sendReportToLeader, tellAssigneeDecided, tellLeaderAccepted } from "../notices/assignments.js";
import { listKeyboard, listText } from "../views/assignments.js";
import { serviceName } from "../views/observation-card.js";
import { groupFormLink, groupFormOpener, openInPrivate } from "../private-form.js";
import { observationLines } from "../views/protocol-view.js";
import type { Feature } from "../feature.js";

const GIVE = FORMS.giveAssignment;
const REPORT = FORMS.reportAssignment;
function giveForm(app: App) {
  return async function assign(form: Form, ctx: FormContext, id: number) {
    const today = localDate(new Date(await formNow(form, app)));
    const people = await form.external(() => activeMembers(app.db, groupId(id)).map((m) => ({ id: m.id as number, name: m.fullName })));
    await ctx.reply([ctx.t("assign-ask-members"), ...people.map((p, i) => `${i + 1}. ${p.name}`)].join("\n"));
    const picked = await ask(form, GIVE, numbersAnswer("assign-members-hint", people.length));
    await ctx.reply(ctx.t("assign-ask-task"));
    const task = await ask(form, GIVE, textAnswer("assign-task-hint", 3, ASSIGNMENT_TEXT_MAX_LENGTH));
    const { t, locale } = ctx.speech;
    const services = await form.external(() =>
      servicesOf(app.db, groupId(id)).map((s) => ({ id: s.id as number, name: serviceName(t, locale, s) })),
    );
    const values = ["0", ...services.map((s) => String(s.id))];
    await ctx.reply(ctx.t("assign-ask-service"), {
      reply_markup: buttonGrid(
        [
          [t("assignment-any-service"), formButton.pack(GIVE, "svc", 0)],
          ...services.map((s) => [s.name, formButton.pack(GIVE, "svc", s.id)] as const),
        ],
        2,
      ),
    });
    const service = Number(await ask(form, GIVE, buttonAnswer(GIVE, "svc", values, "form-use-buttons")));
    await ctx.reply(ctx.t("assign-ask-due"));
    const dueOn = await ask(form, GIVE, dueDateAnswer("date-hint", "date-past", today));
    const result = await form.external(() => {
      const given = giveAssignment(app.db, {
        group: groupId(id),
        by: ctx.person,
        to: picked.map((n) => memberId(people[n - 1]!.id)),
        task,
        service: service === 0 ? null : serviceId(service),
        dueOn,
        today,
        now: app.clock.now(),
      });
      return given.ok ? { ids: given.assignments.map((a) => a.id), reason: null } : { ids: [], reason: given.reason };
    });
    if (result.reason) return ctx.reply(ctx.t(`assignment-refused-${result.reason}`));
    await ctx.reply(ctx.t("assign-saved", { count: result.ids.length }));
    await form.external(() => sendAssignments(app, result.ids));
  };
}

function reportForm(app: App) {
  return async function assignreport(form: Form, ctx: FormContext, id: number) {
    await ctx.reply(ctx.t("report-ask-text"));
    const text = await ask(form, REPORT, textAnswer("report-text-hint", 3, ASSIGNMENT_TEXT_MAX_LENGTH));
    const photos = (await askFiles(form, ctx, REPORT, { question: "report-ask-photos", max: MAX_PHOTOS, documents: false })).map(
      (f) => f.fileId,
    );
    const user = ctx.person;
    const { t, locale } = ctx.speech;
    const mine = await form.external(() => {
      const a = assignmentById(app.db, id);
      if (!a) return { ids: [] as number[], lines: [] as string[] };
      const list = observationPage(app.db, { group: a.groupId }, 0, 50)
        .items.filter((o) => o.userId === user)
        .slice(0, MAX_LINKED_OBSERVATIONS);
      return { ids: list.map((o) => o.id as number), lines: observationLines(app, { t, locale }, a.groupId, list) };
    });
    let linked: number[] = [];
    if (mine.ids.length > 0) {
      await ctx.reply([ctx.t("report-ask-observations"), ...mine.lines].join("\n"), {
        reply_markup: new InlineKeyboard().text(ctx.t("report-no-observations"), formButton.pack(REPORT, "obs", "none")),
      });
      const chosen = await ask(
        form,
        REPORT,
        eitherAnswer(
          buttonAnswer(REPORT, "obs", ["none"] as const, "form-use-buttons"),
          numbersAnswer("report-observations-hint", mine.ids.length),
        ),
      );
      linked = chosen === "none" ? [] : chosen.map((n) => mine.ids[n - 1]!);
    }
    const result = await form.external(
      (): StepResult => reportAssignment(app.db, { id, user, text, photos, observations: linked, now: app.clock.now() }),
    );
    if (!result.ok) return ctx.reply(ctx.t(`assignment-refused-${result.reason}`));
    await ctx.reply(ctx.t("report-saved"));
    await form.external(() => sendReportToLeader(app, result.assignment, photos, linked.length));
  };
}

/** A refused step as an alert; true when it was refused. */
async function refused(ctx: BotContext, result: StepResult): Promise<boolean> {
  if (result.ok) return false;
  await refuse(ctx, `assignment-refused-${result.reason}`);
  return true;
}

/** /assign (the leader gives members tasks) and /assignments (who does what, by when). */
export function assignmentsFeature(app: App): Feature {
  const composer = new Composer<BotContext>();
  const startGive = groupFormOpener(app, { form: "assign", may: mayGiveAssignments, refused: "assignment-refused" });
  const startReport = async (ctx: BotContext, id: number): Promise<unknown> => {
    const a = assignmentById(app.db, id);
    const refusal = !a
      ? "not-found"
      : a.assigneeUser !== ctx.person
        ? "not-allowed"
        : a.status === "reported" || a.status === "done"
          ? "wrong-status"
          : undefined;
    if (refusal) return ctx.reply(ctx.t(`assignment-refused-${refusal}`));
    const group = groupById(app.db, a!.groupId);
    if (!group || isClosed(group, app.clock.now())) return ctx.reply(ctx.t("assignment-refused-closed"));
    return openInPrivate(app, ctx, "assignreport", "report", id);
  };
  composer.use(groupCommand(app, "assign", startGive));
  composer.use(
    groupCommand(app, "assignments", async (ctx, group) => {
      const user = ctx.person;
      if (!maySeeGroup(app.db, group.id, user)) return refuse(ctx, "not-your-group");
      const { t, locale } = ctx.speech;
      const list = openAssignments(app.db, group.id);
      const today = localDate(app.clock.now());
      // Buttons act in private: in the group chat, they would be everyone's to press.
      const keyboard =
        ctx.chat?.type === "private" && !isClosed(group, app.clock.now())
          ? listKeyboard(t, list, user, mayGiveAssignments(app.db, group.id, user))
          : undefined;
      await ctx.reply(listText(app, t, locale, group, list, today), { reply_markup: keyboard });
    }),
  );
  composer.callbackQuery(assignmentAcceptData.filter(), async (ctx) => {
    const result = acceptAssignment(app.db, {
      id: assignmentAcceptData.unpack(ctx.match).assignment,
      user: ctx.person,
      now: app.clock.now(),
    });
    if (await refused(ctx, result)) return;
    await ctx.answerCallbackQuery({ text: ctx.t("assignment-accepted") });
    if (!result.ok) return;
    await tellLeaderAccepted(app, result.assignment);
  });
  composer.callbackQuery(assignmentReportData.filter(), async (ctx) => {
    await ctx.answerCallbackQuery();
    await startReport(ctx, assignmentReportData.unpack(ctx.match).assignment);
  });
  composer.callbackQuery([assignmentDoneData.filter(), assignmentReturnData.filter()], async (ctx) => {
    const marked = assignmentDoneData.parse(ctx.callbackQuery.data);
    const step = { id: (marked ?? assignmentReturnData.unpack(ctx.match)).assignment, user: ctx.person, now: app.clock.now() };
    const done = marked !== undefined;
    const result = done ? completeAssignment(app.db, step) : returnAssignment(app.db, { ...step, note: null });
    if ((await refused(ctx, result)) || !result.ok) return;
    const a = result.assignment;
    await ctx.answerCallbackQuery({ text: ctx.t(done ? "assignment-marked-done" : "assignment-marked-returned") });
    await bestEffort(app.logger, "buttons not taken off", ctx.editMessageReplyMarkup({ reply_markup: undefined }));
    await tellAssigneeDecided(app, a, done);
  });
  return {
    composer,
    forms: [
      createConversation<BotContext, FormContext>(giveForm(app), { id: "assign", maxMillisecondsToWait: FORM_TIMEOUT_MS }),
      createConversation<BotContext, FormContext>(reportForm(app), { id: "assignreport", maxMillisecondsToWait: FORM_TIMEOUT_MS }),
    ],
    deepLinks: {
      assign: groupFormLink(app, startGive),
      report: (ctx: BotContext, id: number) => startReport(ctx, id),
    },
  };
}
