import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { closeDatabase, openDatabase, type Database } from "../../src/db/client.js";
import { renameGroup, setGroupLocale } from "../../src/domain/group-settings.js";
import { groupById, oneName, registerGroup } from "../../src/domain/groups.js";
import { appointLeader } from "../../src/domain/leadership.js";
import { activeMembership } from "../../src/domain/members.js";
import { requiredSigners } from "../../src/domain/permissions.js";
import { decideRequest, requestMembership } from "../../src/domain/requests.js";
import { memberId, chatId, groupId, userId, type Group, type Member, type UserId } from "../../src/domain/types.js";
import { rememberUser } from "../../src/domain/users.js";
import { disabledGroupKinds, setGroupKind } from "../../src/scheduler/ledger.js";

let dir: string;
let db: Database;
let group: Group;
let leader: Member;
let member: Member;
const now = new Date("2026-11-24T06:00:00Z");
const head = userId(1);
const outsider = userId(99);

function join_(id: number): Member {
  rememberUser(db, { id, first_name: `P${id}` });
  const filed = requestMembership(db, { group: group.id, user: userId(id), fullName: `Member ${id}`, category: "resident", now });
  if (!filed.ok) throw new Error(filed.reason);
  const decided = decideRequest(db, { request: filed.request.id, by: head, approve: true, now });
  if (!decided.ok) throw new Error(decided.reason);
  return activeMembership(db, group.id, userId(id))!;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "mg-permissions-"));
  db = openDatabase(join(dir, "db.sqlite"));
  rememberUser(db, { id: 1, first_name: "Head" });
  rememberUser(db, { id: 99, first_name: "Outsider" });
  const registered = registerGroup(db, {
    chatId: chatId(-1),
    names: oneName("Ак-Суу"),
    locale: "ky",
    termEndsOn: "2027-12-31",
    by: head,
    office: "head",
    now,
  });
  if (!registered.ok) throw new Error("not registered");
  group = registered.group;
  leader = join_(2);
  member = join_(3);
  if (!appointLeader(db, { group: group.id, member: leader.id, by: head, now }).ok) throw new Error("no leader");
});
afterEach(() => {
  closeDatabase(db);
  rmSync(dir, { recursive: true, force: true });
});

describe("the group's language", () => {
  test("an appointer and the leader change it", () => {
    expect(setGroupLocale(db, { group: group.id, locale: "ru", by: head })).toMatchObject({ ok: true, group: { locale: "ru" } });
    expect(setGroupLocale(db, { group: group.id, locale: "ky", by: leader.userId })).toMatchObject({ ok: true, group: { locale: "ky" } });
  });

  test("a member or an outsider is refused and nothing changes", () => {
    for (const by of [member.userId, outsider] as UserId[]) {
      expect(setGroupLocale(db, { group: group.id, locale: "ru", by })).toEqual({ ok: false, reason: "not-allowed" });
    }
    expect(groupById(db, group.id)?.locale).toBe("ky");
    expect(setGroupLocale(db, { group: groupId(404), locale: "ru", by: head })).toEqual({ ok: false, reason: "not-found" });
  });
});

describe("the municipality's names", () => {
  const names = { ky: "Мин-Булак айыл аймагы", ru: "Мин-Булакский айылный аймак", areaKy: null, areaRu: null };

  test("an appointer corrects them", () => {
    expect(renameGroup(db, { group: group.id, names, by: head })).toMatchObject({ ok: true });
    expect(groupById(db, group.id)?.municipality.in("ru")).toBe(names.ru);
  });

  test("the leader, a member or an outsider is refused and nothing changes", () => {
    for (const by of [leader.userId, member.userId, outsider] as UserId[]) {
      expect(renameGroup(db, { group: group.id, names, by })).toEqual({ ok: false, reason: "not-allowed" });
    }
    expect(groupById(db, group.id)?.municipality.in("ru")).toBe("Ак-Суу");
  });
});

describe("the group chat's reminders", () => {
  test("the leader switches them", () => {
    expect(setGroupKind(db, { group: group.id, kind: "meeting-1h", enabled: false, by: leader.userId })).toEqual({ ok: true });
    expect(disabledGroupKinds(db, group.id)).toEqual(new Set(["meeting-1h"]));
  });

  test("an appointer, a member or an outsider is refused and nothing changes", () => {
    for (const by of [head, member.userId, outsider] as UserId[]) {
      expect(setGroupKind(db, { group: group.id, kind: "meeting-1h", enabled: false, by })).toEqual({ ok: false, reason: "not-allowed" });
    }
    expect(disabledGroupKinds(db, group.id).size).toBe(0);
  });
});

describe("who must sign a protocol", () => {
  test("the leader, as the leader, and each attendee once", () => {
    const [a, b, c] = [memberId(1), memberId(2), memberId(3)];
    expect([...requiredSigners(a, [b, a, c])]).toEqual([
      [a, "leader"],
      [b, "attendee"],
      [c, "attendee"],
    ]);
  });

  test("without a leader, the attendees", () => {
    expect([...requiredSigners(undefined, [memberId(2)])]).toEqual([[memberId(2), "attendee"]]);
  });
});
