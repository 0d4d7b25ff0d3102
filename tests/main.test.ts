import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import SQLite from "better-sqlite3";
import { afterEach, expect, test } from "vitest";
import { BOT_INFO } from "./helpers/fake-telegram.js";

const ROOT = resolve(import.meta.dirname, "..");
const TSX = join(ROOT, "node_modules", ".bin", "tsx");
const MAIN = join(ROOT, "src", "main.ts");
const TOKEN = "123456:TEST-token-for-the-local-bot-api";

let dir: string;
let server: Server | undefined;
afterEach(() => {
  server?.close();
  rmSync(dir, { recursive: true, force: true });
});

function start(env: Record<string, string>) {
  const child = spawn(TSX, [MAIN], { cwd: dir, env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env } });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.on("exit", (code) => done(code)));
  return { child, exited, output: () => output };
}

test("without BOT_TOKEN: one clear line and exit code 1", async () => {
  dir = mkdtempSync(join(tmpdir(), "mg-main-"));
  const run = start({});
  expect(await run.exited).toBe(1);
  const lines = run.output().trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^Configuration error: BOT_TOKEN: is required/);
});

/** A local stand-in for the Bot API: one /start and one /help to deliver, then quiet polls. */
function fakeBotApi(): Promise<{ url: string; calls: { method: string; body: any }[] }> {
  const calls: { method: string; body: any }[] = [];
  let delivered = false;
  let messageId = 1;
  const person = { id: 42, is_bot: false, first_name: "Айгүл", language_code: "ky" };
  const chat = { id: 42, type: "private", first_name: "Айгүл" };
  const message = (text: string) => ({
    message_id: messageId++, date: Math.floor(Date.now() / 1000), chat, from: person, text,
    entities: [{ type: "bot_command", offset: 0, length: text.length }],
  });
  server = createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk: Buffer) => (raw += chunk.toString()));
    req.on("end", () => {
      const method = req.url?.split("/").pop() ?? "";
      const body = raw ? JSON.parse(raw) : {};
      calls.push({ method, body });
      const reply = (result: unknown) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ok: true, result }));
      if (method === "getMe") return reply(BOT_INFO);
      if (method === "getUpdates") {
        if (!delivered) {
          delivered = true;
          return reply([
            { update_id: 1, message: message("/start") },
            { update_id: 2, message: message("/help") },
          ]);
        }
        return void setTimeout(() => reply([]), 100);
      }
      if (method === "sendMessage") return reply({ ...message(body.text), from: BOT_INFO });
      return reply(true);
    });
  });
  return new Promise((done) =>
    server!.listen(0, "127.0.0.1", () => done({ url: `http://127.0.0.1:${(server!.address() as AddressInfo).port}`, calls })),
  );
}

test("with a token and a local Bot API: migrates, sets menus, polls, answers, stops on SIGTERM", async () => {
  dir = mkdtempSync(join(tmpdir(), "mg-main-"));
  const api = await fakeBotApi();
  const run = start({ BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: api.url, DATABASE_PATH: "./data/bot.sqlite", LOG_LEVEL: "info" });
  const deadline = Date.now() + 30_000;
  while (api.calls.filter((c) => c.method === "sendMessage").length < 2 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
  }
  const replies = api.calls.filter((c) => c.method === "sendMessage").map((c) => String(c.body.text));
  expect(replies[0]).toBe("Тилди тандаңыз / Выберите язык:");
  expect(replies[1]).toContain("Ар бир адам");

  const menus = api.calls.filter((c) => c.method === "setMyCommands").map((c) => `${c.body.scope?.type}/${c.body.language_code ?? "default"}`);
  for (const menu of ["all_private_chats/ky", "all_private_chats/ru", "all_group_chats/ky", "all_group_chats/ru", "all_private_chats/default"]) {
    expect(menus).toContain(menu);
  }
  const tables = new SQLite(join(dir, "data", "bot.sqlite"), { readonly: true })
    .prepare("select name from sqlite_master where type = 'table' order by name")
    .all()
    .map((row) => (row as { name: string }).name);
  expect(tables).toContain("members");

  const stopping = Date.now();
  run.child.kill("SIGTERM");
  expect(await run.exited).toBe(0);
  expect(Date.now() - stopping).toBeLessThan(5000);
  expect(run.output()).toContain('"msg":"stopped"');
  expect(existsSync(join(dir, "data", "bot.sqlite"))).toBe(true);
}, 60_000);
