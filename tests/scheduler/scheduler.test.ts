import { afterEach, beforeEach, expect, test } from "vitest";
import { appointLeader } from "../../src/domain/leadership.js";
import { activeMembers } from "../../src/domain/members.js";
import { userId, type Group } from "../../src/domain/types.js";
import type { ReminderRule } from "../../src/scheduler/reminder.js";
import { fiveMembers, setUpGroup } from "../helpers/flows.js";
import { fromScene } from "../helpers/fixture.js";
import type { Harness } from "../helpers/harness.js";
import { setMuted, setGroupKind } from "../../src/scheduler/ledger.js";

let h: Harness;
let group: Group;
const chat = { id: -5001, type: "supergroup", title: "Ак-Суу" } as const;

/** A rule that owes the group chat one message and each member one in private. */
const everyone: ReminderRule = ({ db }) =>
  [group].flatMap((g) => [
    { key: `test:${g.id}`, kind: "quarter-start" as const, groupId: g.id, to: { group: g }, message: { text: (t) => t("start-in-group") } },
    ...activeMembers(db, g.id).map((m) => ({
      key: `test:${g.id}:${m.userId}`,
      kind: "vote-24h" as const,
      groupId: g.id,
      to: { user: m.userId },
      message: { text: (t: (key: string) => string) => t("help-intro") },
    })),
  ]);

beforeEach(async () => {
  const built = async (h: Harness) => {
    const head = h.person(11, "Бакыт", "ru");
    const group = await setUpGroup(h, chat, head, { locale: "ru" });
    await fiveMembers(h, group, head);
    return group;
  };
  ({ h, scene: group } = await fromScene("Ак-Суу with five members", built, { now: "2026-11-24T06:00:00Z", reminderRules: [everyone] })); // 12:00 in Bishkek
  h.tg.reset();
});
afterEach(() => h.close());

test("each reminder is sent once: not by a second tick, nor after a restart", async () => {
  const first = await h.scheduler().tick();
  expect(first).toMatchObject({ due: 6, sent: 6 });
  expect(h.tg.sentTo(chat.id).map((c) => c.payload.text)).toEqual([
    "Я работаю здесь по командам. Список того, что вы можете сделать, — /help.",
  ]);
  expect(await h.scheduler().tick()).toMatchObject({ due: 0, sent: 0 });
  h.restart();
  expect(await h.scheduler().tick()).toMatchObject({ due: 0 });
  expect(h.tg.callsOf("sendMessage")).toHaveLength(6);
});

test("two ticks at once, even of two processes, send each reminder once", async () => {
  const a = h.scheduler();
  const b = h.anotherProcessScheduler();
  await Promise.all([a.tick(), b.tick(), a.tick()]);
  expect(h.tg.callsOf("sendMessage")).toHaveLength(6);
});

test("nothing between 21:00 and 09:00 Bishkek time; what fell due waits for 09:00", async () => {
  h.clock.set("2026-11-24T15:30:00Z"); // 21:30
  expect(await h.scheduler().tick()).toMatchObject({ due: 0 });
  h.clock.set("2026-11-25T02:59:00Z"); // 08:59
  expect(await h.scheduler().tick()).toMatchObject({ due: 0 });
  h.clock.set("2026-11-25T03:00:00Z"); // 09:00
  expect(await h.scheduler().tick()).toMatchObject({ sent: 6 });
});

test("a 403 for one member and a 429 for the group in one batch: the rest go, the 403 is marked", async () => {
  const blocked = activeMembers(h.db, group.id)[2]!;
  let floods = 0;
  h.tg.fail = (call) => {
    if (call.method !== "sendMessage") return undefined;
    if (Number(call.payload.chat_id) === blocked.userId) return { error_code: 403, description: "Forbidden: bot was blocked by the user" };
    if (Number(call.payload.chat_id) === chat.id && floods++ === 0) {
      return { error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } };
    }
    return undefined;
  };
  const report = await h.scheduler().tick();
  expect(report).toMatchObject({ due: 6, sent: 5, unreachable: 1 });
  // Refused once, then sent after the wait; then the group learns whom the bot cannot reach.
  expect(h.tg.sentTo(chat.id)).toHaveLength(3);
  expect(h.tg.lastTo(chat.id).payload.reply_markup.inline_keyboard[0][0].url).toBe("https://t.me/monitoring_group_bot?start=inbox");
  expect(activeMembers(h.db, group.id).find((m) => m.id === blocked.id)?.unreachable).toBe(true);
  // The leader sees who does not get private messages.
  await h.person(11, "Бакыт", "ru").say("/members");
  expect(h.tg.lastTo(11).payload.text).toContain("не получает мои сообщения");
}, 10_000);

test("a flood wait longer than a minute releases the reminders for the next tick", async () => {
  let flooded = true;
  h.tg.fail = (call) =>
    flooded && call.method === "sendMessage"
      ? { error_code: 429, description: "Too Many Requests: retry after 120", parameters: { retry_after: 120 } }
      : undefined;
  expect(await h.scheduler().tick()).toMatchObject({ sent: 0, retried: 6 });
  flooded = false;
  expect(await h.scheduler().tick()).toMatchObject({ sent: 6 });
});

test("a refusal that will not change (400) is recorded and not tried again", async () => {
  h.tg.fail = (call) => (call.method === "sendMessage" ? { error_code: 400, description: "Bad Request: chat not found" } : undefined);
  expect(await h.scheduler().tick()).toMatchObject({ failed: 6 });
  h.tg.fail = () => undefined;
  expect(await h.scheduler().tick()).toMatchObject({ due: 0 });
});

test("muted members and group kinds turned off get nothing", async () => {
  const member = activeMembers(h.db, group.id)[0]!;
  setMuted(h.db, userId(member.userId), true, h.clock.now());
  const leader = activeMembers(h.db, group.id)[1]!;
  appointLeader(h.db, { group: group.id, member: leader.id, by: userId(11), now: h.clock.now() });
  expect(setGroupKind(h.db, { group: group.id, kind: "quarter-start", enabled: false, by: leader.userId })).toEqual({ ok: true });
  expect(await h.scheduler().tick()).toMatchObject({ due: 4, sent: 4 });
  expect(h.tg.sentTo(chat.id)).toHaveLength(0);
});

test("stopping the bot's background waits for the tick in progress", async () => {
  const tick = h.scheduler().tick();
  await h.bot.background.stop();
  expect(await tick).toMatchObject({ sent: 6 });
});

test("a reminder whose send a crash cut short is sent again by a later start, never forgotten", async () => {
  // The process claimed the group's reminder and died before Telegram took it.
  h.db.$client
    .prepare(
      "insert into sent_reminders (key, kind, group_id, chat_id, claimed_at, outcome) values (?, 'quarter-start', ?, ?, ?, 'sending')",
    )
    .run(`test:${group.id}`, group.id, chat.id, h.clock.now().getTime());
  h.restart();
  expect(await h.scheduler().tick()).toMatchObject({ sent: 5 });
  // A claim this fresh may be another process sending right now: left alone.
  h.clock.advance(10 * 60 * 1000);
  expect(await h.scheduler().tick()).toMatchObject({ sent: 1 });
  expect(h.tg.sentTo(chat.id)).toHaveLength(1);
});
