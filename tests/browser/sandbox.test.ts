import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { localDate } from "../../src/domain/calendar.js";
import type { Locale } from "../../src/i18n/locales.js";
import { CHROMIUM, CHROMIUM_ARGS, hasChromium, reportMissingChromium } from "./chromium.js";
import { observe } from "./observe.js";
import { label, SandboxPage } from "./page.js";

const ROOT = resolve(import.meta.dirname, "../..");
const READY = /Sandbox ready: (http:\/\/127\.0\.0\.1:\d+)/;

reportMissingChromium();

test("chromium is there when CI runs the browser tests", () => {
  if (process.env.CI === "true") expect(hasChromium, `CI must run the browser tests: install chromium at ${CHROMIUM}`).toBe(true);
});

describe.skipIf(!hasChromium)("the sandbox in a browser", () => {
  let dir: string;
  let sandbox: ChildProcess;
  let url: string;
  let startup: number;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "mg-sandbox-"));
    const started = Date.now();
    // The very command a newcomer runs (port 0: any free one), with a database of its own.
    sandbox = spawn("npm", ["run", "sandbox", "--", "--port=0", `--database=${join(dir, "sandbox.sqlite")}`, "--world=seeded-ky"], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: "warn" },
      // Its own process group: npm does not pass a signal on to the sandbox it started.
      detached: true,
    });
    let output = "";
    url = await new Promise<string>((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`no page within 30 s:\n${output}`)), 30_000);
      const read = (chunk: Buffer) => {
        output += chunk.toString();
        const match = READY.exec(output);
        if (match) {
          clearTimeout(timer);
          done(match[1]!);
        }
      };
      sandbox.stdout!.on("data", read);
      sandbox.stderr!.on("data", read);
      sandbox.on("exit", (code) => fail(new Error(`the sandbox exited with ${code}:\n${output}`)));
    });
    startup = Date.now() - started;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
    page.setDefaultTimeout(30_000);
    await page.goto(url);
    await page.locator("body[data-ready]").waitFor();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (sandbox?.pid) process.kill(-sandbox.pid, "SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  });

  test("npm run sandbox serves the page within 30 seconds", () => {
    expect(startup).toBeLessThan(30_000);
  });

  for (const locale of ["ky", "ru"] as const) {
    test(`join → observe → meeting → vote → sign → the final document, all by clicking (${locale})`, async () => {
      const p = new SandboxPage(page);
      await p.world(locale === "ky" ? "seeded-ky" : "seeded-ru");
      try {
        await lifeOfAGroup(p, locale);
      } catch (error) {
        const shot = join(tmpdir(), `sandbox-failure-${locale}.png`);
        await page.screenshot({ path: shot });
        const last = await page.locator(".msg").evaluateAll((nodes) => nodes.slice(-8).map((n) => n.textContent));
        throw new Error(
          `${error instanceof Error ? error.message : String(error)}\n(the page at that moment: ${shot})\n${last.join("\n")}`,
        );
      }
    }, 240_000);
  }

  test("text with <script> and HTML shows as text", async () => {
    const p = new SandboxPage(page);
    await p.world("fresh");
    const hostile = `<script>window.__owned=1</script><img src=x onerror="__owned=1"><b>Ош</b>`;
    await p.as("Асан Мамытов");
    await p.say("group", "/setup");
    await p.press("group", label("ky", "office-head"));
    // The forced reply opens the reply field: the answer goes to the bot, as in Telegram.
    await p.pane("group").locator(".composer .replying").waitFor();
    await p.say("group", hostile);
    await p.say("group", hostile);
    await p.say("group", "-");
    await p.press("group", label("ky", "language-name-ky"));
    await p.say("group", "-");
    const done = await p.sees("group", "window.__owned");
    expect(await done.locator(".text").textContent()).toContain(hostile);
    expect(await page.locator("#group-pane script, #group-pane img, #group-pane b").count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as { __owned?: boolean }).__owned)).toBeUndefined();
  }, 120_000);
});

/** The whole life of a protocol on the page, in the world's language. */
async function lifeOfAGroup(p: SandboxPage, locale: Locale): Promise<void> {
  const t = (key: string, vars?: Record<string, string | number>) => label(locale, key, vars);
  const [head, leader, joiner] = ["Асан Мамытов", "Айгүл Осмонова", "Жылдыз Асанова"];
  const members = ["Бакыт Токтогулов", "Ольга Ким", "Гүлнара Исаева", "Дмитрий Пак"];

  // Join: the group's link opens the private chat with Start; the head approves.
  await p.as(joiner);
  await p.press("group", t("join-button"));
  await p.start();
  await p.say("private", joiner);
  await p.press("private", t("category-resident"));
  await p.press("private", t("join-consent-yes"));
  await p.as(head);
  await p.press("private", t("request-approve"));
  await p.as(joiner);
  await p.sees("private", t("join-approved", { municipality: "" }).slice(0, 20));

  // Observe.
  await observe(p, locale);

  // Meeting: tomorrow at 15:00 by the bot's clock, answered in the group.
  const now = new Date((await p.page.locator("#clock").getAttribute("datetime"))!);
  const [, month, day] = localDate(new Date(now.getTime() + 24 * 3600 * 1000)).split("-");
  await p.as(leader);
  await p.command("private", "meeting");
  await p.say("private", `${day}.${month} 15:00`);
  await p.say("private", locale === "ky" ? "Айыл өкмөтүнүн залы" : "Зал айыл окмоту");
  await p.say("private", locale === "ky" ? "Таштанды чыгаруу" : "Вывоз мусора");
  await p.press("private", t("meeting-agenda-done"));
  for (const name of [leader, members[0]!, members[1]!]) {
    await p.as(name);
    await p.press("group", t("rsvp-yes"));
  }

  // The day comes; the leader records who came.
  await p.time("day");
  await p.as(leader);
  await p.command("private", "attendance");
  // Four of seven: a quorum.
  for (const name of [leader, ...members.slice(0, 3)]) await p.press("private", new RegExp(name));
  await p.press("private", t("attendance-done"));

  // The protocol, drafted in private.
  await p.command("private", "protocol");
  await p.press("private", t("protocol-draft-button"));
  // The oldest held meeting without a protocol comes first: each agenda item, what was discussed and decided.
  const recommendationsDone = p.button("private", t("protocol-recommendations-done", { count: 0 }));
  for (let item = 1; !(await recommendationsDone.isVisible()) && item <= 10; item++) {
    await p.say("private", locale === "ky" ? `${item}-маселе талкууланды.` : `Вопрос ${item} обсудили.`);
    await p.say("private", locale === "ky" ? "Графикти эки жолуга көбөйтүү" : "Вывозить дважды в неделю");
  }
  await p.press("private", t("protocol-recommendations-done", { count: 0 }));
  await p.press("private", new RegExp(`^${t("protocol-observations-all", { count: 1 }).split("(")[0]!.trim()}`));

  // The vote: opened for 24 hours, four "for", then its deadline passes.
  await p.press("private", t("protocol-open-vote", { hours: 24 }));
  for (const name of [leader, ...members.slice(0, 3)]) {
    await p.as(name);
    await p.press("group", t("vote-for"));
  }
  await p.time("vote");

  // Signatures of the leader and those present, then the final protocol in the group.
  for (const name of [leader, ...members.slice(0, 3)]) {
    await p.as(name);
    await p.press("group", t("sign-button"));
  }
  const final = p.pane("group").locator('.msg[data-from="bot"]').last();
  const document = await p.download(final);
  const text = document.content.toString("utf8");
  expect(text).toContain(locale === "ky" ? "Графикти эки жолуга көбөйтүү" : "Вывозить дважды в неделю");
  expect(document.name).toMatch(/\.(txt|pdf)$/);
}
