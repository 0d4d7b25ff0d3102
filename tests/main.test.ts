import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import SQLite from "better-sqlite3";
import { afterEach, expect, test } from "vitest";
import { serveBotApi } from "../src/sandbox/telegram/bot-api.js";
import { EmbeddedTelegram } from "../src/sandbox/telegram/telegram.js";
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

/** The embedded Telegram over HTTP, with Айгүл's /start and /help waiting for the bot's first poll. */
async function embeddedBotApi(): Promise<{ url: string; tg: EmbeddedTelegram }> {
  const tg = new EmbeddedTelegram(BOT_INFO);
  tg.addUser({ id: 42, is_bot: false, first_name: "Айгүл", language_code: "ky" });
  await tg.start(42);
  await tg.send(42, 42, { text: "/help" });
  server = createServer((req, res) => {
    void serveBotApi(tg, TOKEN, req, res).then((served) => served || res.writeHead(404).end());
  });
  return new Promise((done) =>
    server!.listen(0, "127.0.0.1", () => done({ url: `http://127.0.0.1:${(server!.address() as AddressInfo).port}`, tg })),
  );
}

test("with a token and a local Bot API: migrates, sets menus, polls, answers, stops on SIGTERM", async () => {
  dir = mkdtempSync(join(tmpdir(), "mg-main-"));
  const api = await embeddedBotApi();
  const run = start({ BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: api.url, DATABASE_PATH: "./data/bot.sqlite", LOG_LEVEL: "info" });
  const replies = () =>
    api.tg
      .messages(42)
      .filter((m) => m.from?.id === BOT_INFO.id)
      .map((m) => String(m.text));
  const deadline = Date.now() + 30_000;
  while (replies().length < 2 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
  }
  const [greeting, help] = replies();
  expect(greeting).toBe("Тилди тандаңыз / Выберите язык:");
  expect(help).toContain("Ар бир адам");

  for (const [type, language] of [
    ["all_private_chats", "ky"],
    ["all_private_chats", "ru"],
    ["all_group_chats", "ky"],
    ["all_group_chats", "ru"],
    ["all_private_chats", undefined],
  ] as const) {
    expect(api.tg.menus.get({ type }, language).length, `${type}/${language ?? "default"}`).toBeGreaterThan(0);
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
