import type { ApiClientOptions } from "grammy";
import type { Message, UserFromGetMe } from "grammy/types";
import { requestData } from "../src/callbacks/index.js";
import { inProcessFetch } from "../src/sandbox/telegram/bot-api.js";
import { EmbeddedTelegram } from "../src/sandbox/telegram/telegram.js";

type Fetch = NonNullable<ApiClientOptions["fetch"]>;

/**
 * How the answer reaches the bot. "turn": on a later turn of the event loop, as a reply read
 * from a socket would (timers and other updates get to run meanwhile). "microtask": at once.
 */
export type Delivery = "turn" | "microtask";

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** `${chatId}:${userId}` keys of chat administrators, told to the embedded Telegram as they are added. */
class Administrators extends Set<string> {
  constructor(private readonly telegram: EmbeddedTelegram) {
    super();
  }
  override add(key: string): this {
    this.telegram?.memberStatus.set(key, "administrator");
    return super.add(key);
  }
}

/**
 * The embedded Telegram for benchmarks: it answers as it does for the tests and the sandbox,
 * keeps no message history (memory figures stay the bot's), counts calls, and keeps the request
 * notices so the approvals phase can press the very buttons the bot sent.
 */
export class BenchTelegram {
  readonly telegram: EmbeddedTelegram;
  readonly admins: Set<string>;
  /** Calls per method. */
  readonly counts = new Map<string, number>();
  /** Callback data `req:<id>:a` → the message that carries that button. */
  readonly requestNotices = new Map<string, Message>();
  readonly fetch: Fetch;

  constructor(me: UserFromGetMe, delivery: Delivery) {
    this.telegram = new EmbeddedTelegram(me, { privacy: true, requireStart: false, limits: true, strictEdits: false });
    this.telegram.keepHistory = false;
    this.admins = new Administrators(this.telegram);
    this.telegram.on((event) => {
      if (event.kind !== "message") return;
      for (const button of (event.message.reply_markup?.inline_keyboard ?? []).flat()) {
        const data = "callback_data" in button ? button.callback_data : undefined;
        if (data && requestData.parse(data)?.decision === "a") this.requestNotices.set(data, event.message);
      }
    });
    this.fetch = inProcessFetch(this.telegram, async (method, _params, call) => {
      this.counts.set(method, (this.counts.get(method) ?? 0) + 1);
      const answer = await call();
      if (delivery === "turn") await nextTurn();
      return answer;
    }) as unknown as Fetch;
  }

  get totalCalls(): number {
    let total = 0;
    for (const n of this.counts.values()) total += n;
    return total;
  }
}
