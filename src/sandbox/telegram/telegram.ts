import { createHash } from "node:crypto";
import type { BotCommand, BotCommandScope, Chat, InlineKeyboardMarkup, Message, Update, User, UserFromGetMe } from "grammy/types";
import { CommandMenus } from "./commands.js";
import { ApiError, badRequest, forbidden, REFUSALS } from "./errors.js";
import type { UploadedFile } from "./multipart.js";
import { isSeenByBot } from "./privacy.js";

/**
 * The rules of Telegram that people meet; each can be switched off for tests written against
 * a more lenient stand-in.
 */
export interface TelegramRules {
  /** Privacy mode: in groups the bot gets commands, replies to its own messages and service messages only. */
  privacy: boolean;
  /** A private chat exists once the person pressed Start; writing before that is a 403. Unknown chats are "chat not found". */
  requireStart: boolean;
  /** 4096 characters of text, 1024 of caption, 64 bytes of callback data, 200 characters of callback answer. */
  limits: boolean;
  /** An edit that changes nothing is refused, and so is an edit of a message that does not exist. */
  strictEdits: boolean;
}

export const ALL_RULES: TelegramRules = { privacy: true, requireStart: true, limits: true, strictEdits: true };

export const LIMITS = { text: 4096, caption: 1024, callbackData: 64, callbackAnswer: 200 } as const;

export interface StoredFile {
  file_id: string;
  file_unique_id: string;
  file_path: string;
  filename: string;
  mime_type: string;
  bytes: Buffer | undefined;
}

/** What happened, for the page (server-sent events) and for anyone watching. */
export type TelegramEvent =
  | { kind: "message"; chatId: number; message: Message; seenByBot: boolean }
  | { kind: "edit"; chatId: number; message: Message }
  | { kind: "delete"; chatId: number; messageId: number }
  | { kind: "answer"; userId: number; chatId: number; text: string; showAlert: boolean }
  | { kind: "refused"; chatId: number; method: string; description: string }
  | { kind: "commands" }
  | { kind: "started"; userId: number };

interface StoredChat {
  chat: Chat;
  nextMessageId: number;
  messages: Map<number, Message>;
}

export type Params = Record<string, any>;

/** What a person sends: text, a photo, a location or a file, perhaps as a reply. */
export interface Outgoing {
  text?: string;
  photo?: UploadedFile | string;
  document?: UploadedFile;
  location?: { latitude: number; longitude: number };
  caption?: string;
  replyTo?: number;
}

const DEEP_LINK = /^https:\/\/t\.me\/([A-Za-z0-9_]+)\?start=([A-Za-z0-9_-]{1,64})$/;

/**
 * A Telegram of our own: the chats, the people, the bot's messages and menus, and the Bot API
 * methods the bot calls, answered and refused as Telegram does. Updates the bot should get
 * either wait for getUpdates (the runner over HTTP) or go straight to a `sink`.
 */
export class EmbeddedTelegram {
  readonly users = new Map<number, User>();
  private readonly chats = new Map<number, StoredChat>();
  /** People who pressed Start in their private chat with the bot. */
  readonly started = new Set<number>();
  /** People who blocked the bot. */
  readonly blocked = new Set<number>();
  /** `${chatId}:${userId}` → the status getChatMember reports ("member" when not set). */
  readonly memberStatus = new Map<string, string>();
  readonly menus = new CommandMenus();
  readonly files = new Map<string, StoredFile>();
  /** Deep-link payloads waiting for a person to press Start. */
  readonly pendingStart = new Map<number, string>();
  private readonly listeners = new Set<(event: TelegramEvent) => void>();
  private readonly callbacks = new Map<string, { userId: number; chatId: number; answered: boolean }>();
  private readonly queue: Update[] = [];
  private waiters: (() => void)[] = [];
  private nextUpdateId = 1;
  private nextFileId = 1;
  /** Given, updates go straight to it (tests, seeding); otherwise they wait for getUpdates. */
  sink: ((update: Update) => Promise<void>) | undefined;
  /** Off for benchmarks: sent messages are answered but not kept (edits then need lenient rules). */
  keepHistory = true;
  /** Telegram's clock in Unix seconds. */
  now: () => number = () => Math.floor(Date.now() / 1000);

  constructor(
    readonly me: UserFromGetMe,
    readonly rules: TelegramRules = { ...ALL_RULES },
  ) {}

  /**
   * Takes over another Telegram's world as it stands (chats with their messages, people, files,
   * menus, pending presses), copied, so that both go on apart: a test starting from a scene
   * built once.
   */
  copyWorldFrom(other: EmbeddedTelegram): void {
    const refill = <K, V>(mine: Map<K, V>, theirs: Map<K, V>, copy: (value: V) => V = (value) => value) => {
      mine.clear();
      for (const [key, value] of theirs) mine.set(key, copy(value));
    };
    const copySet = <T>(mine: Set<T>, theirs: Set<T>) => {
      mine.clear();
      for (const value of theirs) mine.add(value);
    };
    refill(this.users, other.users, structuredClone);
    refill(this.chats, other.chats, (stored) => ({
      chat: structuredClone(stored.chat),
      nextMessageId: stored.nextMessageId,
      messages: structuredClone(stored.messages),
    }));
    copySet(this.started, other.started);
    copySet(this.blocked, other.blocked);
    refill(this.memberStatus, other.memberStatus);
    this.menus.copyFrom(other.menus);
    refill(this.files, other.files, (file) => ({ ...file }));
    refill(this.pendingStart, other.pendingStart);
    refill(this.callbacks, other.callbacks, (query) => ({ ...query }));
    this.queue.splice(0, this.queue.length, ...structuredClone(other.queue));
    this.nextUpdateId = other.nextUpdateId;
    this.nextFileId = other.nextFileId;
    this.keepHistory = other.keepHistory;
    Object.assign(this.rules, other.rules);
  }

  on(listener: (event: TelegramEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(event: TelegramEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  // ── The world ────────────────────────────────────────────────────────────────────────

  addUser(user: User): void {
    this.users.set(user.id, user);
  }

  addChat(chat: Chat): void {
    if (!this.chats.has(chat.id)) this.chats.set(chat.id, { chat, nextMessageId: 1, messages: new Map() });
  }

  chat(id: number): Chat | undefined {
    return this.chats.get(id)?.chat;
  }

  /** Messages of a chat, oldest first. */
  messages(chatId: number): Message[] {
    return [...(this.chats.get(chatId)?.messages.values() ?? [])].sort((a, b) => a.message_id - b.message_id);
  }

  message(chatId: number, messageId: number): Message | undefined {
    return this.chats.get(chatId)?.messages.get(messageId);
  }

  /** The id the next message in this chat gets (ids count per chat, as in Telegram). */
  nextMessageId(chatId: number): number {
    const stored = this.chats.get(chatId);
    return stored ? stored.nextMessageId++ : 1;
  }

  privateChatOf(user: User): Chat {
    return { id: user.id, type: "private", first_name: user.first_name, ...(user.last_name ? { last_name: user.last_name } : {}) } as Chat;
  }

  isAdministrator(chatId: number, userId: number): boolean {
    const status = this.memberStatus.get(`${chatId}:${userId}`);
    return status === "administrator" || status === "creator";
  }

  commandsFor(userId: number, chatId: number): BotCommand[] {
    const chat = this.chat(chatId);
    return this.menus.forViewer({
      chatId,
      chatType: chatId > 0 ? "private" : chat?.type === "group" ? "group" : "supergroup",
      userId,
      languageCode: this.users.get(userId)?.language_code,
      isAdministrator: this.isAdministrator(chatId, userId),
    });
  }

  /**
   * Takes note of an update made outside (a test building its own): its people, chat, message
   * and files become part of the world, and a private message means the person started the bot.
   */
  observe(update: Update): void {
    const message = update.message ?? update.edited_message;
    const from = message?.from ?? update.callback_query?.from ?? update.my_chat_member?.from;
    if (from && !this.users.has(from.id)) this.addUser(from);
    if (!message) return;
    this.addChat(message.chat);
    const stored = this.chats.get(message.chat.id)!;
    stored.messages.set(message.message_id, message);
    stored.nextMessageId = Math.max(stored.nextMessageId, message.message_id + 1);
    if (message.chat.type === "private" && from) this.started.add(from.id);
    for (const size of message.photo ?? []) this.rememberFile(size.file_id, "photo.jpg", "image/jpeg");
    for (const file of [message.document, message.voice, message.audio, message.video]) {
      if (file)
        this.rememberFile(file.file_id, ("file_name" in file && file.file_name) || "file", file.mime_type ?? "application/octet-stream");
    }
  }

  private rememberFile(fileId: string, filename: string, mime: string): void {
    if (this.files.has(fileId)) return;
    this.files.set(fileId, {
      file_id: fileId,
      file_unique_id: fileId,
      file_path: `files/${fileId}`,
      filename,
      mime_type: mime,
      bytes: undefined,
    });
  }

  private store(upload: UploadedFile, fallbackName: string): StoredFile {
    const n = this.nextFileId++;
    const unique = createHash("sha256").update(upload.bytes).digest("hex").slice(0, 16);
    const file: StoredFile = {
      file_id: `f${n}-${unique}`,
      file_unique_id: unique,
      file_path: `files/${n}/${encodeURIComponent(upload.filename || fallbackName)}`,
      filename: upload.filename || fallbackName,
      mime_type: upload.contentType,
      bytes: upload.bytes,
    };
    this.files.set(file.file_id, file);
    return file;
  }

  /** A file someone has on their device, to send to the bot (tests, the page's uploads). */
  upload(upload: UploadedFile): StoredFile {
    return this.store(upload, "file");
  }

  fileByPath(path: string): StoredFile | undefined {
    for (const file of this.files.values()) if (file.file_path === path) return file;
    return undefined;
  }

  // ── Updates ──────────────────────────────────────────────────────────────────────────

  private async deliver(update: Omit<Update, "update_id">): Promise<void> {
    const full = { update_id: this.nextUpdateId++, ...update } as Update;
    if (this.sink) return this.sink(full);
    this.queue.push(full);
    const waiting = this.waiters;
    this.waiters = [];
    for (const wake of waiting) wake();
  }

  /** getUpdates: what is queued after `offset`, or a wait of up to `timeout` seconds for it. */
  async getUpdates(params: Params, signal?: AbortSignal): Promise<Update[]> {
    const offset = Number(params.offset ?? 0);
    while (this.queue.length > 0 && this.queue[0]!.update_id < offset) this.queue.shift();
    const limit = Math.min(Math.max(Number(params.limit ?? 100), 1), 100);
    const timeout = Number(params.timeout ?? 0);
    if (this.queue.length === 0 && timeout > 0 && !signal?.aborted) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, timeout * 1000);
        const wake = () => {
          clearTimeout(timer);
          resolve();
        };
        this.waiters.push(wake);
        signal?.addEventListener("abort", wake, { once: true });
      });
    }
    return this.queue.slice(0, limit);
  }

  /** Updates waiting for getUpdates. */
  get pendingUpdates(): number {
    return this.queue.length;
  }

  // ── What people do ───────────────────────────────────────────────────────────────────

  private userMessage(user: User, chatId: number, fields: Partial<Message>): Message {
    const stored = this.chats.get(chatId);
    if (!stored) throw new Error(`no chat ${chatId}`);
    const message = { message_id: stored.nextMessageId++, date: this.now(), chat: stored.chat, from: user, ...fields } as Message;
    stored.messages.set(message.message_id, message);
    return message;
  }

  /** A person sends something in a chat; the bot gets it when Telegram would let it see it. */
  async send(userId: number, chatId: number, out: Outgoing): Promise<Message> {
    const user = this.users.get(userId);
    if (!user) throw new Error(`no user ${userId}`);
    if (chatId === userId) this.addChat(this.privateChatOf(user));
    if (chatId === userId && !this.started.has(userId)) throw new Error("press Start first: the private chat has not begun");
    const fields: Partial<Message> = {};
    if (out.text !== undefined) {
      fields.text = out.text;
      const command = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(out.text);
      if (command) fields.entities = [{ type: "bot_command", offset: 0, length: command[0].length }];
    }
    if (out.photo !== undefined) {
      const file = typeof out.photo === "string" ? this.files.get(out.photo) : this.store(out.photo, "photo.jpg");
      if (!file) throw new Error("unknown photo");
      fields.photo = [
        { file_id: file.file_id, file_unique_id: file.file_unique_id, width: 1280, height: 960, file_size: file.bytes?.length },
      ];
    }
    if (out.document) {
      const file = this.store(out.document, "file");
      fields.document = {
        file_id: file.file_id,
        file_unique_id: file.file_unique_id,
        file_name: file.filename,
        mime_type: file.mime_type,
        file_size: file.bytes?.length,
      };
    }
    if (out.location) fields.location = out.location;
    if (out.caption) fields.caption = out.caption;
    if (out.replyTo !== undefined) {
      const original = this.message(chatId, out.replyTo);
      if (original) fields.reply_to_message = { ...original, reply_to_message: undefined } as Message["reply_to_message"];
    }
    const message = this.userMessage(user, chatId, fields);
    const seenByBot = !this.rules.privacy || isSeenByBot(message, this.me);
    this.emit({ kind: "message", chatId, message, seenByBot });
    if (seenByBot) await this.deliver({ message: message as Update["message"] });
    return message;
  }

  /** The person presses Start in their private chat (with a deep link's payload, if one opened it). */
  async start(userId: number): Promise<Message> {
    const user = this.users.get(userId);
    if (!user) throw new Error(`no user ${userId}`);
    this.addChat(this.privateChatOf(user));
    const payload = this.pendingStart.get(userId);
    this.pendingStart.delete(userId);
    if (!this.started.has(userId)) {
      this.started.add(userId);
      this.emit({ kind: "started", userId });
    }
    return this.send(userId, userId, { text: payload ? `/start ${payload}` : "/start" });
  }

  /**
   * A person opens a link. A deep link to this bot opens the private chat: with a Start button
   * if they never started the bot, or at once as `/start <payload>` if they did (Bot API,
   * "Deep linking"). Returns the private chat's id, or undefined for any other link.
   */
  async openLink(userId: number, url: string): Promise<number | undefined> {
    const match = DEEP_LINK.exec(url);
    if (!match || match[1]!.toLowerCase() !== this.me.username.toLowerCase()) return undefined;
    this.pendingStart.set(userId, match[2]!);
    if (this.started.has(userId)) await this.start(userId);
    return userId;
  }

  /** A person presses an inline button; Telegram sends its callback data, nothing else. */
  async press(userId: number, chatId: number, messageId: number, data: string): Promise<string> {
    const user = this.users.get(userId);
    const message = this.message(chatId, messageId);
    if (!user || !message) throw new Error("no such message");
    const has = (message.reply_markup?.inline_keyboard ?? []).flat().some((b) => "callback_data" in b && b.callback_data === data);
    if (!has) throw new Error(`the message has no button "${data}"`);
    const id = String(this.nextUpdateId * 1000 + userId);
    this.callbacks.set(id, { userId, chatId, answered: false });
    await this.deliver({ callback_query: { id, from: user, chat_instance: String(chatId), data, message } as never });
    return id;
  }

  // ── The Bot API ──────────────────────────────────────────────────────────────────────

  /** One Bot API call: the result Telegram gives, or an ApiError with Telegram's words. */
  async call(method: string, params: Params, uploads: Record<string, UploadedFile> = {}, signal?: AbortSignal): Promise<unknown> {
    const handler = this.methods[method];
    if (!handler) throw new ApiError(404, "Not Found");
    try {
      return await handler(params, uploads, signal);
    } catch (error) {
      if (error instanceof ApiError && params.chat_id !== undefined) {
        this.emit({ kind: "refused", chatId: Number(params.chat_id), method, description: error.description });
      }
      throw error;
    }
  }

  private readonly methods: Record<string, (p: Params, uploads: Record<string, UploadedFile>, signal?: AbortSignal) => unknown> = {
    getMe: () => this.me,
    logOut: () => true,
    close: () => true,
    deleteWebhook: () => true,
    setWebhook: () => true,
    getWebhookInfo: () => ({ url: "", has_custom_certificate: false, pending_update_count: this.queue.length }),
    getUpdates: (p, _u, signal) => this.getUpdates(p, signal),
    setMyCommands: (p) => {
      this.menus.set(p.commands ?? [], p.scope as BotCommandScope | undefined, p.language_code);
      this.emit({ kind: "commands" });
      return true;
    },
    deleteMyCommands: (p) => {
      this.menus.delete(p.scope as BotCommandScope | undefined, p.language_code);
      this.emit({ kind: "commands" });
      return true;
    },
    getMyCommands: (p) => this.menus.get(p.scope as BotCommandScope | undefined, p.language_code),
    setMyDescription: () => true,
    setMyShortDescription: () => true,
    setMyName: () => true,
    setChatMenuButton: () => true,
    sendChatAction: (p) => (this.writableChat(p.chat_id), true),
    getChat: (p) => this.knownChat(p.chat_id),
    getChatMember: (p) => {
      const status = this.memberStatus.get(`${p.chat_id}:${p.user_id}`) ?? "member";
      const user = this.users.get(Number(p.user_id)) ?? { id: Number(p.user_id), is_bot: false, first_name: "Person" };
      return { status, user };
    },
    getChatAdministrators: (p) =>
      [...this.memberStatus.entries()]
        .filter(([key, status]) => key.startsWith(`${p.chat_id}:`) && (status === "administrator" || status === "creator"))
        .map(([key, status]) => ({ status, user: this.users.get(Number(key.split(":")[1])) })),
    sendMessage: (p) => {
      const text = String(p.text ?? "");
      if (text.trim() === "") throw badRequest(REFUSALS.textEmpty);
      if (this.rules.limits && text.length > LIMITS.text) throw badRequest(REFUSALS.textTooLong);
      return this.botMessage(p, { text });
    },
    sendPhoto: (p, uploads) => {
      const file = this.fileParam(p.photo, uploads, "photo.jpg");
      return this.botMessage(p, { photo: [{ file_id: file.file_id, file_unique_id: file.file_unique_id, width: 1280, height: 960 }] });
    },
    sendDocument: (p, uploads) => {
      const file = this.fileParam(p.document, uploads, "document");
      return this.botMessage(p, {
        document: {
          file_id: file.file_id,
          file_unique_id: file.file_unique_id,
          file_name: file.filename,
          mime_type: file.mime_type,
          file_size: file.bytes?.length,
        },
      });
    },
    sendVoice: (p, uploads) =>
      this.botMessage(p, { voice: { ...this.media(p.voice, uploads, "voice.ogg"), duration: Number(p.duration ?? 0) } }),
    sendAudio: (p, uploads) =>
      this.botMessage(p, { audio: { ...this.media(p.audio, uploads, "audio.mp3"), duration: Number(p.duration ?? 0) } }),
    sendVideo: (p, uploads) =>
      this.botMessage(p, {
        video: { ...this.media(p.video, uploads, "video.mp4"), width: 640, height: 480, duration: Number(p.duration ?? 0) },
      }),
    sendLocation: (p) => this.botMessage(p, { location: { latitude: Number(p.latitude), longitude: Number(p.longitude) } }),
    sendMediaGroup: (p, uploads) => {
      const media = (p.media ?? []) as { type: string; media: string; caption?: string }[];
      const group = String(this.nextFileId++);
      return media.map((item, i) => {
        const file = this.fileParam(item.media, uploads, `${item.type}-${i}`);
        const fields: Partial<Message> =
          item.type === "photo"
            ? { photo: [{ file_id: file.file_id, file_unique_id: file.file_unique_id, width: 1280, height: 960 }] }
            : {
                document: {
                  file_id: file.file_id,
                  file_unique_id: file.file_unique_id,
                  file_name: file.filename,
                  mime_type: file.mime_type,
                },
              };
        return this.botMessage({ ...p, caption: item.caption }, { ...fields, media_group_id: group });
      });
    },
    editMessageText: (p) => {
      const text = String(p.text ?? "");
      if (text.trim() === "") throw badRequest(REFUSALS.textEmpty);
      if (this.rules.limits && text.length > LIMITS.text) throw badRequest(REFUSALS.textTooLong);
      return this.edit(p, (m) => ({ ...m, text }));
    },
    editMessageCaption: (p) => {
      if (this.rules.limits && String(p.caption ?? "").length > LIMITS.caption) throw badRequest(REFUSALS.captionTooLong);
      return this.edit(p, (m) => ({ ...m, caption: p.caption }));
    },
    editMessageReplyMarkup: (p) => this.edit(p, (m) => m),
    deleteMessage: (p) => {
      const stored = this.chats.get(Number(p.chat_id));
      if (!stored?.messages.delete(Number(p.message_id))) {
        if (this.rules.strictEdits) throw badRequest(REFUSALS.deleteNotFound);
        return true;
      }
      this.emit({ kind: "delete", chatId: Number(p.chat_id), messageId: Number(p.message_id) });
      return true;
    },
    answerCallbackQuery: (p) => {
      const text = String(p.text ?? "");
      if (this.rules.limits && text.length > LIMITS.callbackAnswer) throw badRequest(REFUSALS.answerTooLong);
      const query = this.callbacks.get(String(p.callback_query_id));
      if (query) {
        if (query.answered && this.rules.strictEdits) throw badRequest(REFUSALS.callbackQueryInvalid);
        query.answered = true;
        this.emit({ kind: "answer", userId: query.userId, chatId: query.chatId, text, showAlert: p.show_alert === true });
      }
      return true;
    },
    getFile: (p) => {
      const file = this.files.get(String(p.file_id));
      if (!file) throw badRequest(REFUSALS.fileNotFound);
      return { file_id: file.file_id, file_unique_id: file.file_unique_id, file_size: file.bytes?.length, file_path: file.file_path };
    },
    pinChatMessage: () => true,
    unpinChatMessage: () => true,
    leaveChat: () => true,
  };

  /** The chat the bot may write to, or Telegram's refusal. */
  private writableChat(chatIdParam: unknown): StoredChat {
    const id = Number(chatIdParam);
    const stored = this.chats.get(id);
    if (id > 0) {
      if (this.blocked.has(id)) throw forbidden(REFUSALS.blocked);
      if (this.rules.requireStart) {
        if (!this.users.has(id)) throw badRequest(REFUSALS.chatNotFound);
        if (!this.started.has(id)) throw forbidden(REFUSALS.cantInitiate);
      }
    } else if (!stored && this.rules.requireStart) {
      throw badRequest(REFUSALS.chatNotFound);
    }
    if (stored) return stored;
    const user = this.users.get(id);
    const chat =
      id > 0
        ? user
          ? this.privateChatOf(user)
          : ({ id, type: "private", first_name: "Person" } as Chat)
        : ({ id, type: "supergroup", title: "Group" } as Chat);
    this.addChat(chat);
    return this.chats.get(id)!;
  }

  private knownChat(chatIdParam: unknown): Chat {
    const chat = this.chat(Number(chatIdParam));
    if (!chat) throw badRequest(REFUSALS.chatNotFound);
    return chat;
  }

  private checkMarkup(markup: InlineKeyboardMarkup | undefined): void {
    if (!this.rules.limits) return;
    for (const button of (markup?.inline_keyboard ?? []).flat()) {
      if ("callback_data" in button && Buffer.byteLength(String(button.callback_data)) > LIMITS.callbackData) {
        throw badRequest(REFUSALS.buttonDataInvalid);
      }
    }
  }

  private botMessage(p: Params, fields: Partial<Message>): Message {
    const stored = this.writableChat(p.chat_id);
    const caption = p.caption === undefined ? undefined : String(p.caption);
    if (caption !== undefined && this.rules.limits && caption.length > LIMITS.caption) throw badRequest(REFUSALS.captionTooLong);
    const markup = p.reply_markup as Message["reply_markup"] & { force_reply?: true };
    this.checkMarkup(markup);
    const replyId = p.reply_parameters?.message_id ?? p.reply_to_message_id;
    let replyTo: Message | undefined;
    if (replyId !== undefined) {
      replyTo = stored.messages.get(Number(replyId));
      const allowed = p.reply_parameters?.allow_sending_without_reply ?? p.allow_sending_without_reply;
      if (!replyTo && !allowed && this.rules.strictEdits) throw badRequest(REFUSALS.replyNotFound);
    }
    const message = {
      message_id: stored.nextMessageId++,
      date: this.now(),
      chat: stored.chat,
      from: { id: this.me.id, is_bot: true, first_name: this.me.first_name, username: this.me.username },
      ...fields,
      ...(caption !== undefined ? { caption } : {}),
      ...(replyTo ? { reply_to_message: { ...replyTo, reply_to_message: undefined } } : {}),
      // An inline keyboard belongs to the message; a forced reply or reply keyboard is kept for the page to act on.
      ...(markup ? { reply_markup: markup } : {}),
    } as Message;
    if (this.keepHistory) stored.messages.set(message.message_id, message);
    this.emit({ kind: "message", chatId: stored.chat.id, message, seenByBot: true });
    return message;
  }

  private fileParam(value: unknown, uploads: Record<string, UploadedFile>, fallbackName: string): StoredFile {
    const ref = String(value ?? "");
    if (ref.startsWith("attach://")) {
      const upload = uploads[ref.slice("attach://".length)];
      if (!upload) throw badRequest("wrong file identifier/HTTP URL specified");
      return this.store(upload, fallbackName);
    }
    const known = this.files.get(ref);
    if (known) return known;
    if (this.rules.strictEdits) throw badRequest(REFUSALS.fileNotFound);
    this.rememberFile(ref, fallbackName, "application/octet-stream");
    return this.files.get(ref)!;
  }

  /** A file's description in a message (voice, audio, video), from a file id or an upload. */
  private media(value: unknown, uploads: Record<string, UploadedFile>, fallbackName: string) {
    const file = this.fileParam(value, uploads, fallbackName);
    return {
      file_id: file.file_id,
      file_unique_id: file.file_unique_id,
      file_name: file.filename,
      mime_type: file.mime_type,
      file_size: file.bytes?.length,
    };
  }

  /** An edit of the bot's own message; without reply_markup the inline keyboard goes, as in Telegram. */
  private edit(p: Params, change: (m: Message) => Message): Message | true {
    const chatId = Number(p.chat_id);
    const stored = this.chats.get(chatId);
    const current = stored?.messages.get(Number(p.message_id));
    const markup = p.reply_markup?.inline_keyboard?.length ? (p.reply_markup as InlineKeyboardMarkup) : undefined;
    this.checkMarkup(markup);
    if (!stored || !current || current.from?.id !== this.me.id) {
      if (this.rules.strictEdits) throw badRequest(current ? REFUSALS.cantEdit : REFUSALS.editNotFound);
      // Lenient: answer as if the bot's message were there, as a stand-in that keeps no history would.
      const chat = this.writableChat(chatId).chat;
      return {
        message_id: Number(p.message_id),
        date: this.now(),
        chat,
        from: this.botUser(),
        text: p.text,
        reply_markup: p.reply_markup,
      } as Message;
    }
    const next = { ...change(current), reply_markup: markup } as Message;
    if (!markup) delete (next as { reply_markup?: unknown }).reply_markup;
    const same =
      next.text === current.text &&
      next.caption === current.caption &&
      JSON.stringify(next.reply_markup ?? null) ===
        JSON.stringify(current.reply_markup?.inline_keyboard?.length ? current.reply_markup : null);
    if (same && this.rules.strictEdits) throw badRequest(REFUSALS.notModified);
    const edited = { ...next, edit_date: this.now() } as Message;
    stored.messages.set(edited.message_id, edited);
    this.emit({ kind: "edit", chatId, message: edited });
    return edited;
  }

  private botUser(): User {
    return { id: this.me.id, is_bot: true, first_name: this.me.first_name, username: this.me.username };
  }
}
