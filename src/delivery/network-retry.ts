import { HttpError, type Transformer } from "grammy";
import type { Logger } from "pino";
import { pause } from "./pause.js";

export interface NetworkRetryOptions {
  /** Retries after the first try; then the failure goes to the caller. */
  attempts: number;
  /** The first pause; each next one is twice as long. */
  firstDelayMs: number;
}

/**
 * Network failures (no answer, or half an answer, from the Bot API) and Telegram's 5xx are retried a few
 * times with short, growing pauses, each logged, then passed on: during an outage a person's
 * queue must not wait for minutes behind one call (the auto-retry plugin retries network
 * failures forever and 5xx from three seconds up). 429s are the auto-retry plugin's business.
 * Five retries from a quarter of a second: at most about 8 s behind one call, and a call that
 * fails one time in seven still goes through all but once in a hundred thousand.
 */
export const NETWORK_RETRIES: NetworkRetryOptions = { attempts: 5, firstDelayMs: 250 };

export function boundedNetworkRetry(logger: Logger, options: NetworkRetryOptions = NETWORK_RETRIES): Transformer {
  return async (prev, method, payload, signal) => {
    for (let attempt = 0; ; attempt++) {
      let cause: string;
      try {
        const result = await prev(method, payload, signal);
        if (result.ok || result.error_code < 500 || attempt >= options.attempts) return result;
        cause = `${result.error_code} ${result.description}`;
      } catch (error) {
        // Here Telegram's refusals are results, so whatever is thrown is the transport failing:
        // grammY wraps most in HttpError; a connection dropped while the answer is read comes
        // as the fetch library's own error.
        if (attempt >= options.attempts || signal?.aborted) throw error;
        cause = error instanceof HttpError ? String(error.error) : String(error);
      }
      const delayMs = options.firstDelayMs * 2 ** attempt;
      logger.warn({ method, attempt: attempt + 1, delayMs, cause }, "Bot API call failed, retrying");
      await pause(delayMs, signal);
    }
  };
}
