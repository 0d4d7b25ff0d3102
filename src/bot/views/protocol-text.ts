import type { Tally } from "../../domain/ballots.js";
import type { Comment, ProtocolContent, RecommendationInput } from "../../domain/protocols.js";
import type { Signature } from "../../domain/signing.js";
import { signatureCode } from "../../domain/signing.js";
import type { Vote } from "../../domain/votes.js";
import { formatDate, formatDateTime } from "../../i18n/dates.js";
import { numbered } from "./meeting-text.js";
import type { Speech } from "../speech.js";

export const protocolNumber = (p: { number: number; year: number }) => `${p.number}/${p.year}`;

export function addressee({ t }: Speech, rec: Pick<RecommendationInput, "addressee" | "addresseeName">): string {
  return rec.addressee === "other" ? (rec.addresseeName ?? "") : t(`addressee-${rec.addressee}`);
}

export function recommendationLine(s: Speech, rec: RecommendationInput): string {
  return s.t("protocol-recommendation", { text: rec.text, addressee: addressee(s, rec), due: formatDate(s.locale, rec.dueOn) });
}

/** The protocol's own text: heading, meeting, attendees, items with decisions, recommendations. */
export function protocolBody(
  s: Speech,
  p: ProtocolContent,
  municipality: string,
  members: number,
  observations: readonly string[],
): string {
  const { t } = s;
  const items = p.items.flatMap((item, index) => [
    `${index + 1}. ${item.title}`,
    `   ${t("protocol-discussed", { text: item.discussed })}`,
    `   ${item.decided === null ? t("protocol-no-decision") : t("protocol-decided", { text: item.decided })}`,
  ]);
  return [
    t("protocol-title", { number: protocolNumber(p), status: t(`protocol-status-${p.status}`), municipality }),
    t("protocol-date", { date: formatDate(s.locale, p.heldOn) }),
    t("meeting-card-place", { place: p.place }),
    t("protocol-attendees", { present: p.attendees.length, members, names: p.attendees.map((a) => a.name).join(", ") }),
    "",
    t("protocol-agenda"),
    ...items,
    "",
    t("protocol-recommendations", { count: p.recommendations.length }),
    ...numbered(p.recommendations.map((rec) => recommendationLine(s, rec))),
    "",
    t("protocol-observations", { count: observations.length }),
    ...observations,
  ].join("\n");
}

export function commentLines({ t }: Speech, comments: readonly Comment[]): string {
  if (comments.length === 0) return t("protocol-no-comments");
  return [t("protocol-comments", { count: comments.length }), ...comments.map((c) => `— ${c.author}: ${c.text}`)].join("\n");
}

export function tallyText({ t }: Speech, tally: Tally): string {
  const line = (key: string, names: string[]) => t(key, { count: names.length, names: names.length > 0 ? `: ${names.join(", ")}` : "" });
  return [
    line("tally-for", tally.for),
    line("tally-against", tally.against),
    line("tally-abstain", tally.abstain),
    line("tally-not-voted", tally.notVoted),
  ].join("\n");
}

export function voteMessageText(s: Speech, p: { number: number; year: number }, vote: Vote, tally: Tally): string {
  const { t } = s;
  const head = vote.closedAt
    ? t("vote-closed-title", { number: protocolNumber(p), outcome: t(`vote-outcome-${vote.outcome ?? "rejected"}`) })
    : t("vote-title", { number: protocolNumber(p), deadline: formatDateTime(s.locale, vote.deadline), voters: tally.voters });
  return `${head}\n\n${tallyText(s, tally)}`;
}

export function signatureLines(s: Speech, list: readonly Signature[], { dissents = true } = {}): string[] {
  return list.map((sig) => {
    const role = s.t(`signer-${sig.role}`);
    if (!sig.signedAt) return s.t(sig.leftAt ? "signature-left" : "signature-waiting", { name: sig.name, role });
    const line = s.t("signature-line", { name: sig.name, role, when: formatDateTime(s.locale, sig.signedAt), code: signatureCode(sig) });
    if (!sig.dissent) return line;
    return dissents ? `${line}\n   ${s.t("signature-dissent", { text: sig.dissent })}` : `${line} ${s.t("signature-with-dissent")}`;
  });
}

/**
 * The group's list of signers. Dissents can be long (a thousand characters each), so the list
 * only marks them and says where they are: in the protocol, which goes out in parts.
 */
export function signingText(s: Speech, p: ProtocolContent, hash: string, list: readonly Signature[]): string {
  const lines = [
    s.t("signing-title", { number: protocolNumber(p), hash: hash.slice(0, 16) }),
    "",
    ...signatureLines(s, list, { dissents: false }),
  ];
  if (list.some((sig) => sig.dissent)) lines.push("", s.t("signing-dissents-in-protocol"));
  return lines.join("\n");
}

/** The final document: the protocol, the adopting vote by name, the signatures and the hash. */
export function finalDocument(
  s: Speech,
  p: ProtocolContent,
  extra: {
    municipality: string;
    members: number;
    observations: readonly string[];
    tally: Tally | undefined;
    signatures: readonly Signature[];
    hash: string;
  },
): string {
  return [
    protocolBody(s, p, extra.municipality, extra.members, extra.observations),
    "",
    s.t("final-vote"),
    extra.tally ? tallyText(s, extra.tally) : "",
    "",
    s.t("final-signatures"),
    ...signatureLines(s, extra.signatures),
    "",
    s.t("final-hash", { hash: extra.hash }),
  ].join("\n");
}
