import type { MessageEntity } from "grammy/types";
import { formButton, FORMS } from "../../src/callbacks/index.js";

/**
 * What people do to make a scene, step by step, for tests (which take each step through a
 * `Person`) and benchmarks (which turn them into updates and mix many people's at once).
 */

/** One thing a person does: writes a text (a command when it starts with "/") or presses a button. */
export type Step = { say: string } | { press: string };

/** The entity Telegram's clients mark a leading /command with. */
export function commandEntities(text: string): MessageEntity[] | undefined {
  const command = /^\/[a-z_]+(@\w+)?/i.exec(text);
  return command ? [{ type: "bot_command", offset: 0, length: command[0].length }] : undefined;
}

export interface SetupAnswers {
  office?: string;
  /** The municipality's name in Kyrgyz, and in Russian (the same unless given). */
  municipality?: string;
  municipalityRu?: string;
  /** District and region, or "-". */
  area?: string;
  locale?: string;
  /** The term's last day as typed, or "none". */
  term?: string;
}

/** An administrator registers the group chat: /setup and every answer. */
export function setupSteps({
  office = "head",
  municipality = "Мин-Булак айыл аймагы",
  municipalityRu = municipality,
  area = "-",
  locale = "ky",
  term = "none",
}: SetupAnswers = {}): Step[] {
  return [
    { say: "/setup" },
    { press: formButton.pack(FORMS.setup, "office", office) },
    { say: municipality },
    { say: municipalityRu },
    { say: area },
    { press: formButton.pack(FORMS.setup, "lang", locale) },
    { say: term === "none" ? "-" : term },
  ];
}

/** A person fills the whole join form, in private, through the group's deep link. */
export function joinSteps(groupId: number, fullName: string, category = "resident"): Step[] {
  return [
    { say: `/start join-${groupId}` },
    { say: fullName },
    { press: formButton.pack(FORMS.join, "cat", category) },
    { press: formButton.pack(FORMS.join, "consent", "yes") },
  ];
}
