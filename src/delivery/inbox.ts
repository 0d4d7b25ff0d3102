import { and, desc, eq, isNotNull, lt, sql } from "drizzle-orm";
import type { Update } from "grammy/types";
import type { Logger } from "pino";
import type { Stoppable } from "./pause.js";
import type { Db } from "../db/client.js";
import { inbox, inboxEffects, inboxFloor } from "../db/schema.js";

/** Handled updates kept to recognise a redelivery; older ones are known by the floor alone. */
export const INBOX_KEEP = 10_000;
const PRUNE_EVERY = 500;
/** Times handling an update may begin (crashes included) before it is given up. */
export const MAX_TRIES = 5;

/**
 * One update in hand. Its changes go through `commit`, which applies each at most once per
 * update: the change and its result are written in one transaction, so when a crash cuts the
 * update short and it is handled again, `commit` returns the stored result instead of applying
 * the change twice. Form states written during the update wait and are written with the
 * update's done-mark, so a form is never recorded a step ahead of, or behind, its update.
 */
export class InboxUnit {
  private seq = 0;
  private readonly formWrites = new Map<string, () => void>();

  constructor(
    private readonly owner: Inbox,
    readonly updateId: number,
    readonly formKey: string | undefined,
  ) {}

  commit<T>(change: (tx: Db) => T): T {
    const seq = this.seq++;
    const db = this.owner.db;
    const done = db.select({ result: inboxEffects.result }).from(inboxEffects).where(and(eq(inboxEffects.updateId, this.updateId), eq(inboxEffects.seq, seq))).get();
    if (done) return JSON.parse(done.result) as T;
    return db.transaction((tx) => {
      const result = change(tx);
      tx.insert(inboxEffects).values({ updateId: this.updateId, seq, result: JSON.stringify(result ?? null) }).run();
      this.flushForms();
      return result;
    });
  }

  /** A form's state for this update's chat and user: written with the done-mark. */
  deferFormWrite(key: string, write: () => void): void {
    this.formWrites.set(key, write);
  }

  /** The update is handled: its waiting form states and its done-mark commit together. */
  finish(): void {
    const db = this.owner.db;
    db.transaction((tx) => {
      this.flushForms();
      tx.update(inbox).set({ doneAt: this.owner.clock.now() }).where(eq(inbox.updateId, this.updateId)).run();
      tx.delete(inboxEffects).where(eq(inboxEffects.updateId, this.updateId)).run();
    });
    this.owner.release(this, true);
  }

  /** The handler failed: the update stays in the inbox, to be handled again. */
  abandon(): void {
    this.formWrites.clear();
    this.owner.release(this, false);
  }

  private flushForms(): void {
    for (const write of this.formWrites.values()) write();
    this.formWrites.clear();
  }
}

/**
 * The update inbox (see the `inbox` table): updates are stored as they arrive, before Telegram
 * is told they were received; each is marked done once handled; what a crash left undone is
 * handled at the next start. An update counts as a duplicate only once it is done.
 */
export class Inbox {
  private readonly inHand = new Map<number, InboxUnit>();
  private readonly byForm = new Map<string, InboxUnit>();
  private finished = 0;
  private floor: number;

  constructor(
    readonly db: Db,
    readonly clock: { now(): Date },
    private readonly keep = INBOX_KEEP,
  ) {
    this.floor = db.select({ below: inboxFloor.below }).from(inboxFloor).get()?.below ?? 0;
  }

  /** Stores updates just fetched, in one transaction, before the next poll confirms them. */
  receive(updates: readonly Update[]): void {
    if (updates.length === 0) return;
    const now = this.clock.now();
    this.db.transaction((tx) => {
      for (const update of updates) {
        if (update.update_id < this.floor) continue;
        tx.insert(inbox).values({ updateId: update.update_id, update: JSON.stringify(update), receivedAt: now }).onConflictDoNothing().run();
      }
    });
  }

  /** Takes an update in hand; undefined when it was handled already or is in hand now. */
  begin(update: Update, formKey: string | undefined): InboxUnit | undefined {
    const id = update.update_id;
    if (this.inHand.has(id)) return undefined;
    const row = this.db.select({ doneAt: inbox.doneAt }).from(inbox).where(eq(inbox.updateId, id)).get();
    if (row ? row.doneAt !== null : id < this.floor) return undefined;
    this.db
      .insert(inbox)
      .values({ updateId: id, update: JSON.stringify(update), receivedAt: this.clock.now(), attempts: 1 })
      .onConflictDoUpdate({ target: inbox.updateId, set: { attempts: sql`${inbox.attempts} + 1` } })
      .run();
    const unit = new InboxUnit(this, id, formKey);
    this.inHand.set(id, unit);
    if (formKey !== undefined) this.byForm.set(formKey, unit);
    return unit;
  }

  /** The unit in hand for a form's chat and user, whose state write should wait for it. */
  unitForForm(key: string): InboxUnit | undefined {
    return this.byForm.get(key);
  }

  release(unit: InboxUnit, done: boolean): void {
    this.inHand.delete(unit.updateId);
    if (unit.formKey !== undefined && this.byForm.get(unit.formKey) === unit) this.byForm.delete(unit.formKey);
    if (done && ++this.finished % Math.min(PRUNE_EVERY, this.keep) === 0) this.prune();
  }

  /** Updates not yet done, oldest first, with how many times handling them began. */
  leftovers(): { update: Update; attempts: number }[] {
    return this.db
      .select({ update: inbox.update, attempts: inbox.attempts, id: inbox.updateId })
      .from(inbox)
      .where(sql`${inbox.doneAt} is null`)
      .orderBy(inbox.updateId)
      .all()
      .filter((row) => !this.inHand.has(row.id))
      .map((row) => ({ update: JSON.parse(row.update) as Update, attempts: row.attempts }));
  }

  /**
   * Handles what a crash or a failure left undone, handed over oldest first and all at once
   * (the bot keeps each chat and person in order), before any new update. Stops handing over
   * when the signal aborts. Returns how many were handled.
   */
  async resume(handle: (update: Update) => Promise<void>, logger: Logger, signal?: Stoppable): Promise<number> {
    let handled = 0;
    const tasks: Promise<void>[] = [];
    for (const { update, attempts } of this.leftovers()) {
      if (signal?.aborted) break;
      if (attempts >= MAX_TRIES) {
        this.giveUp(update.update_id);
        logger.warn({ update_id: update.update_id, attempts }, "update given up after failing too often");
        continue;
      }
      tasks.push(
        handle(update).then(
          () => void handled++,
          (error: unknown) => logger.warn({ update_id: update.update_id, err: error }, "update not handled, left for the next start"),
        ),
      );
    }
    await Promise.all(tasks);
    return handled;
  }

  /** Gives an update up (it kept failing): marked done without being handled. */
  giveUp(updateId: number): void {
    this.db.update(inbox).set({ doneAt: this.clock.now() }).where(eq(inbox.updateId, updateId)).run();
  }

  get inHandCount(): number {
    return this.inHand.size;
  }

  /** Keeps the newest `keep` done rows; below them, the floor says "handled". */
  prune(): void {
    const edge = this.db
      .select({ id: inbox.updateId })
      .from(inbox)
      .where(isNotNull(inbox.doneAt))
      .orderBy(desc(inbox.updateId))
      .limit(1)
      .offset(this.keep)
      .get();
    if (!edge) return;
    const below = edge.id + 1;
    this.db.transaction((tx) => {
      tx.delete(inbox).where(and(lt(inbox.updateId, below), isNotNull(inbox.doneAt))).run();
      tx.insert(inboxFloor).values({ id: 1, below }).onConflictDoUpdate({ target: inboxFloor.id, set: { below } }).run();
    });
    this.floor = Math.max(this.floor, below);
  }
}
