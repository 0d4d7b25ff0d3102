import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import SQLite from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import type { BaseSQLiteDatabase } from "drizzle-orm/sqlite-core";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "./schema.js";

/** What domain code works with: the database or a transaction inside it. */
export type Db = BaseSQLiteDatabase<"sync", SQLite.RunResult, typeof schema>;

/** The open database, as the composition root holds it. */
export type Database = BetterSQLite3Database<typeof schema> & { $client: SQLite.Database };

export const MIGRATIONS_FOLDER = resolve(dirname(fileURLToPath(import.meta.url)), "../../drizzle");

/** Distinct statements kept compiled; the bot has a few hundred. */
const STATEMENT_CACHE_SIZE = 1000;

/**
 * drizzle prepares every query anew, and compiling a statement costs SQLite more than running
 * it. Statements are kept by their SQL text and handed out again (with the row mode drizzle
 * may have switched on put back), least recently used dropped first.
 */
function reuseStatements(sqlite: SQLite.Database): void {
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

interface TransactionSession {
  transaction<T>(run: (tx: unknown) => T, config?: { behavior?: "deferred" | "immediate" | "exclusive" }): T;
}

/**
 * drizzle builds a transaction object (a database with a query builder for every table) and a
 * better-sqlite3 wrapper for each transaction; that cost more than the writes it held. One
 * transaction object serves them all (they are synchronous, one at a time), with prepared
 * BEGIN and COMMIT; a transaction begun inside another one is a savepoint, as before.
 */
function reuseTransactions(db: BetterSQLite3Database<typeof schema>, sqlite: SQLite.Database): void {
  const session = (db as unknown as { session: TransactionSession }).session;
  const tx = session.transaction((t) => t) as TransactionSession;
  const begin = { deferred: sqlite.prepare("begin"), immediate: sqlite.prepare("begin immediate"), exclusive: sqlite.prepare("begin exclusive") };
  const commit = sqlite.prepare("commit");
  const rollback = sqlite.prepare("rollback");
  session.transaction = (run, config) => {
    if (sqlite.inTransaction) return tx.transaction(run);
    begin[config?.behavior ?? "deferred"].run();
    try {
      const result = run(tx);
      commit.run();
      return result;
    } catch (error) {
      if (sqlite.inTransaction) rollback.run();
      throw error;
    }
  };
}

/** Opens (creating if needed) the database, tunes it and applies pending migrations. */
export function openDatabase(path: string): Database {
  if (path !== ":memory:") mkdirSync(dirname(resolve(path)), { recursive: true });
  const sqlite = new SQLite(path);
  sqlite.pragma("journal_mode = WAL");
  // NORMAL in WAL mode is durable across application crashes (kill -9); only power loss may
  // drop the last transactions.
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  reuseStatements(sqlite);
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  reuseTransactions(db, sqlite);
  return db;
}

export function closeDatabase(db: Database): void {
  if (db.$client.open) db.$client.close();
}
