import { Composer, InlineKeyboard } from "grammy";
import { commentProtocolData, draftProtocolData, editProtocolData } from "../../callbacks/index.js";
import { latestStartedMeeting, meetingById, meetingsWithoutProtocol } from "../../domain/meetings.js";
import { mayDraftProtocol } from "../../domain/permissions.js";
import {
  commentRefusal,
  draftRefusal,
  editableDraft,
  latestProtocol,
  protocolContent,
  protocolInProgress,
} from "../../domain/protocols.js";
import { meetingId, protocolId, type Group, type ProtocolId } from "../../domain/types.js";
import { formatDateTime } from "../../i18n/dates.js";
import type { App } from "../app.js";
import type { BotContext } from "../context.js";
import { bestEffort, refuse } from "../errors.js";
import { groupCommand } from "../group-scope.js";
import { deepLink } from "../keyboards.js";
import { sendLong } from "../notify.js";
import { protocolView } from "../views/protocol-view.js";
import { linkToPrivate, openInPrivate } from "../private-form.js";
import { openDraft, type DraftForm } from "../drafts/engine.js";
import { protocolForm, protocolStart, type EditPart, type ProtocolAnswers } from "../drafts/protocol-form.js";
import { closeDueAndAnnounce } from "../notices/votes.js";
import type { Feature } from "../feature.js";

/** The leader has no protocol in progress: offer the held meeting that still needs one. */
async function offerDraft(app: App, ctx: BotContext, group: Group): Promise<boolean> {
  const meeting = meetingsWithoutProtocol(app.db, group.id)[0];
  const s = ctx.speech;
  if (meeting) {
    const when = formatDateTime(s.locale, meeting.startsAt);
    const keyboard =
      ctx.chat?.type === "private"
        ? new InlineKeyboard().text(s.t("protocol-draft-button"), draftProtocolData.pack({ meeting: meeting.id }))
        : new InlineKeyboard().url(s.t("protocol-draft-button"), deepLink(app.botUsername, `draft-${meeting.id}`));
    await ctx.reply(s.t("protocol-ready-to-draft", { when }), { reply_markup: keyboard });
    return true;
  }
  const started = latestStartedMeeting(app.db, group.id, app.clock.now());
  if (started && !started.attendanceRecorded) {
    await ctx.reply(s.t("protocol-attendance-first", { when: formatDateTime(s.locale, started.startsAt) }));
    return true;
  }
  return false;
}

async function startDraft(app: App, ctx: BotContext, form: DraftForm<ProtocolAnswers>, id: number): Promise<unknown> {
  const meeting = meetingById(app.db, meetingId(id));
  const refusal = draftRefusal(app.db, meeting, ctx.person, app.clock.now());
  if (refusal && !refusal.ok) return refuse(ctx, `protocol-refused-${refusal.reason}`);
  if (ctx.callbackQuery) await ctx.answerCallbackQuery();
  if (ctx.chat?.type !== "private") return linkToPrivate(app, ctx, "draft", id);
  const agenda = meeting?.agenda ?? [];
  const intro = { key: "protocol-draft-start", vars: { count: agenda.length } };
  return openDraft(app, ctx, form, { ...protocolStart(app, { meeting: id, agenda }), intro, token: `m${id}` });
}

/** The leader revises one part of a draft protocol, in private. */
async function startRevision(
  app: App,
  ctx: BotContext,
  form: DraftForm<ProtocolAnswers>,
  id: ProtocolId,
  part: EditPart,
): Promise<unknown> {
  const editable = editableDraft(app.db, id, ctx.person, app.clock.now());
  if (!editable.ok) return refuse(ctx, `protocol-refused-${editable.reason}`);
  if (ctx.callbackQuery) await ctx.answerCallbackQuery();
  if (ctx.chat?.type !== "private") return ctx.reply(ctx.t("protocol-manage-in-private"));
  const titles = protocolContent(app.db, editable.protocol).items.map((item) => item.title);
  if (part.startsWith("i") && titles[Number(part.slice(1))] === undefined) return undefined;
  const start = protocolStart(app, { meeting: editable.protocol.meetingId, protocol: id, part, titles });
  return openDraft(app, ctx, form, { ...start, token: `${id}.${part}` });
}

async function startComment(app: App, ctx: BotContext, id: number): Promise<unknown> {
  const allowed = commentRefusal(app.db, protocolId(id), ctx.person, app.clock.now());
  if (!allowed.ok) return refuse(ctx, `comment-refused-${allowed.reason}`);
  if (ctx.callbackQuery) await ctx.answerCallbackQuery();
  return openInPrivate(app, ctx, "comment", "comment", id);
}

/**
 * /protocol: the protocol in progress (or the latest), for every member to read and comment
 * on; for the leader in private, the buttons to draft, revise and put it to the vote.
 */
export function protocolsFeature(app: App): Feature {
  const composer = new Composer<BotContext>();
  // A discarded draft's offer opens the form again: `m<meeting>` drafts, `<protocol>.<part>` revises.
  const form: DraftForm<ProtocolAnswers> = protocolForm(app, (ctx, token) => {
    if (token.startsWith("m")) return startDraft(app, ctx, form, Number(token.slice(1)));
    const [id, part] = token.split(".");
    return startRevision(app, ctx, form, protocolId(Number(id)), part as EditPart);
  });
  composer.use(
    groupCommand(app, "protocol", async (ctx, group) => {
      await bestEffort(app.logger, "due votes not announced", closeDueAndAnnounce(app, group.id));
      const user = ctx.person;
      const leader = mayDraftProtocol(app.db, group.id, user);
      const inPrivate = ctx.chat?.type === "private";
      const current = protocolInProgress(app.db, group.id);
      if (!current && leader && (await offerDraft(app, ctx, group))) return;
      const shown = current ?? latestProtocol(app.db, group.id);
      if (!shown) return ctx.reply(ctx.t("protocol-none"));
      const view = protocolView(app, ctx.speech, shown, {
        leader: leader && inPrivate,
        comment: inPrivate ? "callback" : "link",
      });
      await sendLong(ctx.api, ctx.chat?.id ?? 0, view.text, view.keyboard);
      if (leader && !inPrivate && shown.status === "draft") await ctx.reply(ctx.t("protocol-manage-in-private"));
    }),
  );
  composer.callbackQuery(draftProtocolData.filter(), (ctx) => startDraft(app, ctx, form, draftProtocolData.unpack(ctx.match).meeting));
  composer.callbackQuery(commentProtocolData.filter(), (ctx) => startComment(app, ctx, commentProtocolData.unpack(ctx.match).protocol));
  composer.callbackQuery(editProtocolData.filter(), (ctx) => {
    const { protocol, part } = editProtocolData.unpack(ctx.match);
    return startRevision(app, ctx, form, protocol, part);
  });
  return {
    composer,
    drafts: [form],
    deepLinks: {
      draft: (ctx: BotContext, id: number) => startDraft(app, ctx, form, id),
      comment: (ctx: BotContext, id: number) => startComment(app, ctx, id),
    },
  };
}
