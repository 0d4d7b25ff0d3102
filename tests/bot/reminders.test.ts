import { afterEach, beforeEach, expect, test } from "vitest";
import { disabledGroupKinds, isMuted } from "../../src/scheduler/ledger.js";
import { groupId, userId } from "../../src/domain/types.js";
import { buttonsOf } from "../helpers/fake-telegram.js";
import { Harness } from "../helpers/harness.js";
import { groupWithLeader, type Scene } from "../helpers/meetings.js";
import { muteData, reminderToggleData } from "../../src/callbacks/index.js";

let h: Harness;
let scene: Scene;
beforeEach(async () => {
  h = new Harness({ now: "2026-11-24T06:00:00Z" });
  scene = await groupWithLeader(h, "ru");
});
afterEach(() => h.finish());

const last = (chat: number) => String(h.tg.lastTo(chat).payload.text);

test("the leader sees the plan with its dates and turns group-chat reminders off and on", async () => {
  const { leader, chat, group } = scene;
  await leader.say("/reminders", chat);
  const plan = h.tg.lastTo(chat.id);
  expect(String(plan.payload.text)).toContain("Напоминания группы «Мин-Булак айыл аймагы»");
  expect(String(plan.payload.text)).toContain("2 декабря 2026 г., 18 декабря 2026 г., 29 декабря 2026 г.");
  expect(String(plan.payload.text)).toContain("Начало квартала: 4 января 2027 г."); // 1 January is a holiday, then a weekend
  expect(buttonsOf(plan.payload).map((b) => b.text)).toContain("Конец квартала: вкл.");
  await leader.press(reminderToggleData.pack({ group: groupId(group.id), kind: "quarter-end" }), chat);
  expect([...disabledGroupKinds(h.db, group.id)]).toEqual(["quarter-end"]);
  await leader.press(reminderToggleData.pack({ group: groupId(group.id), kind: "quarter-end" }), chat);
  expect([...disabledGroupKinds(h.db, group.id)]).toEqual([]);
});

test("a member sees the plan without the switches and cannot forge them", async () => {
  const { people, chat, group } = scene;
  const member = people[1]!;
  await member.say("/reminders", chat);
  expect(buttonsOf(h.tg.lastTo(chat.id).payload)).toEqual([]);
  await member.forge(reminderToggleData.pack({ group: groupId(group.id), kind: "meeting-1h" }), chat);
  expect(h.tg.alerts().pop()).toBe("Напоминания в чате группы включает и выключает руководитель группы.");
  expect([...disabledGroupKinds(h.db, group.id)]).toEqual([]);
});

test("anyone mutes and unmutes their private reminders, in their language", async () => {
  const member = scene.people[2]!; // speaks Kyrgyz
  await member.say("/reminders");
  expect(last(member.id)).toBe("Жеке чаттагы эскертүүлөр күйгүзүлдү.");
  await member.press(muteData.pack({ muted: 1 }));
  expect(isMuted(h.db, userId(member.id))).toBe(true);
  expect(h.tg.textsTo(member.id).pop()).toBe("Жеке чаттагы эскертүүлөр өчүрүлдү.");
  await member.forge(muteData.pack({ muted: 0 })); // the same message, now showing the other button
  expect(isMuted(h.db, userId(member.id))).toBe(false);
});

test("/reminders in an unregistered group points to /setup", async () => {
  const chat = h.groupChat(-7777);
  await scene.people[1]!.say("/reminders", chat);
  expect(last(chat.id)).toContain("/setup");
});
