import { InlineKeyboard } from "grammy";
import { DRAFT_FORMS, formButton } from "../../callbacks/index.js";
import type { Db } from "../../db/client.js";
import { parsePastDate, shiftDays } from "../../domain/calendar.js";
import type { Draft } from "../../domain/drafts.js";
import { groupById, isClosed } from "../../domain/groups.js";
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
import { FINDING_MAX_LENGTH, MAX_PHOTOS, PLACE_MAX_LENGTH } from "../../domain/rules.js";
import { servicesOf } from "../../domain/services.js";
import {
  COMPLIANCE,
  SCORES,
  groupId,
  observationId,
  userId,
  type Compliance,
  type Group,
  type GroupId,
  type ObservationId,
} from "../../domain/types.js";
import type { App } from "../app.js";
import type { BotContext } from "../context.js";
import { buttonAnswer, textAnswer, type Answer } from "../conversations/ask.js";
import type { TranslationVariables } from "../i18n.js";
import type { LocalizedName } from "../../i18n/localized-name.js";
import { choiceKeyboard, deepLink } from "../keyboards.js";
import { observationCard, serviceName } from "../views/observation-card.js";
import { openDraft, type Close, type DraftForm, type Hint, type Next, type StepResult } from "./engine.js";

/** The fields of an observation, in the order the form asks them. */
export const FIELDS = ["service", "date", "place", "quality", "compliance", "resources", "finding", "photos"] as const;
export type Field = (typeof FIELDS)[number];
type Step = Field | "placeText" | "summary" | "field";

/** The draft of an observation: new for a group, or a correction of one already stored. */
export interface ObservationAnswers {
  group: number;
  edit: number | null;
  /** Once the summary was shown, each answer goes back to it. */
  review: boolean;
  d: Partial<ObservationDraft>;
}

type ObsDraft = Draft<ObservationAnswers>;

const SUMMARY = ["save", "edit", "cancel"] as const;
/** Refusals at save after which the draft has nowhere to go. */
const FINAL_REFUSALS = new Set(["not-found", "closed", "not-member", "not-author", "withdrawn", "locked"]);

const hint = (key: string, vars?: TranslationVariables): Hint => ({ hint: key, vars });

/** The step after a field was answered: the next field, or the summary once it was shown. */
function after(a: ObservationAnswers, field: Field): Step {
  if (a.review) return "summary";
  return FIELDS[FIELDS.indexOf(field) + 1] ?? "summary";
}

function move(
  a: ObservationAnswers,
  field: Field,
  part: Partial<ObservationDraft>,
  step: Step = after(a, field),
): StepResult<ObservationAnswers> {
  const answers = { ...a, d: { ...a.d, ...part }, review: a.review || step === "summary" };
  return () => ({ step, answers });
}

const fromAnswer = <V>(answer: Answer<V>, then: (value: V) => StepResult<ObservationAnswers>): StepResult<ObservationAnswers> =>
  answer.ok ? then(answer.value) : hint(answer.hint, answer.vars);

const activeServices = (app: App, group: number) => servicesOf(app.db, groupId(group)).filter((s) => !s.retired);

function dateStep(app: App, ctx: BotContext, a: ObservationAnswers, prefix: string): StepResult<ObservationAnswers> {
  const { earliest, latest: today } = observedOnRange(app.clock.now());
  const data = ctx.callbackQuery?.data;
  if (data !== undefined) {
    if (formButton.is(data, prefix, "date", "today")) return move(a, "date", { observedOn: today });
    if (formButton.is(data, prefix, "date", "yesterday")) return move(a, "date", { observedOn: shiftDays(today, -1) });
    return hint("form-use-buttons");
  }
  const date = ctx.message?.text === undefined ? undefined : parsePastDate(ctx.message.text, today);
  if (date === undefined) return hint("obs-date-hint");
  if (date > today) return hint("obs-date-future");
  if (date < earliest) return hint("obs-date-too-old");
  return move(a, "date", { observedOn: date });
}

function placeStep(ctx: BotContext, a: ObservationAnswers): StepResult<ObservationAnswers> {
  const location = ctx.message?.location;
  if (location) return move(a, "place", { place: null, latitude: location.latitude, longitude: location.longitude }, "placeText");
  return fromAnswer(textAnswer("obs-place-hint", 1, PLACE_MAX_LENGTH)(ctx), (place) =>
    move(a, "place", { place, latitude: null, longitude: null }),
  );
}

function placeTextStep(ctx: BotContext, a: ObservationAnswers, prefix: string): StepResult<ObservationAnswers> {
  if (ctx.callbackQuery)
    return formButton.is(ctx.callbackQuery.data, prefix, "place", "skip") ? move(a, "place", {}) : hint("form-use-buttons");
  return fromAnswer(textAnswer("obs-place-hint", 1, PLACE_MAX_LENGTH)(ctx), (place) => move(a, "place", { place }));
}

/** The finding: typed text, a photo's caption (the photo is kept too), or a voice message. */
function findingStep(ctx: BotContext, a: ObservationAnswers): StepResult<ObservationAnswers> {
  const message = ctx.message;
  if (message?.voice) return move(a, "finding", { finding: "", findingVoice: message.voice.file_id });
  const text = (message?.text ?? message?.caption)?.trim();
  if (!text) return hint("obs-finding-hint");
  if (text.length > FINDING_MAX_LENGTH) return hint("form-too-long", { max: FINDING_MAX_LENGTH, length: text.length });
  const photos = a.d.photos ?? [];
  const photo = message?.photo?.at(-1)?.file_id;
  const withPhoto = photo && photos.length < MAX_PHOTOS ? [...photos, photo] : photos;
  return move(a, "finding", { finding: text, findingVoice: null, photos: withPhoto });
}

function photoStep(ctx: BotContext, a: ObservationAnswers, prefix: string): StepResult<ObservationAnswers> {
  const photos = a.d.photos ?? [];
  if (formButton.is(ctx.callbackQuery?.data, prefix, "photo", "done")) return move(a, "photos", { photos });
  const photo = ctx.message?.photo;
  if (!photo) return hint(ctx.callbackQuery ? "form-use-buttons" : "obs-photo-hint");
  if (photos.length >= MAX_PHOTOS) return hint("obs-photo-limit", { max: MAX_PHOTOS });
  // Telegram sends each photo in several sizes, the largest last.
  return move(a, "photos", { photos: [...photos, photo.at(-1)!.file_id] }, "photos");
}

function save(app: App, tx: Db, user: number, a: ObservationAnswers): Next<ObservationAnswers> | Close {
  const draft = { findingVoice: null, photos: [], ...a.d } as ObservationDraft;
  const now = app.clock.now();
  const result =
    a.edit === null
      ? recordObservation(tx, { group: groupId(a.group), user: userId(user), draft, now })
      : editObservation(tx, { id: observationId(a.edit), user: userId(user), draft, now });
  if (result.ok) return { close: a.edit === null ? "obs-saved" : "obs-updated" };
  const refusal = `obs-refused-${result.reason}`;
  if (FINAL_REFUSALS.has(result.reason)) return { close: refusal };
  return { step: "summary", answers: a, notes: [{ key: refusal, vars: { municipality: municipalityOf(app, a) } }] };
}

function summaryStep(app: App, ctx: BotContext, a: ObservationAnswers, prefix: string): StepResult<ObservationAnswers> {
  return fromAnswer(buttonAnswer(prefix, "sum", SUMMARY, "form-use-buttons")(ctx), (choice) => {
    if (choice === "cancel") return () => ({ close: "cancel-done" });
    if (choice === "edit") return () => ({ step: "field", answers: a });
    return (tx) => save(app, tx, ctx.person, a);
  });
}

function fieldStep(ctx: BotContext, a: ObservationAnswers, prefix: string): StepResult<ObservationAnswers> {
  return fromAnswer(buttonAnswer(prefix, "field", FIELDS, "form-use-buttons")(ctx), (field) =>
    // Photos are sent again from none; every other field keeps its answer until replaced.
    field === "photos" ? () => ({ step: field, answers: { ...a, d: { ...a.d, photos: [] } } }) : () => ({ step: field, answers: a }),
  );
}

function answer(app: App, ctx: BotContext, draft: ObsDraft, prefix: string): StepResult<ObservationAnswers> {
  const a = draft.answers;
  const button = <V extends string>(field: string, values: readonly V[]) => buttonAnswer(prefix, field, values, "form-use-buttons")(ctx);
  switch (draft.step as Step) {
    case "service": {
      const ids = activeServices(app, a.group).map((s) => String(s.id));
      return fromAnswer(button("svc", ids), (id) => move(a, "service", { serviceId: Number(id) }));
    }
    case "date":
      return dateStep(app, ctx, a, prefix);
    case "place":
      return placeStep(ctx, a);
    case "placeText":
      return placeTextStep(ctx, a, prefix);
    case "quality":
      return fromAnswer(button("q", SCORES), (score) => move(a, "quality", { quality: Number(score) }));
    case "compliance":
      return fromAnswer(button<Compliance>("c", COMPLIANCE), (compliance) => move(a, "compliance", { compliance }));
    case "resources":
      return fromAnswer(button("r", SCORES), (score) => move(a, "resources", { resources: Number(score) }));
    case "finding":
      return findingStep(ctx, a);
    case "photos":
      return photoStep(ctx, a, prefix);
    case "summary":
      return summaryStep(app, ctx, a, prefix);
    case "field":
      return fieldStep(ctx, a, prefix);
  }
}

function municipalityOf(app: App, a: ObservationAnswers): LocalizedName | string {
  return groupById(app.db, groupId(a.group))?.municipality ?? "";
}

async function ask(app: App, ctx: BotContext, draft: ObsDraft, prefix: string): Promise<unknown> {
  const a = draft.answers;
  const { t } = ctx.speech;
  const label = (key: string) => ctx.t(key);
  const done = () => new InlineKeyboard().text(ctx.t("obs-photos-done"), formButton.pack(prefix, "photo", "done"));
  switch (draft.step as Step) {
    case "service": {
      const locale = ctx.speech.locale;
      const keyboard = new InlineKeyboard();
      activeServices(app, a.group).forEach((service, index) => {
        if (index > 0 && index % 2 === 0) keyboard.row();
        keyboard.text(serviceName(t, locale, service), formButton.pack(prefix, "svc", service.id));
      });
      return ctx.reply(ctx.t("obs-ask-service"), { reply_markup: keyboard });
    }
    case "date":
      return ctx.reply(ctx.t("obs-ask-date"), {
        reply_markup: choiceKeyboard(label, prefix, "date", ["today", "yesterday"], "obs-date", 2),
      });
    case "place":
      return ctx.reply(ctx.t("obs-ask-place"));
    case "placeText":
      return ctx.reply(ctx.t("obs-ask-place-text"), {
        reply_markup: new InlineKeyboard().text(ctx.t("obs-place-skip"), formButton.pack(prefix, "place", "skip")),
      });
    case "quality":
      return ctx.reply(ctx.t("obs-ask-quality"), { reply_markup: choiceKeyboard(label, prefix, "q", SCORES, "obs-score", 5) });
    case "compliance":
      return ctx.reply(ctx.t("obs-ask-compliance"), { reply_markup: choiceKeyboard(label, prefix, "c", COMPLIANCE, "obs-compliance", 2) });
    case "resources":
      return ctx.reply(ctx.t("obs-ask-resources"), { reply_markup: choiceKeyboard(label, prefix, "r", SCORES, "obs-score", 5) });
    case "finding":
      return ctx.reply(ctx.t("obs-ask-finding", { max: FINDING_MAX_LENGTH }));
    case "photos": {
      const count = a.d.photos?.length ?? 0;
      if (count === 0) return ctx.reply(ctx.t("obs-ask-photos", { max: MAX_PHOTOS }), { reply_markup: done() });
      const key = count < MAX_PHOTOS ? "obs-photo-received" : "obs-photo-last";
      return ctx.reply(ctx.t(key, { count, max: MAX_PHOTOS }), { reply_markup: done() });
    }
    case "summary": {
      const locale = ctx.speech.locale;
      const service = servicesOf(app.db, groupId(a.group), { withRetired: true }).find((s) => s.id === a.d.serviceId);
      const draftShown = { findingVoice: null, photos: [], ...a.d } as ObservationDraft;
      const card = observationCard(t, locale, { draft: draftShown, service: service ? serviceName(t, locale, service) : "" });
      return ctx.reply(`${ctx.t("obs-summary", { municipality: municipalityOf(app, a) })}\n\n${card}`, {
        reply_markup: choiceKeyboard(label, prefix, "sum", SUMMARY, "obs-summary", 3),
      });
    }
    case "field":
      return ctx.reply(ctx.t("obs-ask-field"), { reply_markup: choiceKeyboard(label, prefix, "field", FIELDS, "obs-field", 2) });
  }
}

/** The observation form as a draft: one handler per step, its id in every button. */
export function observationForm(app: App, reopen: (ctx: BotContext, token: string) => Promise<unknown>): DraftForm<ObservationAnswers> {
  return {
    kind: "observation",
    prefix: DRAFT_FORMS.observation,
    answer: (ctx, draft, prefix) => answer(app, ctx, draft, prefix),
    ask: (ctx, draft, prefix) => ask(app, ctx, draft, prefix),
    vars: (draft) => ({ municipality: municipalityOf(app, draft.answers) }),
    reopen,
  };
}

/** Why this person cannot record for this group now, worded; undefined when they can. */
function recordRefusal(app: App, ctx: BotContext, group: Group | undefined): string | undefined {
  if (!group) return ctx.t("obs-refused-not-found");
  if (isClosed(group, app.clock.now())) return ctx.t("obs-refused-closed");
  if (!mayRecordObservations(app.db, group.id, ctx.person)) {
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
  if (!servicesOf(app.db, id).some((s) => !s.retired)) return ctx.reply(ctx.t("obs-no-services", { municipality: group!.municipality }));
  const answers: ObservationAnswers = { group: id, edit: null, review: false, d: {} };
  const intro = { key: "obs-form-start", vars: { municipality: group!.municipality } };
  return openDraft(app, ctx, observationDraft(app), { step: "service", answers, intro, token: String(id) });
}

/** The observation form; a discarded draft's offer opens it again from `<group>` or `<group>.<observation>`. */
export function observationDraft(app: App): DraftForm<ObservationAnswers> {
  return observationForm(app, async (ctx, token) => {
    const [group, edit] = token.split(".").map(Number);
    if (edit === undefined) return startObserve(app, ctx, groupId(group ?? 0));
    const refusal = await startEdit(app, ctx, observationId(edit));
    return refusal && ctx.reply(ctx.t(`obs-refused-${refusal}`, { municipality: "" }));
  });
}

/** Opens the form on an existing observation, for its author to correct it. */
export async function startEdit(app: App, ctx: BotContext, id: ObservationId): Promise<ChangeRefusal | undefined> {
  const observation = observationById(app.db, id);
  const refusal = changeRefusal(app.db, observation, ctx.person, app.clock.now());
  if (refusal || !observation) return refusal ?? "not-found";
  const answers: ObservationAnswers = { group: observation.groupId, edit: id, review: true, d: toDraft(observation) };
  await openDraft(app, ctx, observationDraft(app), { step: "summary", answers, token: `${observation.groupId}.${id}` });
  return undefined;
}
