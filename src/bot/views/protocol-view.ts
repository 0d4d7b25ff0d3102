import { InlineKeyboard } from "grammy";
import { commentProtocolData, editProtocolData, openVoteData } from "../../callbacks/index.js";
import { waitingVoters } from "../../domain/ballots.js";
import { groupById } from "../../domain/groups.js";
import { activeMembers } from "../../domain/members.js";
import type { Observation } from "../../domain/observations.js";
import { coveredObservations } from "../../domain/protocol-observations.js";
import { commentsOn, protocolContent, type Protocol } from "../../domain/protocols.js";
import { servicesOf } from "../../domain/services.js";
import type { GroupId } from "../../domain/types.js";
import { VOTE_HOURS_CHOICES } from "../../domain/rules.js";
import { signaturesOf } from "../../domain/signing.js";
import { openVoteOf } from "../../domain/votes.js";
import { formatDateTime } from "../../i18n/dates.js";
import type { App } from "../app.js";
import { deepLink } from "../keyboards.js";
import { observationLine, serviceName } from "./observation-card.js";
import { commentLines, protocolBody } from "./protocol-text.js";
import type { Speech } from "../speech.js";

export interface Viewer {
  /** The leader, in private: edit and vote buttons under a draft. */
  leader: boolean;
  /** Where the comment button leads: a callback in private, a deep link from a group chat. */
  comment: "callback" | "link" | "none";
}

/** Observations as numbered lines, with their services' names in this language. */
export function observationLines(app: Pick<App, "db">, s: Speech, group: GroupId, list: readonly Observation[]): string[] {
  const services = new Map(servicesOf(app.db, group, { withRetired: true }).map((service) => [service.id as number, service]));
  return list.map((o, index) => {
    const service = services.get(o.serviceId);
    return observationLine(s.t, s.locale, o, service ? serviceName(s.t, s.locale, service) : "", index + 1);
  });
}

/** What the protocol waits for now, in one or two lines. */
export function waitingLine(app: App, { t, locale }: Speech, protocol: Protocol): string {
  if (protocol.status === "draft") return t("protocol-waits-vote");
  if (protocol.status === "voting") {
    const vote = openVoteOf(app.db, protocol.id);
    if (!vote) return t("protocol-status-voting");
    const names = waitingVoters(app.db, vote.id);
    return t("protocol-waits-votes", { deadline: formatDateTime(locale, vote.deadline), count: names.length, names: names.join(", ") });
  }
  if (protocol.status === "signing") {
    const names = signaturesOf(app.db, protocol.id)
      .filter((s) => !s.signedAt && !s.leftAt)
      .map((s) => s.name);
    return t("protocol-waits-signatures", { count: names.length, names: names.join(", ") });
  }
  return t("protocol-final-hash", { hash: protocol.hash ?? "" });
}

function leaderKeyboard({ t }: Speech, protocol: Protocol, items: number): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (let i = 0; i < items; i++)
    keyboard.text(t("protocol-edit-item", { n: i + 1 }), editProtocolData.pack({ protocol: protocol.id, part: `i${i}` }));
  keyboard
    .row()
    .text(t("protocol-edit-recommendations"), editProtocolData.pack({ protocol: protocol.id, part: "r" }))
    .text(t("protocol-edit-observations"), editProtocolData.pack({ protocol: protocol.id, part: "o" }))
    .text(t("protocol-edit-place"), editProtocolData.pack({ protocol: protocol.id, part: "p" }))
    .row();
  for (const hours of VOTE_HOURS_CHOICES)
    keyboard.text(t("protocol-open-vote", { hours }), openVoteData.pack({ protocol: protocol.id, hours }));
  return keyboard;
}

/** The protocol as members read it, with the buttons this viewer may use. */
export function protocolView(
  app: App,
  s: Speech,
  protocol: Protocol,
  viewer: Viewer,
): { text: string; keyboard: InlineKeyboard | undefined } {
  const content = protocolContent(app.db, protocol);
  const group = groupById(app.db, protocol.groupId);
  const members = activeMembers(app.db, protocol.groupId).length;
  const body = protocolBody(
    s,
    content,
    group?.municipality.in(s.locale) ?? "",
    members,
    observationLines(app, s, protocol.groupId, coveredObservations(app.db, protocol.id)),
  );
  const draft = protocol.status === "draft";
  const parts = [body, "", draft ? commentLines(s, commentsOn(app.db, protocol.id)) : "", waitingLine(app, s, protocol)];
  const text = parts.filter((part, i) => part !== "" || i === 1).join("\n");
  let keyboard: InlineKeyboard | undefined;
  if (draft && viewer.leader) keyboard = leaderKeyboard(s, protocol, content.items.length);
  if (draft && viewer.comment !== "none") {
    keyboard ??= new InlineKeyboard();
    if (viewer.comment === "callback") keyboard.row().text(s.t("protocol-comment"), commentProtocolData.pack({ protocol: protocol.id }));
    else keyboard.row().url(s.t("protocol-comment"), deepLink(app.botUsername, `comment-${protocol.id}`));
  }
  return { text, keyboard };
}
