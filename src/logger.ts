import { pino, type Logger } from "pino";
import type { LogLevel } from "./config.js";

/** Structured JSON lines on stdout. */
export function createLogger(level: LogLevel): Logger {
  return pino({ level, base: { service: "monitoring-group-bot" } });
}
