import { and, asc, desc, eq, gt, gte, isNull, lte, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { preparedQuery } from "../db/prepared.js";
import { agendaItems, attendance, meetings, members, protocols, rsvps } from "../db/schema.js";
import { atLocalTime, quarterAt, quarterDays } from "./quarters.js";
import { groupById, isClosed } from "./groups.js";
import { activeMembers, activeMembership } from "./members.js";
import { mayManageMeetings } from "./permissions.js";
import { moreThanHalf } from "./rules.js";
import { meetingId as toMeetingId, memberId as toMemberId, type GroupId, type MeetingId, type MemberId, type UserId } from "./types.js";

export interface Meeting {
  id: MeetingId;
  groupId: GroupId;
  startsAt: Date;
  place: string;
  agenda: string[];
  announcementId: number | null;
  cancelled: boolean;
  attendanceRecorded: boolean;
}

export type RsvpAnswer = "yes" | "no";

export interface RsvpTally {
  yes: string[];
  no: string[];
}

const agendaQuery = preparedQuery((db) =>
  db
    .select({ title: agendaItems.title })
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, sql.placeholder("meeting")))
    .orderBy(asc(agendaItems.position))
    .prepare(),
);
const meetingQuery = preparedQuery((db) =>
  db
    .select()
    .from(meetings)
    .where(eq(meetings.id, sql.placeholder("id")))
    .prepare(),
);

function toMeeting(db: Db, row: typeof meetings.$inferSelect): Meeting {
  const agenda = agendaQuery(db)
    .all({ meeting: row.id })
    .map((item) => item.title);
  return {
    id: toMeetingId(row.id),
    groupId: row.groupId as GroupId,
    startsAt: row.startsAt,
    place: row.place,
    agenda,
    announcementId: row.announcementId,
    cancelled: row.cancelledAt !== null,
    attendanceRecorded: row.attendanceRecordedAt !== null,
  };
}

export function meetingById(db: Db, id: MeetingId): Meeting | undefined {
  const row = meetingQuery(db).get({ id });
  return row && toMeeting(db, row);
}

/** Meetings not cancelled, that start after `now`, soonest first. */
// Instants compared through placeholders are bound as milliseconds (drizzle maps Dates only in values).
const upcomingQuery = preparedQuery((db) =>
  db
    .select()
    .from(meetings)
    .where(and(eq(meetings.groupId, sql.placeholder("group")), isNull(meetings.cancelledAt), gt(meetings.startsAt, sql.placeholder("now"))))
    .orderBy(asc(meetings.startsAt))
    .prepare(),
);

export function upcomingMeetings(db: Db, group: GroupId, now: Date): Meeting[] {
  return upcomingQuery(db)
    .all({ group, now: now.getTime() })
    .map((row) => toMeeting(db, row));
}

/** How many past meetings are listed (a literal limit: SQLite compiles again a statement whose bound limit changes). */
const PAST_MEETINGS = 5;

const pastQuery = preparedQuery((db) =>
  db
    .select()
    .from(meetings)
    .where(and(eq(meetings.groupId, sql.placeholder("group")), lte(meetings.startsAt, sql.placeholder("now"))))
    .orderBy(desc(meetings.startsAt))
    .limit(PAST_MEETINGS)
    .prepare(),
);

/** The last meetings that have started (held, or cancelled), newest first. */
export function pastMeetings(db: Db, group: GroupId, now: Date): Meeting[] {
  return pastQuery(db)
    .all({ group, now: now.getTime() })
    .map((row) => toMeeting(db, row));
}

const heldQuery = preparedQuery((db) =>
  db
    .select({ id: meetings.id })
    .from(meetings)
    .where(
      and(
        eq(meetings.groupId, sql.placeholder("group")),
        isNull(meetings.cancelledAt),
        gte(meetings.startsAt, sql.placeholder("from")),
        lte(meetings.startsAt, sql.placeholder("now")),
      ),
    )
    .limit(1)
    .prepare(),
);

/** Whether the statute's "at least once a quarter" is met for the quarter of `now`. */
export function quarterHasMeeting(db: Db, group: GroupId, now: Date): boolean {
  const from = atLocalTime(quarterDays(quarterAt(now)).first, 0);
  return heldQuery(db).get({ group, from: from.getTime(), now: now.getTime() }) !== undefined;
}

type Refusal = "not-found" | "closed" | "not-allowed";

function leaderRefusal(db: Db, group: GroupId, by: UserId, now: Date): Refusal | undefined {
  const found = groupById(db, group);
  if (!found) return "not-found";
  if (isClosed(found, now)) return "closed";
  if (!mayManageMeetings(db, group, by)) return "not-allowed";
  return undefined;
}

export type ScheduleResult = { ok: true; meeting: Meeting } | { ok: false; reason: Refusal | "past" | "no-agenda" };

/** The leader schedules a meeting with its place and agenda. */
export function scheduleMeeting(
  db: Db,
  s: { group: GroupId; by: UserId; startsAt: Date; place: string; agenda: readonly string[]; now: Date },
): ScheduleResult {
  const refusal = leaderRefusal(db, s.group, s.by, s.now);
  if (refusal) return { ok: false, reason: refusal };
  if (s.startsAt <= s.now) return { ok: false, reason: "past" };
  if (s.agenda.length === 0) return { ok: false, reason: "no-agenda" };
  const id = db.transaction((tx) => {
    const row = tx
      .insert(meetings)
      .values({ groupId: s.group, startsAt: s.startsAt, place: s.place, createdBy: s.by, createdAt: s.now })
      .returning({ id: meetings.id })
      .get();
    tx.insert(agendaItems)
      .values(s.agenda.map((title, position) => ({ meetingId: row.id, position, title })))
      .run();
    return toMeetingId(row.id);
  });
  return { ok: true, meeting: meetingById(db, id)! };
}

export type ChangeResult = { ok: true; meeting: Meeting } | { ok: false; reason: Refusal | "past" | "started" | "cancelled" };

/** A meeting can be moved or cancelled by the leader until it starts. */
function changeableMeeting(db: Db, id: MeetingId, by: UserId, now: Date): ChangeResult {
  const meeting = meetingById(db, id);
  if (!meeting) return { ok: false, reason: "not-found" };
  const refusal = leaderRefusal(db, meeting.groupId, by, now);
  if (refusal) return { ok: false, reason: refusal };
  if (meeting.cancelled) return { ok: false, reason: "cancelled" };
  if (meeting.startsAt <= now) return { ok: false, reason: "started" };
  return { ok: true, meeting };
}

/** Moves a meeting; the answers given for the old time no longer hold, so they are cleared. */
export function rescheduleMeeting(db: Db, r: { meeting: MeetingId; by: UserId; startsAt: Date; now: Date }): ChangeResult {
  const found = changeableMeeting(db, r.meeting, r.by, r.now);
  if (!found.ok) return found;
  if (r.startsAt <= r.now) return { ok: false, reason: "past" };
  db.transaction((tx) => {
    tx.update(meetings).set({ startsAt: r.startsAt }).where(eq(meetings.id, r.meeting)).run();
    tx.delete(rsvps).where(eq(rsvps.meetingId, r.meeting)).run();
  });
  return { ok: true, meeting: meetingById(db, r.meeting)! };
}

export function cancelMeeting(db: Db, c: { meeting: MeetingId; by: UserId; now: Date }): ChangeResult {
  const found = changeableMeeting(db, c.meeting, c.by, c.now);
  if (!found.ok) return found;
  db.update(meetings)
    .set({ cancelledAt: c.now })
    .where(and(eq(meetings.id, c.meeting), isNull(meetings.cancelledAt)))
    .run();
  return { ok: true, meeting: { ...found.meeting, cancelled: true } };
}

export function setAnnouncement(db: Db, id: MeetingId, messageId: number): void {
  db.update(meetings).set({ announcementId: messageId }).where(eq(meetings.id, id)).run();
}

export type RsvpResult =
  | { ok: true; meeting: Meeting }
  | { ok: false; reason: "not-found" | "closed" | "not-member" | "cancelled" | "started" };

/** A member says whether they will come; a second answer replaces the first. */
export function answerRsvp(db: Db, a: { meeting: MeetingId; user: UserId; answer: RsvpAnswer; now: Date }): RsvpResult {
  const meeting = meetingById(db, a.meeting);
  const group = meeting && groupById(db, meeting.groupId);
  if (!meeting || !group) return { ok: false, reason: "not-found" };
  if (isClosed(group, a.now)) return { ok: false, reason: "closed" };
  const member = activeMembership(db, meeting.groupId, a.user);
  if (!member) return { ok: false, reason: "not-member" };
  if (meeting.cancelled) return { ok: false, reason: "cancelled" };
  if (meeting.startsAt <= a.now) return { ok: false, reason: "started" };
  db.insert(rsvps)
    .values({ meetingId: a.meeting, memberId: member.id, answer: a.answer, answeredAt: a.now })
    .onConflictDoUpdate({ target: [rsvps.meetingId, rsvps.memberId], set: { answer: a.answer, answeredAt: a.now } })
    .run();
  return { ok: true, meeting };
}

export function rsvpTally(db: Db, meeting: MeetingId): RsvpTally {
  const rows = db
    .select({ answer: rsvps.answer, name: members.fullName })
    .from(rsvps)
    .innerJoin(members, eq(members.id, rsvps.memberId))
    .where(and(eq(rsvps.meetingId, meeting), isNull(members.leftAt)))
    .orderBy(asc(members.fullName))
    .all();
  return { yes: rows.filter((r) => r.answer === "yes").map((r) => r.name), no: rows.filter((r) => r.answer === "no").map((r) => r.name) };
}

// Attendance ---------------------------------------------------------------------------------

export function attendeeIds(db: Db, meeting: MeetingId): MemberId[] {
  return db
    .select({ id: attendance.memberId })
    .from(attendance)
    .where(eq(attendance.meetingId, meeting))
    .orderBy(asc(attendance.memberId))
    .all()
    .map((row) => toMemberId(row.id));
}

export interface Quorum {
  present: number;
  members: number;
  met: boolean;
}

/** The statute's quorum of a meeting: more than half of the group's members came. */
export function meetingQuorum(db: Db, meeting: Meeting): Quorum {
  const present = attendeeIds(db, meeting.id).length;
  const count = activeMembers(db, meeting.groupId).length;
  return { present, members: count, met: moreThanHalf(present, count) };
}

export type AttendanceResult =
  | { ok: true; meeting: Meeting /** Set by "Done": false when the meeting was recorded already. */; first?: boolean }
  | { ok: false; reason: Refusal | "not-started" | "cancelled" | "not-member" | "frozen" };

/** Attendance is recorded after the start and may be corrected until the protocol is put to a vote. */
function attendanceEditable(db: Db, id: MeetingId, by: UserId, now: Date): AttendanceResult {
  const meeting = meetingById(db, id);
  if (!meeting) return { ok: false, reason: "not-found" };
  const refusal = leaderRefusal(db, meeting.groupId, by, now);
  if (refusal) return { ok: false, reason: refusal };
  if (meeting.cancelled) return { ok: false, reason: "cancelled" };
  if (meeting.startsAt > now) return { ok: false, reason: "not-started" };
  const protocol = db.select({ status: protocols.status }).from(protocols).where(eq(protocols.meetingId, id)).get();
  if (protocol && protocol.status !== "draft") return { ok: false, reason: "frozen" };
  return { ok: true, meeting };
}

export function canRecordAttendance(db: Db, id: MeetingId, by: UserId, now: Date): AttendanceResult {
  return attendanceEditable(db, id, by, now);
}

/** Ticks or unticks one member on the attendance list. */
export function toggleAttendance(db: Db, t: { meeting: MeetingId; member: MemberId; by: UserId; now: Date }): AttendanceResult {
  const editable = attendanceEditable(db, t.meeting, t.by, t.now);
  if (!editable.ok) return editable;
  const member = activeMembers(db, editable.meeting.groupId).find((m) => m.id === t.member);
  const present = attendeeIds(db, t.meeting).includes(t.member);
  if (!member && !present) return { ok: false, reason: "not-member" };
  if (present) {
    db.delete(attendance)
      .where(and(eq(attendance.meetingId, t.meeting), eq(attendance.memberId, t.member)))
      .run();
  } else {
    db.insert(attendance).values({ meetingId: t.meeting, memberId: t.member }).onConflictDoNothing().run();
  }
  return editable;
}

/** The leader has finished the list: the meeting counts as held with these attendees. */
export function finishAttendance(db: Db, f: { meeting: MeetingId; by: UserId; now: Date }): AttendanceResult {
  const editable = attendanceEditable(db, f.meeting, f.by, f.now);
  if (!editable.ok) return editable;
  // Only the first "Done" records the meeting as held; a second press finds it recorded.
  const first = db
    .update(meetings)
    .set({ attendanceRecordedAt: f.now })
    .where(and(eq(meetings.id, f.meeting), isNull(meetings.attendanceRecordedAt)))
    .run();
  return { ok: true, meeting: { ...editable.meeting, attendanceRecorded: true }, first: first.changes > 0 };
}

/** The latest meeting that has started and was not cancelled. */
export function latestStartedMeeting(db: Db, group: GroupId, now: Date): Meeting | undefined {
  return pastMeetings(db, group, now).find((m) => !m.cancelled);
}

/** Meetings held (attendance recorded) that have no protocol yet, oldest first. */
export function meetingsWithoutProtocol(db: Db, group: GroupId): Meeting[] {
  return db
    .select()
    .from(meetings)
    .leftJoin(protocols, eq(protocols.meetingId, meetings.id))
    .where(and(eq(meetings.groupId, group), sql`${meetings.attendanceRecordedAt} is not null`, isNull(protocols.id)))
    .orderBy(asc(meetings.startsAt))
    .all()
    .map((row) => toMeeting(db, row.meetings));
}
