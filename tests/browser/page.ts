import { readFileSync } from "node:fs";
import type { Download, Locator, Page } from "playwright-core";
import { loadTranslations } from "../../src/bot/i18n.js";
import type { Locale } from "../../src/i18n/locales.js";

const translate = loadTranslations("ky");
/** A label as the bot words it, from the locale files. */
export const label = (locale: Locale, key: string, vars?: Record<string, string | number>) => translate(locale, key, vars);

export type Pane = "group" | "private";

/** The sandbox page as a person uses it: choose who types, then write, tap commands and buttons. */
export class SandboxPage {
  constructor(readonly page: Page) {}

  pane(which: Pane): Locator {
    return this.page.locator(`[data-pane="${which}"]`);
  }

  async as(name: string): Promise<void> {
    await this.page.locator("#people button", { hasText: name }).click();
    await this.page.locator("#people button.current", { hasText: name }).waitFor();
  }

  private async settled(): Promise<void> {
    await this.page.locator("#busy").waitFor({ state: "hidden" });
  }

  async say(which: Pane, text: string): Promise<void> {
    const input = this.pane(which).locator(".composer input[type=text]");
    await input.fill(text);
    await input.press("Enter");
    await this.settled();
  }

  /** Taps a command in the chat's command menu (the "/" button), as Telegram's menu does. */
  async command(which: Pane, name: string): Promise<void> {
    await this.pane(which).locator(".menu-button").click();
    await this.pane(which).locator(`.menu button[data-command="${name}"]`).click();
    await this.settled();
  }

  /** The newest button with exactly this label (or matching it) in the chat. */
  button(which: Pane, text: string | RegExp): Locator {
    const pattern = typeof text === "string" ? new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`) : text;
    return this.pane(which).locator(".kb button", { hasText: pattern }).last();
  }

  async press(which: Pane, text: string | RegExp): Promise<void> {
    const button = this.button(which, text);
    await button.waitFor();
    await button.click();
    await this.settled();
  }

  async pressFirstOfLast(which: Pane): Promise<void> {
    await this.pane(which).locator('.msg[data-from="bot"]').last().locator(".kb button").first().click();
    await this.settled();
  }

  async start(): Promise<void> {
    await this.pane("private").locator(".composer .start").click();
    await this.settled();
    await this.pane("private").locator(".composer input[type=text]").waitFor();
  }

  /** Waits until a message in the chat contains the text. */
  async sees(which: Pane, text: string | RegExp): Promise<Locator> {
    const message = this.pane(which).locator(".msg", { hasText: text }).last();
    await message.waitFor();
    return message;
  }

  async alertText(): Promise<string> {
    const box = this.page.locator("#alert");
    await box.waitFor();
    const text = (await box.locator(".alert-text").textContent()) ?? "";
    await box.locator(".alert-ok").click();
    return text;
  }

  async time(step: "hour" | "day" | "quarter" | "vote"): Promise<void> {
    await this.page.locator(`#time button[data-step="${step}"]`).click();
    await this.settled();
  }

  async world(name: "fresh" | "seeded-ky" | "seeded-ru"): Promise<void> {
    await this.page.locator(`#worlds button[data-world="${name}"]`).click();
    await this.page.locator(`body[data-ready="${name}"]`).waitFor({ timeout: 60_000 });
  }

  async attach(which: Pane, kind: "photo" | "document", name: string, mimeType: string, buffer: Buffer): Promise<void> {
    await this.pane(which).locator(`.pick-${kind}`).setInputFiles({ name, mimeType, buffer });
    await this.settled();
  }

  async location(which: Pane): Promise<void> {
    await this.pane(which).locator(".attach-location").click();
    await this.settled();
  }

  /**
   * Downloads what a message issues: its file when the bot sent a document, else its text
   * (today's final protocol is a text message; a PDF will come as a document).
   */
  async download(message: Locator): Promise<{ name: string; content: Buffer }> {
    const link = message.locator("a.download").or(message.locator("a.save-text")).first();
    const [download] = await Promise.all([this.page.waitForEvent("download"), link.click()]);
    return { name: download.suggestedFilename(), content: await read(download) };
  }
}

async function read(download: Download): Promise<Buffer> {
  const path = await download.path();
  return readFileSync(path);
}
