import type { Message, Update } from "grammy/types";
import { draftButtonData } from "../../src/callbacks/index.js";
import { newUpdateId, type Harness, type Person } from "./harness.js";
import { commandEntities, type Step } from "./scenes.js";

/** One thing a person does in a form: a text, a press of a draft's button, a photo, a voice message. */
export type Act = Step | { photo: string; caption?: string } | { voice: string };

/**
 * The update Telegram would deliver for it, in the person's private chat; a press takes the
 * newest button `<prefix>:<draft id>:<rest>` for `press: "<prefix>:<rest>"`.
 */
export function updateOf(h: Harness, person: Person, act: Act): Update {
  const update_id = newUpdateId();
  if ("press" in act) {
    const found = h.tg.buttonMatching(person.id, draftButtonData.anyDraft(act.press));
    if (!found) throw new Error(`no button ${act.press}`);
    return {
      update_id,
      callback_query: { id: String(update_id), from: person.user, chat_instance: "ci", data: found.data, message: found.message },
    } as Update;
  }
  const fields: Partial<Message> =
    "say" in act
      ? { text: act.say, entities: commandEntities(act.say) }
      : "voice" in act
        ? ({ voice: { file_id: act.voice, file_unique_id: `${act.voice}-u`, duration: 7 } } as Partial<Message>)
        : ({
            photo: [{ file_id: act.photo, file_unique_id: `${act.photo}-u`, width: 1280, height: 960 }],
            caption: act.caption,
          } as Partial<Message>);
  return { update_id, message: person.messageIn(undefined, fields) } as Update;
}

/** The draft rows as stored: what a repeated update must leave unchanged. */
export function storedDrafts(h: Harness): unknown[] {
  return h.db.$client.prepare("select id, step, answers, status from drafts order by id").all();
}

/**
 * Delivers the update, then again as if its first handling had not been marked done (a crash
 * between the two): the second copy changes nothing and repeats the last answer.
 */
export async function deliverTwice(h: Harness, person: Person, update: Update): Promise<void> {
  const before = h.tg.textsTo(person.id).length;
  await h.bot.handleUpdate(update);
  const answered = h.tg.textsTo(person.id).slice(before);
  const stored = storedDrafts(h);
  const texts = h.tg.textsTo(person.id).length;
  h.db.$client.prepare("update inbox set done_at = null where update_id = ?").run(update.update_id);
  await h.bot.handleUpdate(structuredClone(update));
  const repeated = h.tg.textsTo(person.id).slice(texts);
  if (repeated.length !== 1 || !answered.includes(repeated[0]!)) {
    throw new Error(`a repeated update answered ${JSON.stringify(repeated)}, not one of ${JSON.stringify(answered)}`);
  }
  const after = storedDrafts(h);
  if (JSON.stringify(after) !== JSON.stringify(stored)) throw new Error(`a repeated update changed the draft: ${JSON.stringify(after)}`);
}
