import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { afterEach, beforeEach, expect, test } from "vitest";
import { checkpointInBackground } from "../../src/db/checkpoints.js";
import { closeDatabase, openDatabase, type Database } from "../../src/db/client.js";
import { users } from "../../src/db/schema.js";

let dir: string;
let db: Database;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "mg-checkpoints-"));
  db = openDatabase(join(dir, "bot.sqlite"));
});
afterEach(() => {
  closeDatabase(db);
  rmSync(dir, { recursive: true, force: true });
});

const silent = pino({ level: "silent" });
const walBytes = () => statSync(join(dir, "bot.sqlite-wal")).size;
const autocheckpoint = () => db.$client.pragma("wal_autocheckpoint", { simple: true });
const writeMany = (from: number) => {
  for (let i = 0; i < 3000; i++)
    db.insert(users)
      .values({ id: from + i, firstName: "x".repeat(200) })
      .run();
};

test("the bot's connection never checkpoints; the thread copies the log back, and a stop truncates it", async () => {
  const checkpoints = checkpointInBackground(db, silent, 20);
  expect(autocheckpoint()).toBe(0);
  writeMany(1);
  const grown = walBytes();
  expect(grown).toBeGreaterThan(1000 * 4096);
  // The log is reused from its start once copied back: more writes do not grow it much further.
  await new Promise((done) => setTimeout(done, 200));
  writeMany(10_000);
  expect(walBytes()).toBeLessThan(grown * 1.5);
  await checkpoints.stop();
  expect(walBytes()).toBe(0);
  expect(autocheckpoint()).toBe(1000);
  expect(db.select().from(users).all()).toHaveLength(6000);
});

test("a database in memory has no log: nothing starts", async () => {
  const memory = openDatabase(":memory:");
  const checkpoints = checkpointInBackground(memory, silent);
  expect(memory.$client.pragma("wal_autocheckpoint", { simple: true })).toBe(1000);
  await checkpoints.stop();
  closeDatabase(memory);
});
