import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { activeMembers } from "../../src/domain/members.js";
import { buttonsOf } from "../helpers/fake-telegram.js";
import { Harness } from "../helpers/harness.js";
import { draftProtocol, groupWithLeader, holdMeeting, lastVoteId, scheduleMeeting, type Scene } from "../helpers/meetings.js";
import { ballotData, openVoteData, signData } from "../../src/callbacks/index.js";
import { protocolId, voteId } from "../../src/domain/types.js";

/** A whole year of a group's life, the clock moving in half hours, the scheduler ticking each time. */
interface Sent {
  at: string; // local time in Bishkek, "2027-01-04 10:00"
  chat: number;
  text: string;
  buttons: string[];
}

const HALF_HOUR = 30 * 60 * 1000;
const local = (d: Date) => format(new TZDate(d, "Asia/Bishkek"), "yyyy-MM-dd HH:mm");
const instant = (localTime: string) => new Date(`${localTime.replace(" ", "T")}:00+06:00`);

let h: Harness;
let a: Scene; // a Russian-speaking group that meets in the second quarter
let b: Scene; // a Kyrgyz-speaking group that meets in the first
const sent: Sent[] = [];

/** Ticks every half hour up to (and including) the given local time, recording what was sent. */
async function runUntil(until: string): Promise<void> {
  const end = instant(until).getTime();
  while (h.clock.now().getTime() < end) {
    h.clock.advance(HALF_HOUR);
    const from = h.tg.calls.length;
    await h.scheduler().tick();
    for (const call of h.tg.calls.slice(from)) {
      if (call.method !== "sendMessage") continue;
      sent.push({
        at: local(h.clock.now()),
        chat: Number(call.payload.chat_id),
        text: String(call.payload.text),
        buttons: buttonsOf(call.payload).map((button) =>
          "url" in button ? String(button.url) : String((button as { callback_data?: string }).callback_data),
        ),
      });
    }
  }
}

const to = (chat: number) => sent.filter((s) => s.chat === chat);
const times = (chat: number, pattern: RegExp) =>
  to(chat)
    .filter((s) => pattern.test(s.text))
    .map((s) => s.at);

beforeAll(async () => {
  h = new Harness({ now: "2026-12-20T06:00:00Z" }); // 12:00 in Bishkek
  a = await groupWithLeader(h, "ru", -1001);
  b = await groupWithLeader(h, "ky", -1002);

  await runUntil("2027-01-03 12:00");
  await scheduleMeeting(h, b.leader, "15.01.2027 15:00");
  await runUntil("2027-04-05 12:00");
  await scheduleMeeting(h, a.leader, "20.04.2027 08:30");
  await runUntil("2027-04-20 09:00");

  // The meeting is held; its protocol is drafted and put to the vote at 09:30 for 72 hours.
  const members = activeMembers(h.db, a.group.id);
  const [leader, m1, m2, m3, m4] = a.people as [typeof a.leader, typeof a.leader, typeof a.leader, typeof a.leader, typeof a.leader];
  const meeting = (h.db.$client.prepare("select id from meetings where group_id = ?").get(a.group.id) as { id: number }).id;
  await holdMeeting(h, leader, meeting, [leader, m1, m2, m3], members);
  await leader.say("/protocol");
  const protocol = await draftProtocol(h, leader, meeting);
  await leader.say("/protocol");
  await leader.press(openVoteData.pack({ protocol: protocolId(protocol), hours: 72 }));
  const vote = lastVoteId(h);
  await runUntil("2027-04-21 12:00");
  await leader.press(ballotData.pack({ vote: voteId(vote), choice: "for" }), a.chat);
  await m1.press(ballotData.pack({ vote: voteId(vote), choice: "for" }), a.chat);
  await runUntil("2027-04-22 12:00");
  for (const member of [m2, m3, m4]) await member.press(ballotData.pack({ vote: voteId(vote), choice: "for" }), a.chat); // all voted: adopted, open for signature
  await runUntil("2027-04-24 12:00");
  await m1.press(signData.pack({ protocol: protocolId(protocol) }), a.chat);
  await runUntil("2027-12-31 23:30");
}, 120_000);

afterAll(() => {
  expect(h.errors()).toEqual([]);
  h.close();
});

describe("a year of reminders", () => {
  test("never between 21:00 and 09:00", () => {
    for (const { at } of sent) expect(Number(at.slice(11, 13)), at).toBeGreaterThanOrEqual(9);
    for (const { at } of sent) expect(Number(at.slice(11, 13)), at).toBeLessThan(21);
  });

  test("quarter start and quarter end, in the group's language, once each, stopping once a meeting is held", () => {
    const chatA = a.chat.id;
    expect(times(chatA, /Начался/)).toEqual(["2027-01-04 10:00", "2027-04-01 10:00", "2027-07-01 10:00", "2027-10-01 10:00"]);
    expect(times(chatA, /До конца/)).toEqual([
      "2026-12-29 10:00",
      "2027-03-02 10:00",
      "2027-03-18 10:00",
      "2027-03-29 10:00",
      // none in the second quarter: the meeting of 20 April was held
      "2027-09-01 10:00",
      "2027-09-17 10:00",
      "2027-09-28 10:00",
      "2027-12-02 10:00",
      "2027-12-18 10:00",
      "2027-12-29 10:00",
    ]);
    const chatB = b.chat.id;
    // Group B scheduled its first-quarter meeting before the quarter's first working day.
    expect(times(chatB, /кварталы башталды/)).toEqual(["2027-04-01 10:00", "2027-07-01 10:00", "2027-10-01 10:00"]);
    expect(times(chatB, /аягына/)).toEqual([
      "2026-12-29 10:00",
      "2027-06-01 10:00",
      "2027-06-17 10:00",
      "2027-06-28 10:00",
      "2027-09-01 10:00",
      "2027-09-17 10:00",
      "2027-09-28 10:00",
      "2027-12-02 10:00",
      "2027-12-18 10:00",
      "2027-12-29 10:00",
    ]);
    expect(to(chatB).find((s) => /аягына/.test(s.text))?.text).toContain("3 күн калды");
  });

  test("the leader gets the quarter's reminders in private, with a button to schedule the meeting", () => {
    // The leader's own language is Kyrgyz, the group's Russian.
    const notices = to(a.leader.id).filter((s) => /кварталы башталды|аягына/.test(s.text));
    expect(notices).toHaveLength(14);
    expect(notices[0]?.buttons).toEqual([`https://t.me/monitoring_group_bot?start=meeting-${a.group.id}`]);
  });

  test("24 hours and 1 hour before a meeting; a reminder due in quiet hours waits for 09:00, and none after the start", () => {
    expect(times(b.chat.id, /Эртең топтун жыйналышы/)).toEqual(["2027-01-14 15:00"]);
    expect(times(b.chat.id, /Бир сааттан кийин/)).toEqual(["2027-01-15 14:00"]);
    // Group A meets at 08:30: the day-before reminder (due 08:30) waits for 09:00; the hour-before one (due 07:30) never goes.
    expect(times(a.chat.id, /Завтра заседание/)).toEqual(["2027-04-19 09:00"]);
    expect(times(a.chat.id, /Через час/)).toEqual([]);
  });

  test("24 hours before the vote closes, in private, to those who have not voted, with the ballot buttons", () => {
    const vote = lastVoteId(h);
    const reminded = sent.filter((s) => s.buttons.includes(ballotData.pack({ vote: voteId(vote), choice: "for" })));
    expect(reminded.map((s) => [s.chat, s.at])).toEqual([a.people[2]!, a.people[3]!, a.people[4]!].map((p) => [p.id, "2027-04-22 09:30"]));
    expect(reminded[0]?.buttons).toEqual([
      ballotData.pack({ vote: voteId(vote), choice: "for" }),
      ballotData.pack({ vote: voteId(vote), choice: "against" }),
      ballotData.pack({ vote: voteId(vote), choice: "abstain" }),
    ]);
    // Each in their own language.
    expect(reminded[0]?.text).toMatch(/^№ 1\/2027 протокол боюнча добуш берүү жабылат: 2027-жылдын 23-апрели, саат 09:30\./);
    expect(reminded[1]?.text).toMatch(/^Голосование по протоколу № 1\/2027 закрывается 23 апреля 2027 г. в 09:30/);
  });

  test("daily for a week to each signer who has not signed; none once they sign", () => {
    const days = (person: { id: number }) =>
      to(person.id)
        .filter((s) => s.buttons.some((b) => signData.parse(b) !== undefined))
        .map((s) => s.at);
    const week = ["2027-04-23", "2027-04-24", "2027-04-25", "2027-04-26", "2027-04-27", "2027-04-28", "2027-04-29"].map(
      (d) => `${d} 10:00`,
    );
    expect(days(a.people[0]!)).toEqual(week); // the leader
    expect(days(a.people[2]!)).toEqual(week);
    expect(days(a.people[1]!)).toEqual(week.slice(0, 2)); // signed on the 24th at 12:00
    expect(days(a.people[4]!)).toEqual([]); // did not attend: not a signer
  });
});
