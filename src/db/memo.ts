import type { Db } from "./client.js";
import { inTransaction, sessionOf } from "./patches/drizzle-session.js";

/** More entries than this and the memo starts over: a bound on memory, not a policy. */
const LIMIT = 100_000;

export interface Memo<K, V> {
  /** The remembered value, or `read()` remembered (outside transactions: a rolled back one would leave a lie). */
  get(db: Db, key: K, read: () => V): V;
  /** Called by every writer of the rows behind it, after writing: one key, or all of them. */
  forget(db: Db, key?: K): void;
}

/**
 * Rows read on nearly every update (languages, groups, memberships), remembered per database
 * and kept true by the code that writes them. The process is the database's only writer.
 */
export function memo<K, V>(): Memo<K, V> {
  const bySession = new WeakMap<object, Map<K, V>>();
  const of = (db: Db): { map: Map<K, V> } => {
    const session = sessionOf(db);
    let map = bySession.get(session);
    if (!map) bySession.set(session, (map = new Map()));
    return { map };
  };
  return {
    get(db, key, read) {
      const { map } = of(db);
      if (map.has(key)) return map.get(key)!;
      const value = read();
      if (inTransaction(db)) return value;
      if (map.size >= LIMIT) map.clear();
      map.set(key, value);
      return value;
    },
    forget(db, key) {
      const { map } = of(db);
      if (key === undefined) map.clear();
      else map.delete(key);
    },
  };
}
