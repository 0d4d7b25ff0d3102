import type { Meeting, RsvpTally } from "../../domain/meetings.js";
import { formatDateTime } from "../../i18n/dates.js";
import type { Speech } from "../speech.js";

export function numbered(lines: readonly string[]): string[] {
  return lines.map((line, index) => `${index + 1}. ${line}`);
}

/** The meeting as announced: when, where, the agenda. */
export function meetingCard({ t, locale }: Speech, meeting: Meeting, municipality: string): string {
  return [
    t("meeting-card-title", { municipality }),
    t("meeting-card-when", { when: formatDateTime(locale, meeting.startsAt) }),
    t("meeting-card-place", { place: meeting.place }),
    t("meeting-card-agenda"),
    ...numbered(meeting.agenda),
  ].join("\n");
}

export function rsvpLines({ t }: Speech, tally: RsvpTally): string {
  const names = (list: string[]) => (list.length > 0 ? `: ${list.join(", ")}` : "");
  return [
    t("rsvp-tally-yes", { count: tally.yes.length, names: names(tally.yes) }),
    t("rsvp-tally-no", { count: tally.no.length, names: names(tally.no) }),
  ].join("\n");
}

export function announcementText(s: Speech, meeting: Meeting, municipality: string, tally: RsvpTally): string {
  if (meeting.cancelled) return `${s.t("meeting-cancelled-mark")}\n${meetingCard(s, meeting, municipality)}`;
  return `${meetingCard(s, meeting, municipality)}\n\n${rsvpLines(s, tally)}`;
}
