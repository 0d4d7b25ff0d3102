import { readFileSync } from "node:fs";
import { join } from "node:path";
import SQLite from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { MIGRATIONS_FOLDER } from "../../src/db/client.js";
import { protocolObservations } from "../../src/db/schema.js";
import { ensureProtocol } from "../helpers/meetings.js";
import { currentQuarter, parsePastDate, quarterOf, yearsBefore } from "../../src/domain/calendar.js";
import {
  isValidDraft,
  lockObservationsOf,
  observationById,
  observationsBetween,
  type ObservationDraft,
} from "../../src/domain/observations.js";
import { servicesOf } from "../../src/domain/services.js";
import { observationId, type Group } from "../../src/domain/types.js";
import { fiveMembers, setUpGroup } from "../helpers/flows.js";
import { Harness, type Person } from "../helpers/harness.js";
import { recordDirect } from "../helpers/observations.js";

describe("dates of observations", () => {
  test("day and month alone mean the latest such day not after today", () => {
    expect(parsePastDate("25.11", "2026-11-24")).toBe("2025-11-25");
    expect(parsePastDate("24.11", "2026-11-24")).toBe("2026-11-24");
    expect(parsePastDate("3/1", "2026-01-02")).toBe("2025-01-03");
    expect(parsePastDate("31.02", "2026-11-24")).toBeUndefined();
    expect(parsePastDate("25.11.2026", "2026-11-24")).toBe("2026-11-25");
  });

  test("quarters in Asia/Bishkek", () => {
    expect(quarterOf("2026-01-01")).toBe("2026-Q1");
    expect(quarterOf("2026-12-31")).toBe("2026-Q4");
    // 31 March 19:00 UTC is already 1 April in Bishkek.
    expect(currentQuarter(new Date("2026-03-31T19:00:00Z"))).toBe("2026-Q2");
    expect(yearsBefore("2028-02-29", 1)).toBe("2027-02-28");
  });
});

describe("what the meetings use", () => {
  let h: Harness;
  let group: Group;
  let members: Person[];
  beforeEach(async () => {
    h = new Harness();
    const head = h.person(11, "Бакыт", "ky");
    group = await setUpGroup(h, h.groupChat(-6001), head);
    members = await fiveMembers(h, group, head);
  });
  afterEach(() => h.close());

  test("observationsBetween: the active ones, dates inclusive; lockObservationsOf locks one protocol's links", () => {
    const water = servicesOf(h.db, group.id)[0]!.id;
    const ids = ["2026-09-30", "2026-10-01", "2026-11-15", "2026-11-24"].map((observedOn) =>
      recordDirect(h, group, members[0]!, { serviceId: water, observedOn }),
    );
    h.db.$client.prepare("update observations set status = 'withdrawn' where id = ?").run(ids[2]);
    expect(observationsBetween(h.db, group.id, "2026-10-01", "2026-11-24").map((o) => o.id)).toEqual([ids[1], ids[3]]);

    for (const protocol of [1, 2]) ensureProtocol(h, group.id, protocol);
    h.db
      .insert(protocolObservations)
      .values([
        { protocolId: 1, observationId: ids[1]! },
        { protocolId: 2, observationId: ids[3]! },
      ])
      .run();
    expect(lockObservationsOf(h.db, 1, h.clock.now())).toBe(1);
    expect(lockObservationsOf(h.db, 1, h.clock.now())).toBe(0);
    expect(observationById(h.db, observationId(ids[1]!))?.locked).toBe(true);
    expect(observationById(h.db, observationId(ids[3]!))?.locked).toBe(false);
  });

  test("a draft out of bounds is not valid", () => {
    const now = new Date("2026-11-24T06:00:00Z");
    const draft: ObservationDraft = {
      serviceId: 1,
      observedOn: "2026-11-24",
      place: "Мин-Булак",
      latitude: null,
      longitude: null,
      quality: 3,
      compliance: "yes",
      resources: 3,
      finding: "ok",
      findingVoice: null,
      photos: [],
    };
    expect(isValidDraft(draft, now)).toBe(true);
    for (const bad of [
      { observedOn: "2026-11-25" },
      { observedOn: "2025-11-23" },
      { quality: 6 },
      { resources: 0 },
      { compliance: "maybe" as never },
      { finding: " " },
      { finding: "x".repeat(2001) },
      { photos: ["1", "2", "3", "4", "5", "6"] },
      { place: null },
    ]) {
      expect(isValidDraft({ ...draft, ...bad }, now)).toBe(false);
    }
    expect(isValidDraft({ ...draft, place: null, latitude: 42.8, longitude: 74.6 }, now)).toBe(true);
  });

  test("every new group gets the usual nine services", () => {
    expect(servicesOf(h.db, group.id).map((s) => s.key)).toEqual([
      "water",
      "waste",
      "lighting",
      "roads",
      "irrigation",
      "school",
      "kindergarten",
      "health",
      "culture",
    ]);
  });
});

test("groups registered before services existed get the usual list from the migration", () => {
  const sqlite = new SQLite(":memory:");
  const run = (file: string) => {
    for (const statement of readFileSync(join(MIGRATIONS_FOLDER, file), "utf8").split("--> statement-breakpoint")) sqlite.exec(statement);
  };
  run("0000_init.sql");
  sqlite.exec("insert into users (id, first_name) values (1, 'Бакыт')");
  sqlite.exec(
    "insert into groups (chat_id, municipality, locale, created_by, created_at) values (-1, 'Мин-Булак', 'ky', 1, 0), (-2, 'Кара-Суу', 'ru', 1, 0)",
  );
  run("0001_observations.sql");
  expect(sqlite.prepare("select group_id, count(*) as n from services group by group_id").all()).toEqual([
    { group_id: 1, n: 9 },
    { group_id: 2, n: 9 },
  ]);
  sqlite.close();
});
