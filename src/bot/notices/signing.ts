import { appointersOf } from "../../domain/appointers.js";
import { tallyOf } from "../../domain/ballots.js";
import { groupById } from "../../domain/groups.js";
import { activeMembers } from "../../domain/members.js";
import { coveredObservations } from "../../domain/protocol-observations.js";
import { protocolById, protocolContent, setSigningMessage } from "../../domain/protocols.js";
import { signaturesOf, type SignResult } from "../../domain/signing.js";
import type { ProtocolId } from "../../domain/types.js";
import { votesOf } from "../../domain/votes.js";
import type { App } from "../app.js";
import { bestEffort } from "../errors.js";
import { personLocale } from "../i18n.js";
import { deliverToPerson, notifyPerson, sendLong, splitLong, type Message } from "../notify.js";
import { otherLanguageKeyboard, sendProtocolPdf } from "../protocol-document.js";
import { finalDocument, protocolNumber } from "../views/protocol-text.js";
import { observationLines } from "../views/protocol-view.js";
import { speechIn } from "../speech.js";
import { signingMessage, signKeyboard } from "../views/signing.js";

const signingKey = (id: ProtocolId) => `signing:${id}`;

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
    const heading = app.t(personLocale(app.db, appointer.userId, app.defaultLocale), "final-to-appointer", {
      number,
      municipality: group.municipality,
    });
    let delivered = true;
    for (const part of splitLong(`${heading}\n\n${document}`))
      delivered = (await notifyPerson(app, appointer.userId, { text: () => part }, group.id)) && delivered;
    if (!delivered) continue;
    await deliverToPerson(app, appointer.userId, () => pdf(appointer.userId)).catch((error: unknown) =>
      app.logger.error({ err: error, protocol: id }, "protocol PDF not sent to an appointer"),
    );
  }
}

/** After a signature: the list in the group is brought up to date; the last one publishes. */
export async function afterSignature(app: App, result: Extract<SignResult, { ok: true }>): Promise<void> {
  const id = result.protocol.id;
  if (!result.final) {
    await app.edits.request(signingKey(id), () => editSigningMessage(app, id));
    return;
  }
  app.edits.drop(signingKey(id));
  await bestEffort(app.logger, "signature list not edited", editSigningMessage(app, id));
  await publishFinal(app, id);
}
