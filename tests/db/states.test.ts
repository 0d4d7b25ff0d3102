import { afterEach, beforeEach, expect, test } from "vitest";
import { closeDatabase, openDatabase, type Database } from "../../src/db/client.js";
import { membershipRequests } from "../../src/db/schema.js";
import { stateIn, stateIs, stateIsNot } from "../../src/db/states.js";

let db: Database;
beforeEach(() => void (db = openDatabase(":memory:")));
afterEach(() => closeDatabase(db));

test("states are written into the SQL, not bound, so a partial index on them is planned once", () => {
  const query = (where: ReturnType<typeof stateIs>) =>
    db.select({ id: membershipRequests.id }).from(membershipRequests).where(where).toSQL();
  expect(query(stateIs(membershipRequests.status, "pending"))).toMatchObject({ params: [] });
  expect(query(stateIs(membershipRequests.status, "pending")).sql).toMatch(/"status" = 'pending'$/);
  expect(query(stateIsNot(membershipRequests.status, "refused")).sql).toMatch(/"status" != 'refused'$/);
  expect(query(stateIn(membershipRequests.status, ["approved", "refused"])).sql).toMatch(/"status" in \('approved', 'refused'\)$/);
  const plan = db.$client
    .prepare(`explain query plan ${query(stateIs(membershipRequests.status, "pending")).sql} and group_id = 1 and user_id = 2`)
    .all() as { detail: string }[];
  expect(plan.map((row) => row.detail).join()).toContain("membership_requests_one_pending");
});
