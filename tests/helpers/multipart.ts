/** A file grammY uploaded, as the fake Bot API received it. */
export interface UploadedFile {
  filename: string;
  data: Buffer;
}

async function bytesOf(body: unknown): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body as AsyncIterable<Uint8Array>) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/**
 * Reads the multipart/form-data body grammY sends with files: plain fields (JSON ones parsed)
 * and the files, each put where its `attach://` reference stood. grammY writes file names
 * unquoted and in raw UTF-8, so the parts are split by hand.
 */
export async function readMultipart(body: unknown, contentType: string): Promise<Record<string, any>> {
  const boundary = /boundary=(.+)$/.exec(contentType)?.[1];
  if (!boundary) return {};
  const raw = await bytesOf(body);
  const fields: Record<string, any> = {};
  const files = new Map<string, UploadedFile>();
  const marker = Buffer.from(`--${boundary}`);
  let start = raw.indexOf(marker);
  while (start !== -1) {
    const next = raw.indexOf(marker, start + marker.length);
    if (next === -1) break;
    const part = raw.subarray(start + marker.length + 2, next - 2);
    const split = part.indexOf("\r\n\r\n");
    const head = part.subarray(0, split).toString("utf8");
    const content = part.subarray(split + 4);
    const name = /name="([^"]+)"/.exec(head)?.[1] ?? "";
    const filename = /filename=(.+)/.exec(head.split("\r\n")[0] ?? "")?.[1];
    if (filename !== undefined) files.set(name, { filename, data: Buffer.from(content) });
    else fields[name] = content.toString("utf8");
    start = next;
  }
  for (const [key, value] of Object.entries(fields)) {
    const attached = /^attach:\/\/(.+)$/.exec(value)?.[1];
    if (attached && files.has(attached)) fields[key] = files.get(attached);
    else if (/^[[{]/.test(value)) fields[key] = JSON.parse(value);
  }
  return fields;
}
