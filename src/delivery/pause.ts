/** Something that can be told to stop waiting (an AbortSignal of any flavour). */
export interface Stoppable {
  aborted: boolean;
  addEventListener(type: "abort", listener: () => void, options?: { once: boolean }): void;
  removeEventListener(type: "abort", listener: () => void): void;
}

/** Waits `ms`, or less when the signal aborts; leaves no listener behind. */
export function pause(ms: number, signal?: Stoppable): Promise<void> {
  return new Promise<void>((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
  });
}
