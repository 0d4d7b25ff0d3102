import { and, asc, eq, sql } from "drizzle-orm";
import { GrammyError, HttpError, InputFile, type Api } from "grammy";
import type { InlineKeyboardMarkup } from "grammy/types";
import type { Logger } from "pino";
import type { Db } from "../db/client.js";
import { outbox } from "../db/schema.js";
import { stateIs } from "../db/states.js";
import type { Pacer } from "./pacer.js";

/** What the bot sends on its own to one chat: a text, or a document with an optional caption. */
export type Outgoing = {
  chatId: number;
  /** Enqueuing the same key twice sends once (e.g. `final:<protocol>:<chat>`). */
  key?: string;
  reply_markup?: InlineKeyboardMarkup;
} & ({ text: string; document?: undefined } | { text?: undefined; document: { filename: string; bytes: Uint8Array; caption?: string } });

/** Tries of one message before it is given up ("failed" on errors, "dropped" after crashes). */
export const MAX_ATTEMPTS = 3;
const BATCH = 500;
const IDLE_MS = 500;
const RETRY_MS = 5000;

/**
 * Puts a message in the outbox; it goes out in order, paced. Synchronous, so a handler can
 * enqueue inside the transaction of the change it announces (`ctx.commit`): both happen or
 * neither. Returns false when a message with this key was enqueued before.
 */
export function enqueue(db: Db, item: Outgoing, now: Date): boolean {
  const document = item.document;
  const payload = document
    ? { caption: document.caption, filename: document.filename, reply_markup: item.reply_markup }
    : { text: item.text, reply_markup: item.reply_markup };
  const inserted = db
    .insert(outbox)
    .values({
      key: item.key,
      chatId: item.chatId,
      method: document ? "sendDocument" : "sendMessage",
      payload: JSON.stringify(payload),
      file: document ? Buffer.from(document.bytes) : null,
      state: "pending",
      notBefore: now,
      createdAt: now,
    })
    .onConflictDoNothing()
    .run();
  return inserted.changes > 0;
}

type Row = typeof outbox.$inferSelect;

/**
 * Sends the outbox: oldest first, except that a chat waiting for its turn lets the others
 * pass; each send takes a slot from the pacer. A row is marked "sending" before the call:
 * one found so at a start was cut short by a crash and is sent again (a message possibly
 * doubled rather than lost), at most MAX_ATTEMPTS times in all.
 */
export class Outbox {
  private stopped = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;

  constructor(
    private readonly db: Db,
    private readonly api: Api,
    private readonly logger: Logger,
    private readonly pacer: Pacer,
    private readonly clock: { now(): Date },
  ) {}

  /** At a start: what a crash left "sending" is sent again, or dropped after MAX_ATTEMPTS. */
  recover(): void {
    const cut = this.db.select({ id: outbox.id, attempts: outbox.attempts }).from(outbox).where(stateIs(outbox.state, "sending")).all();
    for (const row of cut) {
      const dropped = row.attempts >= MAX_ATTEMPTS;
      this.db
        .update(outbox)
        .set({ state: dropped ? "dropped" : "pending" })
        .where(eq(outbox.id, row.id))
        .run();
      if (dropped) this.logger.warn({ outbox: row.id, attempts: row.attempts }, "outgoing message dropped: cut short by a crash too often");
    }
  }

  /** Sends everything waiting, pacing and waiting out retries as needed; returns how many were sent. */
  async flush(): Promise<number> {
    let sent = 0;
    for (;;) {
      const rows = this.waiting();
      if (rows.length === 0 || this.stopped) return sent;
      const due = rows.filter((row) => row.notBefore.getTime() <= this.pacer.clock.now());
      if (due.length === 0) {
        await this.pacer.clock.sleep(Math.min(...rows.map((row) => row.notBefore.getTime())) - this.pacer.clock.now());
        continue;
      }
      sent += await this.sendBatch(due);
    }
  }

  /** Sends in the background until `stop`. */
  start(): void {
    this.loop ??= (async () => {
      while (!this.stopped) {
        await this.flush().catch((error: unknown) => this.logger.warn({ err: error }, "outbox pass failed"));
        await new Promise<void>((resolve) => {
          this.wake = resolve;
          setTimeout(resolve, IDLE_MS).unref();
        });
      }
    })();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.loop;
  }

  private waiting(): Row[] {
    return this.db.select().from(outbox).where(stateIs(outbox.state, "pending")).orderBy(asc(outbox.id)).limit(BATCH).all();
  }

  private async sendBatch(rows: Row[]): Promise<number> {
    const left = [...rows];
    let sent = 0;
    while (left.length > 0 && !this.stopped) {
      const now = this.pacer.clock.now();
      let best = 0;
      let bestAt = Infinity;
      for (const [i, row] of left.entries()) {
        const at = this.pacer.readyAt(row.chatId);
        if (at < bestAt) [best, bestAt] = [i, at];
        if (at <= now) break;
      }
      const [row] = left.splice(best, 1);
      await this.pacer.slot(row!.chatId);
      if (await this.send(row!)) sent++;
    }
    return sent;
  }

  private async send(row: Row): Promise<boolean> {
    const claimed = this.db
      .update(outbox)
      .set({ state: "sending", attempts: sql`${outbox.attempts} + 1` })
      .where(and(eq(outbox.id, row.id), stateIs(outbox.state, "pending")))
      .run();
    if (claimed.changes === 0) return false;
    try {
      await this.call(row);
      this.settle(row.id, { state: "sent", sentAt: this.clock.now() });
      return true;
    } catch (error) {
      this.failed(row, error);
      return false;
    }
  }

  private call(row: Row): Promise<unknown> {
    const payload = JSON.parse(row.payload) as { text?: string; caption?: string; filename?: string; reply_markup?: InlineKeyboardMarkup };
    if (row.method === "sendDocument") {
      const file = new InputFile(row.file ?? new Uint8Array(), payload.filename);
      return this.api.sendDocument(row.chatId, file, { caption: payload.caption, reply_markup: payload.reply_markup });
    }
    return this.api.sendMessage(row.chatId, payload.text ?? "", { reply_markup: payload.reply_markup });
  }

  private failed(row: Row, error: unknown): void {
    const retryAfter = error instanceof GrammyError ? error.parameters.retry_after : undefined;
    if (retryAfter !== undefined) {
      // A flood wait is Telegram's pace, not the message's fault: it does not count as a try.
      this.pacer.pause(retryAfter * 1000);
      this.settle(row.id, { state: "pending", attempts: row.attempts });
      return;
    }
    const transient = error instanceof HttpError || (error instanceof GrammyError && error.error_code >= 500);
    if (transient && row.attempts + 1 < MAX_ATTEMPTS) {
      this.logger.warn({ outbox: row.id, chat: row.chatId, err: String(error) }, "outgoing message not sent, will retry");
      this.settle(row.id, { state: "pending", notBefore: new Date(this.pacer.clock.now() + RETRY_MS * (row.attempts + 1)) });
      return;
    }
    this.logger.warn({ outbox: row.id, chat: row.chatId, err: String(error) }, "outgoing message refused");
    this.settle(row.id, { state: "failed" });
  }

  private settle(id: number, set: Partial<Row>): void {
    this.db.update(outbox).set(set).where(eq(outbox.id, id)).run();
  }
}
