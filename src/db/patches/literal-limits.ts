import type { QueryWithTypings } from "drizzle-orm";
import { SQLiteDialect } from "drizzle-orm/sqlite-core";

/**
 * SQLite (since 3.46) reads a LIMIT or OFFSET given as a parameter while it plans a statement,
 * and marks the statement to be compiled again whenever that parameter is bound anew. drizzle
 * binds `.limit(1)` as a parameter, so every run of such a query compiled it again: 5 to 45 µs
 * instead of 1 to 3. Here a whole-number limit (and offset) at the end of a query is written
 * into its SQL text instead; a placeholder stays a parameter. This wraps the dialect's
 * `sqlToQuery`, which every query goes through, and relies on drizzle ending a query (or the
 * outer query of a set operation) with ` limit ?` or ` limit ? offset ?`, their values last.
 */
export const WRITTEN_AGAINST = [
  { package: "drizzle-orm", version: "0.45.4" },
  { package: "better-sqlite3", version: "12.11.1" },
] as const;

const TAIL = / limit \?( offset \?)?$/;
const isCount = (value: unknown): value is number => typeof value === "number" && Number.isSafeInteger(value) && value >= 0;

/** The query with its trailing limit (and offset) written into the SQL, when they are whole numbers. */
export function inlineLimits(query: QueryWithTypings): QueryWithTypings {
  const tail = TAIL.exec(query.sql);
  if (!tail) return query;
  const n = tail[1] ? 2 : 1;
  const values = query.params.slice(-n);
  if (values.length !== n || !values.every(isCount)) return query;
  const [limit, offset] = values;
  return {
    ...query,
    sql: `${query.sql.slice(0, tail.index)} limit ${limit}${offset === undefined ? "" : ` offset ${offset}`}`,
    params: query.params.slice(0, -n),
    ...(query.typings ? { typings: query.typings.slice(0, -n) } : {}),
  };
}

let installed = false;

/** Once per process: every SQLite dialect drizzle builds writes whole-number limits into the SQL. */
export function literalLimits(): void {
  if (installed) return;
  installed = true;
  const toQuery = SQLiteDialect.prototype.sqlToQuery;
  SQLiteDialect.prototype.sqlToQuery = function (this: SQLiteDialect, ...args: Parameters<typeof toQuery>) {
    return inlineLimits(toQuery.apply(this, args));
  };
}
