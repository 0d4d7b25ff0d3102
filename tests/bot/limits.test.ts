import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { FluentResource } from "@fluent/bundle";
import { afterAll, describe, expect, test } from "vitest";
import { ASSIGNMENT_TEXT_MAX_LENGTH } from "../../src/domain/assignments.js";
import { ADDRESSEE_NAME_MAX_LENGTH, INFO_TEXT_MAX_LENGTH } from "../../src/domain/info-requests.js";
import { PLAN_TEXT_MAX_LENGTH } from "../../src/domain/plans.js";
import {
  AGENDA_ITEM_MAX_LENGTH,
  COMMENT_MAX_LENGTH,
  FINDING_MAX_LENGTH,
  MUNICIPALITY_MAX_LENGTH,
  PLACE_MAX_LENGTH,
  PROTOCOL_TEXT_MAX_LENGTH,
  SERVICE_NAME_MAX_LENGTH,
} from "../../src/domain/rules.js";
import { NOTE_MAX_LENGTH } from "../../src/domain/recommendations.js";
import { END_REASON_MAX_LENGTH } from "../../src/domain/term.js";
import { LOCALES } from "../../src/i18n/locales.js";
import { LIMITS } from "../helpers/fake-telegram.js";
import { Harness } from "../helpers/harness.js";

/** A Telegram name: first and last name, 64 characters each. */
const PERSON_NAME = 64 + 1 + 64;
/** How many members a list of names may hold at most in these checks (a large ayil aimak group). */
const LISTED_PEOPLE = 20;
const NUMBER = 99_999;

const text = (length: number) => "Ж".repeat(length);
const names = text(PERSON_NAME).concat(", ").repeat(LISTED_PEOPLE);

/**
 * The longest value each template variable can carry, from the limits the forms enforce (or
 * Telegram's own, for names). A variable missing here fails the test: a new message must say
 * how long what it inserts can be.
 */
const LONGEST: Record<string, string | number> = {
  name: text(PERSON_NAME),
  by: text(PERSON_NAME),
  author: text(PERSON_NAME),
  names,
  municipality: text(MUNICIPALITY_MAX_LENGTH),
  office: text(40),
  term: text(40),
  category: text(60),
  date: text(30),
  since: text(40),
  ky: text(MUNICIPALITY_MAX_LENGTH),
  ru: text(MUNICIPALITY_MAX_LENGTH),
  area: text(2 * MUNICIPALITY_MAX_LENGTH),
  time: "23:59",
  file: text(40),
  fields: text(400),
  view: text(40),
  protocol: "99/2026",
  note: text(NOTE_MAX_LENGTH),
  period: text(40),
  asOf: text(30),
  recommendations: 9999,
  services: 99,
  partly: 9999,
  unknown: 9999,
  held: 99,
  met: 99,
  quarters: 4,
  final: 999,
  open: 999,
  sent: 9999,
  accepted: 9999,
  progress: 9999,
  done: 9999,
  rejected: 9999,
  overdue: 9999,
  joined: 999,
  left: 999,
  form: text(30),
  when: text(40),
  deadline: text(40),
  due: text(30),
  dates: text(80),
  place: text(PLACE_MAX_LENGTH),
  title: text(AGENDA_ITEM_MAX_LENGTH),
  text: text(Math.max(PROTOCOL_TEXT_MAX_LENGTH, COMMENT_MAX_LENGTH, PLAN_TEXT_MAX_LENGTH)),
  finding: text(FINDING_MAX_LENGTH),
  addressee: text(ADDRESSEE_NAME_MAX_LENGTH + 40),
  service: text(SERVICE_NAME_MAX_LENGTH),
  status: text(40),
  outcome: text(60),
  choice: text(30),
  role: text(40),
  value: text(40),
  compliance: text(40),
  quarter: text(40),
  state: text(10),
  state24: text(10),
  state1: text(10),
  hash: text(64),
  stored: text(64),
  recomputed: text(64),
  code: text(16),
  number: "99/2026",
  roman: "IV",
  lat: "-89.99999",
  lon: "-179.99999",
  quality: "4,5",
  resources: "4,5",
  reason: text(END_REASON_MAX_LENGTH),
  task: text(ASSIGNMENT_TEXT_MAX_LENGTH),
  subject: text(INFO_TEXT_MAX_LENGTH),
  answer: text(INFO_TEXT_MAX_LENGTH),
  to: text(ADDRESSEE_NAME_MAX_LENGTH),
  ...Object.fromEntries(
    [
      "count",
      "min",
      "max",
      "length",
      "n",
      "yes",
      "no",
      "present",
      "members",
      "listed",
      "hours",
      "voters",
      "cast",
      "signed",
      "required",
      "year",
      "score",
      "from",
      "total",
      "percent",
      "days",
      "day",
      "photos",
      "observations",
    ].map((name) => [name, NUMBER]),
  ),
};

type Pattern = string | readonly (string | Record<string, any>)[] | null;

function variablesOf(pattern: Pattern, into = new Set<string>()): Set<string> {
  if (!pattern || typeof pattern === "string") return into;
  for (const element of pattern) {
    if (typeof element === "string") continue;
    if (element.type === "var") into.add(element.name);
    if (element.type === "select") {
      variablesOf([element.selector], into);
      for (const variant of element.variants) variablesOf(variant.value, into);
    }
    if (element.type === "func") variablesOf(element.args, into);
  }
  return into;
}

const messages = (locale: string) =>
  new FluentResource(readFileSync(`locales/${locale}.ftl`, "utf8")).body.map((m) => ({
    id: m.id,
    variables: variablesOf(m.value as Pattern),
  }));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith(".ts") ? [path] : [];
  });
}

/**
 * Messages the bot shows as a callback answer (an alert or toast, 200 characters at most): the
 * ids and id prefixes passed to answerCallbackQuery, and every form hint (a hint answers a
 * button pressed where text was expected).
 */
function alertIds(ids: readonly string[]): Set<string> {
  const source = sourceFiles("src")
    .map((path) => readFileSync(path, "utf8"))
    .join("\n");
  const patterns = [
    ...source.matchAll(/(?:answerCallbackQuery\(\{\s*text:\s*ctx\.(?:personalSpeech\.)?t\(|refuse\(ctx,\s*)([^)]*)/g),
  ].flatMap((m) => [...m[1]!.matchAll(/["`]([a-z0-9-]+)(\$\{)?/g)]);
  const exact = new Set(patterns.filter((m) => !m[2]).map((m) => m[1]!));
  const prefixes = patterns.filter((m) => m[2]).map((m) => m[1]!);
  // A prefix (`sign-${reason}`) is completed by a value the domain names: a refusal, a choice
  // (not the name of a query's placeholder).
  const domainWords = new Set(
    sourceFiles("src/domain").flatMap((path) =>
      [...readFileSync(path, "utf8").matchAll(/(?<!placeholder\()"([a-z][a-z-]*)"/g)].map((m) => m[1]!),
    ),
  );
  const completes = (id: string, prefix: string) => id.startsWith(prefix) && domainWords.has(id.slice(prefix.length));
  return new Set(
    ids.filter((id) => exact.has(id) || prefixes.some((p) => completes(id, p)) || id.endsWith("-hint") || id.startsWith("form-")),
  );
}

const h = new Harness();
afterAll(() => h.close());

describe("every message template with the longest values its inputs allow", () => {
  const ids = messages("ru").map((m) => m.id);
  const alerts = alertIds(ids);

  test("both locales have the same messages", () => {
    expect(
      messages("ky")
        .map((m) => m.id)
        .sort(),
    ).toEqual([...ids].sort());
  });

  test("every variable a message inserts has a known longest value", () => {
    const unknown = LOCALES.flatMap((locale) =>
      messages(locale).flatMap((m) => [...m.variables].filter((v) => !(v in LONGEST)).map((v) => `${locale}:${m.id}:$${v}`)),
    );
    expect(unknown).toEqual([]);
  });

  test("the alerts are recognised (the check below covers them)", () => {
    expect(alerts.has("assignment-refused-not-allowed")).toBe(true);
    expect(alerts.has("form-use-buttons")).toBe(true);
    expect(alerts.size).toBeGreaterThan(40);
  });

  test.each(LOCALES)("%s: within 4096 characters as a message, within 200 as an alert", (locale) => {
    const over: string[] = [];
    for (const { id, variables } of messages(locale)) {
      const vars = Object.fromEntries([...variables].map((v) => [v, LONGEST[v]!]));
      const rendered = h.bot.background.app.t(locale, id, vars);
      const limit = alerts.has(id) ? LIMITS.callbackAnswer : LIMITS.text;
      if (rendered.length > limit) over.push(`${id}: ${rendered.length} > ${limit}`);
    }
    expect(over).toEqual([]);
  });
});
