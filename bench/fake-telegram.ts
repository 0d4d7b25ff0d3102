import type { ApiClientOptions } from "grammy";
import type { Chat, Message, UserFromGetMe } from "grammy/types";

type Fetch = NonNullable<ApiClientOptions["fetch"]>;

/**
 * How the answer reaches the bot. "turn": on a later turn of the event loop, as a reply read
 * from a socket would (timers and other updates get to run meanwhile). "microtask": at once.
 */
export type Delivery = "turn" | "microtask";

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * A light stand-in for the Bot API with no network and no delay: answers every method as
 * Telegram would (real Message objects for sent and edited messages, the chat member status
 * for getChatMember, `true` for the rest), counts calls, and keeps the request notices so the
 * approvals phase can press the very buttons the bot sent.
 */
export class BenchTelegram {
  /** `${chatId}:${userId}` of the people Telegram reports as chat administrators. */
  readonly admins = new Set<string>();
  /** Calls per method. */
  readonly counts = new Map<string, number>();
  /** Callback data `req:<id>:a` → the message that carries that button. */
  readonly requestNotices = new Map<string, Message>();
  private nextMessageId = 1;

  constructor(
    private readonly me: UserFromGetMe,
    private readonly delivery: Delivery,
  ) {}

  get totalCalls(): number {
    let total = 0;
    for (const n of this.counts.values()) total += n;
    return total;
  }

  readonly fetch = (async (url: string | URL, init?: { body?: unknown }) => {
    const method = String(url).slice(String(url).lastIndexOf("/") + 1);
    const payload = typeof init?.body === "string" ? (JSON.parse(init.body) as Record<string, any>) : {};
    this.counts.set(method, (this.counts.get(method) ?? 0) + 1);
    const body = { ok: true, result: this.answer(method, payload) };
    if (this.delivery === "turn") await nextTurn();
    return { json: async () => body };
  }) as unknown as Fetch;

  private chat(id: number): Chat {
    return id > 0
      ? ({ id, type: "private", first_name: "Person" } as Chat)
      : ({ id, type: "supergroup", title: "Group" } as Chat);
  }

  private message(payload: Record<string, any>, messageId: number): Message {
    return {
      message_id: messageId,
      date: Math.floor(Date.now() / 1000),
      chat: this.chat(Number(payload.chat_id)),
      from: { id: this.me.id, is_bot: true, first_name: this.me.first_name, username: this.me.username },
      text: payload.text,
      reply_markup: payload.reply_markup,
    } as Message;
  }

  private answer(method: string, payload: Record<string, any>): unknown {
    switch (method) {
      case "sendMessage": {
        const message = this.message(payload, this.nextMessageId++);
        for (const row of payload.reply_markup?.inline_keyboard ?? []) {
          for (const button of row) {
            const data: unknown = button.callback_data;
            if (typeof data === "string" && data.startsWith("req:") && data.endsWith(":a")) this.requestNotices.set(data, message);
          }
        }
        return message;
      }
      case "editMessageText":
      case "editMessageReplyMarkup":
        return this.message(payload, Number(payload.message_id));
      case "getChatMember": {
        const status = this.admins.has(`${payload.chat_id}:${payload.user_id}`) ? "administrator" : "member";
        return { status, user: { id: payload.user_id, is_bot: false, first_name: "Person" } };
      }
      case "getMe":
        return this.me;
      default:
        return true;
    }
  }
}
