import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Update, UserFromGetMe } from "grammy/types";

/** One call the bot made, as the fake saw it. */
export interface Seen {
  method: string;
  body: Record<string, any>;
  at: number;
}

export interface FaultCounts {
  calls: number;
  tooMany: number;
  serverError: number;
  dropped: number;
}

/**
 * A Bot API on loopback for the campaign: getUpdates with real offset semantics (an update
 * is gone only once a later poll confirms it), a share of calls failed on purpose (429 with
 * retry_after, 500, a connection dropped before the call is done), and some updates delivered
 * twice. Every call the bot makes is passed to `onCall`.
 */
export class FakeBotApi {
  private readonly queue: Update[] = [];
  private readonly delivered: Update[] = [];
  private readonly waiters = new Set<() => void>();
  private nextUpdateId = 1;
  private nextMessageId = 1;
  private server: Server | undefined;
  readonly faults: FaultCounts = { calls: 0, tooMany: 0, serverError: 0, dropped: 0 };
  duplicates = 0;
  /** Updates handed to the bot (first time), by id. */
  readonly handedAt = new Map<number, number>();
  faultRate = 0.2;
  duplicateRate = 0.1;
  admins = new Set<string>();

  constructor(
    private readonly me: UserFromGetMe,
    private readonly onCall: (seen: Seen) => void,
    private readonly random: () => number,
  ) {}

  async listen(): Promise<string> {
    this.server = createServer((req, res) => this.serve(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  close(): void {
    for (const wake of this.waiters) wake();
    this.server?.closeAllConnections();
    this.server?.close();
  }

  /** A person's update, queued for the next poll; returns its id. */
  push(update: Omit<Update, "update_id">): number {
    const id = this.nextUpdateId++;
    this.queue.push({ update_id: id, ...update } as Update);
    for (const wake of this.waiters) wake();
    return id;
  }

  get waiting(): number {
    return this.queue.length;
  }

  private serve(req: IncomingMessage, res: ServerResponse): void {
    let raw = "";
    req.on("data", (chunk: Buffer) => (raw += chunk.toString()));
    req.on("end", () => {
      const method = req.url?.split("/").pop() ?? "";
      let body: Record<string, any> = {};
      try {
        body = raw ? (JSON.parse(raw) as Record<string, any>) : {};
      } catch {
        body = {};
      }
      this.faults.calls++;
      if (method !== "getMe" && this.random() < this.faultRate) return this.fail(req, res);
      if (method === "getUpdates") return void this.poll(body, res);
      this.onCall({ method, body, at: Date.now() });
      reply(res, this.answer(method, body));
    });
  }

  private fail(req: IncomingMessage, res: ServerResponse): void {
    const kind = this.random();
    if (kind < 1 / 3) {
      this.faults.tooMany++;
      res
        .writeHead(429, { "content-type": "application/json" })
        .end(
          JSON.stringify({ ok: false, error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } }),
        );
    } else if (kind < 2 / 3) {
      this.faults.serverError++;
      res
        .writeHead(500, { "content-type": "application/json" })
        .end(JSON.stringify({ ok: false, error_code: 500, description: "Internal Server Error" }));
    } else {
      this.faults.dropped++;
      req.socket.destroy();
    }
  }

  private async poll(body: Record<string, any>, res: ServerResponse): Promise<void> {
    const offset = Number(body.offset ?? 0);
    while (this.queue.length > 0 && this.queue[0]!.update_id < offset) this.queue.shift();
    if (this.queue.length === 0) {
      // Long polling, shortened: the campaign wants quick turns.
      await new Promise<void>((resolve) => {
        const wake = () => (this.waiters.delete(wake), clearTimeout(timer), resolve());
        const timer = setTimeout(wake, Math.min(Number(body.timeout ?? 0), 1) * 1000);
        this.waiters.add(wake);
      });
    }
    if (res.destroyed) return;
    const batch = this.queue.slice(0, Math.max(1, Math.min(Number(body.limit ?? 100), 100)));
    const now = Date.now();
    for (const update of batch)
      if (!this.handedAt.has(update.update_id)) this.handedAt.set(update.update_id, now), this.delivered.push(update);
    if (batch.length > 0 && this.delivered.length > 1 && this.random() < this.duplicateRate) {
      const again = this.delivered[Math.floor(this.random() * (this.delivered.length - 1))]!;
      if (again.update_id < batch[0]!.update_id) {
        this.duplicates++;
        batch.unshift(again);
      }
    }
    reply(res, batch);
  }

  private answer(method: string, body: Record<string, any>): unknown {
    const chatId = Number(body.chat_id);
    const chat = chatId > 0 ? { id: chatId, type: "private", first_name: "Person" } : { id: chatId, type: "supergroup", title: "Group" };
    const from = { id: this.me.id, is_bot: true, first_name: this.me.first_name, username: this.me.username };
    switch (method) {
      case "getMe":
        return this.me;
      case "sendMessage":
        return {
          message_id: this.nextMessageId++,
          date: Math.floor(Date.now() / 1000),
          chat,
          from,
          text: body.text,
          reply_markup: body.reply_markup,
        };
      case "editMessageText":
        return {
          message_id: Number(body.message_id),
          date: Math.floor(Date.now() / 1000),
          chat,
          from,
          text: body.text,
          reply_markup: body.reply_markup,
        };
      case "getChatMember":
        return {
          status: this.admins.has(`${body.chat_id}:${body.user_id}`) ? "administrator" : "member",
          user: { id: body.user_id, is_bot: false, first_name: "Person" },
        };
      default:
        return true;
    }
  }
}

function reply(res: ServerResponse, result: unknown): void {
  if (res.destroyed) return;
  res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ok: true, result }));
}
