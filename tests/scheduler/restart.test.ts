import { afterEach, expect, test } from "vitest";
import { activeMembers } from "../../src/domain/members.js";
import { buttonsOf } from "../helpers/fake-telegram.js";
import { Harness } from "../helpers/harness.js";
import { draftProtocol, groupWithLeader, holdMeeting, lastVoteId, scheduleMeeting } from "../helpers/meetings.js";
import { ballotData, openVoteData, signData } from "../../src/callbacks/index.js";
import { protocolId, voteId } from "../../src/domain/types.js";

let h: Harness;
afterEach(() => h.finish());

const at = (localTime: string) => new Date(`${localTime.replace(" ", "T")}:00+06:00`);
const sentSince = (from: number) => h.tg.calls.slice(from).filter((c) => c.method === "sendMessage");

test("stopped and restarted around a due time, the bot sends each reminder once", async () => {
  h = new Harness({ now: "2027-03-01T06:00:00Z" });
  const scene = await groupWithLeader(h, "ru");
  await scheduleMeeting(h, scene.leader, "10.03.2027 15:00");
  const before = h.tg.calls.length;
  h.clock.set(at("2027-03-09 14:59"));
  await h.scheduler().tick();
  h.restart();
  h.clock.set(at("2027-03-09 15:00"));
  await h.scheduler().tick();
  await h.scheduler().tick();
  h.restart();
  h.clock.set(at("2027-03-09 15:01"));
  await h.scheduler().tick();
  const reminders = sentSince(before).filter((c) => /Завтра заседание/.test(String(c.payload.text)));
  expect(reminders).toHaveLength(1);
});

test("down for two days, the bot sends on its return only what still makes sense, once", async () => {
  h = new Harness({ now: "2027-03-20T06:00:00Z" });
  const scene = await groupWithLeader(h, "ru");
  const { leader, people } = scene;
  const members = activeMembers(h.db, scene.group.id);
  // A meeting on 25 March, its protocol adopted and opened for signature on 26 March at 11:00.
  const held = await scheduleMeeting(h, leader, "25.03.2027 10:00");
  await holdMeeting(h, leader, held, [leader, people[1]!], members);
  await leader.say("/protocol");
  const protocol = await draftProtocol(h, leader, held);
  h.clock.set(at("2027-03-26 11:00"));
  await leader.say("/protocol");
  await leader.press(openVoteData.pack({ protocol: protocolId(protocol), hours: 72 }));
  const vote = lastVoteId(h);
  for (const person of people) await person.press(ballotData.pack({ vote: voteId(vote), choice: "for" }), scene.chat);
  // The next meeting, on 3 April at 15:00, is scheduled on 30 March.
  h.clock.set(at("2027-03-30 12:00"));
  await scheduleMeeting(h, leader, "03.04.2027 15:00");

  // Everything up to 31 March 12:00 went out while the bot ran.
  for (let t = at("2027-03-26 11:30").getTime(); t <= at("2027-03-31 12:00").getTime(); t += 30 * 60 * 1000) {
    h.clock.set(new Date(t));
    await h.scheduler().tick();
  }
  // Down from 31 March 12:00 until 2 April 12:00: the signers' reminders of 1 and 2 April at
  // 10:00 fell due meanwhile, and so did the second quarter's start (1 April, 10:00).
  h.restart();
  h.clock.set(at("2027-04-02 12:00"));
  const back = h.tg.calls.length;
  await h.scheduler().tick();
  await h.scheduler().tick();
  const sent = sentSince(back);
  const signatureReminders = sent.filter((c) =>
    buttonsOf(c.payload).some((b) => "callback_data" in b && b.callback_data === signData.pack({ protocol: protocolId(protocol) })),
  );
  // Only today's, the seventh and last: yesterday's would say nothing new. The leader and the one attendee have not signed.
  expect(signatureReminders.map((c) => Number(c.payload.chat_id)).sort()).toEqual([leader.id, people[1]!.id].sort());
  expect(signatureReminders.every((c) => /7 из 7|7 \/ 7/.test(String(c.payload.text)))).toBe(true);
  // The quarter has a meeting scheduled (3 April): no "the quarter has begun" reminder.
  expect(sent.filter((c) => /Начался|башталды/.test(String(c.payload.text)))).toEqual([]);
  // Back on 3 April at 16:00, after the meeting: neither meeting reminder goes.
  h.restart();
  h.clock.set(at("2027-04-03 16:00"));
  const after = h.tg.calls.length;
  await h.scheduler().tick();
  expect(sentSince(after).filter((c) => /заседание|жыйналышы/.test(String(c.payload.text)))).toEqual([]);
});
