import { InlineKeyboard } from "grammy";
import { rsvpData } from "../../callbacks/index.js";
import { groupById } from "../../domain/groups.js";
import { meetingById, rsvpTally, setAnnouncement, type Meeting } from "../../domain/meetings.js";
import type { Group, MeetingId } from "../../domain/types.js";
import { formatDateTime } from "../../i18n/dates.js";
import type { App } from "../app.js";
import { bestEffort } from "../errors.js";
import { notifyGroup } from "../notify.js";
import { speechIn, type Speech } from "../speech.js";
import { announcementText } from "../views/meeting-text.js";

function rsvpKeyboard({ t }: Speech, meeting: MeetingId): InlineKeyboard {
  return new InlineKeyboard()
    .text(t("rsvp-yes"), rsvpData.pack({ meeting, answer: "y" }))
    .text(t("rsvp-no"), rsvpData.pack({ meeting, answer: "n" }));
}

function announcement(app: App, meeting: Meeting, group: Group): { text: string; keyboard: InlineKeyboard | undefined } {
  const s = speechIn(app, group.locale);
  const text = announcementText(s, meeting, group.municipality.in(s.locale), rsvpTally(app.db, meeting.id));
  return { text, keyboard: meeting.cancelled ? undefined : rsvpKeyboard(s, meeting.id) };
}

/** Posts the announcement with its RSVP buttons in the group chat and remembers the message. */
export async function announceMeeting(app: App, id: MeetingId, headlineKey?: string): Promise<void> {
  const meeting = meetingById(app.db, id);
  const group = meeting && groupById(app.db, meeting.groupId);
  if (!meeting || !group) return;
  const { text, keyboard } = announcement(app, meeting, group);
  const sent = await notifyGroup(app, group, {
    text: (t) => (headlineKey ? `${t(headlineKey)}\n\n${text}` : text),
    keyboard: keyboard && (() => keyboard),
  });
  setAnnouncement(app.db, id, sent.message_id);
}

/** The old announcement of a moved meeting keeps its text, loses its buttons and points to the new one. */
export async function retireAnnouncement(app: App, id: MeetingId): Promise<void> {
  const meeting = meetingById(app.db, id);
  const group = meeting && groupById(app.db, meeting.groupId);
  if (!meeting?.announcementId || !group) return;
  app.edits.drop(`meeting:${id}`);
  const moved = app.api.editMessageText(group.chatId, meeting.announcementId, app.t(group.locale, "meeting-announcement-moved"));
  await bestEffort(app.logger, "old announcement not edited", moved);
}

/** Brings the announcement's tally up to date (coalesced: many answers, one edit). */
export async function refreshAnnouncement(app: App, id: MeetingId): Promise<void> {
  await app.edits.request(`meeting:${id}`, async () => {
    const meeting = meetingById(app.db, id);
    const group = meeting && groupById(app.db, meeting.groupId);
    if (!meeting?.announcementId || !group) return;
    const { text, keyboard } = announcement(app, meeting, group);
    await app.api.editMessageText(group.chatId, meeting.announcementId, text, { reply_markup: keyboard });
  });
}

/** A cancelled meeting: its announcement keeps the text without its buttons, and the group is told. */
export async function announceCancellation(app: App, meeting: Meeting): Promise<void> {
  const group = groupById(app.db, meeting.groupId);
  if (!group) return;
  app.edits.drop(`meeting:${meeting.id}`);
  if (meeting.announcementId) {
    const { text } = announcement(app, meeting, group);
    await bestEffort(app.logger, "announcement not edited", app.api.editMessageText(group.chatId, meeting.announcementId, text));
  }
  await notifyGroup(app, group, {
    text: (t, locale) => t("meeting-cancelled-group", { when: formatDateTime(locale, meeting.startsAt), place: meeting.place }),
  });
}
