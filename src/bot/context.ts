import type { Conversation, ConversationFlavor } from "@grammyjs/conversations";
import type { I18nFlavor } from "@grammyjs/i18n";
import type { Context } from "grammy";
import type { Db } from "../db/client.js";
import type { UserId } from "../domain/types.js";
import type { Speech } from "./speech.js";

/** What the update inbox adds: a change committed at most once per update (see InboxUnit). */
export interface CommitFlavor {
  commit<T>(change: (tx: Db) => T): T;
}

/** Who the update is from and the language to answer in, set once per update (see `speaking`). */
export interface SpeechFlavor {
  /** The language this update is answered in: the group's in a group chat, else the person's. */
  readonly speech: Speech;
  /** The person's own language, for what only they see in a group chat (the alert of a button they pressed). */
  readonly personalSpeech: Speech;
  /** The person behind the update; reading it on an update without a sender is a bug, and throws. */
  readonly person: UserId;
}

/** The context every handler outside a form sees. */
export type BotContext = ConversationFlavor<Context & I18nFlavor & CommitFlavor & SpeechFlavor>;

/** The context inside a form (a conversation): a fresh object with its own plugins. */
export type FormContext = Context & I18nFlavor & SpeechFlavor;

export type Form = Conversation<BotContext, FormContext>;
