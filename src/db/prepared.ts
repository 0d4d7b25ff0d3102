import type { Db } from "./client.js";
import { sessionOf } from "./patches/drizzle-session.js";

/**
 * A query built once per database and run with placeholders from then on. Building the SQL
 * costs drizzle several times what SQLite needs to run it, and the hot paths (every update,
 * every vote) run the same few queries. A transaction shares its database's session, so the
 * query built for the database serves inside its transactions too.
 */
export function preparedQuery<Q>(build: (db: Db) => Q): (db: Db) => Q {
  const built = new WeakMap<object, Q>();
  return (db) => {
    const session = sessionOf(db);
    let query = built.get(session);
    if (query === undefined) {
      query = build(db);
      built.set(session, query);
    }
    return query;
  };
}
