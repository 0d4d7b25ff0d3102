import { InlineKeyboard } from "grammy";
import { signData, signDissentData } from "../../callbacks/index.js";
import { groupById } from "../../domain/groups.js";
import { protocolById, protocolContent } from "../../domain/protocols.js";
import { signaturesOf } from "../../domain/signing.js";
import type { ProtocolId } from "../../domain/types.js";
import type { App } from "../app.js";
import { deepLink } from "../keyboards.js";
import { signingText } from "./protocol-text.js";
import { speechIn, type Speech } from "../speech.js";

export function signKeyboard({ t }: Speech, app: App, id: ProtocolId, inGroup: boolean): InlineKeyboard {
  const keyboard = new InlineKeyboard().text(t("sign-button"), signData.pack({ protocol: id }));
  return inGroup
    ? keyboard.url(t("sign-dissent-button"), deepLink(app.botUsername, `dissent-${id}`))
    : keyboard.text(t("sign-dissent-button"), signDissentData.pack({ protocol: id }));
}

export function signingMessage(app: App, id: ProtocolId): { chat: number; text: string; keyboard: InlineKeyboard | undefined } | undefined {
  const protocol = protocolById(app.db, id);
  const group = protocol && groupById(app.db, protocol.groupId);
  if (!protocol?.hash || !group) return undefined;
  const s = speechIn(app, group.locale);
  const text = signingText(s, protocolContent(app.db, protocol), protocol.hash, signaturesOf(app.db, id));
  return { chat: group.chatId, text, keyboard: protocol.status === "signing" ? signKeyboard(s, app, id, true) : undefined };
}
