import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { closeDatabase, openDatabase, type Database } from "../../src/db/client.js";
import { parseMeetingTime } from "../../src/domain/calendar.js";
import { oneName, registerGroup } from "../../src/domain/groups.js";
import { appointLeader } from "../../src/domain/leadership.js";
import { leaveGroup } from "../../src/domain/leaving.js";
import { finishAttendance, scheduleMeeting, toggleAttendance, type Meeting } from "../../src/domain/meetings.js";
import { moveProtocol, nextStatus } from "../../src/domain/protocol-status.js";
import { createDraft, protocolById, reviseDraft } from "../../src/domain/protocols.js";
import { decideRequest, requestMembership } from "../../src/domain/requests.js";
import { sign, signaturesOf, verifyProtocol } from "../../src/domain/signing.js";
import { observationById, recordObservation, withdrawObservation } from "../../src/domain/observations.js";
import { coveredObservations, observationsToCover } from "../../src/domain/protocol-observations.js";
import { servicesOf } from "../../src/domain/services.js";
import { chatId, observationId, userId, type Group, type MemberId, type UserId } from "../../src/domain/types.js";
import { rememberUser } from "../../src/domain/users.js";
import { castBallot, closeDueVotes, closeVote, openVote, votesOf } from "../../src/domain/votes.js";

let dir: string;
let db: Database;
let group: Group;
let now = new Date("2026-11-24T06:00:00Z");
const head = userId(1);
const HOUR = 3600_000;
let people: { user: UserId; member: MemberId }[];

function join_(id: number): { user: UserId; member: MemberId } {
  rememberUser(db, { id, first_name: `P${id}` });
  const user = userId(id);
  const filed = requestMembership(db, { group: group.id, user, fullName: `Member ${id}`, category: "resident", now });
  if (!filed.ok) throw new Error(filed.reason);
  const decided = decideRequest(db, { request: filed.request.id, by: head, approve: true, now });
  if (!decided.ok) throw new Error(decided.reason);
  return { user, member: decided.member! };
}

const leader = () => people[0]!.user;

/** A meeting an hour from now, then held with the given members present. */
function heldMeeting(present: number[]): Meeting {
  const scheduled = scheduleMeeting(db, {
    group: group.id,
    by: leader(),
    startsAt: new Date(now.getTime() + HOUR),
    place: "Айыл өкмөтү",
    agenda: ["Суу", "Жарык"],
    now,
  });
  if (!scheduled.ok) throw new Error(scheduled.reason);
  now = new Date(now.getTime() + 2 * HOUR);
  for (const i of present) toggleAttendance(db, { meeting: scheduled.meeting.id, member: people[i]!.member, by: leader(), now });
  const done = finishAttendance(db, { meeting: scheduled.meeting.id, by: leader(), now });
  if (!done.ok) throw new Error(done.reason);
  return done.meeting;
}

function draft(meeting: Meeting, decided: string | null = "Оңдоо") {
  const result = createDraft(db, {
    meeting: meeting.id,
    by: leader(),
    items: [
      { title: "Суу", discussed: "Суу түтүгү", decided },
      { title: "Жарык", discussed: "Көчө жарыгы", decided: null },
    ],
    recommendations: [{ text: "Түтүктү алмаштыруу", addressee: "head", addresseeName: null, dueOn: "2027-03-01" }],
    now,
  });
  if (!result.ok) throw new Error(result.reason);
  return result.protocol;
}

beforeEach(() => {
  now = new Date("2026-11-24T06:00:00Z");
  dir = mkdtempSync(join(tmpdir(), "mg-protocols-"));
  db = openDatabase(join(dir, "db.sqlite"));
  rememberUser(db, { id: 1, first_name: "Head" });
  const registered = registerGroup(db, {
    chatId: chatId(-1),
    names: oneName("Ак-Суу"),
    locale: "ky",
    termEndsOn: null,
    by: head,
    office: "head",
    now,
  });
  if (!registered.ok) throw new Error("not registered");
  group = registered.group;
  people = [10, 11, 12, 13, 14].map(join_);
  appointLeader(db, { group: group.id, member: people[0]!.member, by: head, now });
});
afterEach(() => {
  closeDatabase(db);
  rmSync(dir, { recursive: true, force: true });
});

describe("the protocol state machine", () => {
  test("only the listed transitions exist", () => {
    expect(nextStatus("draft", "open-vote")).toBe("voting");
    expect(nextStatus("voting", "adopt")).toBe("signing");
    expect(nextStatus("voting", "reject")).toBe("draft");
    expect(nextStatus("signing", "all-signed")).toBe("final");
    expect(nextStatus("draft", "adopt")).toBeUndefined();
    expect(nextStatus("final", "reject")).toBeUndefined();
    expect(nextStatus("signing", "open-vote")).toBeUndefined();
  });

  test("a move happens once: the second caller from the same status finds it moved", () => {
    const protocol = draft(heldMeeting([0, 1, 2]));
    expect(moveProtocol(db, protocol.id, "draft", "open-vote")).toBe(true);
    expect(moveProtocol(db, protocol.id, "draft", "open-vote")).toBe(false);
    expect(protocolById(db, protocol.id)?.status).toBe("voting");
  });

  test("numbers run per group and year", () => {
    const first = draft(heldMeeting([0, 1, 2]));
    const second = draft(heldMeeting([0, 1]));
    expect([first.number, second.number, first.year]).toEqual([1, 2, 2026]);
  });
});

describe("votes", () => {
  test("adopted: frozen with a hash, signed by the leader and the attendees, then final", () => {
    const protocol = draft(heldMeeting([0, 1, 2]));
    const opened = openVote(db, { protocol: protocol.id, by: leader(), now });
    if (!opened.ok) throw new Error(opened.reason);
    expect(castBallot(db, { vote: opened.vote.id, user: people[1]!.user, choice: "against", now })).toMatchObject({
      ok: true,
      closing: undefined,
    });
    // A changed vote replaces the first.
    castBallot(db, { vote: opened.vote.id, user: people[1]!.user, choice: "for", now });
    castBallot(db, { vote: opened.vote.id, user: people[2]!.user, choice: "for", now });
    castBallot(db, { vote: opened.vote.id, user: people[3]!.user, choice: "abstain", now });
    const closed = closeVote(db, { vote: opened.vote.id, by: leader(), now });
    if (!closed.ok) throw new Error(closed.reason);
    expect(closed.closing.outcome).toBe("adopted");
    expect(closed.closing.tally).toMatchObject({
      for: ["Member 11", "Member 12"],
      abstain: ["Member 13"],
      notVoted: ["Member 10", "Member 14"],
    });
    const frozen = protocolById(db, protocol.id)!;
    expect(frozen.status).toBe("signing");
    expect(frozen.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(reviseDraft(db, { protocol: protocol.id, by: leader(), now, revision: { part: "place", place: "Мектеп" } })).toEqual({
      ok: false,
      reason: "not-draft",
    });
    expect(signaturesOf(db, protocol.id).map((s) => [s.name, s.role])).toEqual([
      ["Member 11", "attendee"],
      ["Member 12", "attendee"],
      ["Member 10", "leader"],
    ]);
    expect(sign(db, { protocol: protocol.id, user: people[3]!.user, dissent: null, now })).toEqual({ ok: false, reason: "not-signer" });
    expect(sign(db, { protocol: protocol.id, user: people[0]!.user, dissent: null, now })).toMatchObject({ ok: true, final: false });
    expect(sign(db, { protocol: protocol.id, user: people[0]!.user, dissent: null, now })).toEqual({ ok: false, reason: "already-signed" });
    sign(db, { protocol: protocol.id, user: people[1]!.user, dissent: "Мөөнөт кыска", now });
    expect(sign(db, { protocol: protocol.id, user: people[2]!.user, dissent: null, now })).toMatchObject({ ok: true, final: true });
    expect(protocolById(db, protocol.id)?.status).toBe("final");
    expect(verifyProtocol(db, protocol.id)).toMatchObject({ matches: true, signed: 3, required: 3 });
    // Someone edits the stored record behind the bot's back: /verify sees it.
    db.$client.prepare("update protocol_items set decided = 'Башка' where protocol_id = ?").run(protocol.id);
    expect(verifyProtocol(db, protocol.id)).toMatchObject({ matches: false });
  });

  test("rejected: back to draft, the round kept; no quorum likewise", () => {
    const protocol = draft(heldMeeting([0, 1, 2]));
    const first = openVote(db, { protocol: protocol.id, by: leader(), now });
    if (!first.ok) throw new Error(first.reason);
    for (const i of [0, 1, 2]) castBallot(db, { vote: first.vote.id, user: people[i]!.user, choice: i === 0 ? "for" : "against", now });
    expect(closeVote(db, { vote: first.vote.id, by: leader(), now })).toMatchObject({ ok: true, closing: { outcome: "rejected" } });
    expect(protocolById(db, protocol.id)?.status).toBe("draft");
    const second = openVote(db, { protocol: protocol.id, by: leader(), now, hours: 24 });
    if (!second.ok) throw new Error(second.reason);
    castBallot(db, { vote: second.vote.id, user: people[0]!.user, choice: "for", now });
    castBallot(db, { vote: second.vote.id, user: people[1]!.user, choice: "for", now });
    // Two of five is not more than half: at the deadline the round closes without quorum.
    expect(closeDueVotes(db, new Date(now.getTime() + 23 * HOUR))).toEqual([]);
    const due = closeDueVotes(db, new Date(now.getTime() + 24 * HOUR));
    expect(due.map((c) => c.outcome)).toEqual(["no-quorum"]);
    expect(votesOf(db, protocol.id).map((v) => v.outcome)).toEqual(["rejected", "no-quorum"]);
    expect(protocolById(db, protocol.id)?.status).toBe("draft");
  });

  test("refusals: no decisions, below five, a newcomer, a leaver, after close", () => {
    const protocol = draft(heldMeeting([0, 1, 2]), null);
    expect(openVote(db, { protocol: protocol.id, by: people[1]!.user, now })).toMatchObject({ ok: false, reason: "not-allowed" });
    expect(openVote(db, { protocol: protocol.id, by: leader(), now })).toMatchObject({ ok: false, reason: "no-decisions" });
    reviseDraft(db, {
      protocol: protocol.id,
      by: leader(),
      now,
      revision: { part: "item", position: 0, discussed: "Суу", decided: "Оңдоо" },
    });
    leaveGroup(db, { group: group.id, user: people[4]!.user, now });
    expect(openVote(db, { protocol: protocol.id, by: leader(), now })).toMatchObject({ ok: false, reason: "below-minimum", members: 4 });
    const newcomer = join_(15);
    const opened = openVote(db, { protocol: protocol.id, by: leader(), now });
    if (!opened.ok) throw new Error(opened.reason);
    const late = join_(16);
    expect(castBallot(db, { vote: opened.vote.id, user: late.user, choice: "for", now })).toMatchObject({
      ok: false,
      reason: "not-eligible",
    });
    expect(castBallot(db, { vote: opened.vote.id, user: userId(999), choice: "for", now })).toMatchObject({
      ok: false,
      reason: "not-member",
    });
    expect(castBallot(db, { vote: opened.vote.id, user: newcomer.user, choice: "for", now }).ok).toBe(true);
    const after = new Date(opened.vote.deadline.getTime() + 1);
    const refused = castBallot(db, { vote: opened.vote.id, user: people[1]!.user, choice: "for", now: after });
    expect(refused).toMatchObject({ ok: false, reason: "vote-closed", closing: { outcome: "no-quorum" } });
    expect(castBallot(db, { vote: opened.vote.id, user: people[2]!.user, choice: "for", now: after })).toEqual({
      ok: false,
      reason: "vote-closed",
    });
  });
});

describe("a voter who leaves", () => {
  test("is not waited for: the round closes when every voter still a member has voted", () => {
    const protocol = draft(heldMeeting([0, 1, 2]));
    const opened = openVote(db, { protocol: protocol.id, by: leader(), now });
    if (!opened.ok) throw new Error(opened.reason);
    for (const i of [0, 1, 2]) castBallot(db, { vote: opened.vote.id, user: people[i]!.user, choice: "for", now });
    leaveGroup(db, { group: group.id, user: people[4]!.user, now });
    const last = castBallot(db, { vote: opened.vote.id, user: people[3]!.user, choice: "against", now });
    // Four of the five listed at opening voted: quorum, and three of four are "for".
    expect(last).toMatchObject({ ok: true, closing: { outcome: "adopted", tally: { voters: 5 } } });
  });
});

describe("the observations a protocol covers", () => {
  test("one withdrawn while the protocol is a draft drops out of it", () => {
    const a = observe(1, "2026-11-20");
    const b = observe(2, "2026-11-21");
    const meeting = heldMeeting([0, 1, 2]);
    const drafted = createDraft(db, {
      meeting: meeting.id,
      by: leader(),
      items: [{ title: "Суу", discussed: "x", decided: "y" }],
      recommendations: [],
      observations: [a, b],
      now,
    });
    if (!drafted.ok) throw new Error(drafted.reason);
    withdrawObservation(db, { id: observationId(a), user: people[1]!.user, now });
    expect(coveredObservations(db, drafted.protocol.id).map((o) => o.id)).toEqual([b]);
  });

  function observe(i: number, observedOn: string): number {
    const service = servicesOf(db, group.id)[0]!.id;
    const draftObservation = {
      serviceId: service,
      observedOn,
      place: "Мектеп",
      latitude: null,
      longitude: null,
      quality: 3,
      compliance: "yes" as const,
      resources: 3,
      finding: `Табылга ${i}`,
      findingVoice: null,
      photos: [],
    };
    const result = recordObservation(db, { group: group.id, user: people[i]!.user, now, draft: draftObservation });
    if (!result.ok) throw new Error(result.reason);
    return result.id;
  }

  test("the period runs from the previous protocol's meeting; covered ones are not offered again; final locks them", () => {
    const a = observe(1, "2026-11-20");
    const b = observe(2, "2026-11-24");
    const first = heldMeeting([0, 1, 2]);
    expect(observationsToCover(db, group.id, first.id).map((o) => o.id)).toEqual([a, b]);
    const protocol = createDraft(db, {
      meeting: first.id,
      by: leader(),
      items: [{ title: "Суу", discussed: "x", decided: "y" }],
      recommendations: [],
      observations: [a, b, 999],
      now,
    });
    if (!protocol.ok) throw new Error(protocol.reason);
    expect(coveredObservations(db, protocol.protocol.id).map((o) => o.id)).toEqual([a, b]);

    now = new Date("2026-12-10T06:00:00Z");
    const c = observe(3, "2026-12-01");
    const second = heldMeeting([0, 1, 2]);
    // From 24 November (the first protocol's meeting day) on; b was covered by the first.
    expect(observationsToCover(db, group.id, second.id).map((o) => o.id)).toEqual([c]);

    const opened = openVote(db, { protocol: protocol.protocol.id, by: leader(), now });
    if (!opened.ok) throw new Error(opened.reason);
    for (const i of [0, 1, 2]) castBallot(db, { vote: opened.vote.id, user: people[i]!.user, choice: "for", now });
    expect(observationById(db, observationId(a))?.locked).toBe(false);
    closeVote(db, { vote: opened.vote.id, by: leader(), now });
    // Adopted, the text is frozen with the observations in it: they lock at once.
    expect(observationById(db, observationId(a))?.locked).toBe(true);
    for (const i of [0, 1, 2]) sign(db, { protocol: protocol.protocol.id, user: people[i]!.user, dissent: null, now });
    expect(verifyProtocol(db, protocol.protocol.id)?.matches).toBe(true);
    expect(protocolById(db, protocol.protocol.id)?.canonicalText).toContain('"finding":"Табылга 2"');
  });
});

describe("meeting times as people type them", () => {
  const at = new Date("2026-11-24T06:00:00Z"); // 12:00 in Bishkek
  test.each([
    ["25.12 15:00", "2026-12-25T09:00:00.000Z"],
    ["25.12.2026 15:00", "2026-12-25T09:00:00.000Z"],
    ["25/12/26 9:30", "2026-12-25T03:30:00.000Z"],
    ["15:00", "2026-11-24T09:00:00.000Z"],
  ])("%s", (input, expected) => {
    expect(parseMeetingTime(input, at)).toEqual({ ok: true, at: new Date(expected) });
  });
  test.each([
    ["31.12 25:00", "unreadable"],
    ["31.02 10:00", "unreadable"],
    ["завтра", "unreadable"],
    ["11:00", "past"],
    ["01.11.2026 10:00", "past"],
  ])("%s is refused (%s)", (input, reason) => {
    expect(parseMeetingTime(input, at)).toEqual({ ok: false, reason });
  });
});
