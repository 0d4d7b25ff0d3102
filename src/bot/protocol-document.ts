import { InlineKeyboard } from "grammy";
import { protocolPdfData } from "../callbacks/index.js";
import { tallyOf } from "../domain/ballots.js";
import { localTime } from "../domain/calendar.js";
import { groupById } from "../domain/groups.js";
import { meetingById } from "../domain/meetings.js";
import { coveredObservations } from "../domain/protocol-observations.js";
import { protocolById, protocolContent } from "../domain/protocols.js";
import { moreThanHalf } from "../domain/rules.js";
import { signatureCode, signaturesOf, signingMoments } from "../domain/signing.js";
import type { ProtocolId } from "../domain/types.js";
import { votesOf } from "../domain/votes.js";
import { protocolDefinition, type ProtocolDocument } from "../documents/protocol/definition.js";
import { formatDate, formatDateTime } from "../i18n/dates.js";
import { LOCALES, type Locale } from "../i18n/locales.js";
import type { App } from "./app.js";
import { observationLines } from "./views/protocol-view.js";
import { protocolNumber } from "./views/protocol-text.js";
import { sendRecorded } from "./recorded-document.js";
import { speechIn, type Speech } from "./speech.js";

/** The link in the QR code: opens /verify for this protocol in the bot. */
export const verifyLink = (botUsername: string, id: ProtocolId) => `https://t.me/${botUsername}?start=v_${id}`;

/** The name of the record attached inside the PDF. */
export const recordFileName = (p: { number: number; year: number }) => `protocol-${p.number}-${p.year}.json`;

/** What rendering a protocol needs of the bot: its records, translations, name and renderer. */
export type DocumentApp = Pick<App, "db" | "t" | "botUsername" | "renderer">;

/** Everything the PDF prints, read from the records of a frozen protocol, in one language. */
export function protocolDocument(app: DocumentApp, id: ProtocolId, locale: Locale): ProtocolDocument | undefined {
  const protocol = protocolById(app.db, id);
  const group = protocol && groupById(app.db, protocol.groupId);
  const times = signingMoments(app.db, id);
  if (!protocol?.hash || protocol.canonicalText === null || !group || !times?.frozenAt) return undefined;
  const s = speechIn(app, locale);
  const { t } = s;
  const content = protocolContent(app.db, protocol);
  const meeting = meetingById(app.db, protocol.meetingId);
  const adopting = votesOf(app.db, id).find((vote) => vote.outcome === "adopted");
  const tally = adopting && tallyOf(app.db, adopting.id);
  // The leader signs first in the table, then the attendees by name.
  const signatures = signaturesOf(app.db, id).sort((a, b) => Number(b.role === "leader") - Number(a.role === "leader"));
  const members = tally?.voters ?? content.attendees.length;
  const addressee = (rec: (typeof content.recommendations)[number]) =>
    rec.addressee === "other" ? (rec.addresseeName ?? "") : t(`addressee-${rec.addressee}`);
  return {
    locale,
    municipality: group.municipality.in(locale),
    area: group.area?.in(locale) ?? null,
    number: protocolNumber(protocol),
    date: formatDate(locale, protocol.heldOn),
    time: meeting ? localTime(meeting.startsAt) : "",
    place: protocol.place,
    chair: signatures.find((sig) => sig.role === "leader")?.name ?? null,
    members,
    attendees: content.attendees.map((a) => a.name),
    quorum: moreThanHalf(content.attendees.length, members),
    items: content.items.map((item) => ({ title: item.title, discussed: item.discussed, decided: item.decided })),
    recommendations: content.recommendations.map((rec) => ({
      text: rec.text,
      addressee: addressee(rec),
      due: formatDate(locale, rec.dueOn),
    })),
    observations: observationLines(app, s, group.id, coveredObservations(app.db, id)),
    vote: tally ? { for: tally.for, against: tally.against, abstain: tally.abstain, notVoted: tally.notVoted } : null,
    signatures: signatures.map((sig) => ({
      name: sig.name,
      category: t(`category-${sig.category}`),
      role: t(`signer-${sig.role}`),
      signedAt: sig.signedAt ? formatDateTime(locale, sig.signedAt) : null,
      code: sig.signedAt ? signatureCode(sig) : null,
      dissent: sig.dissent,
    })),
    hash: protocol.hash,
    verifyLink: verifyLink(app.botUsername, id),
    record: { name: recordFileName(protocol), text: protocol.canonicalText },
    finalAt: times.finalAt ?? times.frozenAt,
    frozenAt: times.frozenAt,
    protocolId: id,
  };
}

/** Renders the protocol's PDF in one language (in the worker thread). */
export async function renderProtocolPdf(app: DocumentApp, id: ProtocolId, locale: Locale): Promise<Uint8Array | undefined> {
  const doc = protocolDocument(app, id, locale);
  if (!doc) return undefined;
  return app.renderer.renderPdf(protocolDefinition(speechIn(app, locale).t, doc));
}

/**
 * Sends the protocol's PDF to a chat: by Telegram's file id when this renderer made it before,
 * else rendered now and recorded (hash, file id) for the next time and for /verify.
 */
export async function sendProtocolPdf(
  app: App,
  chat: number,
  id: ProtocolId,
  locale: Locale,
  extra: { caption?: string; keyboard?: InlineKeyboard } = {},
): Promise<boolean> {
  const protocol = protocolById(app.db, id);
  if (!protocol) return false;
  return sendRecorded(
    app,
    chat,
    { kind: "protocol", subjectId: id, locale },
    async () => {
      const bytes = await renderProtocolPdf(app, id, locale);
      return bytes && { bytes, name: app.t(locale, "pdf-file-name", { number: `${protocol.number}-${protocol.year}` }) };
    },
    extra,
  );
}

/** The button under a protocol's PDF that gives the copy in the other language. */
export function otherLanguageKeyboard({ t }: Speech, id: ProtocolId, locale: Locale): InlineKeyboard {
  const other = LOCALES.find((candidate) => candidate !== locale) ?? locale;
  return new InlineKeyboard().text(t(`pdf-other-language-${other}`), protocolPdfData.pack({ protocol: id, locale: other }));
}
