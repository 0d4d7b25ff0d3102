import { createConversation } from "@grammyjs/conversations";
import { InlineKeyboard } from "grammy";
import { localDate, parseFutureDate } from "../../domain/calendar.js";
import { meetingById } from "../../domain/meetings.js";
import { observationsToCover } from "../../domain/protocol-observations.js";
import {
  ADDRESSEES,
  addComment,
  commentRefusal,
  createDraft,
  draftRefusal,
  editableDraft,
  protocolById,
  protocolContent,
  reviseDraft,
  type Addressee,
  type ItemRecord,
  type RecommendationInput,
  type Revision,
} from "../../domain/protocols.js";
import { AGENDA_ITEM_MAX_LENGTH, COMMENT_MAX_LENGTH, MAX_RECOMMENDATIONS, PLACE_MAX_LENGTH, PROTOCOL_TEXT_MAX_LENGTH } from "../../domain/rules.js";
import { groupId, meetingId, protocolId, userId, type ProtocolId } from "../../domain/types.js";
import { currentLeader } from "../../domain/leadership.js";
import { groupById } from "../../domain/groups.js";
import type { App } from "../app.js";
import type { BotContext, Form, FormContext } from "../context.js";
import { ask, buttonAnswer, eitherAnswer, textAnswer, type Parser } from "../conversations/ask.js";
import { FORM_TIMEOUT_MS } from "../conversations/limits.js";
import { choiceKeyboard } from "../keyboards.js";
import { notifyGroup, notifyPerson, sendLong } from "../notify.js";
import { protocolNumber } from "../protocol-text.js";
import { observationLines, protocolView } from "../protocol-view.js";
import { negotiateLocale } from "../i18n.js";
import { speechIn } from "../speech.js";

const PREFIX = "pf";

const longText = (hint: string) => textAnswer(hint, 3, PROTOCOL_TEXT_MAX_LENGTH);

function button(field: string, value: string): Parser<null> {
  return (ctx) => (ctx.callbackQuery?.data === `${PREFIX}:${field}:${value}` ? { ok: true, value: null } : { ok: false, hint: "form-use-buttons" });
}

function dueAnswer(today: string): Parser<string> {
  return (ctx) => {
    const date = parseFutureDate(ctx.message?.text ?? "", today);
    if (!date) return { ok: false, hint: "protocol-due-hint" };
    if (date < today) return { ok: false, hint: "protocol-due-past" };
    return { ok: true, value: date };
  };
}

/** What was discussed and decided on one agenda item. */
async function askItem(form: Form, ctx: FormContext, index: number, title: string): Promise<Omit<ItemRecord, "title">> {
  await ctx.reply(ctx.t("protocol-ask-discussed", { n: index + 1, title }));
  const discussed = await ask(form, PREFIX, longText("protocol-text-hint"));
  await ctx.reply(ctx.t("protocol-ask-decided"), {
    reply_markup: new InlineKeyboard().text(ctx.t("protocol-no-decision-button"), `${PREFIX}:dec:none`),
  });
  const decided = await ask(form, PREFIX, eitherAnswer(button("dec", "none"), longText("protocol-text-hint")));
  return { discussed, decided };
}

/** The recommendations, one after another: text, addressee, due date; "Done" to finish. */
async function askRecommendations(form: Form, ctx: FormContext): Promise<RecommendationInput[]> {
  const today = localDate(new Date(await form.now()));
  const t = (key: string) => ctx.t(key);
  const list: RecommendationInput[] = [];
  while (list.length < MAX_RECOMMENDATIONS) {
    await ctx.reply(ctx.t("protocol-ask-recommendation", { count: list.length }), {
      reply_markup: new InlineKeyboard().text(ctx.t("protocol-recommendations-done"), `${PREFIX}:rec:done`),
    });
    const text = await ask(form, PREFIX, eitherAnswer(button("rec", "done"), longText("protocol-text-hint")));
    if (text === null) break;
    await ctx.reply(ctx.t("protocol-ask-addressee"), { reply_markup: choiceKeyboard(t, PREFIX, "to", ADDRESSEES, "addressee") });
    const addressee = await ask<Addressee>(form, PREFIX, buttonAnswer(PREFIX, "to", ADDRESSEES, "form-use-buttons"));
    let addresseeName: string | null = null;
    if (addressee === "other") {
      await ctx.reply(ctx.t("protocol-ask-addressee-name"));
      addresseeName = await ask(form, PREFIX, textAnswer("protocol-text-hint", 2, PLACE_MAX_LENGTH));
    }
    await ctx.reply(ctx.t("protocol-ask-due"));
    const dueOn = await ask(form, PREFIX, dueAnswer(today));
    list.push({ text, addressee, addresseeName, dueOn });
  }
  return list;
}

/** At most this many of the period's observations are listed to pick from by number. */
const MAX_LISTED_OBSERVATIONS = 20;
const PICK = ["all", "none"] as const;

interface Candidate {
  id: number;
  line: string;
}

/** The observations a protocol may cover, rendered for the person filling the form. */
function candidatesFor(app: App, ctx: FormContext, meeting: number, protocol?: number): Candidate[] {
  const found = meetingById(app.db, meetingId(meeting));
  if (!found) return [];
  const list = observationsToCover(app.db, found.groupId, found.id, protocol === undefined ? undefined : protocolId(protocol));
  const lines = observationLines(app, speechIn(app, negotiateLocale(app.db, app.defaultLocale, ctx)), found.groupId, list);
  return list.map((o, index) => ({ id: o.id as number, line: lines[index]! }));
}

function pickAnswer(count: number): Parser<(typeof PICK)[number] | number[]> {
  return eitherAnswer(buttonAnswer(PREFIX, "obs", PICK, "form-use-buttons"), (ctx) => {
    const numbers = (ctx.message?.text ?? "").split(/[\s,;]+/).filter(Boolean).map(Number);
    const valid = numbers.length > 0 && numbers.every((n) => Number.isInteger(n) && n >= 1 && n <= count);
    return valid ? { ok: true, value: numbers } : { ok: false, hint: "protocol-observations-hint", vars: { count } };
  });
}

/** The observations the protocol covers, from its period's: all of them, none, or by number. */
async function askObservations(form: Form, ctx: FormContext, candidates: readonly Candidate[]): Promise<number[]> {
  if (candidates.length === 0) {
    await ctx.reply(ctx.t("protocol-no-observations"));
    return [];
  }
  const listed = candidates.slice(0, MAX_LISTED_OBSERVATIONS);
  await ctx.reply([ctx.t("protocol-ask-observations", { count: candidates.length, listed: listed.length }), ...listed.map((c) => c.line)].join("\n"), {
    reply_markup: new InlineKeyboard()
      .text(ctx.t("protocol-observations-all", { count: candidates.length }), `${PREFIX}:obs:all`)
      .text(ctx.t("protocol-observations-none"), `${PREFIX}:obs:none`),
  });
  const answer = await ask(form, PREFIX, pickAnswer(listed.length));
  if (answer === "all") return candidates.map((c) => c.id);
  if (answer === "none") return [];
  return answer.map((n) => listed[n - 1]!.id);
}

/** Replies with the draft as it stands, with the leader's buttons (private chat). */
async function showDraft(app: App, ctx: FormContext, id: ProtocolId): Promise<void> {
  const protocol = protocolById(app.db, id);
  if (!protocol) return;
  const view = protocolView(app, speechIn(app, negotiateLocale(app.db, app.defaultLocale, ctx)), protocol, { leader: true, comment: "none" });
  await sendLong(ctx.api, ctx.chatId ?? 0, view.text, view.keyboard);
}

function draftForm(app: App) {
  return async function protocol(form: Form, ctx: FormContext, id: number) {
    const by = userId(ctx.from?.id ?? 0);
    const start = await form.external(() => {
      const meeting = meetingById(app.db, meetingId(id));
      const refusal = draftRefusal(app.db, meeting, by, app.clock.now());
      return { refusal: refusal && !refusal.ok ? refusal.reason : null, agenda: meeting?.agenda ?? [] };
    });
    if (start.refusal) {
      await ctx.reply(ctx.t(`protocol-refused-${start.refusal}`));
      return;
    }
    await ctx.reply(ctx.t("protocol-draft-start", { count: start.agenda.length }));
    const items: ItemRecord[] = [];
    for (const [index, title] of start.agenda.entries()) items.push({ title, ...(await askItem(form, ctx, index, title)) });
    const recs = await askRecommendations(form, ctx);
    const observations = await askObservations(form, ctx, await form.external(() => candidatesFor(app, ctx, id)));
    const saved = await form.external(() => {
      const result = createDraft(app.db, { meeting: meetingId(id), by, items, recommendations: recs, observations, now: app.clock.now() });
      return result.ok ? { protocol: result.protocol.id as number, refusal: null } : { protocol: 0, refusal: result.reason };
    });
    if (saved.refusal) {
      await ctx.reply(ctx.t(`protocol-refused-${saved.refusal}`));
      return;
    }
    await ctx.reply(ctx.t("protocol-draft-saved"));
    await form.external(async () => {
      await showDraft(app, ctx, protocolId(saved.protocol));
      await announceDraft(app, protocolId(saved.protocol), "protocol-draft-ready");
    });
  };
}

/** Tells the group that a draft is ready (or revised) for reading and comments. */
async function announceDraft(app: App, id: ProtocolId, key: string): Promise<void> {
  const protocol = protocolById(app.db, id);
  const group = protocol && groupById(app.db, protocol.groupId);
  if (!protocol || !group) return;
  await notifyGroup(app, group, { text: (t) => t(key, { number: protocolNumber(protocol) }) });
}

export type EditPart = `i${number}` | "r" | "p" | "o";

function editForm(app: App) {
  return async function protocolEdit(form: Form, ctx: FormContext, id: number, part: EditPart) {
    const by = userId(ctx.from?.id ?? 0);
    const start = await form.external(() => {
      const editable = editableDraft(app.db, protocolId(id), by, app.clock.now());
      if (!editable.ok) return { refusal: editable.reason, titles: [] as string[], meeting: 0 };
      const titles = protocolContent(app.db, editable.protocol).items.map((item) => item.title);
      return { refusal: null, titles, meeting: editable.protocol.meetingId as number };
    });
    if (start.refusal) {
      await ctx.reply(ctx.t(`protocol-refused-${start.refusal}`));
      return;
    }
    let revision: Revision;
    if (part === "r") {
      revision = { part: "recommendations", recommendations: await askRecommendations(form, ctx) };
    } else if (part === "o") {
      const candidates = await form.external(() => candidatesFor(app, ctx, start.meeting, id));
      revision = { part: "observations", observations: await askObservations(form, ctx, candidates) };
    } else if (part === "p") {
      await ctx.reply(ctx.t("meeting-ask-place"));
      revision = { part: "place", place: await ask(form, PREFIX, textAnswer("meeting-place-hint", 2, PLACE_MAX_LENGTH)) };
    } else {
      const position = Number(part.slice(1));
      const title = start.titles[position];
      if (title === undefined) return;
      await ctx.reply(ctx.t("protocol-ask-title", { n: position + 1, title }), {
        reply_markup: new InlineKeyboard().text(ctx.t("protocol-keep-title"), `${PREFIX}:title:keep`),
      });
      const renamed = await ask(form, PREFIX, eitherAnswer(button("title", "keep"), textAnswer("protocol-text-hint", 2, AGENDA_ITEM_MAX_LENGTH)));
      const newTitle = renamed ?? title;
      revision = { part: "item", position, title: newTitle, ...(await askItem(form, ctx, position, newTitle)) };
    }
    const refusal = await form.external(() => {
      const result = reviseDraft(app.db, { protocol: protocolId(id), by, now: app.clock.now(), revision });
      return result.ok ? null : result.reason;
    });
    if (refusal) {
      await ctx.reply(ctx.t(`protocol-refused-${refusal}`));
      return;
    }
    await ctx.reply(ctx.t("protocol-revised"));
    await form.external(async () => {
      await showDraft(app, ctx, protocolId(id));
      await announceDraft(app, protocolId(id), "protocol-draft-revised");
    });
  };
}

function commentForm(app: App) {
  return async function comment(form: Form, ctx: FormContext, id: number) {
    const user = userId(ctx.from?.id ?? 0);
    const refusal = await form.external(() => {
      const allowed = commentRefusal(app.db, protocolId(id), user, app.clock.now());
      return allowed.ok ? null : allowed.reason;
    });
    if (refusal) {
      await ctx.reply(ctx.t(`comment-refused-${refusal}`));
      return;
    }
    await ctx.reply(ctx.t("comment-ask"));
    const text = await ask(form, PREFIX, textAnswer("comment-hint", 2, COMMENT_MAX_LENGTH));
    const saved = await form.external(() => {
      const result = addComment(app.db, { protocol: protocolId(id), user, text, now: app.clock.now() });
      return result.ok ? { refusal: null, number: protocolNumber(result.protocol), group: result.protocol.groupId as number } : { refusal: result.reason, number: "", group: 0 };
    });
    if (saved.refusal) {
      await ctx.reply(ctx.t(`comment-refused-${saved.refusal}`));
      return;
    }
    await ctx.reply(ctx.t("comment-saved"));
    await form.external(async () => {
      const leader = currentLeader(app.db, groupId(saved.group));
      if (leader && leader.userId !== user) {
        await notifyPerson(app, leader.userId, { text: (t) => t("comment-to-leader", { number: saved.number, text }) });
      }
    });
  };
}

export function protocolForms(app: App) {
  const options = { maxMillisecondsToWait: FORM_TIMEOUT_MS };
  return [
    createConversation<BotContext, FormContext>(draftForm(app), { id: "protocol", ...options }),
    createConversation<BotContext, FormContext>(editForm(app), { id: "protocolEdit", ...options }),
    createConversation<BotContext, FormContext>(commentForm(app), { id: "comment", ...options }),
  ];
}
