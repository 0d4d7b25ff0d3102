import { setImmediate as nextTurn } from "node:timers/promises";
import type { GroupId, UserId } from "../domain/types.js";
import type { Locale } from "../i18n/locales.js";
import { publishGroupMenus, publishPersonMenu, type MenuDeps } from "./menus.js";

/**
 * Publishes the menus an update changed after the update, one chat after another, so that
 * neither the update nor the person's next one waits on Telegram for them. A chat changed
 * again before its turn is published once, from what the database says when its turn comes.
 * What a stop or a crash leaves unpublished is sent by the next start, which compares every
 * menu with the one last sent (`refreshChatMenus`).
 */
export class MenuPublisher {
  private readonly waiting = new Map<string, () => Promise<void>>();
  private draining: Promise<void> | undefined;
  private readonly stopping = new AbortController();
  /** Settles when the publisher stops: a call in flight is not waited for (a 429 may ask for a minute). */
  private readonly stopped: Promise<void>;
  private readonly deps: MenuDeps;

  constructor(deps: MenuDeps) {
    const signal = this.stopping.signal;
    this.deps = { ...deps, signal: signal as MenuDeps["signal"] };
    this.stopped = new Promise((resolve) => signal.addEventListener("abort", () => resolve(), { once: true }));
  }

  /** The group's chat menus changed (its language, its leader or appointers, its chat id). */
  group(id: GroupId): void {
    this.mark(`group:${id}`, () => publishGroupMenus(this.deps, id));
  }

  /** The person chose a language for their private chat. */
  person(user: UserId, locale: Locale): void {
    this.mark(`person:${user}`, () => publishPersonMenu(this.deps, user, locale));
  }

  /** Resolves when nothing is waiting or being sent. */
  async idle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  /** Takes nothing more and abandons the call in flight; the next start sends what is left. */
  async stop(): Promise<void> {
    this.stopping.abort();
    await this.idle();
  }

  private mark(key: string, publish: () => Promise<void>): void {
    if (this.stopping.signal.aborted) return;
    this.waiting.set(key, publish);
    this.draining ??= this.drain();
  }

  private async drain(): Promise<void> {
    await nextTurn();
    for (let next = this.take(); next; next = this.take()) {
      const [key, publish] = next;
      const sent = publish().catch((error: unknown) => {
        if (!this.stopping.signal.aborted) this.deps.logger.error({ err: error, menus: key }, "command menus not published");
      });
      await Promise.race([sent, this.stopped]);
    }
    // In the same turn as the empty take: whatever is marked from now on starts a new drain.
    this.draining = undefined;
  }

  private take(): [string, () => Promise<void>] | undefined {
    if (this.stopping.signal.aborted) return undefined;
    const first = this.waiting.entries().next();
    if (first.done) return undefined;
    this.waiting.delete(first.value[0]);
    return first.value;
  }
}
