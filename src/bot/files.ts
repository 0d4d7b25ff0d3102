import type { ApiClientOptions } from "grammy";

const DEFAULT_API_ROOT = "https://api.telegram.org";

/** Downloads a file by its getFile path, through the same API root and fetch as the bot's calls. */
export function fileDownloader(token: string, client: ApiClientOptions | undefined): (filePath: string) => Promise<Uint8Array> {
  const root = client?.apiRoot ?? DEFAULT_API_ROOT;
  const fetchFile = (client?.fetch ?? fetch) as typeof fetch;
  return async (filePath) => {
    const response = await fetchFile(`${root}/file/bot${token}/${filePath}`);
    if (!response.ok) throw new Error(`file download failed with status ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  };
}
