import { InlineKeyboard } from "grammy";
import { attendanceDoneData, attendanceMarkData } from "../../callbacks/index.js";
import { attendeeIds, meetingQuorum, type Meeting } from "../../domain/meetings.js";
import { activeMembers, memberById } from "../../domain/members.js";
import type { MemberId } from "../../domain/types.js";
import { formatDateTime } from "../../i18n/dates.js";
import type { App } from "../app.js";
import type { Speech, T } from "../speech.js";

/** The tick list: every member of the group (and anyone already ticked who has left since). */
export function tickList(app: App, meeting: Meeting, t: T): InlineKeyboard {
  const present = new Set<MemberId>(attendeeIds(app.db, meeting.id));
  const people = activeMembers(app.db, meeting.groupId).map((m) => ({ id: m.id, name: m.fullName }));
  for (const id of present) {
    if (!people.some((p) => p.id === id)) people.push({ id, name: memberById(app.db, id)?.fullName ?? "" });
  }
  const keyboard = new InlineKeyboard();
  for (const person of people)
    keyboard
      .text(`${present.has(person.id) ? "✅" : "▫️"} ${person.name}`, attendanceMarkData.pack({ meeting: meeting.id, member: person.id }))
      .row();
  return keyboard.text(t("attendance-done"), attendanceDoneData.pack({ meeting: meeting.id }));
}

export function quorumText({ t }: Speech, app: App, meeting: Meeting): string {
  const quorum = meetingQuorum(app.db, meeting);
  return t(quorum.met ? "attendance-quorum-met" : "attendance-quorum-not-met", { present: quorum.present, members: quorum.members });
}

export function listText(s: Speech, app: App, meeting: Meeting): string {
  return `${s.t("attendance-ask", { when: formatDateTime(s.locale, meeting.startsAt) })}\n${quorumText(s, app, meeting)}`;
}

/** What the leader's tick list becomes once the meeting is recorded as held. */
export function recordedText(s: Speech, app: App, meeting: Meeting, names: readonly string[]): string {
  return `${s.t("attendance-recorded", { names: names.join(", ") })}\n${quorumText(s, app, meeting)}\n${s.t("attendance-next")}`;
}
