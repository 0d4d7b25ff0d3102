import { afterEach, beforeEach, expect, test } from "vitest";
import {
  acceptAssignment,
  attachmentsOf,
  completeAssignment,
  giveAssignment,
  reportAssignment,
  returnAssignment,
} from "../../src/domain/assignments.js";
import { answerInfoRequest, recordInfoRequest } from "../../src/domain/info-requests.js";
import { activeMembers } from "../../src/domain/members.js";
import { approvePlan, recordPlan } from "../../src/domain/plans.js";
import { endTerm, writableGroup } from "../../src/domain/term.js";
import { userId, type Member } from "../../src/domain/types.js";
import { Harness } from "../helpers/harness.js";
import { groupWithLeader, type Scene } from "../helpers/meetings.js";
import { recordDirect, serviceKeyed } from "../helpers/observations.js";

let h: Harness;
let s: Scene;
let members: Member[];
beforeEach(async () => {
  h = new Harness();
  s = await groupWithLeader(h, "ru");
  members = activeMembers(h.db, s.group.id);
});
afterEach(() => h.finish());

const now = () => h.clock.now();
const today = "2026-11-24";
const leader = () => userId(s.leader.id);
const member = (i: number) => members.find((m) => m.userId === s.people[i]!.id)!;

test("an assignment's life: only its assignee accepts and reports, only the leader decides; a report links observations", () => {
  const given = giveAssignment(h.db, {
    group: s.group.id,
    by: leader(),
    to: [member(1).id],
    task: "Проверить воду",
    service: null,
    dueOn: "2026-11-30",
    today,
    now: now(),
  });
  if (!given.ok) throw new Error(given.reason);
  const id = given.assignments[0]!.id;
  expect(
    giveAssignment(h.db, {
      group: s.group.id,
      by: member(1).userId,
      to: [member(2).id],
      task: "x",
      service: null,
      dueOn: "2026-11-30",
      today,
      now: now(),
    }),
  ).toEqual({ ok: false, reason: "not-allowed" });
  expect(
    giveAssignment(h.db, {
      group: s.group.id,
      by: leader(),
      to: [member(2).id],
      task: "x",
      service: null,
      dueOn: "2026-11-01",
      today,
      now: now(),
    }),
  ).toEqual({ ok: false, reason: "past" });
  expect(acceptAssignment(h.db, { id, user: member(2).userId, now: now() })).toEqual({ ok: false, reason: "not-allowed" });
  expect(completeAssignment(h.db, { id, user: leader(), now: now() })).toEqual({ ok: false, reason: "wrong-status" });
  expect(acceptAssignment(h.db, { id, user: member(1).userId, now: now() }).ok).toBe(true);
  const observation = recordDirect(h, s.group, s.people[1]!, { serviceId: serviceKeyed(h, s.group, "water") });
  expect(
    reportAssignment(h.db, { id, user: member(1).userId, text: "Сделано", photos: ["p1"], observations: [observation], now: now() }).ok,
  ).toBe(true);
  expect(attachmentsOf(h.db, id)).toEqual({ photos: ["p1"], observations: [observation] });
  expect(completeAssignment(h.db, { id, user: member(1).userId, now: now() })).toEqual({ ok: false, reason: "not-allowed" });
  expect(returnAssignment(h.db, { id, user: leader(), note: null, now: now() })).toMatchObject({
    ok: true,
    assignment: { status: "accepted" },
  });
  expect(reportAssignment(h.db, { id, user: member(1).userId, text: "Сделано снова", photos: [], observations: [], now: now() }).ok).toBe(
    true,
  );
  expect(attachmentsOf(h.db, id)).toEqual({ photos: [], observations: [] });
  expect(completeAssignment(h.db, { id, user: leader(), now: now() })).toMatchObject({ ok: true, assignment: { status: "done" } });
});

test("after the term ends every change is refused as closed, through the one check", () => {
  const plan = recordPlan(h.db, {
    group: s.group.id,
    by: leader(),
    services: "Вода",
    focus: "Часы",
    endsOn: "2027-03-31",
    today,
    now: now(),
  });
  const given = giveAssignment(h.db, {
    group: s.group.id,
    by: leader(),
    to: [member(1).id],
    task: "Проверить",
    service: null,
    dueOn: "2026-11-30",
    today,
    now: now(),
  });
  const asked = recordInfoRequest(h.db, {
    group: s.group.id,
    by: leader(),
    addressee: "head",
    addresseeName: null,
    subject: "Смета",
    dueOn: "2026-12-01",
    today,
    now: now(),
  });
  if (!plan.ok || !given.ok || !asked.ok) throw new Error("setup");
  expect(endTerm(h.db, { group: s.group.id, by: leader(), reason: "Нет", now: now() })).toEqual({ ok: false, reason: "not-allowed" });
  expect(endTerm(h.db, { group: s.group.id, by: userId(s.head.id), reason: "Решение кенеша", now: now() }).ok).toBe(true);
  h.clock.advance(1000);
  const closed = { ok: false, reason: "closed" };
  expect(writableGroup(h.db, s.group.id, now())).toEqual(closed);
  expect(approvePlan(h.db, { group: s.group.id, plan: plan.plan.id, by: userId(s.head.id), now: now() })).toEqual(closed);
  expect(
    recordPlan(h.db, { group: s.group.id, by: leader(), services: "Вода", focus: "Часы", endsOn: "2027-03-31", today, now: now() }),
  ).toEqual(closed);
  expect(acceptAssignment(h.db, { id: given.assignments[0]!.id, user: member(1).userId, now: now() })).toEqual(closed);
  expect(answerInfoRequest(h.db, { id: asked.request.id, user: userId(s.head.id), text: "Ответ", files: [], today, now: now() })).toEqual(
    closed,
  );
  expect(endTerm(h.db, { group: s.group.id, by: userId(s.head.id), reason: "Ещё раз", now: now() })).toEqual(closed);
});
