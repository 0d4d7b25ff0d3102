import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type { Sandbox, World } from "./sandbox.js";
import { WORLDS } from "./sandbox.js";
import { serveBotApi } from "./telegram/bot-api.js";
import type { TimeStep } from "./time.js";

const PAGE_DIR = join(import.meta.dirname, "page");
const PAGE_FILES: Record<string, string> = {
  "/": "index.html",
  "/app.js": "app.js",
  "/app.css": "app.css",
  "/favicon.ico": "",
};
const TYPES: Record<string, string> = {
  html: "text/html; charset=utf-8",
  js: "text/javascript; charset=utf-8",
  css: "text/css; charset=utf-8",
};
/** Scripts and styles from this server only, no inline script, nothing from elsewhere. */
const SECURITY_HEADERS = {
  "content-security-policy": "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
};
const STEPS: readonly TimeStep[] = ["hour", "day", "quarter", "vote"];

type Body = Record<string, any>;

async function readJson(req: IncomingMessage): Promise<Body> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return chunks.length ? (JSON.parse(Buffer.concat(chunks).toString("utf8")) as Body) : {};
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...SECURITY_HEADERS }).end(JSON.stringify(body));
}

/** `filename*` in RFC 5987 form, so Kyrgyz and Russian file names survive. */
function disposition(kind: "inline" | "attachment", name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** The page's view of the world: the people, the group, every chat's messages, the clock. */
function state(sandbox: Sandbox): Body {
  const tg = sandbox.tg;
  const chats: Record<string, unknown> = { [sandbox.groupChat]: tg.messages(sandbox.groupChat) };
  for (const c of sandbox.people) chats[c.user.id] = tg.messages(c.user.id);
  return {
    world: sandbox.world,
    worlds: WORLDS,
    now: sandbox.clock.now().toISOString(),
    bot: { id: tg.me.id, name: tg.me.first_name, username: tg.me.username },
    group: tg.chat(sandbox.groupChat),
    people: sandbox.people.map((c) => ({
      ...c.user,
      role: c.role,
      started: tg.started.has(c.user.id),
      administrator: tg.isAdministrator(sandbox.groupChat, c.user.id),
    })),
    chats,
  };
}

async function act(sandbox: Sandbox, action: string, body: Body): Promise<unknown> {
  const tg = sandbox.tg;
  const user = Number(body.user);
  const chat = Number(body.chat);
  switch (action) {
    case "send":
      return tg.send(user, chat, { text: String(body.text ?? ""), replyTo: body.replyTo === undefined ? undefined : Number(body.replyTo) });
    case "upload": {
      const file = {
        filename: String(body.name || "file"),
        contentType: String(body.type || "application/octet-stream"),
        bytes: Buffer.from(String(body.data ?? ""), "base64"),
      };
      return body.kind === "photo"
        ? tg.send(user, chat, { photo: file, caption: body.caption })
        : tg.send(user, chat, { document: file, caption: body.caption });
    }
    case "location":
      return tg.send(user, chat, { location: { latitude: Number(body.latitude), longitude: Number(body.longitude) } });
    case "press":
      return { query: await tg.press(user, chat, Number(body.message), String(body.data)) };
    case "link":
      return { chat: (await tg.openLink(user, String(body.url))) ?? null };
    case "start":
      return tg.start(user);
    case "menu":
      return tg.commandsFor(user, chat);
    case "time": {
      if (!STEPS.includes(body.step)) throw new Error("unknown step");
      return { now: (await sandbox.move(body.step as TimeStep)).toISOString() };
    }
    case "world": {
      if (!WORLDS.includes(body.world)) throw new Error("unknown world");
      await sandbox.open(body.world as World);
      return state(sandbox);
    }
    default:
      throw new Error(`unknown action ${action}`);
  }
}

function events(sandbox: Sandbox, req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(200, {
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-store",
    connection: "keep-alive",
    ...SECURITY_HEADERS,
  });
  res.write(": connected\n\n");
  const off = sandbox.on((event) => res.write(`data: ${JSON.stringify(event)}\n\n`));
  const ping = setInterval(() => res.write(": ping\n\n"), 15_000);
  req.on("close", () => {
    off();
    clearInterval(ping);
  });
}

function file(sandbox: Sandbox, res: ServerResponse, id: string, kind: "inline" | "attachment"): void {
  const stored = sandbox.tg.files.get(id);
  if (!stored?.bytes) {
    json(res, 404, { error: "no such file" });
    return;
  }
  res
    .writeHead(200, { "content-type": stored.mime_type, "content-disposition": disposition(kind, stored.filename), ...SECURITY_HEADERS })
    .end(stored.bytes);
}

/** A text message as a file, for the documents the bot issues as text. */
function text(sandbox: Sandbox, res: ServerResponse, chat: number, id: number): void {
  const message = sandbox.tg.message(chat, id);
  const body = message?.text ?? message?.caption;
  if (body === undefined) {
    json(res, 404, { error: "no such message" });
    return;
  }
  res
    .writeHead(200, {
      "content-type": "text/plain; charset=utf-8",
      "content-disposition": disposition("attachment", `message-${chat}-${id}.txt`),
      ...SECURITY_HEADERS,
    })
    .end(body);
}

/** Only this machine, by name too (a page elsewhere cannot reach in through DNS rebinding). */
function fromHere(req: IncomingMessage, port: number): boolean {
  const host = req.headers.host ?? "";
  return [`127.0.0.1:${port}`, `localhost:${port}`].includes(host);
}

async function route(sandbox: Sandbox, token: string, port: number, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (!fromHere(req, port)) return json(res, 403, { error: "this sandbox serves 127.0.0.1 only" });
  if (await serveBotApi(sandbox.tg, token, req, res)) return;
  const url = new URL(req.url ?? "/", `http://127.0.0.1:${port}`);
  const page = PAGE_FILES[url.pathname];
  if (req.method === "GET" && page === "") return void res.writeHead(204).end();
  if (req.method === "GET" && page) {
    const type = TYPES[page.split(".").pop()!]!;
    return void res
      .writeHead(200, { "content-type": type, "cache-control": "no-store", ...SECURITY_HEADERS })
      .end(readFileSync(join(PAGE_DIR, page)));
  }
  if (req.method === "GET" && url.pathname === "/events") return events(sandbox, req, res);
  if (req.method === "GET" && url.pathname === "/state") {
    await sandbox.busy;
    return json(res, 200, state(sandbox));
  }
  const fileMatch = /^\/files\/([^/]+)$/.exec(url.pathname);
  if (req.method === "GET" && fileMatch)
    return file(sandbox, res, decodeURIComponent(fileMatch[1]!), url.searchParams.has("download") ? "attachment" : "inline");
  const textMatch = /^\/text\/(-?\d+)\/(\d+)$/.exec(url.pathname);
  if (req.method === "GET" && textMatch) return text(sandbox, res, Number(textMatch[1]), Number(textMatch[2]));
  const actMatch = /^\/act\/([a-z]+)$/.exec(url.pathname);
  // Actions take JSON only: a form on another site cannot send that without the browser asking first.
  if (req.method === "POST" && actMatch && (req.headers["content-type"] ?? "").startsWith("application/json")) {
    try {
      return json(res, 200, await act(sandbox, actMatch[1]!, await readJson(req)));
    } catch (error) {
      return json(res, 400, { error: error instanceof Error ? error.message : String(error) });
    }
  }
  json(res, 404, { error: "not found" });
}

/** Listens on 127.0.0.1 only: the page, its events and actions, and the Bot API the bot polls. */
export async function listen(sandbox: () => Sandbox, token: string, port: number): Promise<{ server: Server; port: number }> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  server.on("request", (req, res) => {
    route(sandbox(), token, actual, req, res).catch((error: unknown) => {
      if (!res.headersSent) json(res, 500, { error: error instanceof Error ? error.message : String(error) });
    });
  });
  return { server, port: actual };
}
