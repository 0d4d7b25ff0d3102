import { afterEach, expect, test } from "vitest";
import { groupMenu, privateMenu } from "../../src/bot/commands.js";
import { Harness } from "../helpers/harness.js";
import { groupWithLeader } from "../helpers/meetings.js";

let h: Harness;
afterEach(() => h.finish());

const NEW_COMMANDS = ["plan", "assign", "assignments", "inforequest", "inforequests", "endterm"];

test("both command menus, private and group, in both languages, list the new commands", () => {
  h = new Harness();
  const t = h.bot.background.app.t;
  for (const locale of ["ky", "ru"] as const) {
    const menus = [privateMenu(t, locale), groupMenu(t, locale, ["leader", "appointer"])];
    for (const menu of menus) {
      const commands = new Map(menu.map((c) => [c.command, c.description]));
      for (const command of NEW_COMMANDS) expect(commands.has(command), `${locale} /${command}`).toBe(true);
      if (locale === "ru") expect(commands.get("endterm")).toBe("Завершить срок работы группы");
      if (locale === "ky") expect(commands.get("assign")).toBe("Мүчөлөргө тапшырма берүү");
    }
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
