import { formNow } from "../conversations/now.js";
import { FORMS, attendanceOpenData, formButton, draftProtocolData, manageMeetingData, rsvpData } from "../../callbacks/index.js";
import { createConversation } from "@grammyjs/conversations";
import { Composer, InlineKeyboard } from "grammy";
import { parseMeetingTime } from "../../domain/calendar.js";
import { groupById } from "../../domain/groups.js";
import {
  answerRsvp,
  cancelMeeting,
  canRecordAttendance,
  meetingById,
  meetingsWithoutProtocol,
  pastMeetings,
  rescheduleMeeting,
  rsvpTally,
  scheduleMeeting,
  upcomingMeetings,
  type Meeting,
} from "../../domain/meetings.js";
import { mayManageMeetings } from "../../domain/permissions.js";
import { AGENDA_ITEM_MAX_LENGTH, MAX_AGENDA_ITEMS, PLACE_MAX_LENGTH } from "../../domain/rules.js";
import { groupId, meetingId, type Group, type GroupId, type UserId } from "../../domain/types.js";
import { formatDateTime } from "../../i18n/dates.js";
import type { App } from "../app.js";
import type { BotContext, Form, FormContext } from "../context.js";
import { refuse } from "../errors.js";
import { ask, eitherAnswer, textAnswer, type Parser } from "../conversations/ask.js";
import { FORM_TIMEOUT_MS } from "../conversations/limits.js";
import { groupCommand } from "../group-scope.js";
import { announceCancellation, announceMeeting, refreshAnnouncement, retireAnnouncement } from "../notices/meetings.js";
import { openInPrivate } from "../private-form.js";
import type { Speech } from "../speech.js";
import { LocalizedName } from "../../i18n/localized-name.js";
import type { Feature } from "../feature.js";

const PREFIX = FORMS.meeting;
const RESCHEDULE = FORMS.reschedule;

function timeAnswer(now: number): Parser<number> {
  return (ctx) => {
    const parsed = parseMeetingTime(ctx.message?.text ?? "", new Date(now));
    if (parsed.ok) return { ok: true, value: parsed.at.getTime() };
    return { ok: false, hint: parsed.reason === "past" ? "meeting-time-past" : "meeting-time-hint" };
  };
}

const doneAnswer: Parser<null> = (ctx) =>
  formButton.is(ctx.callbackQuery?.data, PREFIX, "agenda", "done") ? { ok: true, value: null } : { ok: false, hint: "form-use-buttons" };

function meetingForm(app: App) {
  return async function meeting(form: Form, ctx: FormContext, id: number) {
    const from = ctx.person;
    const allowed = await form.external(() => {
      const group = groupById(app.db, groupId(id));
      return { names: group?.municipality.value ?? { ky: "", ru: "" }, leader: mayManageMeetings(app.db, groupId(id), from) };
    });
    if (!allowed.leader) {
      await ctx.reply(ctx.t("meeting-not-leader"));
      return;
    }
    await ctx.reply(ctx.t("meeting-ask-time", { municipality: new LocalizedName(allowed.names) }));
    const startsAt = await ask(form, PREFIX, timeAnswer(await formNow(form, app)));
    await ctx.reply(ctx.t("meeting-ask-place"));
    const place = await ask(form, PREFIX, textAnswer("meeting-place-hint", 2, PLACE_MAX_LENGTH));
    const agenda: string[] = [];
    await ctx.reply(ctx.t("meeting-ask-agenda", { max: MAX_AGENDA_ITEMS }));
    const itemAnswer = textAnswer("meeting-agenda-hint", 2, AGENDA_ITEM_MAX_LENGTH);
    while (agenda.length < MAX_AGENDA_ITEMS) {
      const answer = await ask(form, PREFIX, agenda.length === 0 ? itemAnswer : eitherAnswer(doneAnswer, itemAnswer));
      if (answer === null) break;
      agenda.push(answer);
      if (agenda.length < MAX_AGENDA_ITEMS) {
        await ctx.reply(ctx.t("meeting-agenda-added", { count: agenda.length }), {
          reply_markup: new InlineKeyboard().text(ctx.t("meeting-agenda-done"), formButton.pack(PREFIX, "agenda", "done")),
        });
      }
    }
    // Committed with the update (see InboxUnit): handled again after a crash, it stores nothing twice.
    const saved = await form.external((outside) =>
      outside.commit(() => {
        const result = scheduleMeeting(app.db, {
          group: groupId(id),
          by: from,
          startsAt: new Date(startsAt),
          place,
          agenda,
          now: app.clock.now(),
        });
        return result.ok ? { meeting: result.meeting.id as number, refusal: null } : { meeting: 0, refusal: result.reason };
      }),
    );
    if (saved.refusal) {
      await ctx.reply(ctx.t(`meeting-refused-${saved.refusal}`));
      return;
    }
    await form.external(() => announceMeeting(app, meetingId(saved.meeting)));
    await ctx.reply(ctx.t("meeting-scheduled"));
  };
}

function rescheduleForm(app: App) {
  return async function reschedule(form: Form, ctx: FormContext, id: number) {
    await ctx.reply(ctx.t("meeting-ask-new-time"));
    const startsAt = await ask(form, RESCHEDULE, timeAnswer(await formNow(form, app)));
    const moved = await form.external(() => {
      const result = rescheduleMeeting(app.db, {
        meeting: meetingId(id),
        by: ctx.person,
        startsAt: new Date(startsAt),
        now: app.clock.now(),
      });
      return result.ok ? null : result.reason;
    });
    if (moved) {
      await ctx.reply(ctx.t(`meeting-refused-${moved}`));
      return;
    }
    await form.external(async () => {
      await retireAnnouncement(app, meetingId(id));
      await announceMeeting(app, meetingId(id), "meeting-moved");
    });
    await ctx.reply(ctx.t("meeting-rescheduled"));
  };
}

/** /meeting (leader), from a group chat or in private. */
export async function startMeetingForm(app: App, ctx: BotContext, group: GroupId): Promise<unknown> {
  if (!mayManageMeetings(app.db, group, ctx.person)) return ctx.reply(ctx.t("meeting-not-leader"));
  return openInPrivate(app, ctx, "meeting", "meeting", group);
}

function meetingLine(s: Speech, app: App, meeting: Meeting): string {
  const when = formatDateTime(s.locale, meeting.startsAt);
  if (meeting.cancelled) return s.t("meetings-line-cancelled", { when, place: meeting.place });
  const tally = rsvpTally(app.db, meeting.id);
  return s.t("meetings-line", { when, place: meeting.place, yes: tally.yes.length, no: tally.no.length });
}

/** Buttons the leader gets under /meetings in private: move, cancel, attendance, protocol. */
function managementKeyboard(s: Speech, app: App, group: Group, by: UserId, upcoming: Meeting[], past: Meeting[]): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  const day = (m: Meeting) => formatDateTime(s.locale, m.startsAt);
  for (const m of upcoming) {
    keyboard
      .text(s.t("meetings-reschedule", { when: day(m) }), manageMeetingData.pack({ meeting: m.id, action: "r" }))
      .text(s.t("meetings-cancel"), manageMeetingData.pack({ meeting: m.id, action: "c" }))
      .row();
  }
  const held = past.find((m) => !m.cancelled);
  if (held && canRecordAttendance(app.db, held.id, by, app.clock.now()).ok)
    keyboard.text(s.t("meetings-attendance", { when: day(held) }), attendanceOpenData.pack({ meeting: held.id })).row();
  for (const m of meetingsWithoutProtocol(app.db, group.id).slice(0, 3))
    keyboard.text(s.t("meetings-draft", { when: day(m) }), draftProtocolData.pack({ meeting: m.id })).row();
  return keyboard;
}

export function meetingsFeature(app: App): Feature {
  const composer = new Composer<BotContext>();
  composer.use(groupCommand(app, "meeting", (ctx, group) => startMeetingForm(app, ctx, group.id)));
  composer.use(
    groupCommand(app, "meetings", async (ctx, group) => {
      const s = ctx.speech;
      const now = app.clock.now();
      const upcoming = upcomingMeetings(app.db, group.id, now);
      const past = pastMeetings(app.db, group.id, now);
      const lines = [
        s.t("meetings-title", { municipality: group.municipality }),
        s.t("meetings-upcoming"),
        ...(upcoming.length > 0 ? upcoming.map((m) => meetingLine(s, app, m)) : [s.t("meetings-none")]),
        "",
        s.t("meetings-past"),
        ...(past.length > 0 ? past.map((m) => meetingLine(s, app, m)) : [s.t("meetings-none")]),
      ];
      const by = ctx.person;
      const leader = mayManageMeetings(app.db, group.id, by);
      const inPrivate = ctx.chat?.type === "private";
      if (leader && !inPrivate) lines.push("", s.t("meetings-manage-in-private"));
      await ctx.reply(lines.join("\n"), {
        reply_markup: leader && inPrivate ? managementKeyboard(s, app, group, by, upcoming, past) : undefined,
      });
    }),
  );
  composer.callbackQuery(rsvpData.filter(), async (ctx) => {
    const pressed = rsvpData.unpack(ctx.match);
    const id = pressed.meeting;
    const answer = pressed.answer === "y" ? "yes" : "no";
    const result = answerRsvp(app.db, { meeting: id, user: ctx.person, answer, now: app.clock.now() });
    if (!result.ok) return refuse(ctx, `rsvp-${result.reason}`);
    await ctx.answerCallbackQuery({ text: ctx.personalSpeech.t(`rsvp-saved-${answer}`) });
    await refreshAnnouncement(app, id);
  });
  composer.callbackQuery(manageMeetingData.filter(), async (ctx) => {
    const { meeting: id, action } = manageMeetingData.unpack(ctx.match);
    const meeting = meetingById(app.db, id);
    if (!meeting || !mayManageMeetings(app.db, meeting.groupId, ctx.person)) {
      return refuse(ctx, "meeting-not-leader");
    }
    if (action === "r") {
      await ctx.answerCallbackQuery();
      return openInPrivate(app, ctx, "reschedule", "reschedule", id);
    }
    if (action === "c") {
      await ctx.answerCallbackQuery();
      return ctx.reply(ctx.t("meeting-cancel-confirm", { when: formatDateTime(ctx.speech.locale, meeting.startsAt) }), {
        reply_markup: new InlineKeyboard().text(ctx.t("meeting-cancel-yes"), manageMeetingData.pack({ meeting: id, action: "cy" })),
      });
    }
    const result = cancelMeeting(app.db, { meeting: id, by: ctx.person, now: app.clock.now() });
    if (!result.ok) return refuse(ctx, `meeting-refused-${result.reason}`);
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t("meeting-cancelled"));
    await announceCancellation(app, result.meeting);
  });
  return {
    forms: [
      createConversation<BotContext, FormContext>(meetingForm(app), { id: "meeting", maxMillisecondsToWait: FORM_TIMEOUT_MS }),
      createConversation<BotContext, FormContext>(rescheduleForm(app), { id: "reschedule", maxMillisecondsToWait: FORM_TIMEOUT_MS }),
    ],
    composer,
    deepLinks: {
      meeting: (ctx: BotContext, id: number) => startMeetingForm(app, ctx, groupId(id)),
      reschedule: async (ctx: BotContext, id: number) => {
        const meeting = meetingById(app.db, meetingId(id));
        if (!meeting || !mayManageMeetings(app.db, meeting.groupId, ctx.person)) return ctx.reply(ctx.t("meeting-not-leader"));
        return openInPrivate(app, ctx, "reschedule", "reschedule", id);
      },
    },
  };
}
