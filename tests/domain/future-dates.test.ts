import { describe, expect, test } from "vitest";
import { parseFutureDate, parseMeetingTime } from "../../src/domain/calendar.js";

// A date typed without a year where the future is expected means the next such date.
describe("a date without a year, where the future is expected", () => {
  const november = new Date("2026-11-24T06:00:00Z"); // 12:00 in Bishkek

  test("«15.01 15:00» typed in November is next January", () => {
    expect(parseMeetingTime("15.01 15:00", november)).toEqual({ ok: true, at: new Date("2027-01-15T09:00:00.000Z") });
  });

  test("a time already past today, with today's date, is still refused as past", () => {
    expect(parseMeetingTime("24.11 11:00", november)).toEqual({ ok: false, reason: "past" });
    expect(parseMeetingTime("01.11.2026 10:00", november)).toEqual({ ok: false, reason: "past" });
  });

  test("a due date «15.01» is next January; «24.11» is today; a full date stays as typed", () => {
    expect(parseFutureDate("15.01", "2026-11-24")).toBe("2027-01-15");
    expect(parseFutureDate("24.11", "2026-11-24")).toBe("2026-11-24");
    expect(parseFutureDate("25/11", "2026-11-24")).toBe("2026-11-25");
    expect(parseFutureDate("15.01.2026", "2026-11-24")).toBe("2026-01-15");
    expect(parseFutureDate("29.02", "2026-11-24")).toBe("2028-02-29");
    expect(parseFutureDate("31.02", "2026-11-24")).toBeUndefined();
  });
});
