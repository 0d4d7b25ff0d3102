import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { preparedQuery } from "../../db/prepared.js";
import { ruleInputs } from "../../db/schema.js";

const inputsVersion = preparedQuery((db) =>
  db.select({ version: ruleInputs.version }).from(ruleInputs).where(eq(ruleInputs.id, 1)).prepare(),
);

/** One trigger per write (insert, update, delete) to each of the tables the rules read. */
const TRIGGERS = 3 * 7;

/** Whether the triggers that move `rule_inputs` are all there: without them nothing is remembered. */
const tracked = preparedQuery(
  (db) =>
    db.get<{ n: number }>(sql`select count(*) as n from sqlite_master where type = 'trigger' and name like 'rule_inputs_%'`).n === TRIGGERS,
);

/**
 * Remembers that a rule's query (over every group, say) found nothing, for as long as nothing
 * it reads was written (triggers bump `rule_inputs` on each write) and its moment is the same.
 * The moment names everything of the clock the query depends on, beyond what can only make it
 * find less as time passes. One per rule.
 */
export function quietWhileUnchanged(): <T>(db: Db, moment: string, find: () => T[]) => T[] {
  const quiet = new WeakMap<object, string>();
  return (db, moment, find) => {
    const version = tracked(db) ? inputsVersion(db).get()?.version : undefined;
    if (version === undefined) return find();
    const session = (db as unknown as { session: object }).session;
    const mark = `${version}|${moment}`;
    if (quiet.get(session) === mark) return [];
    const found = find();
    if (found.length === 0) quiet.set(session, mark);
    else quiet.delete(session);
    return found;
  };
}
