import { afterEach, expect, test } from "vitest";
import { publishCommandMenu } from "../../src/bot/commands.js";
import { Harness } from "../helpers/harness.js";
import { groupWithLeader } from "../helpers/meetings.js";

let h: Harness;
afterEach(() => h.finish());

const NEW_COMMANDS = ["plan", "assign", "assignments", "inforequest", "inforequests", "endterm"];

test("both command menus, private and group, in both languages, list the new commands", async () => {
  h = new Harness();
  await publishCommandMenu(h.bot.api, h.bot.background.app.t, "ky");
  const menus = h.tg.callsOf("setMyCommands").map((c) => ({
    scope: c.payload.scope?.type as string,
    language: (c.payload.language_code ?? "default") as string,
    commands: new Map((c.payload.commands as { command: string; description: string }[]).map((x) => [x.command, x.description])),
  }));
  for (const scope of ["all_private_chats", "all_group_chats"]) {
    const ru = menus.find((m) => m.scope === scope && m.language === "ru")!;
    const ky = menus.find((m) => m.scope === scope && m.language === "ky")!;
    for (const command of NEW_COMMANDS) {
      expect(ru.commands.has(command), `${scope} ru /${command}`).toBe(true);
      expect(ky.commands.has(command), `${scope} ky /${command}`).toBe(true);
    }
    expect(ru.commands.get("endterm")).toBe("Завершить срок работы группы");
    expect(ky.commands.get("assign")).toBe("Мүчөлөргө тапшырма берүү");
  }
});

test.each([
  ["ru", "/assign — дать поручение", "/endterm — завершить срок работы группы", "/inforequests — запросы информации"],
  ["ky", "/assign — бир же бир нече мүчөгө тапшырма берүү", "/endterm — топтун иш мөөнөтүн аяктоо", "/inforequests — маалымат суроолор"],
])("/help lists the new commands for each role (%s)", async (locale, leader, appointer, member) => {
  h = new Harness();
  const s = await groupWithLeader(h, locale as "ky" | "ru");
  await s.leader.say("/help", s.chat);
  const help = String(h.tg.lastTo(s.chat.id).payload.text);
  expect(help).toContain(leader);
  expect(help).toContain(member);
  expect(help).not.toContain(appointer);
  await s.head.say("/help", s.chat);
  expect(String(h.tg.lastTo(s.chat.id).payload.text)).toContain(appointer);
});
