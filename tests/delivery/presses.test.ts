import { afterEach, beforeEach, expect, test } from "vitest";
import type { Harness } from "../helpers/harness.js";
import { draftedProtocol, heldMeeting, type Scene, leaderScene } from "../helpers/meetings.js";
import {
  appointData,
  attendanceDoneData,
  attendanceMarkData,
  ballotData,
  closeVoteData,
  draftProtocolData,
  editProtocolData,
  languageData,
  leaveData,
  manageMeetingData,
  observationEditData,
  observationListData,
  observationViewData,
  observationWithdrawData,
  observationWithdrawYesData,
  openVoteData,
  reminderToggleData,
  requestData,
  rsvpData,
  serviceToggleData,
  signData,
  signDissentData,
} from "../../src/callbacks/index.js";
import { groupId, meetingId, memberId, observationId, protocolId, requestId, serviceId, userId, voteId } from "../../src/domain/types.js";

let h: Harness;
let scene: Scene;
beforeEach(async () => {
  ({ h, scene } = await leaderScene("ru"));
});
afterEach(() => h.finish());

async function pressForged(data: string, who = scene.leader, chat = who.privateChat): Promise<void> {
  const before = h.tg.callsOf("answerCallbackQuery").length;
  await who.forge(data, chat);
  const after = h.tg.callsOf("answerCallbackQuery").slice(before);
  expect(after, `press ${data} answered once`).toHaveLength(1);
}

test("a forged page number far beyond the list is answered and shows the last page", async () => {
  await pressForged(`ol:${scene.group.id}:0:-:99999999999999999999`, scene.people[1]!);
  await pressForged(
    observationListData.pack({ group: groupId(scene.group.id), service: 0, quarter: "-", page: 1000000 }),
    scene.people[1]!,
  );
});

test("a vote length the bot never offered opens nothing and is answered", async () => {
  const { protocol } = await draftedProtocol(h, scene);
  for (const hours of ["5", "0", "99999999999999999999", "100000000"]) {
    await pressForged(`${openVoteData.prefix}:${protocol}:${hours}`);
  }
  expect(h.count("select count(*) n from votes")).toBe(0);
  await pressForged(openVoteData.pack({ protocol: protocolId(protocol), hours: 72 }));
  expect(h.count("select count(*) n from votes")).toBe(1);
});

test("every forged press by every role is answered and changes nothing it may not", async () => {
  const { group, head, people, leader, chat } = scene;
  const meeting = await heldMeeting(h, scene);
  const before = h.count(
    "select (select count(*) from votes) + (select count(*) from members where left_at is not null) + (select count(*) from attendance) + (select count(*) from leader_appointments) n",
  );
  const outsider = h.person(999, "Чужой", "ru");
  const forged = [
    requestData.pack({ request: requestId(999), decision: "a" }),
    requestData.pack({ request: requestId(1), decision: "r" }),
    appointData.pack({ group: groupId(group.id), member: memberId(999) }),
    leaveData.pack({ group: groupId(group.id), user: userId(999), answer: "y" }),
    attendanceMarkData.pack({ meeting: meetingId(meeting), member: memberId(999) }),
    attendanceDoneData.pack({ meeting: meetingId(meeting) }),
    ballotData.pack({ vote: voteId(1), choice: "for" }),
    `v:99999999999999999999:for`,
    closeVoteData.pack({ vote: voteId(1) }),
    signData.pack({ protocol: protocolId(1) }),
    signDissentData.pack({ protocol: protocolId(1) }),
    draftProtocolData.pack({ meeting: meetingId(meeting) }),
    editProtocolData.pack({ protocol: protocolId(1), part: "i9" }),
    rsvpData.pack({ meeting: meetingId(meeting), answer: "y" }),
    manageMeetingData.pack({ meeting: meetingId(meeting), action: "c" }),
    languageData.pack({ target: `g${group.id}`, locale: "ru" }),
    reminderToggleData.pack({ group: groupId(group.id), kind: "quarter-start" }),
    serviceToggleData.pack({ action: "ret", service: serviceId(1) }),
    observationViewData.pack({ observation: observationId(1) }),
    observationEditData.pack({ observation: observationId(1) }),
    observationWithdrawData.pack({ observation: observationId(1) }),
    observationWithdrawYesData.pack({ observation: observationId(1) }),
    `ol:${group.id}:99999999999999999999:-:0`,
    `pick:members:99999999999999999999`,
    `nonsense`,
    `x:${"9".repeat(60)}`,
  ];
  for (const who of [outsider, people[3]!, head]) {
    for (const data of forged) {
      await pressForged(data, who, who.privateChat);
      await pressForged(data, who, chat);
    }
  }
  const after = h.count(
    "select (select count(*) from votes) + (select count(*) from members where left_at is not null) + (select count(*) from attendance) + (select count(*) from leader_appointments) n",
  );
  expect(after).toBe(before);
  void leader;
});

test("Done on the attendance list pressed twice announces the meeting once", async () => {
  const meeting = await heldMeeting(h, scene);
  const announcements = () =>
    h.tg.textsTo(scene.chat.id).filter((text) => text.includes(scene.people[1]!.user.first_name) && text.length > 0).length;
  const once = announcements();
  await scene.leader.press(attendanceDoneData.pack({ meeting: meetingId(meeting) }));
  expect(announcements()).toBe(once);
});
