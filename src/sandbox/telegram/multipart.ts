/** One uploaded file of a multipart request. */
export interface UploadedFile {
  filename: string;
  contentType: string;
  bytes: Buffer;
}

export interface Multipart {
  fields: Record<string, string>;
  files: Record<string, UploadedFile>;
}

export function boundaryOf(contentType: string | undefined): string | undefined {
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? "");
  return match?.[1] ?? match?.[2];
}

/** A header parameter, quoted or not. grammY sends `filename=Протокол.pdf` unquoted, in raw UTF-8. */
function parameter(header: string, name: string): string | undefined {
  const match = new RegExp(`;\\s*${name}=(?:"((?:[^"\\\\]|\\\\.)*)"|([^;\\r\\n]*))`, "i").exec(header);
  const value = match?.[1] ?? match?.[2]?.trim();
  return value?.replace(/\\(.)/g, "$1");
}

/**
 * A tolerant multipart/form-data parser. undici's `Request.formData()` throws on grammY's
 * unquoted UTF-8 file names and busboy drops those parts; this reads them as they are.
 */
export function parseMultipart(body: Buffer, boundary: string): Multipart {
  const result: Multipart = { fields: {}, files: {} };
  const delimiter = Buffer.from(`--${boundary}`);
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const partStart = start + delimiter.length;
    if (body.subarray(partStart, partStart + 2).toString() === "--") break;
    const next = body.indexOf(delimiter, partStart);
    if (next === -1) break;
    const part = body.subarray(partStart + 2, next - 2); // skip the CRLF after the delimiter and before the next
    const headerEnd = part.indexOf("\r\n\r\n");
    if (headerEnd !== -1) {
      const headers = part.subarray(0, headerEnd).toString("utf8");
      const content = part.subarray(headerEnd + 4);
      const disposition = /content-disposition:([^\r\n]*)/i.exec(headers)?.[1] ?? "";
      const name = parameter(disposition, "name");
      const filename = parameter(disposition, "filename");
      const contentType = /content-type:\s*([^\r\n]*)/i.exec(headers)?.[1]?.trim() ?? "application/octet-stream";
      if (name !== undefined && filename !== undefined) result.files[name] = { filename, contentType, bytes: Buffer.from(content) };
      else if (name !== undefined) result.fields[name] = content.toString("utf8");
    }
    start = next;
  }
  return result;
}

/**
 * The method's parameters out of a multipart body: JSON-valued fields (reply_markup, media…)
 * decoded, and each file given as an upload; `attach://<name>` references point at them.
 */
export function multipartParameters(parts: Multipart): { params: Record<string, unknown>; uploads: Record<string, UploadedFile> } {
  const params: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(parts.fields)) {
    params[name] = /^[[{]/.test(value) ? safeJson(value) : value;
  }
  return { params, uploads: parts.files };
}

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
