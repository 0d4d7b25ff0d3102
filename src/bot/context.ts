import type { Conversation, ConversationFlavor } from "@grammyjs/conversations";
import type { I18nFlavor } from "@grammyjs/i18n";
import type { Context } from "grammy";
import type { Db } from "../db/client.js";

/** What the update inbox adds: a change committed at most once per update (see InboxUnit). */
export interface CommitFlavor {
  commit<T>(change: (tx: Db) => T): T;
}

/** The context every handler outside a form sees. */
export type BotContext = ConversationFlavor<Context & I18nFlavor & CommitFlavor>;

/** The context inside a form (a conversation): a fresh object with its own plugins. */
export type FormContext = Context & I18nFlavor;

export type Form = Conversation<BotContext, FormContext>;
