import { HttpError, type Transformer } from "grammy";
import type { Logger } from "pino";

export interface NetworkRetryOptions {
  /** Retries after the first try; then the error goes to the caller. */
  attempts: number;
  /** The first pause; each next one is twice as long. */
  firstDelayMs: number;
}

const pause = (ms: number, signal?: { addEventListener(type: "abort", listener: () => void, options?: { once: boolean }): void }) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
  });

/**
 * Network failures (no answer from the Bot API at all) are retried a few times with growing
 * pauses, each logged, then passed on: during an outage a person's queue must not wait for
 * minutes behind one call. 429s and 5xx are the auto-retry plugin's business.
 */
export function boundedNetworkRetry(logger: Logger, options: NetworkRetryOptions = { attempts: 3, firstDelayMs: 500 }): Transformer {
  return async (prev, method, payload, signal) => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await prev(method, payload, signal);
      } catch (error) {
        if (!(error instanceof HttpError) || attempt >= options.attempts || signal?.aborted) throw error;
        const delayMs = options.firstDelayMs * 2 ** attempt;
        const cause = error.error instanceof Error ? error.error.message : String(error.error);
        logger.warn({ method, attempt: attempt + 1, delayMs, cause }, "network error talking to Telegram, retrying");
        await pause(delayMs, signal);
      }
    }
  };
}
