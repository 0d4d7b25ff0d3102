import type SQLite from "better-sqlite3";

/**
 * drizzle prepares every query anew, and compiling a statement costs SQLite more than running
 * it. Statements are kept by their SQL text and handed out again (with the row mode drizzle
 * may have switched on put back), least recently used dropped first. This replaces
 * better-sqlite3's `prepare` on the connection and relies on a statement's `reader` and
 * `raw(false)`, and on drizzle calling `raw()` on the statements it reads arrays from.
 */
export const WRITTEN_AGAINST = [
  { package: "better-sqlite3", version: "12.11.1" },
  { package: "drizzle-orm", version: "0.45.4" },
] as const;

/** Distinct statements kept compiled; the bot has a few hundred. */
export const STATEMENT_CACHE_SIZE = 1000;

export function reuseStatements(sqlite: SQLite.Database): void {
  const compile = sqlite.prepare.bind(sqlite);
  const cache = new Map<string, SQLite.Statement>();
  sqlite.prepare = ((source: string) => {
    const cached = cache.get(source);
    if (cached) {
      cache.delete(source);
      cache.set(source, cached);
      if (cached.reader) cached.raw(false);
      return cached;
    }
    const statement = compile(source);
    cache.set(source, statement);
    if (cache.size > STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
    return statement;
  }) as typeof sqlite.prepare;
}
