import type { FluentVariable } from "@fluent/bundle";
import type { Locale } from "../domain/locale.js";
import type { Group, GroupId, UserId } from "../domain/types.js";

/** A translation in the recipient's language: a locale id and its variables. */
export type Translate = (id: string, vars?: Record<string, FluentVariable>) => string;

/** A button by what it does: a callback with its data, or a link that opens the bot in private with `start`. */
export type Button = { label: string; data: string } | { label: string; start: string };

/** What a reminder says, written once and rendered in each recipient's language by whoever sends it. */
export interface Notice {
  text: (t: Translate, locale: Locale) => string;
  /** One row of buttons; their labels are locale ids. */
  buttons?: readonly Button[];
}

/** What became of a send that threw: worth another try next tick, the chat refused us, or anything else. */
export type Failure = "retry" | "unreachable" | "failed";

/**
 * Where the scheduler hands what is due. The scheduler decides what and when; the side that
 * talks to Telegram renders the notice and sends it.
 */
export interface Notifier {
  /** To the group's chat, in the group's language. */
  toGroup(group: Group, notice: Notice): Promise<void>;
  /** In private, in the person's language; false when they cannot be reached now (it is kept for them). */
  toPerson(user: UserId, notice: Notice, about: GroupId): Promise<boolean>;
  /** Classifies what a send threw. */
  failure(error: unknown): Failure;
}
