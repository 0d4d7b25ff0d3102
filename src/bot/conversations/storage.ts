import type { ConversationData, VersionedState, VersionedStateStorage } from "@grammyjs/conversations";
import { eq, sql } from "drizzle-orm";
import type { Context } from "grammy";
import type { Db } from "../../db/client.js";
import type { Inbox } from "../../delivery/inbox.js";
import { conversationStates } from "../../db/schema.js";

/**
 * Bump whenever a form's code changes: a stored form of another version cannot be replayed,
 * so it is dropped and its owner told to start again.
 */
export const FORMS_VERSION = 2;

/** Forms are keyed by chat *and* user, so two members filling forms in one group never mix. */
export function formKey(ctx: Context): string | undefined {
  return ctx.chatId === undefined || ctx.from === undefined ? undefined : `${ctx.chatId}:${ctx.from.id}`;
}

type State = VersionedState<ConversationData>;

export interface FormStorage extends VersionedStateStorage<string, ConversationData> {
  /** True once, after a form of an older version was dropped for this key. */
  takeReset(key: string): boolean;
}

/** Chats and people known to have no form open: most updates, whose form state is not read again. */
const ABSENT_KEPT = 50_000;

/**
 * Keys known to have no stored state, oldest first. A key is forgotten as soon as a state is
 * written for it (before the write is applied, so a write rolled back leaves it unknown, not
 * absent); it is learnt again only from a read that finds nothing.
 */
function absentKeys() {
  const absent = new Set<string>();
  return {
    has: (key: string) => absent.has(key),
    learn(key: string) {
      absent.add(key);
      if (absent.size > ABSENT_KEPT) absent.delete(absent.values().next().value!);
    },
    forget: (key: string) => void absent.delete(key),
  };
}

/**
 * Form states in SQLite. A state written while its update is in the inbox's hands waits, and is
 * written in one transaction with the update's done-mark (see InboxUnit). Only this storage
 * writes them, so it knows which keys have none without asking the database each update.
 */
export function sqliteFormStorage(db: Db, clock: { now(): Date }, inbox?: Inbox): FormStorage {
  const reset = new Set<string>();
  const absent = absentKeys();
  const key = sql.placeholder("key");
  const read = db.select({ state: conversationStates.state }).from(conversationStates).where(eq(conversationStates.key, key)).prepare();
  const remove = db.delete(conversationStates).where(eq(conversationStates.key, key)).prepare();
  const write = db
    .insert(conversationStates)
    .values({ key, state: sql.placeholder("state"), updatedAt: sql.placeholder("at") })
    .onConflictDoUpdate({ target: conversationStates.key, set: { state: sql`excluded.state`, updatedAt: sql`excluded.updated_at` } })
    .prepare();
  return {
    read(key) {
      if (absent.has(key)) return undefined;
      const row = read.get({ key });
      if (!row) {
        absent.learn(key);
        return undefined;
      }
      const state = JSON.parse(row.state) as State;
      if (state.version[1] !== FORMS_VERSION) {
        remove.run({ key });
        reset.add(key);
        return undefined;
      }
      return state;
    },
    write(key, state) {
      absent.forget(key);
      const apply = () => write.run({ key, state: JSON.stringify(state), at: clock.now() });
      const unit = inbox?.unitForForm(key);
      if (unit) unit.deferFormWrite(key, apply);
      else apply();
    },
    delete(key) {
      const apply = () => remove.run({ key });
      const unit = inbox?.unitForForm(key);
      if (unit) unit.deferFormWrite(key, apply);
      else apply();
    },
    takeReset(key) {
      return reset.delete(key);
    },
  };
}
