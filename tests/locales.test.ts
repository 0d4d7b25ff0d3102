import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { SEEDED_SERVICES } from "../src/domain/seeded-services.js";
import { LOCALE_FILES, messageVariables, missingIds, parityProblems, usedMessageIds, type UsedIds } from "./helpers/locale-guards.js";

const LOCALES = resolve(import.meta.dirname, "../locales");

/**
 * Ids built from a value whose type does not list its values (a database column): the values
 * it takes. A new such id fails the test below until its values are listed here.
 */
const VALUES_NOT_IN_TYPES: Record<string, readonly string[]> = {
  '`service-${service.key ?? "unknown"}`': [...SEEDED_SERVICES.map((key) => `service-${key}`), "service-unknown"],
};

let copy: string;
let used: UsedIds;
beforeAll(() => {
  used = usedMessageIds();
  for (const [template, ids] of Object.entries(VALUES_NOT_IN_TYPES)) {
    if (used.unresolved.some((line) => line.endsWith(template))) for (const id of ids) used.ids.set(id, template);
  }
  // A key kept in a variable before it is translated (`text: "reminder-vote"`) counts too, when
  // either file has it.
  const known = LOCALE_FILES.flatMap((file) => [...messageVariables(readFileSync(join(LOCALES, file), "utf8")).keys()]);
  for (const [literal, at] of used.literals) if (known.includes(literal) && !used.ids.has(literal)) used.ids.set(literal, at);
}, 120_000);
beforeEach(() => {
  copy = mkdtempSync(join(tmpdir(), "mg-locales-"));
  cpSync(LOCALES, copy, { recursive: true });
});
afterEach(() => rmSync(copy, { recursive: true, force: true }));

/** Rewrites one file of the copy. */
function edit(file: string, change: (text: string) => string): void {
  const path = join(copy, file);
  writeFileSync(path, change(readFileSync(path, "utf8")));
}

describe("the two locale files", () => {
  test("have the same message ids, and each message the same variables in both", () => {
    expect(parityProblems(LOCALES)).toEqual([]);

    // The guard itself, on a copy: a message removed from one file, a variable renamed in one.
    edit("ru.ftl", (text) => text.replace(/^leave-yes = .*\n/m, ""));
    edit("ky.ftl", (text) => text.replace("«{ $municipality }» тобунун курамы", "«{ $group }» тобунун курамы"));
    expect(parityProblems(copy)).toEqual([
      "members-title: only ky.ftl uses $group",
      "members-title: only ru.ftl uses $municipality",
      "leave-yes: missing in ru.ftl",
    ]);
  });

  test("have every message id the code uses, ids built from a prefix and a value included", () => {
    expect(used.unresolved.filter((line) => !Object.keys(VALUES_NOT_IN_TYPES).some((template) => line.endsWith(template)))).toEqual([]);
    // Refusal reasons, statuses and button labels are read from their types.
    for (const id of [
      "reminder-quarter-start",
      "vote-refused-below-minimum",
      "protocol-status-signing",
      "obs-compliance-unknown",
      "category-ngo",
      "language-name-ru",
      "command-addappointer",
      "service-irrigation",
    ]) {
      expect(used.ids.has(id), id).toBe(true);
    }
    expect(missingIds(LOCALES, used.ids)).toEqual([]);

    // The guard itself, on a copy: a status removed from Kyrgyz, a refusal from Russian.
    edit("ky.ftl", (text) => text.replace(/^protocol-status-voting = .*\n/m, ""));
    edit("ru.ftl", (text) => text.replace(/^sign-not-signer = .*\n/m, ""));
    expect(missingIds(copy, used.ids).sort()).toEqual([
      expect.stringMatching(/^protocol-status-voting \(src\/.*\): missing in ky\.ftl$/),
      expect.stringMatching(/^sign-not-signer \(src\/.*\): missing in ru\.ftl$/),
    ]);
  });
});
