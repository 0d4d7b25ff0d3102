import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { HttpError } from "grammy";
import { pino } from "pino";
import { expect, test } from "vitest";
import { openDatabase, closeDatabase } from "../../src/db/client.js";
import { boundedNetworkRetry } from "../../src/delivery/network-retry.js";

const ROOT = resolve(import.meta.dirname, "../..");
const TSX = join(ROOT, "node_modules", ".bin", "tsx");

function run(script: string, args: string[], env: Record<string, string>, cwd: string) {
  const child = spawn(TSX, [join(ROOT, script), ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output, exited: new Promise<number | null>((done) => child.on("exit", (code) => done(code))) };
}

const TOKEN = "123456:TEST-token-for-the-local-bot-api";

test("network failures are retried a bounded number of times, each logged", async () => {
  const lines: { level: number; msg: string }[] = [];
  const logger = pino({ level: "debug" }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  let calls = 0;
  const transformer = boundedNetworkRetry(logger, { attempts: 3, firstDelayMs: 1 });
  const failing = async () => {
    calls++;
    throw new HttpError("Network request failed", new Error("ECONNRESET"));
  };
  await expect(transformer(failing as never, "sendMessage", {} as never)).rejects.toBeInstanceOf(HttpError);
  expect(calls).toBe(4);
  expect(lines.filter((l) => l.level === 40)).toHaveLength(3);
  let flaky = 0;
  const recovers = async () =>
    ++flaky < 3 ? Promise.reject(new HttpError("down", new Error("ECONNREFUSED"))) : { ok: true, result: true };
  await expect(transformer(recovers as never, "sendMessage", {} as never)).resolves.toEqual({ ok: true, result: true });
  // Telegram's 5xx too, a bounded few times: then the failure is the caller's.
  let down = 0;
  const serverError = async () => (down++, { ok: false, error_code: 502, description: "Bad Gateway" });
  await expect(transformer(serverError as never, "sendMessage", {} as never)).resolves.toMatchObject({ error_code: 502 });
  expect(down).toBe(4);
});

test("a DATABASE_PATH that is a folder, or cannot be created, is one line naming the variable", async () => {
  const dir = mkdtempSync(join(tmpdir(), "mg-path-"));
  try {
    mkdirSync(join(dir, "folder"));
    writeFileSync(join(dir, "file"), "x");
    for (const path of [join(dir, "folder"), join(dir, "file", "bot.sqlite")]) {
      const started = run("src/main.ts", [], { BOT_TOKEN: TOKEN, DATABASE_PATH: path, TELEGRAM_API_ROOT: "http://127.0.0.1:9" }, dir);
      expect(await started.exited).toBe(1);
      const lines = started.output().trim().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^Configuration error: DATABASE_PATH: /);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 30_000);

test("a backup refuses the live database as its destination", async () => {
  const dir = mkdtempSync(join(tmpdir(), "mg-backup-"));
  try {
    const path = join(dir, "bot.sqlite");
    closeDatabase(openDatabase(path));
    for (const destination of [path, "./bot.sqlite", `${path}-wal`]) {
      const backup = run("src/backup.ts", [destination], { DATABASE_PATH: path }, dir);
      expect(await backup.exited).toBe(1);
      expect(backup.output()).toMatch(/^Backup refused: /);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 30_000);

test("a start against an unreachable Bot API logs what it waits for and keeps trying", async () => {
  const dir = mkdtempSync(join(tmpdir(), "mg-down-"));
  try {
    const started = run(
      "src/main.ts",
      [],
      { BOT_TOKEN: TOKEN, DATABASE_PATH: join(dir, "bot.sqlite"), TELEGRAM_API_ROOT: "http://127.0.0.1:9" },
      dir,
    );
    const seen = () => started.output().includes("waiting for the Bot API") && started.output().split("Bot API call failed").length > 4;
    for (let waited = 0; waited < 40_000 && !seen(); waited += 250) await new Promise((done) => setTimeout(done, 250));
    started.child.kill("SIGTERM");
    expect(await started.exited).toBe(0);
    const lines = started.output().trim().split("\n");
    expect(lines.filter((line) => line.includes("waiting for the Bot API")).length).toBeGreaterThanOrEqual(1);
    // It kept trying after saying so, and stopped cleanly when told to.
    expect(lines.filter((line) => line.includes("Bot API call failed")).length).toBeGreaterThanOrEqual(4);
    expect(lines.at(-1)).toContain("stopped");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);
