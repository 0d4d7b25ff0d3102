import type { Db } from "../client.js";

/**
 * drizzle-orm keeps its session in a member it does not publish (`db.session`); a transaction
 * object shares the session of its database, and the session holds the better-sqlite3
 * connection as `client`. Per-database caches key on the session, so one cache serves the
 * database and every transaction inside it.
 */
export const WRITTEN_AGAINST = { package: "drizzle-orm", version: "0.45.4" } as const;

interface Session {
  client?: { inTransaction?: boolean };
}

/** The object drizzle shares between a database and its transactions. */
export function sessionOf(db: Db): object {
  return (db as unknown as { session: Session & object }).session;
}

/** Whether the connection is inside a transaction (whose reads a rollback may yet undo). */
export function inTransaction(db: Db): boolean {
  return (sessionOf(db) as Session).client?.inTransaction === true;
}
