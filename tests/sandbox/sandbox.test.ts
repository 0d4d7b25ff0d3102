import { mkdtempSync, rmSync } from "node:fs";
import { request, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import SQLite from "better-sqlite3";
import { pino } from "pino";
import { afterEach, expect, test } from "vitest";
import { closeDatabase, openDatabase } from "../../src/db/client.js";
import { assertEmbeddedRoot, Sandbox, SANDBOX_TOKEN } from "../../src/sandbox/sandbox.js";
import { listen } from "../../src/sandbox/server.js";
import { target } from "../../src/sandbox/time.js";

let dir: string | undefined;
let server: Server | undefined;
let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  server?.closeAllConnections();
  server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function running(): Promise<{ sandbox: Sandbox; url: string; db: string }> {
  dir = mkdtempSync(join(tmpdir(), "mg-sandbox-"));
  const db = join(dir, "sandbox.sqlite");
  const served = await listen(() => sandbox!, SANDBOX_TOKEN, 0);
  server = served.server;
  const url = `http://127.0.0.1:${served.port}`;
  sandbox = new Sandbox(url, db, pino({ level: "silent" }));
  return { sandbox, url, db };
}

test("the sandbox refuses any Bot API root but its own on this machine", () => {
  expect(() => assertEmbeddedRoot("https://api.telegram.org")).toThrow(/only against its embedded Telegram/);
  expect(() => assertEmbeddedRoot("http://10.0.0.5:8081")).toThrow();
  expect(() => new Sandbox("https://api.telegram.org", "x.sqlite", pino({ level: "silent" }))).toThrow();
  expect(() => assertEmbeddedRoot("http://127.0.0.1:8090")).not.toThrow();
});

test("a living group is made through the bot's own commands: set up, members approved, a leader, a meeting held", async () => {
  const { sandbox, db } = await running();
  await sandbox.open("seeded-ru");
  const read = new SQLite(db, { readonly: true });
  const one = (sql: string) => read.prepare(sql).get() as Record<string, unknown>;
  expect(one("select locale, municipality, municipality_ru from groups")).toEqual({
    locale: "ru",
    municipality: "Мин-Булак айыл аймагы",
    municipality_ru: "Мин-Булакский айылный аймак",
  });
  expect(one("select count(*) n from members where left_at is null")).toEqual({ n: 6 });
  expect(one("select count(*) n from meetings where attendance_recorded_at is not null")).toEqual({ n: 1 });
  read.close();
  // The page sees what people saw: the bot's messages in the group, in Russian.
  const texts = sandbox.tg.messages(sandbox.groupChat).map((m) => m.text ?? "");
  expect(texts.some((t) => t.includes("зарегистрирована"))).toBe(true);
  // And the command menu the bot set, by the person's language and chat.
  const inGroup = sandbox.tg.commandsFor(104, sandbox.groupChat).map((c) => c.command);
  expect(inGroup).toContain("members");
  expect(inGroup).not.toContain("setup"); // the group is registered: its menu no longer offers it
  expect(sandbox.tg.commandsFor(103, 103).find((c) => c.command === "start")?.description).toBe("Бот менен иштей баштоо");
}, 60_000);

test("the page and its actions answer on 127.0.0.1 only, and actions take JSON only", async () => {
  const { sandbox, url } = await running();
  await sandbox.open("fresh");
  const page = await fetch(url);
  expect(page.headers.get("content-security-policy")).toContain("default-src 'self'");
  // A page elsewhere that rebinds its own name to 127.0.0.1 still sends its own name as Host.
  const foreign = await new Promise<number | undefined>((done) =>
    request(`${url}/state`, { headers: { host: "evil.example:8090" } }, (res) => done(res.statusCode)).end(),
  );
  expect(foreign).toBe(403);
  const form = await fetch(`${url}/act/send`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: "user=101&chat=101&text=x",
  });
  expect(form.status).toBe(404);
  const wrongToken = await fetch(`${url}/bot123:other/getMe`);
  expect(wrongToken.status).toBe(401);
}, 60_000);

test("time steps: an hour, a day, the quarter's last day at 18:00 in Bishkek, a minute past the next open vote's deadline", async () => {
  const { sandbox, db } = await running();
  await sandbox.open("fresh");
  const database = openDatabase(db);
  try {
    const now = new Date("2026-11-25T06:00:00Z");
    expect(target("hour", now, database).toISOString()).toBe("2026-11-25T07:00:00.000Z");
    expect(target("day", now, database).toISOString()).toBe("2026-11-26T06:00:00.000Z");
    expect(target("quarter", now, database).toISOString()).toBe("2026-12-31T12:00:00.000Z");
    expect(target("quarter", new Date("2026-12-31T13:00:00Z"), database).toISOString()).toBe("2027-03-31T12:00:00.000Z");
    // No open vote: the clock stays.
    expect(target("vote", now, database)).toEqual(now);
  } finally {
    closeDatabase(database);
  }
}, 60_000);
