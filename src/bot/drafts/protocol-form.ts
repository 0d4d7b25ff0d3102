import { InlineKeyboard } from "grammy";
import type { Db } from "../../db/client.js";
import { localDate, parseFutureDate } from "../../domain/calendar.js";
import type { Draft } from "../../domain/drafts.js";
import { groupById } from "../../domain/groups.js";
import { meetingById } from "../../domain/meetings.js";
import { observationsToCover } from "../../domain/protocol-observations.js";
import {
  ADDRESSEES,
  createDraft,
  protocolById,
  reviseDraft,
  type Addressee,
  type ItemRecord,
  type RecommendationInput,
  type Revision,
} from "../../domain/protocols.js";
import { AGENDA_ITEM_MAX_LENGTH, MAX_RECOMMENDATIONS, PLACE_MAX_LENGTH, PROTOCOL_TEXT_MAX_LENGTH } from "../../domain/rules.js";
import { meetingId, protocolId, userId, type ProtocolId } from "../../domain/types.js";
import type { App } from "../app.js";
import type { BotContext } from "../context.js";
import { buttonAnswer, eitherAnswer, textAnswer, type Answer, type Parser } from "../conversations/ask.js";
import { choiceKeyboard } from "../keyboards.js";
import { notifyGroup, sendLong } from "../notify.js";
import { protocolNumber } from "../views/protocol-text.js";
import { observationLines, protocolView } from "../views/protocol-view.js";
import type { Close, DraftForm, Next, StepResult } from "./engine.js";

import { DRAFT_FORMS, formButton, type EditPart } from "../../callbacks/index.js";
export type { EditPart };

type Step = "title" | "discussed" | "decided" | "rec" | "to" | "name" | "due" | "obs" | "place";

/** A protocol being drafted for a meeting, or one part of a draft protocol being revised. */
export interface ProtocolAnswers {
  meeting: number;
  protocol: number | null;
  part: EditPart | null;
  /** The titles of the agenda items asked about (one, when an item is revised). */
  titles: string[];
  /** Which of `titles` is being asked about. */
  item: number;
  items: ItemRecord[];
  recs: RecommendationInput[];
  rec: Partial<RecommendationInput>;
  /** The observations listed by number when the question was asked. */
  listed: number[];
}

type ProtocolDraft = Draft<ProtocolAnswers>;
type Result = StepResult<ProtocolAnswers>;

/** At most this many of the period's observations are listed to pick from by number. */
const MAX_LISTED_OBSERVATIONS = 20;
const PICK = ["all", "none"] as const;

const longText = (hint: string) => textAnswer(hint, 3, PROTOCOL_TEXT_MAX_LENGTH);
const fromAnswer = <V>(answer: Answer<V>, then: (value: V) => Result): Result =>
  answer.ok ? then(answer.value) : { hint: answer.hint, vars: answer.vars };
const to =
  (step: Step, answers: ProtocolAnswers): Result =>
  () => ({ step, answers });

function button(prefix: string, field: string, value: string): Parser<null> {
  return (ctx) =>
    formButton.is(ctx.callbackQuery?.data, prefix, field, value) ? { ok: true, value: null } : { ok: false, hint: "form-use-buttons" };
}

function dueAnswer(today: string): Parser<string> {
  return (ctx) => {
    const date = parseFutureDate(ctx.message?.text ?? "", today);
    if (!date) return { ok: false, hint: "protocol-due-hint" };
    if (date < today) return { ok: false, hint: "protocol-due-past" };
    return { ok: true, value: date };
  };
}

/** The observations this protocol may cover, oldest first. */
function candidates(db: Db, a: ProtocolAnswers) {
  const meeting = meetingById(db, meetingId(a.meeting));
  if (!meeting) return [];
  return observationsToCover(db, meeting.groupId, meeting.id, a.protocol === null ? undefined : protocolId(a.protocol));
}

/** The protocol is stored (or its part revised) with the draft's answers, in the update's transaction. */
function save(app: App, tx: Db, by: number, a: ProtocolAnswers, observations?: readonly number[]): Close {
  const now = app.clock.now();
  if (a.protocol === null) {
    const result = createDraft(tx, {
      meeting: meetingId(a.meeting),
      by: userId(by),
      items: a.items,
      recommendations: a.recs,
      observations,
      now,
    });
    if (!result.ok) return { close: `protocol-refused-${result.reason}` };
    const id = result.protocol.id;
    return { close: "protocol-draft-saved", after: (ctx) => afterSave(app, ctx, id, "protocol-draft-ready") };
  }
  const result = reviseDraft(tx, { protocol: protocolId(a.protocol), by: userId(by), now, revision: revisionOf(a, observations) });
  if (!result.ok) return { close: `protocol-refused-${result.reason}` };
  const id = result.protocol.id;
  return { close: "protocol-revised", after: (ctx) => afterSave(app, ctx, id, "protocol-draft-revised") };
}

function revisionOf(a: ProtocolAnswers, observations?: readonly number[]): Revision {
  if (a.part === "r") return { part: "recommendations", recommendations: a.recs };
  if (a.part === "o") return { part: "observations", observations: observations ?? [] };
  const item = a.items[0]!;
  return { part: "item", position: Number(a.part?.slice(1)), title: item.title, discussed: item.discussed, decided: item.decided };
}

/** After the items: the recommendations (new protocol, or their revision), then what comes next. */
function afterItems(app: App, tx: Db, by: number, a: ProtocolAnswers): Next<ProtocolAnswers> | Close {
  return a.protocol === null ? { step: "rec", answers: a } : save(app, tx, by, a);
}

/** After the recommendations: the observations when the period has any, else the save. */
function afterRecommendations(app: App, tx: Db, by: number, a: ProtocolAnswers): Next<ProtocolAnswers> | Close {
  if (a.protocol !== null) return save(app, tx, by, a);
  return toObservations(app, tx, by, a);
}

function toObservations(app: App, tx: Db, by: number, a: ProtocolAnswers): Next<ProtocolAnswers> | Close {
  const found = candidates(tx, a);
  if (found.length === 0) {
    return { ...save(app, tx, by, a, []), notes: [{ key: "protocol-no-observations" }] };
  }
  return { step: "obs", answers: { ...a, listed: found.slice(0, MAX_LISTED_OBSERVATIONS).map((o) => o.id as number) } };
}

function decidedStep(app: App, ctx: BotContext, a: ProtocolAnswers, prefix: string): Result {
  return fromAnswer(eitherAnswer(button(prefix, "dec", "none"), longText("protocol-text-hint"))(ctx), (decided) => {
    const current = a.items[a.item]!;
    const items = a.items.map((item, i) => (i === a.item ? { ...current, decided } : item));
    const next = { ...a, items, item: a.item + 1 };
    if (next.item < a.titles.length) return to("discussed", next);
    return (tx) => afterItems(app, tx, ctx.person, next);
  });
}

function recStep(app: App, ctx: BotContext, a: ProtocolAnswers, prefix: string): Result {
  return fromAnswer(eitherAnswer(button(prefix, "rec", "done"), longText("protocol-text-hint"))(ctx), (text) =>
    text === null ? (tx) => afterRecommendations(app, tx, ctx.person, a) : to("to", { ...a, rec: { text } }),
  );
}

/** A recommendation is complete: the next one, or what follows the last allowed. */
function recDone(app: App, ctx: BotContext, a: ProtocolAnswers, rec: Partial<RecommendationInput>): Result {
  const next = { ...a, recs: [...a.recs, rec as RecommendationInput], rec: {} };
  if (next.recs.length < MAX_RECOMMENDATIONS) return to("rec", next);
  return (tx) => afterRecommendations(app, tx, ctx.person, next);
}

function obsStep(app: App, ctx: BotContext, a: ProtocolAnswers, prefix: string): Result {
  const picked = eitherAnswer(buttonAnswer(prefix, "obs", PICK, "form-use-buttons"), (c): Answer<number[]> => {
    const numbers = (c.message?.text ?? "")
      .split(/[\s,;]+/)
      .filter(Boolean)
      .map(Number);
    const valid = numbers.length > 0 && numbers.every((n) => Number.isInteger(n) && n >= 1 && n <= a.listed.length);
    return valid ? { ok: true, value: numbers } : { ok: false, hint: "protocol-observations-hint", vars: { count: a.listed.length } };
  })(ctx);
  const by = ctx.person;
  return fromAnswer(picked, (answer) => (tx) => {
    if (answer === "none") return save(app, tx, by, a, []);
    const ids = answer === "all" ? candidates(tx, a).map((o) => o.id as number) : answer.map((n) => a.listed[n - 1]!);
    return save(app, tx, by, a, ids);
  });
}

function answer(app: App, ctx: BotContext, draft: ProtocolDraft, prefix: string): Result {
  const a = draft.answers;
  const by = ctx.person;
  switch (draft.step as Step) {
    case "title":
      return fromAnswer(
        eitherAnswer(button(prefix, "title", "keep"), textAnswer("protocol-text-hint", 2, AGENDA_ITEM_MAX_LENGTH))(ctx),
        (renamed) => to("discussed", { ...a, titles: [renamed ?? a.titles[0]!] }),
      );
    case "discussed":
      return fromAnswer(longText("protocol-text-hint")(ctx), (discussed) => {
        const items = [...a.items.slice(0, a.item), { title: a.titles[a.item]!, discussed, decided: null }];
        return to("decided", { ...a, items });
      });
    case "decided":
      return decidedStep(app, ctx, a, prefix);
    case "rec":
      return recStep(app, ctx, a, prefix);
    case "to":
      return fromAnswer(buttonAnswer<Addressee>(prefix, "to", ADDRESSEES, "form-use-buttons")(ctx), (addressee) =>
        addressee === "other"
          ? to("name", { ...a, rec: { ...a.rec, addressee } })
          : to("due", { ...a, rec: { ...a.rec, addressee, addresseeName: null } }),
      );
    case "name":
      return fromAnswer(textAnswer("protocol-text-hint", 2, PLACE_MAX_LENGTH)(ctx), (addresseeName) =>
        to("due", { ...a, rec: { ...a.rec, addresseeName } }),
      );
    case "due":
      return fromAnswer(dueAnswer(localDate(app.clock.now()))(ctx), (dueOn) => recDone(app, ctx, a, { ...a.rec, dueOn }));
    case "obs":
      return obsStep(app, ctx, a, prefix);
    case "place":
      return fromAnswer(textAnswer("meeting-place-hint", 2, PLACE_MAX_LENGTH)(ctx), (place) => (tx) => {
        const result = reviseDraft(tx, {
          protocol: protocolId(a.protocol ?? 0),
          by: userId(by),
          now: app.clock.now(),
          revision: { part: "place", place },
        });
        if (!result.ok) return { close: `protocol-refused-${result.reason}` };
        return { close: "protocol-revised", after: (c) => afterSave(app, c, result.protocol.id, "protocol-draft-revised") };
      });
  }
}

async function askObservations(app: App, ctx: BotContext, a: ProtocolAnswers, prefix: string): Promise<unknown> {
  const found = candidates(app.db, a);
  const listed = a.listed.map((id) => found.find((o) => o.id === id)).filter((o) => o !== undefined);
  const meeting = meetingById(app.db, meetingId(a.meeting));
  const lines = meeting ? observationLines(app, ctx.speech, meeting.groupId, listed) : [];
  return ctx.reply([ctx.t("protocol-ask-observations", { count: found.length, listed: listed.length }), ...lines].join("\n"), {
    reply_markup: new InlineKeyboard()
      .text(ctx.t("protocol-observations-all", { count: found.length }), formButton.pack(prefix, "obs", "all"))
      .text(ctx.t("protocol-observations-none"), formButton.pack(prefix, "obs", "none")),
  });
}

async function ask(app: App, ctx: BotContext, draft: ProtocolDraft, prefix: string): Promise<unknown> {
  const a = draft.answers;
  const { t } = ctx.speech;
  switch (draft.step as Step) {
    case "title":
      return ctx.reply(ctx.t("protocol-ask-title", { n: Number(a.part?.slice(1)) + 1, title: a.titles[0]! }), {
        reply_markup: new InlineKeyboard().text(ctx.t("protocol-keep-title"), formButton.pack(prefix, "title", "keep")),
      });
    case "discussed": {
      const n = a.part === null ? a.item + 1 : Number(a.part.slice(1)) + 1;
      return ctx.reply(ctx.t("protocol-ask-discussed", { n, title: a.titles[a.item]! }));
    }
    case "decided":
      return ctx.reply(ctx.t("protocol-ask-decided"), {
        reply_markup: new InlineKeyboard().text(ctx.t("protocol-no-decision-button"), formButton.pack(prefix, "dec", "none")),
      });
    case "rec":
      return ctx.reply(ctx.t("protocol-ask-recommendation", { count: a.recs.length }), {
        reply_markup: new InlineKeyboard().text(
          ctx.t("protocol-recommendations-done", { count: a.recs.length }),
          formButton.pack(prefix, "rec", "done"),
        ),
      });
    case "to":
      return ctx.reply(ctx.t("protocol-ask-addressee"), { reply_markup: choiceKeyboard(t, prefix, "to", ADDRESSEES, "addressee") });
    case "name":
      return ctx.reply(ctx.t("protocol-ask-addressee-name"));
    case "due":
      return ctx.reply(ctx.t("protocol-ask-due"));
    case "obs":
      return askObservations(app, ctx, a, prefix);
    case "place":
      return ctx.reply(ctx.t("meeting-ask-place"));
  }
}

/** Replies with the draft as it stands, with the leader's buttons, and tells the group it is ready. */
async function afterSave(app: App, ctx: BotContext, id: ProtocolId, key: string): Promise<void> {
  const protocol = protocolById(app.db, id);
  const group = protocol && groupById(app.db, protocol.groupId);
  if (!protocol || !group) return;
  const view = protocolView(app, ctx.speech, protocol, { leader: true, comment: "none" });
  await sendLong(ctx.api, ctx.chatId ?? 0, view.text, view.keyboard);
  await notifyGroup(app, group, { text: (t) => t(key, { number: protocolNumber(protocol) }) });
}

/** Where a new draft or a revision of one part starts, and with what. */
export function protocolStart(
  app: App,
  start: { meeting: number; agenda: string[] } | { meeting: number; protocol: number; part: EditPart; titles: string[] },
): { step: Step; answers: ProtocolAnswers } {
  const blank = { items: [], recs: [], rec: {}, listed: [], item: 0 };
  if (!("part" in start)) {
    const answers: ProtocolAnswers = { ...blank, meeting: start.meeting, protocol: null, part: null, titles: start.agenda };
    return { step: "discussed", answers };
  }
  const { part } = start;
  const position = part.startsWith("i") ? Number(part.slice(1)) : -1;
  const answers: ProtocolAnswers = {
    ...blank,
    meeting: start.meeting,
    protocol: start.protocol,
    part,
    titles: position >= 0 ? [start.titles[position] ?? ""] : [],
  };
  if (part === "o")
    answers.listed = candidates(app.db, answers)
      .slice(0, MAX_LISTED_OBSERVATIONS)
      .map((o) => o.id as number);
  const step: Step = part === "r" ? "rec" : part === "o" ? "obs" : part === "p" ? "place" : "title";
  return { step, answers };
}

/** The protocol form as a draft: one handler per step, its id in every button. */
export function protocolForm(app: App, reopen: (ctx: BotContext, token: string) => Promise<unknown>): DraftForm<ProtocolAnswers> {
  return {
    kind: "protocol",
    prefix: DRAFT_FORMS.protocol,
    answer: (ctx, draft, prefix) => answer(app, ctx, draft, prefix),
    ask: (ctx, draft, prefix) => ask(app, ctx, draft, prefix),
    vars: () => ({}),
    reopen,
  };
}
