import type { Db } from "./client.js";

/**
 * Prepares a set of statements once per database connection. Drizzle would otherwise build
 * each query's SQL text again on every call, and SQLite compile it again: on the paths every
 * update takes, that is most of the bot's work.
 */
export function preparedFor<T>(prepare: (db: Db) => T): (db: Db) => T {
  const cache = new WeakMap<Db, T>();
  return (db) => {
    let statements = cache.get(db);
    if (!statements) cache.set(db, (statements = prepare(db)));
    return statements;
  };
}
