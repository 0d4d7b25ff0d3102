import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import SQLite from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import type { BaseSQLiteDatabase } from "drizzle-orm/sqlite-core";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { reuseTransactions } from "./patches/drizzle-session.js";
import { literalLimits } from "./patches/literal-limits.js";
import { reuseStatements } from "./patches/statement-cache.js";
import * as schema from "./schema.js";

/** What domain code works with: the database or a transaction inside it. */
export type Db = BaseSQLiteDatabase<"sync", SQLite.RunResult, typeof schema>;

/** The open database, as the composition root holds it. */
export type Database = BetterSQLite3Database<typeof schema> & { $client: SQLite.Database };

export const MIGRATIONS_FOLDER = resolve(dirname(fileURLToPath(import.meta.url)), "../../drizzle");

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
  literalLimits();
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  reuseTransactions(db, sqlite);
  return db;
}

export function closeDatabase(db: Database): void {
  if (db.$client.open) db.$client.close();
}
