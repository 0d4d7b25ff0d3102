import { observeStartData } from "../../callbacks/index.js";
import { Composer, InlineKeyboard } from "grammy";
import { groupByChat, groupById, isClosed } from "../../domain/groups.js";
import { groupsOfUser } from "../../domain/members.js";
import { changeRefusal, observationById, toDraft, type ChangeRefusal } from "../../domain/observations.js";
import { mayRecordObservations } from "../../domain/permissions.js";
import { servicesOf } from "../../domain/services.js";
import { chatId, groupId, observationId, type Group, type GroupId, type ObservationId } from "../../domain/types.js";
import type { App } from "../app.js";
import type { BotContext } from "../context.js";
import { bestEffort } from "../errors.js";
import { openDraft, type DraftForm } from "../drafts/engine.js";
import { observationForm, type ObservationAnswers } from "../drafts/observation-form.js";
import { buttonGrid, deepLink } from "../keyboards.js";

/** Why this person cannot record for this group now, worded; undefined when they can. */
function recordRefusal(app: App, ctx: BotContext, group: Group | undefined): string | undefined {
  if (!group) return ctx.t("obs-refused-not-found");
  if (isClosed(group, app.clock.now())) return ctx.t("obs-refused-closed");
  if (!mayRecordObservations(app.db, group.id, ctx.person)) {
    return ctx.t("obs-not-member", { municipality: group.municipality });
  }
  return undefined;
}

function joinButton(app: App, ctx: BotContext, group: Group | undefined): InlineKeyboard | undefined {
  return group && new InlineKeyboard().url(ctx.t("join-button"), deepLink(app.botUsername, `join-${group.id}`));
}

/** Opens the observation form for one group in private chat, or says why it cannot. */
export async function startObserve(app: App, ctx: BotContext, id: GroupId): Promise<unknown> {
  const group = groupById(app.db, id);
  const refusal = recordRefusal(app, ctx, group);
  if (refusal) return ctx.reply(refusal, { reply_markup: joinButton(app, ctx, group) });
  if (!servicesOf(app.db, id).some((s) => !s.retired)) return ctx.reply(ctx.t("obs-no-services", { municipality: group!.municipality }));
  const answers: ObservationAnswers = { group: id, edit: null, review: false, d: {} };
  const intro = { key: "obs-form-start", vars: { municipality: group!.municipality } };
  return openDraft(app, ctx, form(app), { step: "service", answers, intro, token: String(id) });
}

/** The observation form; a discarded draft's offer opens it again from `<group>` or `<group>.<observation>`. */
function form(app: App): DraftForm<ObservationAnswers> {
  return observationForm(app, async (ctx, token) => {
    const [group, edit] = token.split(".").map(Number);
    if (edit === undefined) return startObserve(app, ctx, groupId(group ?? 0));
    const refusal = await startEdit(app, ctx, observationId(edit));
    return refusal && ctx.reply(ctx.t(`obs-refused-${refusal}`, { municipality: "" }));
  });
}

/** Opens the form on an existing observation, for its author to correct it. */
export async function startEdit(app: App, ctx: BotContext, id: ObservationId): Promise<ChangeRefusal | undefined> {
  const observation = observationById(app.db, id);
  const refusal = changeRefusal(app.db, observation, ctx.person, app.clock.now());
  if (refusal || !observation) return refusal ?? "not-found";
  const answers: ObservationAnswers = { group: observation.groupId, edit: id, review: true, d: toDraft(observation) };
  await openDraft(app, ctx, form(app), { step: "summary", answers, token: `${observation.groupId}.${id}` });
  return undefined;
}

/**
 * /observe: in private, the form (after "which group?" for a member of several); in a group
 * chat, a button that opens the private chat on that group.
 */
export function observeFeature(app: App) {
  const composer = new Composer<BotContext>();
  composer.chatType(["group", "supergroup"]).command("observe", async (ctx) => {
    const group = groupByChat(app.db, chatId(ctx.chat.id));
    if (!group) return ctx.reply(ctx.t("group-not-registered"));
    await ctx.reply(ctx.t("obs-open-private", { municipality: group.municipality }), {
      reply_markup: new InlineKeyboard().url(ctx.t("obs-add-button"), deepLink(app.botUsername, `obs-${group.id}`)),
      reply_parameters: { message_id: ctx.msg.message_id, allow_sending_without_reply: true },
    });
  });
  composer.chatType("private").command("observe", async (ctx) => {
    const user = ctx.person;
    const mine = groupsOfUser(app.db, user).filter((group) => mayRecordObservations(app.db, group.id, user));
    if (mine.length === 1) return startObserve(app, ctx, mine[0]!.id);
    if (mine.length === 0) return ctx.reply(ctx.t("obs-not-member-any"));
    const locale = ctx.speech.locale;
    await ctx.reply(ctx.t("pick-group"), {
      reply_markup: buttonGrid(mine.map((group) => [group.municipality.in(locale), observeStartData.pack({ group: group.id })] as const)),
    });
  });
  composer.chatType("private").callbackQuery(observeStartData.filter(), async (ctx) => {
    await ctx.answerCallbackQuery();
    await bestEffort(app.logger, "buttons not taken off", ctx.editMessageReplyMarkup({ reply_markup: undefined }));
    await startObserve(app, ctx, observeStartData.unpack(ctx.match).group);
  });
  return { form: form(app), composer };
}
