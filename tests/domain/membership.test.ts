import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { closeDatabase, openDatabase, type Database } from "../../src/db/client.js";
import { addAppointer } from "../../src/domain/appointing.js";
import { isClosed, oneName, registerGroup } from "../../src/domain/groups.js";
import { appointLeader, currentLeader } from "../../src/domain/leadership.js";
import { leaveGroup } from "../../src/domain/leaving.js";
import { activeMembers, groupsOfUser } from "../../src/domain/members.js";
import { mayDecideRequests } from "../../src/domain/permissions.js";
import { decideRequest, requestMembership } from "../../src/domain/requests.js";
import { groupStatus } from "../../src/domain/status.js";
import { chatId, userId, type Group, type UserId } from "../../src/domain/types.js";
import { rememberUser } from "../../src/domain/users.js";

let dir: string;
let db: Database;
let group: Group;
const now = new Date("2026-11-24T06:00:00Z");
const head = userId(1);

function person(id: number): UserId {
  rememberUser(db, { id, first_name: `P${id}` });
  return userId(id);
}

function join_(id: number, name = `Member ${id}`) {
  const user = person(id);
  const filed = requestMembership(db, { group: group.id, user, fullName: name, category: "resident", now });
  if (!filed.ok) throw new Error(filed.reason);
  const decided = decideRequest(db, { request: filed.request.id, by: head, approve: true, now });
  if (!decided.ok) throw new Error(decided.reason);
  return decided.member!;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "mg-domain-"));
  db = openDatabase(join(dir, "db.sqlite"));
  person(1);
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
});
afterEach(() => {
  closeDatabase(db);
  rmSync(dir, { recursive: true, force: true });
});

describe("registration", () => {
  test("one chat, one group; the registrar is its appointer", () => {
    expect(
      registerGroup(db, { chatId: chatId(-1), names: oneName("X"), locale: "ru", termEndsOn: null, by: head, office: "chair", now }),
    ).toEqual({
      ok: false,
      reason: "already-registered",
    });
    expect(groupStatus(db, group, now).appointers).toMatchObject([{ userId: 1, office: "head" }]);
  });

  test("the term: open through its last day, closed after it", () => {
    expect(isClosed(group, new Date("2027-12-31T17:59:00Z"))).toBe(false); // 23:59 in Bishkek
    expect(isClosed(group, new Date("2027-12-31T18:00:00Z"))).toBe(true); // 00:00 on 1 January
  });
});

describe("requests", () => {
  test("one pending request per person and group; members cannot ask again", () => {
    const user = person(10);
    expect(requestMembership(db, { group: group.id, user, fullName: "A B", category: "ngo", now }).ok).toBe(true);
    expect(requestMembership(db, { group: group.id, user, fullName: "A B", category: "ngo", now })).toEqual({
      ok: false,
      reason: "already-pending",
    });
    join_(11);
    expect(requestMembership(db, { group: group.id, user: userId(11), fullName: "x y", category: "ngo", now })).toEqual({
      ok: false,
      reason: "already-member",
    });
  });

  test("only an appointer or the leader decides, and only once", () => {
    const member = join_(10);
    const user = person(20);
    const filed = requestMembership(db, { group: group.id, user, fullName: "C D", category: "resident", now });
    if (!filed.ok) throw new Error();
    expect(decideRequest(db, { request: filed.request.id, by: userId(10), approve: true, now })).toMatchObject({
      ok: false,
      reason: "not-allowed",
    });
    appointLeader(db, { group: group.id, member, by: head, now });
    expect(mayDecideRequests(db, group.id, userId(10))).toBe(true);
    expect(decideRequest(db, { request: filed.request.id, by: userId(10), approve: false, now })).toMatchObject({ ok: true });
    expect(decideRequest(db, { request: filed.request.id, by: head, approve: true, now })).toMatchObject({
      ok: false,
      reason: "already-decided",
    });
    expect(activeMembers(db, group.id)).toHaveLength(1);
  });

  test("a closed group takes no requests and no decisions", () => {
    const later = new Date("2028-01-02T06:00:00Z");
    expect(requestMembership(db, { group: group.id, user: person(30), fullName: "E F", category: "ngo", now: later })).toEqual({
      ok: false,
      reason: "closed",
    });
  });
});

describe("leader", () => {
  test("exactly one leader; appointing another ends the first appointment", () => {
    const a = join_(10);
    const b = join_(11);
    expect(appointLeader(db, { group: group.id, member: a, by: head, now })).toMatchObject({ ok: true });
    expect(appointLeader(db, { group: group.id, member: a, by: head, now })).toMatchObject({ ok: false, reason: "already-leader" });
    expect(appointLeader(db, { group: group.id, member: b, by: head, now })).toMatchObject({ ok: true, previous: { id: a } });
    expect(currentLeader(db, group.id)?.id).toBe(b);
    const rows = db.$client.prepare("select member_id, ended_at is not null ended from leader_appointments order by id").all();
    expect(rows).toEqual([
      { member_id: a, ended: 1 },
      { member_id: b, ended: 0 },
    ]);
  });

  test("only an appointer appoints, and only an active member of that group", () => {
    const a = join_(10);
    expect(appointLeader(db, { group: group.id, member: a, by: userId(10), now })).toMatchObject({ ok: false, reason: "not-allowed" });
    leaveGroup(db, { group: group.id, user: userId(10), now });
    expect(appointLeader(db, { group: group.id, member: a, by: head, now })).toMatchObject({ ok: false, reason: "not-member" });
  });
});

describe("leaving", () => {
  test("takes effect at once, keeps the row, ends a leader's appointment; the person may rejoin", () => {
    const a = join_(10);
    appointLeader(db, { group: group.id, member: a, by: head, now });
    expect(leaveGroup(db, { group: group.id, user: userId(10), now })).toMatchObject({ ok: true, member: { isLeader: true } });
    expect(currentLeader(db, group.id)).toBeUndefined();
    expect(activeMembers(db, group.id)).toHaveLength(0);
    expect(db.$client.prepare("select count(*) n from members").get()).toEqual({ n: 1 });
    expect(leaveGroup(db, { group: group.id, user: userId(10), now })).toEqual({ ok: false, reason: "not-member" });
    join_(10, "Returned");
    expect(activeMembers(db, group.id).map((m) => m.fullName)).toEqual(["Returned"]);
    expect(db.$client.prepare("select count(*) n from members").get()).toEqual({ n: 2 });
  });
});

describe("status and appointers", () => {
  test("below the minimum of five until the fifth member", () => {
    for (const id of [10, 11, 12, 13]) join_(id);
    expect(groupStatus(db, group, now)).toMatchObject({ belowMinimum: true });
    join_(14);
    expect(groupStatus(db, group, now)).toMatchObject({ belowMinimum: false });
  });

  test("an appointer adds the other office once; groupsOfUser sees both roles", () => {
    const chair = person(2);
    expect(addAppointer(db, { group: group.id, user: chair, by: userId(10), now })).toMatchObject({ ok: false, reason: "not-allowed" });
    expect(addAppointer(db, { group: group.id, user: chair, by: head, now })).toEqual({ ok: true, office: "chair" });
    expect(addAppointer(db, { group: group.id, user: person(3), by: chair, now })).toMatchObject({ ok: false, reason: "offices-filled" });
    expect(groupsOfUser(db, chair).map((g) => g.id)).toEqual([group.id]);
  });
});
