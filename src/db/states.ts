import { sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";

/**
 * Conditions on a state column (a request's status, a draft's, an outbox row's) with the states
 * written into the SQL as constants. When a partial index's condition names a state
 * (`where status = 'pending'`) and the query binds that state as a parameter, SQLite plans with
 * the bound value and compiles the statement again at every run: 20 to 50 µs instead of 2 to 5.
 * States are the program's own words, never a person's input.
 */
type StateColumn = SQLiteColumn & { _: { data: string } };
type StateOf<C extends StateColumn> = C["_"]["data"];

const quoted = (state: string) => `'${state.replaceAll("'", "''")}'`;

export function stateIs<C extends StateColumn>(column: C, state: StateOf<C>): SQL {
  return sql`${column} = ${sql.raw(quoted(state))}`;
}

export function stateIsNot<C extends StateColumn>(column: C, state: StateOf<C>): SQL {
  return sql`${column} != ${sql.raw(quoted(state))}`;
}

export function stateIn<C extends StateColumn>(column: C, states: readonly StateOf<C>[]): SQL {
  return sql`${column} in (${sql.raw(states.map(quoted).join(", "))})`;
}
