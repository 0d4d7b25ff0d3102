import type { Clock } from "../clock.js";

/** The bot's clock in the sandbox: real time moving on, plus however far it was moved ahead. */
export class SandboxClock implements Clock {
  private offset = 0;

  now(): Date {
    return new Date(Date.now() + this.offset);
  }

  /** Moves the clock to an instant (never back: what happened stays in the past). */
  moveTo(instant: Date): void {
    this.offset = Math.max(this.offset, instant.getTime() - Date.now());
  }

  advance(ms: number): void {
    this.offset += ms;
  }
}
