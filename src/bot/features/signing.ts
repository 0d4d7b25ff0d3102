import { createConversation } from "@grammyjs/conversations";
import { Composer, InlineKeyboard } from "grammy";
import { FORMS, signData, signDissentData } from "../../callbacks/index.js";
import { appointersOf } from "../../domain/appointers.js";
import { tallyOf } from "../../domain/ballots.js";
import { localDate } from "../../domain/calendar.js";
import { groupById } from "../../domain/groups.js";
import { activeMembers } from "../../domain/members.js";
import { coveredObservations } from "../../domain/protocol-observations.js";
import { protocolById, protocolByNumber, protocolContent, setSigningMessage } from "../../domain/protocols.js";
import { COMMENT_MAX_LENGTH } from "../../domain/rules.js";
import { sign, signaturesOf, signRefusal, verifyProtocol, type SignResult } from "../../domain/signing.js";
import { protocolId, type ProtocolId } from "../../domain/types.js";
import { votesOf } from "../../domain/votes.js";
import type { App } from "../app.js";
import type { BotContext, Form, FormContext } from "../context.js";
import { bestEffort, refuse } from "../errors.js";
import { ask, textAnswer } from "../conversations/ask.js";
import { FORM_TIMEOUT_MS } from "../conversations/limits.js";
import { groupCommand } from "../group-scope.js";
import { deepLink } from "../keyboards.js";
import { deliverToPerson, notifyPerson, sendLong, splitLong, type Message } from "../notify.js";
import { otherLanguageKeyboard, sendProtocolPdf } from "../protocol-document.js";
import { finalDocument, protocolNumber, signingText } from "../protocol-text.js";
import { personLocale } from "../i18n.js";
import { observationLines } from "../protocol-view.js";
import { speechIn, type Speech } from "../speech.js";
import { openInPrivate } from "../private-form.js";

const PREFIX = FORMS.dissent;
const signingKey = (id: ProtocolId) => `signing:${id}`;

function signKeyboard({ t }: Speech, app: App, id: ProtocolId, inGroup: boolean): InlineKeyboard {
  const keyboard = new InlineKeyboard().text(t("sign-button"), signData.pack({ protocol: id }));
  return inGroup
    ? keyboard.url(t("sign-dissent-button"), deepLink(app.botUsername, `dissent-${id}`))
    : keyboard.text(t("sign-dissent-button"), signDissentData.pack({ protocol: id }));
}

function signingMessage(app: App, id: ProtocolId): { chat: number; text: string; keyboard: InlineKeyboard | undefined } | undefined {
  const protocol = protocolById(app.db, id);
  const group = protocol && groupById(app.db, protocol.groupId);
  if (!protocol?.hash || !group) return undefined;
  const s = speechIn(app, group.locale);
  const text = signingText(s, protocolContent(app.db, protocol), protocol.hash, signaturesOf(app.db, id));
  return { chat: group.chatId, text, keyboard: protocol.status === "signing" ? signKeyboard(s, app, id, true) : undefined };
}

/**
 * An adopted protocol is open for signature: the group gets the list of signers with the Sign
 * buttons, and each required signer gets the same buttons in private (nobody walks around).
 */
export async function openSigning(app: App, id: ProtocolId): Promise<void> {
  const message = signingMessage(app, id);
  const protocol = protocolById(app.db, id);
  if (!message || !protocol) return;
  const sent = await app.api.sendMessage(message.chat, message.text, { reply_markup: message.keyboard });
  setSigningMessage(app.db, id, sent.message_id);
  const number = protocolNumber(protocol);
  const people = activeMembers(app.db, protocol.groupId);
  for (const signer of signaturesOf(app.db, id)) {
    const user = people.find((m) => m.id === signer.memberId)?.userId;
    if (!user) continue;
    const invitation: Message = {
      text: (t) => t("sign-invitation", { number, hash: protocol.hash?.slice(0, 16) ?? "" }),
      keyboard: (t, locale) => signKeyboard({ t, locale }, app, id, false),
    };
    await bestEffort(app.logger, "signing invitation not sent", notifyPerson(app, user, invitation, protocol.groupId), { user });
  }
}

async function editSigningMessage(app: App, id: ProtocolId): Promise<void> {
  const protocol = protocolById(app.db, id);
  const message = signingMessage(app, id);
  if (!protocol?.signingMessageId || !message) return;
  await app.api.editMessageText(message.chat, protocol.signingMessageId, message.text, { reply_markup: message.keyboard });
}

/** The final protocol: posted in the group in its language, and sent to the appointers in private. */
export async function publishFinal(app: App, id: ProtocolId): Promise<void> {
  const protocol = protocolById(app.db, id);
  const group = protocol && groupById(app.db, protocol.groupId);
  if (!protocol?.hash || !group) return;
  const s = speechIn(app, group.locale);
  const adopting = votesOf(app.db, id).find((vote) => vote.outcome === "adopted");
  const document = finalDocument(s, protocolContent(app.db, protocol), {
    municipality: group.municipality.in(s.locale),
    members: activeMembers(app.db, group.id).length,
    observations: observationLines(app, s, group.id, coveredObservations(app.db, id)),
    tally: adopting && tallyOf(app.db, adopting.id),
    signatures: signaturesOf(app.db, id),
    hash: protocol.hash,
  });
  const number = protocolNumber(protocol);
  await app.api.sendMessage(group.chatId, s.t("final-posted", { number }));
  await sendLong(app.api, group.chatId, document);
  const pdf = (chat: number) =>
    sendProtocolPdf(app, chat, id, group.locale, {
      caption: s.t("pdf-caption", { number, municipality: group.municipality }),
      keyboard: otherLanguageKeyboard(s, id, group.locale),
    });
  await pdf(group.chatId).catch((error: unknown) => app.logger.error({ err: error, protocol: id }, "protocol PDF not sent to the group"));
  for (const appointer of appointersOf(app.db, group.id)) {
    // Split with the heading in front, so that no part passes Telegram's limit; every part goes,
    // or waits for them in order: none is dropped when they cannot be reached.
    const heading = app.t(personLocale(app.db, appointer.userId, app.defaultLocale), "final-to-appointer", { number, municipality: group.municipality });
    let delivered = true;
    for (const part of splitLong(`${heading}\n\n${document}`)) delivered = (await notifyPerson(app, appointer.userId, { text: () => part }, group.id)) && delivered;
    if (!delivered) continue;
    await deliverToPerson(app, appointer.userId, () => pdf(appointer.userId)).catch((error: unknown) =>
      app.logger.error({ err: error, protocol: id }, "protocol PDF not sent to an appointer"),
    );
  }
}

/** After a signature: the list in the group is brought up to date; the last one publishes. */
async function afterSignature(app: App, result: Extract<SignResult, { ok: true }>): Promise<void> {
  const id = result.protocol.id;
  if (!result.final) {
    await app.edits.request(signingKey(id), () => editSigningMessage(app, id));
    return;
  }
  app.edits.drop(signingKey(id));
  await bestEffort(app.logger, "signature list not edited", editSigningMessage(app, id));
  await publishFinal(app, id);
}

function dissentForm(app: App) {
  return async function dissent(form: Form, ctx: FormContext, id: number) {
    const user = ctx.person;
    const refusal = await form.external(() => {
      const found = signRefusal(app.db, protocolId(id), user, app.clock.now());
      return found && !found.ok ? found.reason : null;
    });
    if (refusal) {
      await ctx.reply(ctx.t(`sign-${refusal}`));
      return;
    }
    const number = await form.external(() => {
      const protocol = protocolById(app.db, protocolId(id));
      return protocol ? protocolNumber(protocol) : "";
    });
    await ctx.reply(ctx.t("sign-ask-dissent", { number }));
    const text = await ask(form, PREFIX, textAnswer("sign-dissent-hint", 3, COMMENT_MAX_LENGTH));
    const signed = await form.external(async () => {
      const result = sign(app.db, { protocol: protocolId(id), user, dissent: text, now: app.clock.now() });
      if (result.ok) await afterSignature(app, result);
      return result.ok ? null : result.reason;
    });
    await ctx.reply(ctx.t(signed ? `sign-${signed}` : "sign-done-dissent", { number }));
  };
}

/** Parses "3/2026" or "3" (this year). */
function parseNumber(text: string, year: number): { number: number; year: number } | undefined {
  const match = /^(\d{1,4})(?:\/(\d{4}))?$/.exec(text.trim());
  return match ? { number: Number(match[1]), year: match[2] ? Number(match[2]) : year } : undefined;
}

/**
 * Signing with a button (or with a dissenting opinion, typed in private) and /verify, which
 * rebuilds a protocol's text from the records and compares it with what was signed.
 */
export function signingFeature(app: App) {
  const composer = new Composer<BotContext>();
  composer.callbackQuery(signData.filter(), async (ctx) => {
    const result = sign(app.db, { protocol: signData.unpack(ctx.match).protocol, user: ctx.person, dissent: null, now: app.clock.now() });
    if (!result.ok) return refuse(ctx, `sign-${result.reason}`);
    await ctx.answerCallbackQuery({ text: ctx.personalSpeech.t("sign-done") });
    if (ctx.chat?.type === "private") await bestEffort(app.logger, "buttons not taken off", ctx.editMessageReplyMarkup({ reply_markup: undefined }));
    await afterSignature(app, result);
  });
  composer.callbackQuery(signDissentData.filter(), async (ctx) => {
    const id = signDissentData.unpack(ctx.match).protocol;
    const refusal = signRefusal(app.db, id, ctx.person, app.clock.now());
    if (refusal && !refusal.ok) return refuse(ctx, `sign-${refusal.reason}`);
    await ctx.answerCallbackQuery();
    await openInPrivate(app, ctx, "dissent", "dissent", id);
  });
  composer.use(
    groupCommand(app, "verify", async (ctx, group) => {
      const s = ctx.speech;
      const argument = (ctx.msg?.text ?? "").split(/\s+/).slice(1).join(" ");
      const wanted = parseNumber(argument, Number(localDate(app.clock.now()).slice(0, 4)));
      if (!wanted) return ctx.reply(s.t("verify-usage"));
      const protocol = protocolByNumber(app.db, group.id, wanted.year, wanted.number);
      const number = `${wanted.number}/${wanted.year}`;
      if (!protocol) return ctx.reply(s.t("verify-not-found", { number }));
      const check = verifyProtocol(app.db, protocol.id);
      if (!check) return ctx.reply(s.t("verify-not-frozen", { number }));
      return ctx.reply(
        s.t(check.matches ? "verify-ok" : "verify-mismatch", {
          number,
          stored: check.stored,
          recomputed: check.recomputed,
          signed: check.signed,
          required: check.required,
        }),
      );
    }),
  );
  return {
    forms: [createConversation<BotContext, FormContext>(dissentForm(app), { id: "dissent", maxMillisecondsToWait: FORM_TIMEOUT_MS })],
    composer,
    deepLinks: {
      dissent: (ctx: BotContext, id: number) => openInPrivate(app, ctx, "dissent", "dissent", id),
    },
  };
}
