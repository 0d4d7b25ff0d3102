import { createHash } from "node:crypto";
import type { Chat, Document, InlineKeyboardButton, Message, UserFromGetMe } from "grammy/types";

export const BOT_INFO: UserFromGetMe = {
  id: 7000000001,
  is_bot: true,
  first_name: "Monitoring",
  username: "monitoring_group_bot",
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
} as UserFromGetMe;

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
export const LIMITS = { text: 4096, caption: 1024, callbackAnswer: 200, callbackData: 64 } as const;

/** What Telegram would refuse in this call for its length; empty when nothing. */
export function limitViolations(method: string, payload: Record<string, any>): string[] {
  const found: string[] = [];
  const over = (what: string, length: number, limit: number) => length > limit && found.push(`${method}: ${what} ${length} > ${limit}`);
  if (typeof payload.text === "string") over("text", payload.text.length, method === "answerCallbackQuery" ? LIMITS.callbackAnswer : LIMITS.text);
  if (typeof payload.caption === "string") over("caption", payload.caption.length, LIMITS.caption);
  for (const button of buttonsOf(payload)) {
    if ("callback_data" in button) over(`callback data «${button.callback_data}»`, Buffer.byteLength(button.callback_data), LIMITS.callbackData);
  }
  return found;
}

/** A file the fake holds: uploaded by the bot, or given to a person to send. */
export interface StoredFile {
  fileId: string;
  fileUniqueId: string;
  name: string;
  mimeType: string;
  bytes: Uint8Array;
}

/** A file part of a multipart upload, as the payload carries it after parsing. */
export interface Upload {
  upload: Uint8Array;
  filename: string;
}

/** Buttons of an inline keyboard, flattened. */
export function buttonsOf(payload: Record<string, any>): InlineKeyboardButton[] {
  return (payload.reply_markup?.inline_keyboard ?? []).flat();
}

/**
 * Stands in for the Bot API: records every call grammY makes (inside forms too) and answers
 * as Telegram would, with real Message objects for sent and edited messages.
 */
export class FakeTelegram {
  readonly calls: ApiCall[] = [];
  /** Calls Telegram would have refused for their length (the harness fails a test on any). */
  readonly violations: string[] = [];
  /** `${chatId}:${userId}` → status that getChatMember reports (default "member"). */
  readonly chatMemberStatus = new Map<string, string>();
  /** Decides a failure for a call, to play Telegram refusing (403, 429…). */
  fail: (call: ApiCall) => ApiFailure | undefined = () => undefined;
  /** Calls for which this is true never get an answer: what a process killed mid-call saw. */
  hold: (call: ApiCall) => boolean = () => false;
  private nextMessageId = 1000;
  now = () => Math.floor(Date.now() / 1000);

  /** Files by file_id: what the bot uploaded (sendDocument) and what tests gave people to send. */
  readonly files = new Map<string, StoredFile>();

  readonly fetch = (async (url: string | URL, init?: { body?: unknown; headers?: Record<string, string> }) => {
    if (String(url).includes("/file/bot")) return this.download(String(url));
    const method = String(url).split("/").pop() ?? "";
    const payload =
      typeof init?.body === "string"
        ? (JSON.parse(init.body) as Record<string, any>)
        : init?.body
          ? await parseMultipart(init.body as AsyncIterable<Uint8Array>, init.headers?.["content-type"] ?? "")
          : {};
    const call: ApiCall = { method, payload };
    this.calls.push(call);
    this.violations.push(...limitViolations(method, payload));
    if (this.hold(call)) return new Promise<never>(() => undefined);
    const failure = this.fail(call);
    if (!failure) call.result = this.answer(method, payload);
    const body = failure ? { ok: false, ...failure } : { ok: true, result: call.result };
    return { json: async () => body };
  }) as unknown as typeof fetch;

  private chat(id: number): Chat {
    return id > 0
      ? ({ id, type: "private", first_name: "Person" } as Chat)
      : ({ id, type: "supergroup", title: "Group" } as Chat);
  }

  private message(payload: Record<string, any>, messageId?: number): Message {
    return {
      message_id: messageId ?? this.nextMessageId++,
      date: this.now(),
      chat: this.chat(Number(payload.chat_id)),
      from: { id: BOT_INFO.id, is_bot: true, first_name: BOT_INFO.first_name, username: BOT_INFO.username },
      text: payload.text,
      reply_markup: payload.reply_markup,
    } as Message;
  }

  private answer(method: string, payload: Record<string, any>): unknown {
    switch (method) {
      case "sendMessage":
        return this.message(payload);
      case "editMessageText":
      case "editMessageReplyMarkup":
        return this.message(payload, payload.message_id);
      case "getChatMember": {
        const status = this.chatMemberStatus.get(`${payload.chat_id}:${payload.user_id}`) ?? "member";
        return { status, user: { id: payload.user_id, is_bot: false, first_name: "Person" } };
      }
      case "getMe":
        return BOT_INFO;
      case "sendDocument": {
        const file = this.documentOf(payload.document);
        return { ...this.message(payload), text: undefined, caption: payload.caption, document: toDocument(file) };
      }
      case "sendPhoto": {
        // A photo people sent before goes by its file id; an upload is kept like a document.
        const file = typeof payload.photo === "string" ? { fileId: payload.photo, fileUniqueId: payload.photo } : this.documentOf(payload.photo);
        return { ...this.message(payload), text: undefined, caption: payload.caption, photo: [{ file_id: file.fileId, file_unique_id: file.fileUniqueId, width: 1200, height: 800 }] };
      }
      case "getFile": {
        const file = this.files.get(String(payload.file_id));
        return { file_id: payload.file_id, file_unique_id: file?.fileUniqueId ?? "unknown", file_size: file?.bytes.length, file_path: `documents/${payload.file_id}` };
      }
      default:
        return true;
    }
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

  /** A file for a person to send (a PDF, another document): stored so that getFile and the download find it. */
  addFile(bytes: Uint8Array, name: string, mimeType = "application/pdf"): Document {
    return toDocument(this.store(bytes, name, mimeType));
  }

  /** Documents the bot sent to a chat, oldest first, with their bytes. */
  documentsTo(chatId: number): { file: StoredFile; caption: string | undefined; payload: Record<string, any> }[] {
    return this.callsOf("sendDocument", chatId)
      .filter((call) => call.result)
      .map((call) => ({ file: this.files.get(call.result.document.file_id)!, caption: call.payload.caption, payload: call.payload }));
  }

  /** Pictures the bot sent to a chat, oldest first, with their bytes. */
  photosTo(chatId: number): StoredFile[] {
    return this.callsOf("sendPhoto", chatId)
      .filter((call) => call.result)
      .flatMap((call) => this.files.get(call.result.photo[0].file_id) ?? []);
  }

  private nextFileId = 1;

  private store(bytes: Uint8Array, name: string, mimeType: string): StoredFile {
    // Telegram gives the same file_unique_id to the same file; here, to the same bytes.
    const fileUniqueId = `u${createHash("sha256").update(bytes).digest("hex").slice(0, 15)}`;
    const file = { fileId: `file-${this.nextFileId++}`, fileUniqueId, name, mimeType, bytes };
    this.files.set(file.fileId, file);
    return file;
  }

  private documentOf(document: unknown): StoredFile {
    if (typeof document === "string") {
      const known = this.files.get(document);
      if (!known) throw new Error(`sendDocument with an unknown file_id ${document}`);
      return known;
    }
    const upload = document as Upload;
    return this.store(upload.upload, upload.filename, "application/pdf");
  }

  private download(url: string) {
    const file = this.files.get(url.split("/").pop() ?? "");
    return Promise.resolve({
      ok: file !== undefined,
      status: file ? 200 : 404,
      arrayBuffer: async () => (file ? file.bytes.slice().buffer : new ArrayBuffer(0)),
    });
  }

  reset(): void {
    this.calls.length = 0;
  }
}

function toDocument(file: StoredFile): Document {
  return { file_id: file.fileId, file_unique_id: file.fileUniqueId, file_name: file.name, mime_type: file.mimeType, file_size: file.bytes.length };
}

/**
 * Reads grammY's multipart upload: fields (JSON values parsed) and files, with `attach://<id>`
 * values replaced by the file they name. File names come unquoted and in raw UTF-8.
 */
async function parseMultipart(body: AsyncIterable<Uint8Array>, contentType: string): Promise<Record<string, any>> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.from(chunk));
  const data = Buffer.concat(chunks);
  const boundary = Buffer.from(`--${/boundary=(\S+)/.exec(contentType)?.[1] ?? ""}`);
  const fields: Record<string, any> = {};
  const uploads = new Map<string, Upload>();
  let start = data.indexOf(boundary);
  while (start !== -1) {
    const next = data.indexOf(boundary, start + boundary.length);
    if (next === -1) break;
    const part = data.subarray(start + boundary.length + 2, next - 2);
    const split = part.indexOf("\r\n\r\n");
    const head = part.subarray(0, split).toString("utf8");
    const content = part.subarray(split + 4);
    const name = /name="([^"]+)"/.exec(head)?.[1] ?? "";
    const filename = /filename="?([^";\r\n]+)"?/.exec(head)?.[1];
    if (filename !== undefined) uploads.set(name, { upload: new Uint8Array(content), filename });
    else {
      const text = content.toString("utf8");
      fields[name] = /^[[{]/.test(text) ? JSON.parse(text) : text;
    }
    start = next;
  }
  for (const [key, value] of Object.entries(fields)) {
    if (typeof value === "string" && value.startsWith("attach://")) fields[key] = uploads.get(value.slice("attach://".length));
  }
  return fields;
}
