import { requestData } from "../../callbacks/index.js";
import { Composer, InlineKeyboard } from "grammy";
import { groupById } from "../../domain/groups.js";
import { countActiveMembers } from "../../domain/members.js";
import { decideRequest, requestById, type MembershipRequest } from "../../domain/requests.js";
import { MIN_MEMBERS } from "../../domain/rules.js";
import { type Group, type RequestId } from "../../domain/types.js";
import { displayName } from "../../domain/users.js";
import type { App } from "../app.js";
import type { BotContext } from "../context.js";
import { bestEffort, refuse } from "../errors.js";
import { notifyGroup, notifyPerson, officials, type Message, type T } from "../notify.js";

export function requestCard(t: T, request: MembershipRequest, group: Group): string {
  return t("request-card", {
    municipality: group.municipality,
    name: request.fullName,
    category: t(`category-${request.category}`),
  });
}

function decisionKeyboard(t: T, request: RequestId): InlineKeyboard {
  return new InlineKeyboard().text(t("request-approve"), requestData.pack({ request, decision: "a" })).text(t("request-refuse"), requestData.pack({ request, decision: "r" }));
}

/** The request with its Approve / Refuse buttons, in whatever language it is rendered. */
export function requestMessage(request: MembershipRequest, group: Group): Message {
  return { text: (t) => requestCard(t, request, group), keyboard: (t) => decisionKeyboard(t, request.id) };
}

/** The composition line shown wherever the member count changes, with the statute's minimum. */
export function compositionText(t: T, count: number): string {
  const line = t("composition-count", { count, min: MIN_MEMBERS });
  return count < MIN_MEMBERS ? `${line}\n${t("below-minimum", { count, min: MIN_MEMBERS })}` : line;
}

/**
 * A new request goes to the appointers and the leader in private. If none of them can be
 * reached there (nobody has opened the bot yet), it goes to the group chat, where the same
 * buttons work for them and refuse everyone else.
 */
export async function sendRequestToDeciders(app: App, id: RequestId): Promise<void> {
  const request = requestById(app.db, id);
  const group = request && groupById(app.db, request.groupId);
  if (!request || !group) return;
  let delivered = 0;
  for (const person of officials(app, group, true)) {
    const sent = await notifyPerson(app, person, requestMessage(request, group), group.id).catch((error: unknown) => {
      app.logger.warn({ err: error, person }, "request notice not sent");
      return false;
    });
    if (sent) delivered++;
  }
  if (delivered === 0) await notifyGroup(app, group, requestMessage(request, group));
}

/** Approve / Refuse buttons of a membership request: only an appointer or the leader may decide. */
export function requestsFeature(app: App) {
  const composer = new Composer<BotContext>();
  composer.callbackQuery(requestData.filter(), async (ctx) => {
    const pressed = requestData.unpack(ctx.match);
    const approve = pressed.decision === "a";
    // Committed with the update: handled again after a crash, the decision is not taken twice
    // and the notices that follow it still go out.
    const result = ctx.commit((tx) => {
      const decided = decideRequest(tx, { request: pressed.request, by: ctx.person, approve, now: app.clock.now() });
      return decided.ok ? { ok: true as const, id: decided.request.id } : { ok: false as const, reason: decided.reason };
    });
    if (!result.ok) {
      await refuse(ctx, `request-${result.reason}`);
      if (result.reason === "already-decided") {
        await bestEffort(app.logger, "buttons not taken off", ctx.editMessageReplyMarkup({ reply_markup: undefined }));
      }
      return;
    }
    const request = requestById(app.db, result.id);
    const group = request && groupById(app.db, request.groupId);
    if (!request || !group) return;
    await ctx.answerCallbackQuery({ text: ctx.personalSpeech.t(approve ? "request-approved-toast" : "request-refused-toast") });
    const by = displayName(app.db, ctx.person) ?? ctx.from.first_name;
    const { t } = ctx.speech;
    await ctx.editMessageText(`${requestCard(t, request, group)}\n\n${t(approve ? "request-was-approved" : "request-was-refused", { by })}`);
    await notifyPerson(app, request.userId, {
      text: (pt) => pt(approve ? "join-approved" : "join-refused", { municipality: group.municipality }),
    }, group.id);
    if (approve) {
      const count = countActiveMembers(app.db, group.id);
      await notifyGroup(app, group, {
        text: (gt) =>
          `${gt("member-joined", { name: request.fullName, category: gt(`category-${request.category}`) })}\n${compositionText(gt, count)}`,
      });
    }
  });
  return composer;
}
