import { createConversation } from "@grammyjs/conversations";
import { Composer, InlineKeyboard } from "grammy";
import { groupByChat, groupById, isClosed } from "../../domain/groups.js";
import { groupsOfUser } from "../../domain/members.js";
import {
  changeRefusal,
  editObservation,
  observationById,
  observedOnRange,
  recordObservation,
  toDraft,
  type ChangeRefusal,
  type ObservationDraft,
} from "../../domain/observations.js";
import { mayRecordObservations } from "../../domain/permissions.js";
import { servicesOf } from "../../domain/services.js";
import { chatId, groupId, observationId, userId, type Group, type GroupId, type ObservationId } from "../../domain/types.js";
import type { App } from "../app.js";
import type { BotContext, Form, FormContext } from "../context.js";
import { ask, buttonAnswer } from "../conversations/ask.js";
import { FORM_TIMEOUT_MS } from "../conversations/limits.js";
import { askField, FIELDS, PREFIX, type Field, type Steps } from "../conversations/observation-steps.js";
import { contextLocale } from "../i18n.js";
import { buttonGrid, choiceKeyboard, deepLink } from "../keyboards.js";
import type { T } from "../notify.js";
import { observationCard, serviceName } from "../observation-card.js";
import { LocalizedName } from "../../i18n/localized-name.js";

/** What the form is opened with: the group, and the observation when it corrects one. */
export interface ObserveStart {
  group: number;
  edit?: number;
}

const SUMMARY = ["save", "edit", "cancel"] as const;
/** Corrections before saving; each is a few steps, so the form stays short enough to replay. */
const MAX_ROUNDS = 12;
/** Refusals after which the draft has nowhere to go. */
const FINAL_REFUSALS = new Set(["not-found", "closed", "not-member", "not-author", "withdrawn", "locked"]);

interface Opening {
  /** Plain names: what a form's external step returns is stored as JSON. */
  names: { ky: string; ru: string };
  services: { id: number; key: string | null; nameKy: string | null; nameRu: string | null; retired: boolean }[];
  draft: ObservationDraft | null;
  today: string;
  earliest: string;
}

function opening(app: App, start: ObserveStart): Opening {
  const group = groupById(app.db, groupId(start.group));
  const existing = start.edit === undefined ? undefined : observationById(app.db, observationId(start.edit));
  const { earliest, latest } = observedOnRange(app.clock.now());
  return {
    names: group?.municipality.value ?? { ky: "", ru: "" },
    services: servicesOf(app.db, groupId(start.group), { withRetired: true }),
    draft: existing ? toDraft(existing) : null,
    today: latest,
    earliest,
  };
}

function save(app: App, start: ObserveStart, user: number, draft: ObservationDraft) {
  const now = app.clock.now();
  const result =
    start.edit === undefined
      ? recordObservation(app.db, { group: groupId(start.group), user: userId(user), draft, now })
      : editObservation(app.db, { id: observationId(start.edit), user: userId(user), draft, now });
  return result.ok ? { refusal: null } : { refusal: result.reason };
}

function observeForm(app: App) {
  return async function observe(form: Form, ctx: FormContext, start: ObserveStart) {
    const open = await form.external(() => opening(app, start));
    const locale = await contextLocale(ctx, app.defaultLocale);
    const t: T = (key, vars) => ctx.t(key, vars);
    const label = (id: number) => {
      const service = open.services.find((s) => s.id === id);
      return service ? serviceName(t, locale, service) : "";
    };
    const steps: Steps = {
      form,
      ctx,
      today: open.today,
      earliest: open.earliest,
      services: () => open.services.filter((s) => !s.retired).map((s) => ({ id: s.id, label: label(s.id) })),
    };
    let draft: Partial<ObservationDraft> = open.draft ?? {};
    if (open.draft === null) {
      if (!open.services.some((s) => !s.retired)) return ctx.reply(ctx.t("obs-no-services", { municipality: new LocalizedName(open.names) }));
      await ctx.reply(ctx.t("obs-form-start", { municipality: new LocalizedName(open.names) }));
      for (const field of FIELDS) draft = { ...draft, ...(await askField(steps, field)) };
    }
    const full = draft as ObservationDraft;
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const card = observationCard(t, locale, { draft: full, service: label(full.serviceId) });
      await ctx.reply(`${ctx.t("obs-summary", { municipality: new LocalizedName(open.names) })}\n\n${card}`, {
        reply_markup: choiceKeyboard((key) => ctx.t(key), PREFIX, "sum", SUMMARY, "obs-summary", 3),
      });
      const choice = await ask(form, PREFIX, buttonAnswer(PREFIX, "sum", SUMMARY, "form-use-buttons"));
      if (choice === "cancel") return ctx.reply(ctx.t("cancel-done"));
      if (choice === "save") {
        const saved = await form.external(() => save(app, start, ctx.from?.id ?? 0, full));
        if (saved.refusal === null) return ctx.reply(ctx.t(start.edit === undefined ? "obs-saved" : "obs-updated"));
        await ctx.reply(ctx.t(`obs-refused-${saved.refusal}`, { municipality: new LocalizedName(open.names) }));
        if (FINAL_REFUSALS.has(saved.refusal)) return;
        continue;
      }
      await ctx.reply(ctx.t("obs-ask-field"), { reply_markup: choiceKeyboard((key) => ctx.t(key), PREFIX, "field", FIELDS, "obs-field", 2) });
      const field = await ask<Field>(form, PREFIX, buttonAnswer(PREFIX, "field", FIELDS, "form-use-buttons"));
      Object.assign(full, await askField(steps, field));
    }
    await ctx.reply(ctx.t("obs-too-many-rounds"));
  };
}

/** Why this person cannot record for this group now, worded; undefined when they can. */
function recordRefusal(app: App, ctx: BotContext, group: Group | undefined): string | undefined {
  if (!group) return ctx.t("obs-refused-not-found");
  if (isClosed(group, app.clock.now())) return ctx.t("obs-refused-closed");
  if (!mayRecordObservations(app.db, group.id, userId(ctx.from?.id ?? 0))) {
    return ctx.t("obs-not-member", { municipality: group.municipality });
  }
  return undefined;
}

function joinButton(app: App, ctx: BotContext, group: Group | undefined): InlineKeyboard | undefined {
  return group && new InlineKeyboard().url(ctx.t("join-button"), deepLink(app.botUsername, `join-${group.id}`));
}

/** Opens the observation form for one group in private chat, or says why it cannot. */
export async function startObserve(app: App, ctx: BotContext, id: GroupId): Promise<unknown> {
  const group = groupById(app.db, id);
  const refusal = recordRefusal(app, ctx, group);
  if (refusal) return ctx.reply(refusal, { reply_markup: joinButton(app, ctx, group) });
  await ctx.conversation.exitAll();
  await ctx.conversation.enter("observe", { group: id } satisfies ObserveStart);
}

/** Opens the form on an existing observation, for its author to correct it. */
export async function startEdit(app: App, ctx: BotContext, id: ObservationId): Promise<ChangeRefusal | undefined> {
  const observation = observationById(app.db, id);
  const refusal = changeRefusal(app.db, observation, userId(ctx.from?.id ?? 0), app.clock.now());
  if (refusal || !observation) return refusal ?? "not-found";
  await ctx.conversation.exitAll();
  await ctx.conversation.enter("observe", { group: observation.groupId, edit: id } satisfies ObserveStart);
  return undefined;
}

/**
 * /observe: in private, the form (after "which group?" for a member of several); in a group
 * chat, a button that opens the private chat on that group.
 */
export function observeFeature(app: App) {
  const composer = new Composer<BotContext>();
  composer.chatType(["group", "supergroup"]).command("observe", async (ctx) => {
    const group = groupByChat(app.db, chatId(ctx.chat.id));
    if (!group) return ctx.reply(ctx.t("group-not-registered"));
    await ctx.reply(ctx.t("obs-open-private", { municipality: group.municipality }), {
      reply_markup: new InlineKeyboard().url(ctx.t("obs-add-button"), deepLink(app.botUsername, `obs-${group.id}`)),
      reply_parameters: { message_id: ctx.msg.message_id, allow_sending_without_reply: true },
    });
  });
  composer.chatType("private").command("observe", async (ctx) => {
    const user = userId(ctx.from.id);
    const mine = groupsOfUser(app.db, user).filter((group) => mayRecordObservations(app.db, group.id, user));
    if (mine.length === 1) return startObserve(app, ctx, mine[0]!.id);
    if (mine.length === 0) return ctx.reply(ctx.t("obs-not-member-any"));
    const locale = await contextLocale(ctx, app.defaultLocale);
    await ctx.reply(ctx.t("pick-group"), {
      reply_markup: buttonGrid(mine.map((group) => [group.municipality.in(locale), `obs:start:${group.id}`] as const)),
    });
  });
  composer.chatType("private").callbackQuery(/^obs:start:(\d+)$/, async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup({ reply_markup: undefined }).catch(() => undefined);
    await startObserve(app, ctx, groupId(Number(ctx.match[1])));
  });
  return {
    forms: [createConversation<BotContext, FormContext>(observeForm(app), { id: "observe", maxMillisecondsToWait: FORM_TIMEOUT_MS })],
    composer,
  };
}
