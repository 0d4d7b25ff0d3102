import { afterEach, beforeEach, expect, test } from "vitest";
import { Harness } from "../helpers/harness.js";
import { draftedProtocol, leaderScene, heldMeeting, type Scene } from "../helpers/meetings.js";

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
  await pressForged(`ol:${scene.group.id}:0:-:1000000`, scene.people[1]!);
});

test("a vote length the bot never offered opens nothing and is answered", async () => {
  const { protocol } = await draftedProtocol(h, scene);
  for (const hours of ["5", "0", "99999999999999999999", "100000000"]) {
    await pressForged(`vo:${protocol}:${hours}`);
  }
  expect(h.count("select count(*) n from votes")).toBe(0);
  await pressForged(`vo:${protocol}:72`);
  expect(h.count("select count(*) n from votes")).toBe(1);
});

test("every forged press by every role is answered and changes nothing it may not", async () => {
  const { group, head, people, leader, chat } = scene;
  const meeting = await heldMeeting(h, scene);
  const before = h.count("select (select count(*) from votes) + (select count(*) from members where left_at is not null) + (select count(*) from attendance) + (select count(*) from leader_appointments) n");
  const outsider = h.person(999, "Чужой", "ru");
  const forged = [
    `req:999:a`, `req:1:r`, `appoint:${group.id}:999`, `leave:${group.id}:999:y`, `att:${meeting}:999`, `att:${meeting}:done`,
    `v:1:for`, `v:99999999999999999999:for`, `vc:1`, `sg:1`, `sgd:1`, `pd:${meeting}`, `pe:1:i9`, `rsvp:${meeting}:y`,
    `mm:${meeting}:c`, `lang:g${group.id}:ru`, `rem:${group.id}:quarter-start`, `sv:ret:1`, `ov:1`, `oe:1`, `ow:1`, `owy:1`,
    `ol:${group.id}:99999999999999999999:-:0`, `pick:members:99999999999999999999`, `nonsense`, `x:${"9".repeat(60)}`,
  ];
  for (const who of [outsider, people[3]!, head]) {
    for (const data of forged) {
      await pressForged(data, who, who.privateChat);
      await pressForged(data, who, chat);
    }
  }
  const after = h.count("select (select count(*) from votes) + (select count(*) from members where left_at is not null) + (select count(*) from attendance) + (select count(*) from leader_appointments) n");
  expect(after).toBe(before);
  void leader;
});

test("Done on the attendance list pressed twice announces the meeting once", async () => {
  const meeting = await heldMeeting(h, scene);
  const announcements = () => h.tg.textsTo(scene.chat.id).filter((text) => text.includes(scene.people[1]!.user.first_name) && text.length > 0).length;
  const once = announcements();
  await scene.leader.press(`att:${meeting}:done`);
  expect(announcements()).toBe(once);
});
