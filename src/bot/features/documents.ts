import { Composer } from "grammy";
import { protocolPdfData } from "../../callbacks/index.js";
import type { Document } from "grammy/types";
import { groupById } from "../../domain/groups.js";
import { maySeeGroup } from "../../domain/permissions.js";
import { protocolById } from "../../domain/protocols.js";
import { verifyProtocol } from "../../domain/signing.js";
import { protocolId } from "../../domain/types.js";
import { isLocale } from "../../i18n/locales.js";
import type { App } from "../app.js";
import type { BotContext } from "../context.js";
import { bestEffort, refuse } from "../errors.js";
import { otherLanguageKeyboard, sendProtocolPdf } from "../protocol-document.js";
import { protocolNumber } from "../views/protocol-text.js";
import { speechIn } from "../speech.js";
import { checkFile, fileCheckText } from "../verify-file.js";
import type { Feature } from "../feature.js";

async function answerFile(app: App, ctx: BotContext, file: Document): Promise<unknown> {
  const s = ctx.speech;
  await bestEffort(app.logger, "typing not shown", ctx.replyWithChatAction("typing"));
  const check = await checkFile(app, file);
  return ctx.reply(fileCheckText(app, s, check), {
    reply_parameters: { message_id: ctx.msg?.message_id ?? 0, allow_sending_without_reply: true },
  });
}

/**
 * Protocol PDFs after signing: the copy in the other language (a button under each PDF), and
 * checking a file: a PDF sent or forwarded to the bot in private, or /verify in reply to one;
 * a picture gets a hint. The QR code of a PDF opens /verify for its protocol (`?start=v_<id>`).
 */
export function documentsFeature(app: App): Feature {
  const composer = new Composer<BotContext>();
  composer.callbackQuery(protocolPdfData.filter(), async (ctx) => {
    const pressed = protocolPdfData.unpack(ctx.match);
    const protocol = protocolById(app.db, pressed.protocol);
    const locale = pressed.locale;
    const chat = ctx.chat?.id;
    if (protocol?.status !== "final" || !isLocale(locale) || chat === undefined) {
      return refuse(ctx, "button-stale");
    }
    if (!maySeeGroup(app.db, protocol.groupId, ctx.person)) {
      return refuse(ctx, "not-your-group");
    }
    await ctx.answerCallbackQuery({ text: ctx.t("pdf-sending") });
    const s = speechIn(app, locale);
    const group = groupById(app.db, protocol.groupId);
    await sendProtocolPdf(app, chat, protocol.id, locale, {
      caption: s.t("pdf-caption", { number: protocolNumber(protocol), municipality: group?.municipality ?? "" }),
      keyboard: otherLanguageKeyboard(s, protocol.id, locale),
    });
  });
  // /verify as the caption of a file, or in reply to a file or a picture.
  composer.command("verify", async (ctx, next) => {
    const reply = ctx.msg.reply_to_message;
    const file = ctx.msg.document ?? reply?.document;
    if (file) return answerFile(app, ctx, file);
    if (ctx.msg.photo ?? reply?.photo) return ctx.reply(ctx.t("verify-file-photo"));
    await next();
  });
  const priv = composer.chatType("private");
  const noForm = (ctx: BotContext) => Object.keys(ctx.conversation.active()).length === 0;
  priv.on("message:document").filter(noForm, (ctx) => answerFile(app, ctx, ctx.msg.document));
  priv.on("message:photo").filter(noForm, (ctx) => ctx.reply(ctx.t("verify-file-photo")));
  return {
    composer,
    deepLinks: {
      v: async (ctx: BotContext, id: number) => {
        const s = ctx.speech;
        const protocol = protocolById(app.db, protocolId(id));
        const check = protocol && verifyProtocol(app.db, protocol.id);
        if (!protocol || !check) return ctx.reply(s.t("verify-link-unknown"));
        const number = protocolNumber(protocol);
        const { stored, recomputed, signed, required } = check;
        return ctx.reply(s.t(check.matches ? "verify-ok" : "verify-mismatch", { number, stored, recomputed, signed, required }));
      },
    },
  };
}
