import { Composer } from "grammy";
import { attendanceDoneData, attendanceMarkData, attendanceOpenData } from "../../callbacks/index.js";
import { groupById } from "../../domain/groups.js";
import {
  attendeeIds,
  canRecordAttendance,
  finishAttendance,
  latestStartedMeeting,
  meetingById,
  toggleAttendance,
  type AttendanceResult,
  type Meeting,
} from "../../domain/meetings.js";
import { memberById } from "../../domain/members.js";
import { mayManageMeetings } from "../../domain/permissions.js";
import type { App } from "../app.js";
import type { BotContext } from "../context.js";
import { refuse } from "../errors.js";
import { groupCommand } from "../group-scope.js";
import { announceAttendance } from "../notices/attendance.js";
import { listText, recordedText, tickList } from "../views/attendance.js";
import type { Feature } from "../feature.js";

type Refusal = Extract<AttendanceResult, { ok: false }>["reason"];

const refuseAttendance = (ctx: BotContext, reason: Refusal) => refuse(ctx, `attendance-${reason}`);

/** Sends the tick list of a meeting to the leader, or says why not. */
async function openList(app: App, ctx: BotContext, meeting: Meeting): Promise<unknown> {
  const allowed = canRecordAttendance(app.db, meeting.id, ctx.person, app.clock.now());
  if (!allowed.ok) return refuseAttendance(ctx, allowed.reason);
  if (ctx.callbackQuery) await ctx.answerCallbackQuery();
  const s = ctx.speech;
  return ctx.reply(listText(s, app, meeting), { reply_markup: tickList(app, meeting, s.t) });
}

/**
 * /attendance (leader): after the meeting's start, a tick list of the members; each press
 * ticks or unticks one, "Done" records the meeting as held and tells the group the quorum.
 */
export function attendanceFeature(app: App): Feature {
  const composer = new Composer<BotContext>();
  composer.use(
    groupCommand(app, "attendance", async (ctx, group) => {
      if (!mayManageMeetings(app.db, group.id, ctx.person)) return refuse(ctx, "attendance-not-allowed");
      const meeting = latestStartedMeeting(app.db, group.id, app.clock.now());
      if (!meeting) return ctx.reply(ctx.t("attendance-no-meeting"));
      return openList(app, ctx, meeting);
    }),
  );
  composer.callbackQuery(attendanceOpenData.filter(), async (ctx) => {
    const meeting = meetingById(app.db, attendanceOpenData.unpack(ctx.match).meeting);
    if (!meeting) return refuseAttendance(ctx, "not-found");
    return openList(app, ctx, meeting);
  });
  composer.callbackQuery(attendanceMarkData.filter(), async (ctx) => {
    const { meeting: id, member } = attendanceMarkData.unpack(ctx.match);
    const result = toggleAttendance(app.db, { meeting: id, member, by: ctx.person, now: app.clock.now() });
    if (!result.ok) return refuseAttendance(ctx, result.reason);
    await ctx.answerCallbackQuery();
    const s = ctx.speech;
    await ctx.editMessageText(listText(s, app, result.meeting), { reply_markup: tickList(app, result.meeting, s.t) });
  });
  composer.callbackQuery(attendanceDoneData.filter(), async (ctx) => {
    const result = finishAttendance(app.db, {
      meeting: attendanceDoneData.unpack(ctx.match).meeting,
      by: ctx.person,
      now: app.clock.now(),
    });
    if (!result.ok) return refuseAttendance(ctx, result.reason);
    await ctx.answerCallbackQuery();
    const meeting = result.meeting;
    const names = attendeeIds(app.db, meeting.id).map((id) => memberById(app.db, id)?.fullName ?? "");
    await ctx.editMessageText(recordedText(ctx.speech, app, meeting, names));
    const group = groupById(app.db, meeting.groupId);
    if (!group || !result.first) return;
    await announceAttendance(app, group, meeting, names);
  });
  return { composer };
}
