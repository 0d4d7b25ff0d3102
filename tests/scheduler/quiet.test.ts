import { afterEach, expect, test } from "vitest";
import { closeDatabase, openDatabase, type Database } from "../../src/db/client.js";
import { quarterStart } from "../../src/scheduler/rules/quarter.js";
import { signaturesDue } from "../../src/scheduler/rules/signatures.js";

let db: Database;
afterEach(() => closeDatabase(db));

const local = (iso: string) => new Date(`${iso}+06:00`);
const NOW = local("2027-05-12T12:00:00");
const at = { now: NOW, botUsername: "bot" };

function groupWithMeeting(): void {
  db = openDatabase(":memory:");
  const created = local("2027-01-01T00:00:00").getTime();
  db.$client.prepare("insert into users (id, first_name) values (1, 'Head')").run();
  db.$client
    .prepare("insert into groups (id, chat_id, municipality, locale, created_by, created_at) values (1, -100, 'Мин-Булак', 'ky', 1, ?)")
    .run(created);
  db.$client
    .prepare("insert into meetings (id, group_id, starts_at, place, created_by, created_at) values (1, 1, ?, 'Зал', 1, ?)")
    .run(local("2027-05-20T15:00:00").getTime(), created);
}

test("a quarter rule that found nothing looks again once a meeting is cancelled", () => {
  groupWithMeeting();
  expect(quarterStart({ db, ...at })).toEqual([]);
  expect(quarterStart({ db, ...at })).toEqual([]);
  db.$client.prepare("update meetings set cancelled_at = ? where id = 1").run(NOW.getTime());
  expect(quarterStart({ db, ...at }).map((r) => r.key)).toEqual(["quarter-start:g1:2027-Q2"]);
});

test("a quarter rule that found nothing looks again when a released claim leaves a notice unsent", () => {
  groupWithMeeting();
  db.$client.prepare("update meetings set cancelled_at = ? where id = 1").run(NOW.getTime());
  db.$client
    .prepare(
      "insert into sent_reminders (key, kind, group_id, chat_id, claimed_at, outcome) values ('quarter-start:g1:2027-Q2', 'quarter-start', 1, -100, ?, 'sent')",
    )
    .run(NOW.getTime());
  expect(quarterStart({ db, ...at })).toEqual([]);
  db.$client.prepare("delete from sent_reminders").run();
  expect(quarterStart({ db, ...at })).toHaveLength(1);
});

test("the signature rule that found nothing looks again once a protocol is opened for signature", () => {
  groupWithMeeting();
  expect(signaturesDue({ db, ...at })).toEqual([]);
  const opened = local("2027-05-10T18:00:00").getTime();
  db.$client.prepare("insert into users (id, first_name) values (2, 'Айгүл')").run();
  db.$client
    .prepare("insert into members (id, group_id, user_id, full_name, category, joined_at) values (1, 1, 2, 'Айгүл', 'resident', ?)")
    .run(opened);
  db.$client
    .prepare(
      "insert into protocols (id, group_id, meeting_id, year, number, held_on, place, status, frozen_at, created_by, created_at) values (1, 1, 1, 2027, 1, '2027-05-10', 'Зал', 'signing', ?, 1, ?)",
    )
    .run(opened, opened);
  db.$client.prepare("insert into signatures (protocol_id, member_id, role) values (1, 1, 'leader')").run();
  expect(signaturesDue({ db, ...at }).map((r) => r.key)).toEqual(["sign-d2:p1:u2"]);
});

test("without the triggers that track its inputs, a quarter rule looks every time", () => {
  groupWithMeeting();
  db.$client.prepare("drop trigger rule_inputs_meetings_update").run();
  expect(quarterStart({ db, ...at })).toEqual([]);
  db.$client.prepare("update meetings set cancelled_at = ? where id = 1").run(NOW.getTime());
  expect(quarterStart({ db, ...at })).toHaveLength(1);
});
