import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import SQLite from "better-sqlite3";
import { expect, test } from "vitest";
import { FakeBotApi } from "../../chaos/fake-bot-api.js";
import { BOT_INFO } from "../helpers/fake-telegram.js";

const ROOT = resolve(import.meta.dirname, "../..");
const LOADER = pathToFileURL(join(ROOT, "node_modules", "tsx", "dist", "loader.mjs")).href;

/** The campaign of `npm run chaos` in small: one kill -9 under load, faults, updates twice. */
test("killed with kill -9 under load and faults, the bot answers every update after the restart", async () => {
  const dir = mkdtempSync(join(tmpdir(), "mg-crash-"));
  const answered = new Set<number>();
  let seed = 7;
  const api = new FakeBotApi(
    BOT_INFO,
    (seen) => {
      if (seen.method === "sendMessage") answered.add(Number(seen.body.chat_id));
    },
    () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648,
  );
  api.duplicateRate = 0.3;
  const root = await api.listen();
  const output: string[] = [];
  const start = () => {
    const child = spawn(process.execPath, ["--import", LOADER, join(ROOT, "src", "main.ts")], {
      cwd: dir,
      env: {
        PATH: process.env.PATH ?? "",
        BOT_TOKEN: "123456:CRASH-token-for-the-local-bot-api",
        DATABASE_PATH: join(dir, "bot.sqlite"),
        TELEGRAM_API_ROOT: root,
      },
    });
    child.stdout.on("data", (chunk: Buffer) => output.push(...chunk.toString().split("\n").filter(Boolean)));
    child.stderr.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    return { child, exited: new Promise<number | null>((done) => child.on("exit", (code) => done(code))) };
  };
  const until = async (condition: () => boolean, ms: number) => {
    for (const end = Date.now() + ms; Date.now() < end && !condition(); ) await new Promise((done) => setTimeout(done, 50));
  };
  const people = Array.from({ length: 20 }, (_, i) => 500 + i);
  const push = (id: number) =>
    api.push({
      message: {
        message_id: id,
        date: 0,
        chat: { id, type: "private", first_name: "A" },
        from: { id, is_bot: false, first_name: "A", language_code: "ru" },
        text: "/start",
        entities: [{ type: "bot_command", offset: 0, length: 6 }],
      } as never,
    });
  try {
    let bot = start();
    for (const id of people.slice(0, 10)) push(id);
    await until(() => answered.size >= 3, 30_000);
    bot.child.kill("SIGKILL");
    await bot.exited;
    for (const id of people.slice(10)) push(id);
    bot = start();
    await until(() => people.every((id) => answered.has(id)), 40_000);
    bot.child.kill("SIGTERM");
    expect(await bot.exited).toBe(0);
    expect(people.filter((id) => !answered.has(id))).toEqual([]);
    const db = new SQLite(join(dir, "bot.sqlite"), { readonly: true });
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(db.prepare("select count(*) n from inbox where done_at is null").get()).toEqual({ n: 0 });
    db.close();
    expect(output.filter((line) => /"level":(50|60)/.test(line) || !line.startsWith("{"))).toEqual([]);
  } finally {
    api.close();
    rmSync(dir, { recursive: true, force: true });
  }
}, 90_000);
