import type { Document, InlineKeyboardButton, Message, UserFromGetMe } from "grammy/types";
import { inProcessFetch, type ApiReply } from "../../src/sandbox/telegram/bot-api.js";
import { EMBEDDED_BOT } from "../../src/sandbox/telegram/identity.js";
import { EmbeddedTelegram, LIMITS } from "../../src/sandbox/telegram/telegram.js";

export const BOT_INFO: UserFromGetMe = EMBEDDED_BOT;
export interface ApiCall {
  method: string;
  payload: Record<string, any>;
  /** What the fake answered: a Message for sendMessage. */
  result?: any;
}

export interface ApiFailure {
  error_code: number;
  description: string;
  parameters?: { retry_after?: number; migrate_to_chat_id?: number };
}

/** Telegram's limits (Bot API): characters of text and caption and of a callback answer; bytes of callback data. */
export { LIMITS };

/** What Telegram would refuse in this call for its length; empty when nothing. */
export function limitViolations(method: string, payload: Record<string, any>): string[] {
  const found: string[] = [];
  const over = (what: string, length: number, limit: number) => length > limit && found.push(`${method}: ${what} ${length} > ${limit}`);
  if (typeof payload.text === "string")
    over("text", payload.text.length, method === "answerCallbackQuery" ? LIMITS.callbackAnswer : LIMITS.text);
  if (typeof payload.caption === "string") over("caption", payload.caption.length, LIMITS.caption);
  for (const button of buttonsOf(payload)) {
    if ("callback_data" in button)
      over(`callback data «${button.callback_data}»`, Buffer.byteLength(button.callback_data), LIMITS.callbackData);
  }
  return found;
}

/** A file as tests look at it: what the bot uploaded, or what a person was given to send. */
export interface StoredFile {
  fileId: string;
  fileUniqueId: string;
  name: string;
  mimeType: string;
  bytes: Uint8Array;
}

/** Buttons of an inline keyboard, flattened. */
export function buttonsOf(payload: Record<string, any>): InlineKeyboardButton[] {
  return (payload.reply_markup?.inline_keyboard ?? []).flat();
}

/**
 * How an answer reaches the bot. "microtask": at once. "turn": on a later turn of the event
 * loop, as a reply read from a socket would (timers and other updates get to run meanwhile).
 */
export type Delivery = "turn" | "microtask";

export interface FakeTelegramOptions {
  /**
   * "test" (the default) keeps every call with its answer. "benchmark" keeps only the count of
   * calls per method and no chat history, so that memory figures stay the bot's, and refuses
   * calls over Telegram's limits as Telegram does.
   */
  mode?: "test" | "benchmark";
  /** "microtask" unless said otherwise. */
  delivery?: Delivery;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The embedded Telegram as tests and benchmarks use it: every call grammY makes (inside forms
 * too) is recorded, `fail` can refuse any of them, and the rest is answered by the same
 * Telegram the sandbox runs. Updates made by tests are shown to it (`Harness.send`), so it
 * knows the chats, people and messages. Tests written before it keep its lenient defaults: the
 * bot may write to anyone, an edit of a message it never saw is answered as done, and a call
 * over Telegram's limits is recorded in `violations` (the harness fails the test) rather than
 * refused; privacy mode applies to what goes through `telegram.send` only. Turn a rule on with
 * `telegram.rules`.
 */
export class FakeTelegram {
  readonly telegram: EmbeddedTelegram;
  readonly calls: ApiCall[] = [];
  /** Calls per method, in either mode. */
  readonly counts = new Map<string, number>();
  /** Calls Telegram would have refused for their length (the harness fails a test on any). */
  readonly violations: string[] = [];
  /** `${chatId}:${userId}` → status that getChatMember reports (default "member"). */
  readonly chatMemberStatus: Map<string, string>;
  /** Decides a failure for a call, to play Telegram refusing (403, 429…). */
  fail: (call: ApiCall) => ApiFailure | undefined = () => undefined;
  /** Calls for which this is true never get an answer: what a process killed mid-call saw. */
  hold: (call: ApiCall) => boolean = () => false;

  /** What the next getUpdates returns (polling tests); emptied by each poll that gets it. */
  readonly pendingUpdates: unknown[] = [];

  get now(): () => number {
    return this.telegram.now;
  }
  set now(clock: () => number) {
    this.telegram.now = clock;
  }

  readonly fetch: typeof fetch;

  constructor({ mode = "test", delivery = "microtask" }: FakeTelegramOptions = {}) {
    const benchmark = mode === "benchmark";
    this.telegram = new EmbeddedTelegram(BOT_INFO, { privacy: true, requireStart: false, limits: benchmark, strictEdits: false });
    this.telegram.keepHistory = !benchmark;
    this.chatMemberStatus = this.telegram.memberStatus;
    this.fetch = inProcessFetch(this.telegram, async (method, payload, call) => {
      this.counts.set(method, (this.counts.get(method) ?? 0) + 1);
      const answer = benchmark ? await call() : await this.recorded(method, payload, call);
      if (delivery === "turn") await nextTurn();
      return answer;
    });
  }

  /** All calls made, of any method. */
  get totalCalls(): number {
    let total = 0;
    for (const n of this.counts.values()) total += n;
    return total;
  }

  private async recorded(method: string, payload: Record<string, any>, call: () => Promise<ApiReply>): Promise<ApiReply> {
    const record: ApiCall = { method, payload };
    this.calls.push(record);
    this.violations.push(...limitViolations(method, payload));
    if (this.hold(record)) return new Promise<never>(() => undefined);
    if (method === "getUpdates") {
      // Long polling: an empty poll answers after a while, not at once.
      if (this.pendingUpdates.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
      const failure = this.fail(record);
      if (failure) return { ok: false, ...failure };
      record.result = this.pendingUpdates.splice(0);
      return { ok: true, result: record.result };
    }
    const failure = this.fail(record);
    if (failure) return { ok: false, ...failure };
    const answer = await call();
    if (answer.ok) record.result = answer.result;
    return answer;
  }

  /**
   * Takes over what another fake saw, copied: its calls, the world of its Telegram and the
   * updates waiting for a poll (a test starting from a scene built once).
   */
  copyFrom(other: FakeTelegram): void {
    this.calls.splice(0, this.calls.length, ...structuredClone(other.calls));
    this.violations.splice(0, this.violations.length, ...other.violations);
    this.pendingUpdates.splice(0, this.pendingUpdates.length, ...structuredClone(other.pendingUpdates));
    this.counts.clear();
    for (const [method, n] of other.counts) this.counts.set(method, n);
    this.telegram.copyWorldFrom(other.telegram);
  }

  /** Calls of one method, optionally to one chat. */
  callsOf(method: string, chatId?: number): ApiCall[] {
    return this.calls.filter((c) => c.method === method && (chatId === undefined || Number(c.payload.chat_id) === chatId));
  }

  /** Messages sent to a chat (text and keyboard), oldest first. */
  sentTo(chatId: number): ApiCall[] {
    return this.callsOf("sendMessage", chatId);
  }

  lastTo(chatId: number): ApiCall {
    const sent = this.sentTo(chatId);
    const last = sent[sent.length - 1];
    if (!last) throw new Error(`nothing was sent to ${chatId}`);
    return last;
  }

  /** Everything a chat saw, sent or edited, as text. */
  textsTo(chatId: number): string[] {
    return this.calls
      .filter((c) => (c.method === "sendMessage" || c.method === "editMessageText") && Number(c.payload.chat_id) === chatId)
      .map((c) => String(c.payload.text));
  }

  /** Texts of the alerts and toasts shown for button presses. */
  alerts(): string[] {
    return this.callsOf("answerCallbackQuery").map((c) => String(c.payload.text ?? ""));
  }

  /** The newest message in a chat that carries a button with this callback data. */
  messageWithButton(chatId: number, data: string): Message | undefined {
    const holder = this.sentTo(chatId)
      .filter((call) => call.result && buttonsOf(call.payload).some((b) => "callback_data" in b && b.callback_data === data))
      .pop();
    return holder?.result as Message | undefined;
  }

  /** The newest message in a chat with a button whose callback data matches, and that data. */
  buttonMatching(chatId: number, pattern: RegExp): { message: Message; data: string } | undefined {
    for (const call of this.sentTo(chatId).reverse()) {
      const button = buttonsOf(call.payload).find((b) => "callback_data" in b && pattern.test(b.callback_data));
      if (call.result && button && "callback_data" in button) return { message: call.result as Message, data: button.callback_data };
    }
    return undefined;
  }

  /** A file for a person to send (a PDF, another document): getFile and the download find it. */
  addFile(bytes: Uint8Array, name: string, mimeType = "application/pdf"): Document {
    const file = this.telegram.upload({ filename: name, contentType: mimeType, bytes: Buffer.from(bytes) });
    return {
      file_id: file.file_id,
      file_unique_id: file.file_unique_id,
      file_name: file.filename,
      mime_type: file.mime_type,
      file_size: bytes.length,
    };
  }

  /** Documents the bot sent to a chat, oldest first, with their bytes. */
  documentsTo(chatId: number): { file: StoredFile; caption: string | undefined; payload: Record<string, any> }[] {
    return this.callsOf("sendDocument", chatId)
      .filter((call) => call.result)
      .map((call) => ({ file: this.fileOf(call.result.document.file_id), caption: call.payload.caption, payload: call.payload }));
  }

  /** Pictures the bot sent to a chat, oldest first, with their bytes. */
  photosTo(chatId: number): StoredFile[] {
    return this.callsOf("sendPhoto", chatId)
      .filter((call) => call.result)
      .map((call) => this.fileOf(call.result.photo[0].file_id));
  }

  private fileOf(fileId: string): StoredFile {
    const file = this.telegram.files.get(fileId);
    if (!file?.bytes) throw new Error(`no bytes for the file ${fileId}`);
    return {
      fileId: file.file_id,
      fileUniqueId: file.file_unique_id,
      name: file.filename,
      mimeType: file.mime_type,
      bytes: new Uint8Array(file.bytes),
    };
  }

  reset(): void {
    this.calls.length = 0;
  }
}
