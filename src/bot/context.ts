import type { Conversation, ConversationFlavor } from "@grammyjs/conversations";
import type { I18nFlavor } from "@grammyjs/i18n";
import type { Context } from "grammy";
import type { Db } from "../db/client.js";

/** What the update inbox adds: a change committed at most once per update (see InboxUnit). */
export interface CommitFlavor {
  commit<T>(change: (tx: Db) => T): T;
}

/** Translation in the language of the person behind the update, whatever the chat's. */
export interface PersonalFlavor {
  /** For what only this person sees in a group chat, such as the alert of a button they pressed. */
  tPersonal: I18nFlavor["t"];
}

/** The context every handler outside a form sees. */
export type BotContext = ConversationFlavor<Context & I18nFlavor & CommitFlavor & PersonalFlavor>;

/** The context inside a form (a conversation): a fresh object with its own plugins. */
export type FormContext = Context & I18nFlavor;

export type Form = Conversation<BotContext, FormContext>;
