import { quarterHasMeeting, upcomingMeetings } from "../../domain/meetings.js";
import { protocolInProgress } from "../../domain/protocols.js";
import type { Group } from "../../domain/types.js";
import { formatDateTime } from "../../i18n/dates.js";
import type { App } from "../app.js";
import { protocolNumber } from "./protocol-text.js";
import { waitingLine } from "./protocol-view.js";
import type { Speech } from "../speech.js";

/** /status about meetings: the next one, the statute's quarterly meeting, the protocol in progress. */
export function meetingStatusLines(app: App, s: Speech, group: Group): string[] {
  const now = app.clock.now();
  const next = upcomingMeetings(app.db, group.id, now)[0];
  const protocol = protocolInProgress(app.db, group.id);
  return [
    next ? s.t("status-next-meeting", { when: formatDateTime(s.locale, next.startsAt), place: next.place }) : s.t("status-no-next-meeting"),
    s.t(quarterHasMeeting(app.db, group.id, now) ? "status-quarter-met" : "status-quarter-missing"),
    protocol
      ? `${s.t("status-protocol", { number: protocolNumber(protocol), status: s.t(`protocol-status-${protocol.status}`) })}\n${waitingLine(app, s, protocol)}`
      : s.t("status-no-protocol"),
  ];
}
