import { isLocale, type Locale } from "./i18n/locales.js";

export type LogLevel = "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
const LOG_LEVELS: readonly LogLevel[] = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];

export interface Webhook {
  url: string;
  secret: string;
  port: number;
}

export interface Config {
  botToken: string;
  databasePath: string;
  apiRoot: string;
  superadminIds: ReadonlySet<number>;
  defaultLocale: Locale;
  webhook: Webhook | undefined;
  logLevel: LogLevel;
}

/** A configuration problem, worded for the one line the operator sees. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    readonly expected: string,
  ) {
    super(`${variable}: ${expected}`);
  }
}

type Env = Record<string, string | undefined>;

function read(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === "" ? undefined : value;
}

function required(env: Env, name: string, expected: string): string {
  const value = read(env, name);
  if (value === undefined) throw new ConfigError(name, `is required: ${expected}`);
  return value;
}

function botToken(env: Env): string {
  const token = required(env, "BOT_TOKEN", "the token @BotFather gave the bot, like 123456:ABC-DEF…");
  if (!/^\d+:[\w-]{20,}$/.test(token)) {
    throw new ConfigError("BOT_TOKEN", "expected the token from @BotFather, like 123456:ABC-DEF…");
  }
  return token;
}

function url(env: Env, name: string): string | undefined {
  const value = read(env, name);
  if (value === undefined) return undefined;
  try {
    const parsed = new URL(value);
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:") throw new Error();
  } catch {
    throw new ConfigError(name, `expected an http(s) URL, got "${value}"`);
  }
  return value.replace(/\/+$/, "");
}

function superadmins(env: Env): ReadonlySet<number> {
  const value = read(env, "SUPERADMIN_IDS");
  if (value === undefined) return new Set();
  const ids = value
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "");
  for (const id of ids) {
    if (!/^\d{1,15}$/.test(id)) {
      throw new ConfigError("SUPERADMIN_IDS", `expected comma-separated Telegram user ids, got "${id}"`);
    }
  }
  return new Set(ids.map(Number));
}

function defaultLocale(env: Env): Locale {
  const value = read(env, "DEFAULT_LOCALE") ?? "ky";
  if (!isLocale(value)) throw new ConfigError("DEFAULT_LOCALE", `expected "ky" or "ru", got "${value}"`);
  return value;
}

function port(env: Env): number {
  const value = read(env, "PORT") ?? "8080";
  const parsed = Number(value);
  if (!/^\d+$/.test(value) || parsed < 1 || parsed > 65535) {
    throw new ConfigError("PORT", `expected a port number from 1 to 65535, got "${value}"`);
  }
  return parsed;
}

function webhook(env: Env): Webhook | undefined {
  const webhookUrl = url(env, "WEBHOOK_URL");
  if (webhookUrl === undefined) return undefined;
  if (!webhookUrl.startsWith("https://")) {
    throw new ConfigError("WEBHOOK_URL", "Telegram only delivers webhooks to https:// URLs");
  }
  const secret = required(env, "WEBHOOK_SECRET", "a secret of 1–256 characters A–Z, a–z, 0–9, _ and - when WEBHOOK_URL is set");
  if (!/^[\w-]{1,256}$/.test(secret)) {
    throw new ConfigError("WEBHOOK_SECRET", "expected 1–256 characters A–Z, a–z, 0–9, _ and -");
  }
  return { url: webhookUrl, secret, port: port(env) };
}

function logLevel(env: Env): LogLevel {
  const value = (read(env, "LOG_LEVEL") ?? "info").toLowerCase();
  const level = LOG_LEVELS.find((candidate) => candidate === value);
  if (level === undefined) throw new ConfigError("LOG_LEVEL", `expected one of ${LOG_LEVELS.join(", ")}, got "${value}"`);
  return level;
}

/** Reads the whole configuration; throws a ConfigError naming the first bad variable. */
export function loadConfig(env: Env): Config {
  return {
    botToken: botToken(env),
    databasePath: read(env, "DATABASE_PATH") ?? "./data/bot.sqlite",
    apiRoot: url(env, "TELEGRAM_API_ROOT") ?? "https://api.telegram.org",
    superadminIds: superadmins(env),
    defaultLocale: defaultLocale(env),
    webhook: webhook(env),
    logLevel: logLevel(env),
  };
}
