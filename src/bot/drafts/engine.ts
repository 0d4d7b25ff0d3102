import { Composer, InlineKeyboard } from "grammy";
import { draftButtonData, draftDiscardData, draftResumeData, draftScope } from "../../callbacks/index.js";
import type { Db } from "../../db/client.js";
import {
  draftById,
  draftForUpdate,
  insertDraft,
  parkDraft,
  pendingDraft,
  writeDraft,
  type Draft,
  type DraftKind,
} from "../../domain/drafts.js";
import { formatDateTime } from "../../i18n/dates.js";
import type { App } from "../app.js";
import type { BotContext } from "../context.js";
import { bestEffort, refuse } from "../errors.js";
import type { TranslationVariables } from "../i18n.js";

/** An answer that does not fit: the hint is shown and nothing changes. */
export interface Hint {
  hint: string;
  vars?: TranslationVariables;
}

/** A message sent before the next question (a refusal, an acknowledgement). */
export interface Note {
  key: string;
  vars?: TranslationVariables;
}

/** The draft moves to another step (or stays, with new answers). */
export interface Next<A> {
  step: string;
  answers: A;
  notes?: Note[];
}

/** The draft is over: `close` is the key of the message that says how; `after` runs once it is said. */
export interface Close {
  close: string;
  notes?: Note[];
  vars?: TranslationVariables;
  after?: (ctx: BotContext) => Promise<void>;
}

/** What an update does to a draft: a hint, or a change computed inside the update's transaction. */
export type StepResult<A> = Hint | ((tx: Db) => Next<A> | Close);

/** One long form: how each step reads an answer and how it asks its question. */
export interface DraftForm<A> {
  kind: DraftKind;
  /** Its buttons are `<prefix>:<draft id>:<field>:<value>`. */
  prefix: string;
  answer(ctx: BotContext, draft: Draft<A>, prefix: string): StepResult<A>;
  ask(ctx: BotContext, draft: Draft<A>, prefix: string): Promise<unknown>;
  /** Variables of its closing messages, to say them again. */
  vars(draft: Draft<A>): TranslationVariables;
  /** Starts the form again from a token its offer button carried (see `openDraft`). */
  reopen(ctx: BotContext, token: string): Promise<unknown>;
}

/** A form of any answers: the engine routes by kind and step and reads none of them. */
// biome-ignore lint/suspicious/noExplicitAny: each form's answers have a shape of their own
export type AnyDraftForm = DraftForm<any>;

/**
 * Every change an update makes runs in this one transaction: the draft's state together with
 * the record it saves, so no reply ever reports what is not yet stored.
 */
export function commit<T>(app: App, run: (tx: Db) => T): T {
  return app.db.transaction(run);
}

const isHint = <A>(result: StepResult<A>): result is Hint => typeof result !== "function";

/** Buttons of this draft are `<prefix>:<id>:…`; an old one names its own draft, never a newer one. */
export const draftPrefix = (form: { prefix: string }, draft: { id: number }) => draftScope(form.prefix, draft.id);

async function sayHint(ctx: BotContext, hint: Hint): Promise<void> {
  const text = ctx.t(hint.hint, hint.vars);
  if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text, show_alert: true });
  else await ctx.reply(text);
}

async function pressDone(app: App, ctx: BotContext): Promise<void> {
  if (!ctx.callbackQuery) return;
  await ctx.answerCallbackQuery();
  await bestEffort(app.logger, "buttons not taken off", ctx.editMessageReplyMarkup({ reply_markup: undefined }));
}

/** An update for an open draft: read the answer, store the new state, then say what follows. */
async function advance<A>(app: App, ctx: BotContext, form: DraftForm<A>, draft: Draft<A>): Promise<unknown> {
  const prefix = draftPrefix(form, draft);
  const update = ctx.update.update_id;
  if (draft.lastUpdate === update) {
    // The same update again: it changed the draft already; say where the draft stands.
    await pressDone(app, ctx);
    return draft.status === "closed" ? ctx.reply(ctx.t(draft.step, form.vars(draft))) : form.ask(ctx, draft, prefix);
  }
  if (draft.status === "closed") return refuse(ctx, "button-stale");
  const result = form.answer(ctx, draft, prefix);
  if (isHint(result)) return sayHint(ctx, result);
  const now = app.clock.now();
  const outcome = commit(app, (tx) => {
    const next = result(tx);
    const written: Draft<A> =
      "close" in next
        ? { ...draft, step: next.close, status: "closed", lastUpdate: update, updatedAt: now }
        : { ...draft, step: next.step, answers: next.answers, status: "open", lastUpdate: update, updatedAt: now };
    writeDraft(tx, written);
    return { next, written };
  });
  await pressDone(app, ctx);
  const { next, written } = outcome;
  for (const note of next.notes ?? []) await ctx.reply(ctx.t(note.key, note.vars));
  if ("close" in next) {
    await ctx.reply(ctx.t(next.close, next.vars ?? form.vars(written)));
    return next.after?.(ctx);
  }
  return form.ask(ctx, written, prefix);
}

/**
 * Opens a new draft and asks its first question. A person has one draft at a time: when
 * another is pending, they are offered to resume it or discard it for this one.
 */
export async function openDraft<A>(
  app: App,
  ctx: BotContext,
  form: DraftForm<A>,
  start: { step: string; answers: A; intro?: Note; token: string },
): Promise<unknown> {
  const user = ctx.person;
  const pending = pendingDraft(app.db, user);
  if (pending) {
    const locale = ctx.speech.locale;
    const keyboard = new InlineKeyboard()
      .text(ctx.t("draft-resume"), draftResumeData.pack({ draft: pending.id }))
      .text(ctx.t("draft-discard"), draftDiscardData.pack({ draft: pending.id, kind: form.kind, token: start.token }));
    return ctx.reply(
      ctx.t("draft-pending", { form: ctx.t(`draft-title-${pending.kind}`), since: formatDateTime(locale, pending.updatedAt) }),
      {
        reply_markup: keyboard,
      },
    );
  }
  await ctx.conversation.exitAll();
  const draft = commit(app, (tx) =>
    insertDraft(tx, {
      user,
      kind: form.kind,
      step: start.step,
      answers: start.answers,
      update: ctx.update.update_id,
      now: app.clock.now(),
    }),
  );
  if (start.intro) await ctx.reply(ctx.t(start.intro.key, start.intro.vars));
  return form.ask(ctx, draft, draftPrefix(form, draft));
}

const isCommand = (ctx: BotContext) => ctx.message?.entities?.[0]?.type === "bot_command" && ctx.message.entities[0].offset === 0;

/**
 * The buttons of the long forms, routed by the draft id they carry. They are never a short
 * form's answer, so they are handled before the short forms' state is even read.
 */
export function draftButtons(app: App, forms: readonly AnyDraftForm[]) {
  const byPrefix = new Map(forms.map((form) => [form.prefix, form] as const));
  const pattern = draftButtonData.filter(forms.map((form) => form.prefix));
  const composer = new Composer<BotContext>();
  composer.callbackQuery(pattern, async (ctx) => {
    const pressed = draftButtonData.parse(ctx.match as RegExpMatchArray);
    const form = pressed && byPrefix.get(pressed.prefix)!;
    const draft = pressed && draftById<never>(app.db, pressed.draft);
    if (!form || !draft || draft.userId !== ctx.from.id || draft.kind !== form.kind) {
      return refuse(ctx, "button-stale");
    }
    return advance(app, ctx, form, draft);
  });
  return composer;
}

/**
 * The rest of the long forms: in private chat, the messages of a person whose draft is open;
 * the offer to resume or discard a draft; /cancel closes it; entering a short form parks it.
 */
export function draftsFeature(app: App, forms: readonly AnyDraftForm[]) {
  const byKind = new Map(forms.map((form) => [form.kind as string, form] as const));
  const composer = new Composer<BotContext>();

  // A short form (a conversation) entered while a draft is open parks the draft: the typed
  // answers are the short form's until the person comes back to the draft.
  composer.use((ctx, next) => {
    const controls = ctx.conversation;
    const enter = controls.enter.bind(controls);
    controls.enter = ((...args: Parameters<typeof enter>) => {
      // A read first: most people entering a short form have no draft, and a read takes no lock.
      const user = ctx.person;
      if (pendingDraft(app.db, user)?.status === "open") commit(app, (tx) => parkDraft(tx, user));
      return enter(...args);
    }) as typeof enter;
    return next();
  });

  composer.callbackQuery([draftResumeData.filter(), draftDiscardData.filter()], async (ctx) => {
    // What the discard button's token names: the form to open again once the pending draft is set aside.
    const discard = draftDiscardData.parse(ctx.callbackQuery.data);
    const draft = draftById<never>(app.db, (discard ?? draftResumeData.unpack(ctx.match)).draft);
    const form = draft && byKind.get(draft.kind);
    if (!draft || !form || draft.userId !== ctx.from.id || draft.status === "closed") {
      return refuse(ctx, "button-stale");
    }
    await pressDone(app, ctx);
    if (!discard) {
      const resumed = commit(app, (tx) => {
        const open: Draft<never> = { ...draft, status: "open", lastUpdate: ctx.update.update_id, updatedAt: app.clock.now() };
        writeDraft(tx, open);
        return open;
      });
      await ctx.conversation.exitAll();
      return form.ask(ctx, resumed, draftPrefix(form, resumed));
    }
    commit(app, (tx) =>
      writeDraft(tx, { ...draft, status: "closed", step: "draft-discarded", lastUpdate: ctx.update.update_id, updatedAt: app.clock.now() }),
    );
    await ctx.reply(ctx.t("draft-discarded"));
    const requested = byKind.get(discard.kind);
    return requested ? requested.reopen(ctx, discard.token) : undefined;
  });

  const inPrivate = composer.chatType("private");
  inPrivate.command("cancel", async (ctx, next) => {
    const draft = pendingDraft(app.db, ctx.person);
    if (draft?.status !== "open") return next();
    commit(app, (tx) =>
      writeDraft(tx, { ...draft, status: "closed", step: "cancel-done", lastUpdate: ctx.update.update_id, updatedAt: app.clock.now() }),
    );
    await ctx.conversation.exitAll();
    await ctx.reply(ctx.t("cancel-done"), { reply_markup: { remove_keyboard: true } });
  });
  inPrivate.on("message", async (ctx, next) => {
    if (isCommand(ctx)) return next();
    const draft = draftForUpdate<never>(app.db, ctx.person, ctx.update.update_id);
    const again = draft?.lastUpdate === ctx.update.update_id;
    const form = draft && (draft.status === "open" || again) ? byKind.get(draft.kind) : undefined;
    if (!draft || !form) return next();
    return advance(app, ctx, form, draft);
  });
  return composer;
}
