import { InlineKeyboard } from "grammy";
import { parsePastDate, shiftDays } from "../../domain/calendar.js";
import type { ObservationDraft } from "../../domain/observations.js";
import { FINDING_MAX_LENGTH, MAX_PHOTOS, PLACE_MAX_LENGTH } from "../../domain/rules.js";
import { COMPLIANCE, SCORES, type Compliance } from "../../domain/types.js";
import type { Form, FormContext } from "../context.js";
import { choiceKeyboard } from "../keyboards.js";
import { ask, buttonAnswer, eitherAnswer, textAnswer, type Answer, type Parser } from "./ask.js";

export const PREFIX = "of";

/** The fields of an observation, in the order the form asks them. */
export const FIELDS = ["service", "date", "place", "quality", "compliance", "resources", "finding", "photos"] as const;
export type Field = (typeof FIELDS)[number];

export interface ServiceChoice {
  id: number;
  label: string;
}

/** What every step needs: the form, its context, the day the form began and the services to offer. */
export interface Steps {
  form: Form;
  ctx: FormContext;
  today: string;
  earliest: string;
  /** Named when asked for: every step replays the form, and most never show them. */
  services: () => ServiceChoice[];
}

type Part = Partial<ObservationDraft>;

const hint = (key: string, vars?: Record<string, string | number>): Answer<never> => ({ ok: false, hint: key, vars });

function dateAnswer(s: Steps): Parser<string> {
  return eitherAnswer(
    (ctx) => {
      const data = ctx.callbackQuery?.data;
      if (data === `${PREFIX}:date:today`) return { ok: true, value: s.today };
      if (data === `${PREFIX}:date:yesterday`) return { ok: true, value: shiftDays(s.today, -1) };
      return hint("form-use-buttons");
    },
    (ctx) => {
      const text = ctx.message?.text;
      if (text === undefined) return hint("obs-date-hint");
      const date = parsePastDate(text, s.today);
      if (date === undefined) return hint("obs-date-hint");
      if (date > s.today) return hint("obs-date-future");
      if (date < s.earliest) return hint("obs-date-too-old");
      return { ok: true, value: date };
    },
  );
}

/** The place: a description, or a Telegram location (then a description may follow). */
const placeAnswer: Parser<Part> = (ctx) => {
  const location = ctx.message?.location;
  if (location) return { ok: true, value: { place: null, latitude: location.latitude, longitude: location.longitude } };
  const text = textAnswer("obs-place-hint", 1, PLACE_MAX_LENGTH)(ctx);
  return text.ok ? { ok: true, value: { place: text.value, latitude: null, longitude: null } } : text;
};

/** The finding keeps its line breaks: it is the member's own account. */
const findingAnswer: Parser<string> = (ctx) => {
  const text = ctx.message?.text?.trim();
  if (text === undefined) return hint("obs-finding-hint");
  if (text.length > FINDING_MAX_LENGTH) return hint("form-too-long", { max: FINDING_MAX_LENGTH, length: text.length });
  return text.length === 0 ? hint("obs-finding-hint") : { ok: true, value: text };
};

type PhotoStep = { done: true } | { done: false; fileId: string };

function photoAnswer(count: number): Parser<PhotoStep> {
  return (ctx) => {
    if (ctx.callbackQuery?.data === `${PREFIX}:photo:done`) return { ok: true, value: { done: true } };
    const photo = ctx.message?.photo;
    if (!photo) return hint(ctx.callbackQuery ? "form-use-buttons" : "obs-photo-hint");
    if (count >= MAX_PHOTOS) return hint("obs-photo-limit", { max: MAX_PHOTOS });
    // Telegram sends each photo in several sizes, the largest last.
    return { ok: true, value: { done: false, fileId: photo[photo.length - 1]!.file_id } };
  };
}

const t = (s: Steps) => (key: string) => s.ctx.t(key);

async function askScore(s: Steps, field: "q" | "r", question: string): Promise<number> {
  await s.ctx.reply(s.ctx.t(question), { reply_markup: choiceKeyboard(t(s), PREFIX, field, SCORES, "obs-score", 5) });
  return Number(await ask(s.form, PREFIX, buttonAnswer(PREFIX, field, SCORES, "form-use-buttons")));
}

async function askPhotos(s: Steps): Promise<string[]> {
  const done = new InlineKeyboard().text(s.ctx.t("obs-photos-done"), `${PREFIX}:photo:done`);
  await s.ctx.reply(s.ctx.t("obs-ask-photos", { max: MAX_PHOTOS }), { reply_markup: done });
  const photos: string[] = [];
  // Bounded: each round either ends the step or adds one of at most MAX_PHOTOS photos.
  for (let round = 0; round <= MAX_PHOTOS; round++) {
    const step = await ask(s.form, PREFIX, photoAnswer(photos.length));
    if (step.done) break;
    photos.push(step.fileId);
    const key = photos.length < MAX_PHOTOS ? "obs-photo-received" : "obs-photo-last";
    await s.ctx.reply(s.ctx.t(key, { count: photos.length, max: MAX_PHOTOS }), { reply_markup: done });
  }
  return photos;
}

async function askPlace(s: Steps): Promise<Part> {
  await s.ctx.reply(s.ctx.t("obs-ask-place"));
  const place = await ask(s.form, PREFIX, placeAnswer);
  if (place.latitude === null || place.latitude === undefined) return place;
  await s.ctx.reply(s.ctx.t("obs-ask-place-text"), {
    reply_markup: new InlineKeyboard().text(s.ctx.t("obs-place-skip"), `${PREFIX}:place:skip`),
  });
  const text = await ask(
    s.form,
    PREFIX,
    eitherAnswer(
      (ctx) => (ctx.callbackQuery?.data === `${PREFIX}:place:skip` ? { ok: true, value: null } : hint("form-use-buttons")),
      textAnswer("obs-place-hint", 1, PLACE_MAX_LENGTH),
    ),
  );
  return { ...place, place: text };
}

/** Asks one field and returns what it changes in the draft. */
export async function askField(s: Steps, field: Field): Promise<Part> {
  switch (field) {
    case "service": {
      const services = s.services();
      const ids = services.map((service) => String(service.id));
      const keyboard = new InlineKeyboard();
      services.forEach((service, index) => {
        if (index > 0 && index % 2 === 0) keyboard.row();
        keyboard.text(service.label, `${PREFIX}:svc:${service.id}`);
      });
      await s.ctx.reply(s.ctx.t("obs-ask-service"), { reply_markup: keyboard });
      return { serviceId: Number(await ask(s.form, PREFIX, buttonAnswer(PREFIX, "svc", ids, "form-use-buttons"))) };
    }
    case "date": {
      const keyboard = choiceKeyboard(t(s), PREFIX, "date", ["today", "yesterday"], "obs-date", 2);
      await s.ctx.reply(s.ctx.t("obs-ask-date"), { reply_markup: keyboard });
      return { observedOn: await ask(s.form, PREFIX, dateAnswer(s)) };
    }
    case "place":
      return askPlace(s);
    case "quality":
      return { quality: await askScore(s, "q", "obs-ask-quality") };
    case "compliance": {
      await s.ctx.reply(s.ctx.t("obs-ask-compliance"), {
        reply_markup: choiceKeyboard(t(s), PREFIX, "c", COMPLIANCE, "obs-compliance", 2),
      });
      return { compliance: await ask<Compliance>(s.form, PREFIX, buttonAnswer(PREFIX, "c", COMPLIANCE, "form-use-buttons")) };
    }
    case "resources":
      return { resources: await askScore(s, "r", "obs-ask-resources") };
    case "finding":
      await s.ctx.reply(s.ctx.t("obs-ask-finding", { max: FINDING_MAX_LENGTH }));
      return { finding: await ask(s.form, PREFIX, findingAnswer) };
    case "photos":
      return { photos: await askPhotos(s) };
  }
}
