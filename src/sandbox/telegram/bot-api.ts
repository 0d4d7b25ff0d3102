import type { IncomingMessage, ServerResponse } from "node:http";
import { ApiError } from "./errors.js";
import { boundaryOf, multipartParameters, parseMultipart, type UploadedFile } from "./multipart.js";
import type { EmbeddedTelegram, Params } from "./telegram.js";

export interface ApiReply {
  ok: boolean;
  result?: unknown;
  error_code?: number;
  description?: string;
  parameters?: unknown;
}

/** Runs one call and words the outcome as the Bot API's JSON answer. */
export async function reply(
  tg: EmbeddedTelegram,
  method: string,
  params: Params,
  uploads?: Record<string, UploadedFile>,
  signal?: AbortSignal,
): Promise<ApiReply> {
  try {
    return { ok: true, result: await tg.call(method, params, uploads, signal) };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return {
      ok: false,
      error_code: error.error_code,
      description: error.description,
      ...(error.parameters ? { parameters: error.parameters } : {}),
    };
  }
}

/** The method's parameters out of a request body of any kind the Bot API accepts. */
export function parseBody(
  body: Buffer,
  contentType: string | undefined,
  query = "",
): { params: Params; uploads: Record<string, UploadedFile> } {
  const params: Params = Object.fromEntries(new URLSearchParams(query));
  const type = (contentType ?? "").toLowerCase();
  if (body.length === 0) return { params, uploads: {} };
  if (type.startsWith("multipart/form-data")) {
    const boundary = boundaryOf(contentType);
    if (!boundary) return { params, uploads: {} };
    const parsed = multipartParameters(parseMultipart(body, boundary));
    return { params: { ...params, ...parsed.params }, uploads: parsed.uploads };
  }
  if (type.startsWith("application/x-www-form-urlencoded")) {
    return { params: { ...params, ...Object.fromEntries(new URLSearchParams(body.toString("utf8"))) }, uploads: {} };
  }
  return { params: { ...params, ...(JSON.parse(body.toString("utf8")) as Params) }, uploads: {} };
}

async function collect(body: unknown): Promise<Buffer> {
  if (body === undefined || body === null) return Buffer.alloc(0);
  if (typeof body === "string") return Buffer.from(body);
  if (body instanceof Uint8Array) return Buffer.from(body);
  const chunks: Buffer[] = [];
  for await (const chunk of body as AsyncIterable<Uint8Array | string>) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

function headerOf(headers: unknown, name: string): string | undefined {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const entry = Object.entries(headers as Record<string, string>).find(([key]) => key.toLowerCase() === name);
  return entry?.[1];
}

/** The method name of a Bot API URL: `<root>/bot<token>/<method>`. */
export function methodOf(url: string): string {
  const path = url.split("?")[0] ?? "";
  return path.slice(path.lastIndexOf("/") + 1);
}

/** Wraps each in-process call: to record it, or to answer in Telegram's place (a failure). */
export type Around = (method: string, params: Params, call: () => Promise<ApiReply>) => Promise<ApiReply>;

/**
 * A `fetch` for grammY's `client.fetch` that answers in-process: no socket, the same answers
 * as over HTTP. `around` sees each call and its reply.
 */
/** The parameters with each `attach://<name>` replaced by the file it names, as a watcher sees them. */
function withUploads(params: Params, uploads: Record<string, UploadedFile>): Params {
  const shown: Params = { ...params };
  for (const [key, value] of Object.entries(params)) {
    const name = typeof value === "string" && value.startsWith("attach://") ? value.slice("attach://".length) : undefined;
    const file = name === undefined ? undefined : uploads[name];
    if (file) shown[key] = { upload: file.bytes, filename: file.filename };
  }
  return shown;
}

export function inProcessFetch(tg: EmbeddedTelegram, around?: Around): typeof fetch {
  return (async (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input);
    const filePath = /\/file\/bot[^/]+\/(.+)$/.exec(url)?.[1];
    if (filePath !== undefined) {
      const stored = tg.fileByPath(filePath);
      return stored?.bytes
        ? new Response(new Uint8Array(stored.bytes), { status: 200, headers: { "content-type": stored.mime_type } })
        : new Response("Not Found", { status: 404 });
    }
    const method = methodOf(url);
    const { params, uploads } = parseBody(await collect(init?.body), headerOf(init?.headers, "content-type"), url.split("?")[1]);
    const call = () => reply(tg, method, params, uploads, init?.signal ?? undefined);
    const answer = around ? await around(method, withUploads(params, uploads), call) : await call();
    return new Response(JSON.stringify(answer), { status: answer.error_code ?? 200, headers: { "content-type": "application/json" } });
  }) as typeof fetch;
}

async function readRequest(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Serves the Bot API over HTTP at `/bot<token>/<method>` and files at `/file/bot<token>/<path>`,
 * for a bot pointed at this server as its API root. Returns false for any other path.
 */
export async function serveBotApi(tg: EmbeddedTelegram, token: string, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const url = req.url ?? "/";
  const path = url.split("?")[0] ?? "/";
  const send = (status: number, body: ApiReply) => res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
  if (path.startsWith("/file/bot")) {
    const [owner, ...rest] = path.slice("/file/".length).split("/");
    if (owner !== `bot${token}`) return (send(401, { ok: false, error_code: 401, description: "Unauthorized" }), true);
    const stored = tg.fileByPath(rest.join("/"));
    if (!stored?.bytes) return (send(404, { ok: false, error_code: 404, description: "Not Found" }), true);
    res.writeHead(200, { "content-type": stored.mime_type, "content-length": stored.bytes.length }).end(stored.bytes);
    return true;
  }
  const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(path);
  if (!match) return false;
  if (match[1] !== token) return (send(401, { ok: false, error_code: 401, description: "Unauthorized" }), true);
  const abort = new AbortController();
  res.on("close", () => abort.abort());
  try {
    const { params, uploads } = parseBody(await readRequest(req), req.headers["content-type"], url.split("?")[1]);
    const answer = await reply(tg, match[2]!, params, uploads, abort.signal);
    if (!res.writableEnded && !res.destroyed) send(answer.error_code ?? 200, answer);
  } catch (error) {
    send(400, { ok: false, error_code: 400, description: `Bad Request: ${error instanceof Error ? error.message : String(error)}` });
  }
  return true;
}
