import type { ConversationData, VersionedState } from "@grammyjs/conversations";
import { afterEach, beforeEach, expect, test } from "vitest";
import { FORMS_VERSION, sqliteFormStorage } from "../../src/bot/conversations/storage.js";
import { closeDatabase, openDatabase, type Database } from "../../src/db/client.js";

let db: Database;
beforeEach(() => void (db = openDatabase(":memory:")));
afterEach(() => closeDatabase(db));

const clock = { now: () => new Date("2026-11-25T10:00:00Z") };
const state = (step: string) =>
  ({ version: [0, FORMS_VERSION], state: { join: [{ step }] } }) as unknown as VersionedState<ConversationData>;

const insertBehindItsBack = (key: string, step: string) =>
  db.$client.prepare("insert into conversation_states (key, state, updated_at) values (?, ?, ?)").run(key, JSON.stringify(state(step)), 0);

test("a key found without a form is not asked for again; a written state is read back at once", () => {
  const storage = sqliteFormStorage(db, clock);
  expect(storage.read("1:1")).toBeUndefined();
  // Only the storage writes states: a row put there behind its back is not seen.
  insertBehindItsBack("1:1", "name");
  expect(storage.read("1:1")).toBeUndefined();
  storage.write("1:1", state("name"));
  expect(storage.read("1:1")).toEqual(state("name"));
  storage.delete("1:1");
  expect(storage.read("1:1")).toBeUndefined();
});

test("a write rolled back leaves the key unknown, not absent: the next read asks the database", () => {
  const storage = sqliteFormStorage(db, clock);
  expect(storage.read("2:2")).toBeUndefined();
  expect(() =>
    db.transaction(() => {
      storage.write("2:2", state("name"));
      throw new Error("the update failed");
    }),
  ).toThrow("the update failed");
  insertBehindItsBack("2:2", "category");
  expect(storage.read("2:2")).toEqual(state("category"));
});
