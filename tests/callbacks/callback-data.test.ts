import { describe, expect, test } from "vitest";
import {
  CALLBACK_DATA_MAX_BYTES,
  DRAFT_FORMS,
  FAMILIES,
  FORMS,
  attendanceDoneData,
  ballotData,
  draftScope,
  formButton,
  languageData,
  observationListData,
  type CallbackData,
} from "../../src/callbacks/index.js";
import { ADDRESSEES } from "../../src/domain/protocols.js";
import { CATEGORIES, COMPLIANCE, OFFICES } from "../../src/domain/types.js";
import { INFO_ADDRESSEES } from "../../src/domain/info-requests.js";
import { LOCALES } from "../../src/i18n/locales.js";

const bytes = (data: string) => Buffer.byteLength(data, "utf8");
const MAX_ID = Number.MAX_SAFE_INTEGER;

/** Every combination of each field's largest values: the longest data the family can carry. */
function largestOf(family: CallbackData<Record<string, unknown>>): Record<string, unknown>[] {
  return Object.entries(family.largest).reduce<Record<string, unknown>[]>(
    (all, [name, values]) => all.flatMap((partial) => (values as unknown[]).map((value) => ({ ...partial, [name]: value }))),
    [{}],
  );
}

describe("every button family", () => {
  const families = Object.entries(FAMILIES);

  test("there are families to check", () => {
    expect(families.length).toBeGreaterThanOrEqual(40);
  });

  test.each(families)("%s: the largest values stay within 64 bytes and round-trip", (_name, family) => {
    for (const values of largestOf(family)) {
      const data = family.pack(values);
      expect(bytes(data), data).toBeLessThanOrEqual(CALLBACK_DATA_MAX_BYTES);
      expect(family.unpack(data)).toEqual(values);
      expect(data.match(family.filter()), data).not.toBeNull();
    }
  });

  test("no family's pattern matches another family's data", () => {
    for (const [name, family] of families) {
      for (const values of largestOf(family)) {
        const data = family.pack(values);
        const others = families.filter(([other, f]) => other !== name && f.parse(data) !== undefined).map(([other]) => other);
        expect(others, `${name} «${data}»`).toEqual([]);
      }
    }
  });

  test("ids carry up to 2^53-1; the next integer, zero, signs, decimals and leading zeros are refused", () => {
    expect(ballotData.unpack(ballotData.pack({ vote: MAX_ID as never, choice: "abstain" }))).toEqual({ vote: MAX_ID, choice: "abstain" });
    for (const forged of [
      `v:${MAX_ID + 1}:for`,
      "v:0:for",
      "v:-1:for",
      "v:1.5:for",
      "v:01:for",
      "v:1e3:for",
      "v:99999999999999999999:for",
      "v:1:maybe",
      "v:1",
      "v:1:for:x",
    ]) {
      expect(ballotData.parse(forged), forged).toBeUndefined();
      expect(forged.match(ballotData.filter()), forged).toBeNull();
      expect(() => ballotData.unpack(forged)).toThrow();
    }
    expect(() => ballotData.pack({ vote: 0 as never, choice: "for" })).toThrow();
    expect(() => ballotData.pack({ vote: 1 as never, choice: "maybe" as never })).toThrow();
  });

  test("a filter with fixed values matches only those", () => {
    const forMe = languageData.filter({ target: "me" });
    expect("lang:me:ru".match(forMe)).not.toBeNull();
    expect("lang:g7:ru".match(forMe)).toBeNull();
    expect("lang:g0:ru".match(languageData.filter())).toBeNull();
    expect(observationListData.parse("ol:1:0:2026-Q4:3")).toEqual({ group: 1, service: 0, quarter: "2026-Q4", page: 3 });
    expect(observationListData.parse("ol:1:0:2026-Q5:3")).toBeUndefined();
  });

  test("a fixed word may be left out when packing and is checked when reading", () => {
    expect(attendanceDoneData.pack({ meeting: 7 as never })).toBe("att:7:done");
    expect(attendanceDoneData.unpack("att:7:done")).toEqual({ meeting: 7, action: "done" });
    expect(attendanceDoneData.parse("att:7:open")).toBeUndefined();
  });
});

describe("form buttons", () => {
  const longest = (values: readonly string[]) => [...values].sort((a, b) => b.length - a.length)[0]!;
  // The longest field and value each form's buttons carry, with the largest draft id.
  const fields: [string, string][] = [
    ["svc", String(MAX_ID)],
    ["date", "yesterday"],
    ["place", "skip"],
    ["q", "5"],
    ["c", longest(COMPLIANCE)],
    ["r", "5"],
    ["photo", "done"],
    ["sum", "cancel"],
    ["field", "resources"],
    ["title", "keep"],
    ["dec", "none"],
    ["rec", "done"],
    ["to", longest(ADDRESSEES)],
    ["obs", "none"],
    ["office", longest(OFFICES)],
    ["lang", longest(LOCALES)],
    ["term", "none"],
    ["cat", longest(CATEGORIES)],
    ["consent", "yes"],
    ["agenda", "done"],
    ["files", "done"],
    ["ok", "yes"],
    ["to", longest(INFO_ADDRESSEES)],
  ];

  test("every form's and draft's buttons stay within 64 bytes", () => {
    const scopes = [...Object.values(FORMS), ...Object.values(DRAFT_FORMS).map((prefix) => draftScope(prefix, MAX_ID))];
    for (const scope of scopes) {
      for (const [field, value] of fields) {
        const data = formButton.pack(scope, field, value);
        expect(bytes(data), data).toBeLessThanOrEqual(CALLBACK_DATA_MAX_BYTES);
        expect(formButton.value(data, scope, field, [value])).toBe(value);
      }
    }
  });

  test("form prefixes are unique and no form's button is any family's data", () => {
    const prefixes = [...Object.values(FORMS), ...Object.values(DRAFT_FORMS)];
    expect(new Set(prefixes).size).toBe(prefixes.length);
    const families = Object.values(FAMILIES);
    for (const prefix of prefixes) {
      for (const scope of [prefix, draftScope(prefix, 1)]) {
        for (const [field, value] of fields) {
          const data = formButton.pack(scope, field, value);
          expect(
            families.filter((f) => f.parse(data) !== undefined),
            data,
          ).toEqual([]);
        }
      }
    }
    for (const family of families) expect(prefixes).not.toContain(family.prefix);
  });

  test("a value not offered is not an answer", () => {
    expect(formButton.value("jf:cat:mayor", FORMS.join, "cat", CATEGORIES)).toBeUndefined();
    expect(formButton.value("sf:cat:ngo", FORMS.join, "cat", CATEGORIES)).toBeUndefined();
    expect(() => formButton.pack(FORMS.join, "x".repeat(64))).toThrow();
  });
});
