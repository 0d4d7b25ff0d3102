import type SQLite from "better-sqlite3";

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
export function sessionOf(db: object): object {
  return (db as unknown as { session: Session & object }).session;
}

/** Whether the connection is inside a transaction (whose reads a rollback may yet undo). */
export function inTransaction(db: object): boolean {
  return (sessionOf(db) as Session).client?.inTransaction === true;
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
export function reuseTransactions(db: object, sqlite: SQLite.Database): void {
  const session = (db as unknown as { session: TransactionSession }).session;
  const tx = session.transaction((t) => t) as TransactionSession;
  const begin = {
    deferred: sqlite.prepare("begin"),
    immediate: sqlite.prepare("begin immediate"),
    exclusive: sqlite.prepare("begin exclusive"),
  };
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
