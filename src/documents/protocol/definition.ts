import type { Attachment, Content, TableCell } from "pdfmake/interfaces.js";
import type { Locale } from "../../i18n/locales.js";
import type { PdfDefinition } from "../render/index.js";

/** A translation bound to the document's language (Fluent ids from the `## Documents` block). */
export type DocumentT = (key: string, vars?: Record<string, string | number>) => string;

export interface SignatureRow {
  name: string;
  category: string;
  role: string;
  /** Time signed, already formatted; null when the signer left before signing. */
  signedAt: string | null;
  code: string | null;
  dissent: string | null;
}

/** Everything printed in a signed protocol, already in the document's language. */
export interface ProtocolDocument {
  locale: Locale;
  municipality: string;
  area: string | null;
  number: string;
  date: string;
  time: string;
  place: string;
  chair: string | null;
  members: number;
  attendees: readonly string[];
  quorum: boolean;
  items: readonly { title: string; discussed: string; decided: string | null }[];
  recommendations: readonly { text: string; addressee: string; due: string }[];
  observations: readonly string[];
  vote: { for: readonly string[]; against: readonly string[]; abstain: readonly string[]; notVoted: readonly string[] } | null;
  signatures: readonly SignatureRow[];
  hash: string;
  /** The deep link that opens /verify for this protocol in the bot. */
  verifyLink: string;
  /** The canonical record as it was frozen and signed, attached inside the PDF. */
  record: { name: string; text: string };
  /** The moment the protocol became final: the PDF's dates, so the bytes never depend on the clock. */
  finalAt: Date;
  frozenAt: Date;
  /** The protocol's id, in the PDF's metadata, so a file sent back can be matched to its record. */
  protocolId: number;
}

const SERIF = "PTSerif";
const SANS = "PTSans";
const MONO = "PTMono";

const section = (text: string): Content => ({ text, bold: true, margin: [0, 12, 0, 4] });

function names(list: readonly string[]): Content {
  return { ol: [...list], margin: [12, 0, 0, 0] };
}

function itemsContent(t: DocumentT, doc: ProtocolDocument): Content[] {
  return doc.items.map((item, index) => ({
    unbreakable: item.discussed.length + (item.decided?.length ?? 0) < 1500,
    stack: [
      { text: `${index + 1}. ${item.title}`, bold: true, margin: [0, 6, 0, 2] },
      { text: [{ text: `${t("pdf-heard")} `, bold: true }, item.discussed] },
      item.decided === null
        ? { text: t("pdf-no-decision"), italics: true }
        : { text: [{ text: `${t("pdf-decided")} `, bold: true }, item.decided] },
    ],
  }));
}

function header(cells: string[]): TableCell[] {
  return cells.map((text) => ({ text, bold: true, fillColor: "#eeeeee" }));
}

function recommendationsContent(t: DocumentT, doc: ProtocolDocument): Content {
  if (doc.recommendations.length === 0) return { text: t("pdf-recommendations-none"), italics: true };
  return {
    font: SANS,
    fontSize: 9.5,
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: [16, "*", 110, 105],
      body: [
        header(["№", t("pdf-rec-text"), t("pdf-rec-addressee"), t("pdf-rec-due")]),
        ...doc.recommendations.map((rec, index) => [String(index + 1), rec.text, rec.addressee, rec.due]),
      ],
    },
  };
}

function voteContent(t: DocumentT, doc: ProtocolDocument): Content {
  const vote = doc.vote;
  if (!vote) return { text: t("pdf-vote-none"), italics: true };
  const line = (key: string, list: readonly string[]): Content => ({
    text: [{ text: t(key, { count: list.length }), bold: true }, list.length > 0 ? ` ${list.join(", ")}` : ""],
    margin: [0, 1, 0, 1],
  });
  return {
    stack: [
      line("pdf-vote-for", vote.for),
      line("pdf-vote-against", vote.against),
      line("pdf-vote-abstain", vote.abstain),
      line("pdf-vote-not-voted", vote.notVoted),
      { text: t("pdf-vote-adopted"), margin: [0, 3, 0, 0] },
    ],
  };
}

function signaturesContent(t: DocumentT, doc: ProtocolDocument): Content[] {
  const table: Content = {
    font: SANS,
    fontSize: 9,
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: ["*", 95, 70, 85, 52],
      body: [
        header([t("pdf-sig-name"), t("pdf-sig-category"), t("pdf-sig-role"), t("pdf-sig-time"), t("pdf-sig-code")]),
        ...doc.signatures.map((s) => [
          s.name,
          s.category,
          s.role,
          s.signedAt ?? { text: t("pdf-sig-left"), italics: true },
          s.code ? { text: s.code, font: MONO } : "",
        ]),
      ],
    },
  };
  const dissents = doc.signatures
    .filter((s) => s.dissent)
    .map(
      (s): Content => ({
        unbreakable: (s.dissent?.length ?? 0) < 1500,
        stack: [{ text: t("pdf-dissent", { name: s.name }), bold: true, margin: [0, 8, 0, 2] }, { text: s.dissent ?? "" }],
      }),
    );
  return [table, ...dissents];
}

function verification(t: DocumentT, doc: ProtocolDocument): Content {
  return {
    unbreakable: true,
    margin: [0, 16, 0, 0],
    columns: [
      { qr: doc.verifyLink, fit: 96, width: 100 },
      {
        width: "*",
        fontSize: 9,
        font: SANS,
        stack: [
          { text: t("pdf-verify-title"), bold: true, margin: [0, 0, 0, 3] },
          t("pdf-verify-qr", { number: doc.number }),
          { text: t("pdf-verify-hash"), margin: [0, 3, 0, 0] },
          { text: doc.hash, font: MONO, fontSize: 8 },
          { text: t("pdf-verify-record", { file: doc.record.name }), margin: [0, 3, 0, 0] },
        ],
      },
    ],
  };
}

/**
 * The signed protocol as an official municipal document: municipality and group at the head,
 * the heading in the language's own word order, place and time, chair, attendees, quorum,
 * agenda, what was heard and decided, recommendations, observations, the vote by name, the
 * signature table with every dissenting opinion, and a QR code to /verify. The SHA-256 of the
 * frozen text is on every page; the frozen record is attached inside the file.
 */
export function protocolDefinition(t: DocumentT, doc: ProtocolDocument): PdfDefinition {
  const title = t("pdf-protocol-title", { number: doc.number });
  // pdfkit dates the attachment from these (the types do not list them); without them, from the clock.
  const record: Attachment & { creationDate: Date; modifiedDate: Date } = {
    src: `data:application/json;base64,${Buffer.from(doc.record.text, "utf8").toString("base64")}`,
    name: doc.record.name,
    description: t("pdf-record-description"),
    creationDate: doc.frozenAt,
    modifiedDate: doc.frozenAt,
  };
  return {
    pageSize: "A4",
    pageMargins: [56, 48, 48, 56],
    info: {
      title,
      subject: doc.municipality,
      creator: "monitoring-group-bot",
      producer: "monitoring-group-bot",
      creationDate: doc.finalAt,
      modDate: doc.finalAt,
      protocolId: String(doc.protocolId),
      protocolHash: doc.hash,
    } as PdfDefinition["info"],
    language: doc.locale === "ky" ? "ky-KG" : "ru-RU",
    defaultStyle: { font: SERIF, fontSize: 11, lineHeight: 1.15 },
    files: { [doc.record.name]: record },
    footerTemplate: {
      margin: [56, 16, 48, 0],
      columns: [
        { text: `SHA-256: ${doc.hash}`, font: MONO, fontSize: 7 },
        { text: "{{page}} / {{pages}}", alignment: "right", width: 40, font: SANS, fontSize: 8 },
      ],
    },
    content: [
      ...(doc.area ? [{ text: doc.area, alignment: "center", fontSize: 10 } as Content] : []),
      { text: doc.municipality, alignment: "center", fontSize: 10, margin: [0, 0, 0, 12] },
      {
        text: t("pdf-protocol-heading", { municipality: doc.municipality, number: doc.number }),
        alignment: "center",
        bold: true,
        fontSize: 13,
      },
      {
        margin: [0, 12, 0, 8],
        columns: [
          { text: t("pdf-place", { place: doc.place }) },
          { text: t("pdf-date-time", { date: doc.date, time: doc.time }), alignment: "right" },
        ],
      },
      ...(doc.chair ? [{ text: t("pdf-chair", { name: doc.chair }) } as Content] : []),
      { text: t("pdf-attendees", { present: doc.attendees.length, members: doc.members }), margin: [0, 4, 0, 2] },
      names(doc.attendees),
      { text: t(doc.quorum ? "pdf-quorum-met" : "pdf-quorum-not-met"), margin: [0, 4, 0, 0] },
      section(t("pdf-agenda")),
      { ol: doc.items.map((item) => item.title), margin: [12, 0, 0, 0] },
      section(t("pdf-proceedings")),
      ...itemsContent(t, doc),
      section(t("pdf-recommendations")),
      recommendationsContent(t, doc),
      section(t("pdf-observations")),
      doc.observations.length > 0
        ? { stack: doc.observations.map((line) => ({ text: line, margin: [0, 0, 0, 3] })), fontSize: 10 }
        : { text: t("pdf-observations-none"), italics: true },
      { unbreakable: true, stack: [section(t("pdf-vote")), voteContent(t, doc)] },
      section(t("pdf-signatures")),
      ...signaturesContent(t, doc),
      verification(t, doc),
    ],
  };
}
