import { createConversation } from "@grammyjs/conversations";
import { FORMS } from "../../callbacks/index.js";
import { addComment, commentRefusal } from "../../domain/protocols.js";
import { COMMENT_MAX_LENGTH } from "../../domain/rules.js";
import { groupId, protocolId } from "../../domain/types.js";
import type { App } from "../app.js";
import type { BotContext, Form, FormContext } from "../context.js";
import { ask, textAnswer } from "../conversations/ask.js";
import { FORM_TIMEOUT_MS } from "../conversations/limits.js";
import { tellLeaderCommented } from "../notices/comments.js";
import { protocolNumber } from "../views/protocol-text.js";
import type { Feature } from "../feature.js";

const PREFIX = FORMS.comment;

function commentForm(app: App) {
  return async function comment(form: Form, ctx: FormContext, id: number) {
    const user = ctx.person;
    const refusal = await form.external(() => {
      const allowed = commentRefusal(app.db, protocolId(id), user, app.clock.now());
      return allowed.ok ? null : allowed.reason;
    });
    if (refusal) {
      await ctx.reply(ctx.t(`comment-refused-${refusal}`));
      return;
    }
    await ctx.reply(ctx.t("comment-ask"));
    const text = await ask(form, PREFIX, textAnswer("comment-hint", 2, COMMENT_MAX_LENGTH));
    // Committed with the update (see InboxUnit): handled again after a crash, it stores nothing twice.
    const saved = await form.external((outside) =>
      outside.commit(() => {
        const result = addComment(app.db, { protocol: protocolId(id), user, text, now: app.clock.now() });
        return result.ok
          ? { refusal: null, number: protocolNumber(result.protocol), group: result.protocol.groupId as number }
          : { refusal: result.reason, number: "", group: 0 };
      }),
    );
    if (saved.refusal) {
      await ctx.reply(ctx.t(`comment-refused-${saved.refusal}`));
      return;
    }
    await ctx.reply(ctx.t("comment-saved"));
    await form.external(() => tellLeaderCommented(app, groupId(saved.group), user, saved.number, text));
  };
}

export function protocolForms(app: App): Feature {
  const options = { maxMillisecondsToWait: FORM_TIMEOUT_MS };
  return {
    forms: [createConversation<BotContext, FormContext>(commentForm(app), { id: "comment", ...options })],
  };
}
