import type SQLite from "better-sqlite3";
import { and, desc, eq, isNotNull, lt, sql } from "drizzle-orm";
import type { Transformer } from "grammy";
import type { Update } from "grammy/types";
import type { Logger } from "pino";
import type { Stoppable } from "./pause.js";
import type { Db } from "../db/client.js";
import { inbox, inboxFloor } from "../db/schema.js";

/** Handled updates kept to recognise a redelivery; older ones are known by the floor alone. */
export const INBOX_KEEP = 10_000;
const PRUNE_EVERY = 500;
/** Times handling an update may begin (crashes included) before it is given up. */
export const MAX_TRIES = 5;

type Client = SQLite.Database;

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
    /** Handling began before (a crash or a failure cut it short): changes may be stored already. */
    private readonly retried: boolean,
  ) {}

  commit<T>(change: (tx: Db) => T): T {
    const seq = this.seq++;
    const owner = this.owner;
    if (this.retried) {
      const done = owner.statements.effect.get(this.updateId, seq) as { result: string } | undefined;
      if (done) return JSON.parse(done.result) as T;
    }
    return owner.withTaken((tx) => {
      const result = change(tx);
      owner.statements.addEffect.run(this.updateId, seq, JSON.stringify(result ?? null));
      this.flushForms();
      return result;
    });
  }

  /** A form's state for this update's chat and user: written with the done-mark. */
  deferFormWrite(key: string, write: () => void): void {
    this.formWrites.set(key, write);
  }

  /**
   * The update is handled: its waiting form states and its done-mark commit together, with
   * those of the other updates finishing in the same turn. Resolves once they are durable.
   */
  finish(): Promise<void> {
    return this.owner.finish(this);
  }

  /** The handler failed: the update stays in the inbox, to be handled again. */
  abandon(): void {
    this.formWrites.clear();
    this.owner.storeTaken();
    this.owner.release(this, false);
  }

  /** Writes what finishing records (inside the inbox's transaction). */
  record(statements: Statements, now: number): void {
    this.flushForms();
    statements.markDone.run(now, this.updateId);
    if (this.retried || this.seq > 0) statements.dropEffects.run(this.updateId);
  }

  private flushForms(): void {
    for (const write of this.formWrites.values()) write();
    this.formWrites.clear();
  }
}

/** The inbox's statements, prepared once: they run for every update. */
function prepare(client: Client) {
  return {
    /** A new update, taken in hand. */
    take: client.prepare(`insert into inbox (update_id, "update", received_at, attempts) values (?, ?, ?, 1)`),
    /** One stored before (by `receive`, or handled before and cut short). */
    retake: client.prepare("update inbox set attempts = attempts + 1 where update_id = ?"),
    known: client.prepare("select done_at, attempts from inbox where update_id = ?"),
    markDone: client.prepare("update inbox set done_at = ? where update_id = ?"),
    effect: client.prepare("select result from inbox_effects where update_id = ? and seq = ?"),
    addEffect: client.prepare("insert into inbox_effects (update_id, seq, result) values (?, ?, ?)"),
    dropEffects: client.prepare("delete from inbox_effects where update_id = ?"),
  };
}
type Statements = ReturnType<typeof prepare>;

/**
 * The update inbox (see the `inbox` table): updates are stored as they arrive, before Telegram
 * is told they were received; each is marked done once handled; what a crash left undone is
 * handled at the next start. An update counts as a duplicate only once it is done.
 */
export class Inbox {
  private readonly inHand = new Map<number, InboxUnit>();
  private readonly byForm = new Map<string, InboxUnit>();
  /** Stored by `receive` and not yet taken in hand. */
  private readonly received = new Set<number>();
  private finished = 0;
  private floor: number;
  readonly statements: Statements;
  /** Taken in hand, not yet recorded so: written before the first change or call any of them makes. */
  private untaken: (() => void)[] = [];
  /** Units handled this turn, whose done-marks are written together at its end. */
  private finishing: InboxUnit[] = [];
  private written: Promise<void> | undefined;

  constructor(
    readonly db: Db,
    readonly clock: { now(): Date },
    private readonly keep = INBOX_KEEP,
  ) {
    this.floor = db.select({ below: inboxFloor.below }).from(inboxFloor).get()?.below ?? 0;
    this.statements = prepare((db as unknown as { $client: Client }).$client);
  }

  /**
   * Stores updates just fetched, in one transaction, before the next poll confirms them. Only
   * those new to the inbox count as received: one delivered again (done, or cut short) is
   * checked against its row when taken in hand.
   */
  receive(updates: readonly Update[]): void {
    if (updates.length === 0) return;
    const now = this.clock.now();
    const stored: number[] = [];
    this.db.transaction((tx) => {
      for (const update of updates) {
        if (update.update_id < this.floor) continue;
        const { changes } = tx
          .insert(inbox)
          .values({ updateId: update.update_id, update: JSON.stringify(update), receivedAt: now })
          .onConflictDoNothing()
          .run();
        if (changes > 0) stored.push(update.update_id);
      }
    });
    for (const id of stored) this.received.add(id);
  }

  /**
   * Takes an update in hand; undefined when it was handled already or is in hand now. That it
   * is in hand (with its JSON, when new) is written at the first change or Bot API call of any
   * update in hand (see `storeTaken`), or with its done-mark: one commit for all of them.
   */
  begin(update: Update, formKey: string | undefined): InboxUnit | undefined {
    const id = update.update_id;
    if (this.inHand.has(id)) return undefined;
    const { statements } = this;
    let retried = false;
    if (this.received.delete(id)) {
      this.untaken.push(() => statements.retake.run(id));
    } else {
      const row = statements.known.get(id) as { done_at: number | null; attempts: number } | undefined;
      if (row ? row.done_at !== null : id < this.floor) return undefined;
      retried = row !== undefined && row.attempts > 0;
      const receivedAt = this.clock.now().getTime();
      this.untaken.push(row ? () => statements.retake.run(id) : () => statements.take.run(id, JSON.stringify(update), receivedAt));
    }
    const unit = new InboxUnit(this, id, formKey, retried);
    this.inHand.set(id, unit);
    if (formKey !== undefined) this.byForm.set(formKey, unit);
    return unit;
  }

  /** Writes that the updates taken in hand are, before any of them changes or sends anything. */
  storeTaken(): void {
    if (this.untaken.length > 0) this.withTaken(() => undefined);
  }

  /** Runs `run` in a transaction that first records the updates taken in hand (kept for later if it fails). */
  withTaken<T>(run: (tx: Db) => T): T {
    const writes = this.untaken;
    this.untaken = [];
    try {
      return this.db.transaction((tx) => {
        for (const write of writes) write();
        return run(tx);
      });
    } catch (error) {
      this.untaken = writes.concat(this.untaken);
      throw error;
    }
  }

  /** A Bot API transformer: what is in hand is on record before a call goes out. */
  readonly storeBeforeCalls: Transformer = (prev, method, payload, signal) => {
    this.storeTaken();
    return prev(method, payload, signal);
  };

  /** The unit in hand for a form's chat and user, whose state write should wait for it. */
  unitForForm(key: string): InboxUnit | undefined {
    return this.byForm.get(key);
  }

  /**
   * Done-marks wait for the end of the turn and are written in one transaction; the unit stays
   * in hand (its form's next update waits) until then.
   */
  finish(unit: InboxUnit): Promise<void> {
    this.finishing.push(unit);
    this.written ??= new Promise<void>((resolve, reject) =>
      setImmediate(() => {
        const units = this.finishing;
        this.finishing = [];
        this.written = undefined;
        try {
          const now = this.clock.now().getTime();
          this.withTaken(() => {
            for (const each of units) each.record(this.statements, now);
          });
          for (const each of units) this.release(each, true);
          resolve();
        } catch (error) {
          for (const each of units) this.release(each, false);
          reject(error);
        }
      }),
    );
    return this.written;
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
      tx.delete(inbox)
        .where(and(lt(inbox.updateId, below), isNotNull(inbox.doneAt)))
        .run();
      tx.insert(inboxFloor).values({ id: 1, below }).onConflictDoUpdate({ target: inboxFloor.id, set: { below } }).run();
    });
    this.floor = Math.max(this.floor, below);
  }
}
