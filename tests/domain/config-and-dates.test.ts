import { describe, expect, test } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";
import { localDate, parseDate } from "../../src/domain/calendar.js";
import { formatDate } from "../../src/i18n/dates.js";

const TOKEN = "123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ";

describe("configuration", () => {
  test("defaults", () => {
    expect(loadConfig({ BOT_TOKEN: TOKEN })).toMatchObject({
      databasePath: "./data/bot.sqlite",
      apiRoot: "https://api.telegram.org",
      defaultLocale: "ky",
      webhook: undefined,
      logLevel: "info",
    });
  });

  test.each([
    [{}, "BOT_TOKEN"],
    [{ BOT_TOKEN: "nonsense" }, "BOT_TOKEN"],
    [{ BOT_TOKEN: TOKEN, DEFAULT_LOCALE: "en" }, "DEFAULT_LOCALE"],
    [{ BOT_TOKEN: TOKEN, SUPERADMIN_IDS: "12,abc" }, "SUPERADMIN_IDS"],
    [{ BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: "localhost:8081" }, "TELEGRAM_API_ROOT"],
    [{ BOT_TOKEN: TOKEN, WEBHOOK_URL: "https://bot.example.kg/hook" }, "WEBHOOK_SECRET"],
    [{ BOT_TOKEN: TOKEN, WEBHOOK_URL: "http://bot.example.kg/hook", WEBHOOK_SECRET: "s" }, "WEBHOOK_URL"],
    [{ BOT_TOKEN: TOKEN, WEBHOOK_URL: "https://bot.example.kg/hook", WEBHOOK_SECRET: "s", PORT: "99999" }, "PORT"],
    [{ BOT_TOKEN: TOKEN, LOG_LEVEL: "loud" }, "LOG_LEVEL"],
  ])("%j is refused, naming %s", (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    try {
      loadConfig(env);
    } catch (error) {
      expect((error as ConfigError).variable).toBe(variable);
    }
  });

  test("superadmins and webhook", () => {
    const config = loadConfig({
      BOT_TOKEN: TOKEN,
      SUPERADMIN_IDS: " 1, 22 ",
      WEBHOOK_URL: "https://bot.kg/tg",
      WEBHOOK_SECRET: "abc_DEF-1",
      PORT: "3000",
    });
    expect([...config.superadminIds]).toEqual([1, 22]);
    expect(config.webhook).toEqual({ url: "https://bot.kg/tg", secret: "abc_DEF-1", port: 3000 });
  });
});

describe("dates", () => {
  test("official style in each language", () => {
    expect(formatDate("ky", "2019-03-28")).toBe("2019-жылдын 28-марты");
    expect(formatDate("ru", "2019-03-28")).toBe("28 марта 2019 г.");
    expect(formatDate("ky", "2026-12-01")).toBe("2026-жылдын 1-декабры");
  });

  test("dates as people type them", () => {
    expect(parseDate("31.12.2027")).toBe("2027-12-31");
    expect(parseDate("1/2/27")).toBe("2027-02-01");
    expect(parseDate("2027-02-28")).toBe("2027-02-28");
    expect(parseDate("31.02.2027")).toBeUndefined();
    expect(parseDate("tomorrow")).toBeUndefined();
  });

  test("the local date is Bishkek's", () => {
    expect(localDate(new Date("2026-12-31T17:59:59Z"))).toBe("2026-12-31");
    expect(localDate(new Date("2026-12-31T18:00:00Z"))).toBe("2027-01-01");
  });
});
