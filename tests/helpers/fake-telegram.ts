import type { Chat, InlineKeyboardButton, Message, UserFromGetMe } from "grammy/types";

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
  /** `${chatId}:${userId}` → status that getChatMember reports (default "member"). */
  readonly chatMemberStatus = new Map<string, string>();
  /** Decides a failure for a call, to play Telegram refusing (403, 429…). */
  fail: (call: ApiCall) => ApiFailure | undefined = () => undefined;
  /** Calls for which this is true never get an answer: what a process killed mid-call saw. */
  hold: (call: ApiCall) => boolean = () => false;
  /** What the next getUpdates returns (polling tests); emptied by each poll that gets it. */
  readonly pendingUpdates: unknown[] = [];
  private nextMessageId = 1000;
  now = () => Math.floor(Date.now() / 1000);

  readonly fetch = (async (url: string | URL, init?: { body?: unknown }) => {
    const method = String(url).split("/").pop() ?? "";
    const payload = typeof init?.body === "string" ? (JSON.parse(init.body) as Record<string, any>) : {};
    const call: ApiCall = { method, payload };
    this.calls.push(call);
    if (this.hold(call)) return new Promise<never>(() => undefined);
    // Long polling: an empty poll answers after a while, not at once.
    if (method === "getUpdates" && this.pendingUpdates.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
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
      case "getUpdates":
        return this.pendingUpdates.splice(0);
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

  reset(): void {
    this.calls.length = 0;
  }
}
