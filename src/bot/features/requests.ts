import { requestData } from "../../callbacks/index.js";
import { Composer } from "grammy";
import { groupById } from "../../domain/groups.js";
import { decideRequest, requestById } from "../../domain/requests.js";
import { displayName } from "../../domain/users.js";
import type { App } from "../app.js";
import type { BotContext } from "../context.js";
import { bestEffort, refuse } from "../errors.js";
import { announceDecision } from "../notices/requests.js";
import { requestCard } from "../views/requests.js";
import type { Feature } from "../feature.js";

/** Approve / Refuse buttons of a membership request: only an appointer or the leader may decide. */
export function requestsFeature(app: App): Feature {
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
    await ctx.editMessageText(
      `${requestCard(t, request, group)}\n\n${t(approve ? "request-was-approved" : "request-was-refused", { by })}`,
    );
    await announceDecision(app, request, group, approve);
  });
  return { composer };
}
