import { afterEach, beforeEach, expect, test } from "vitest";
import { openVoteData } from "../../src/callbacks/index.js";
import { protocolId } from "../../src/domain/types.js";
import { Harness } from "../helpers/harness.js";
import { draftProtocol, groupWithLeader, heldMeeting, protocolStatus, type Scene } from "../helpers/meetings.js";

let h: Harness;
beforeEach(() => {
  h = new Harness();
});
afterEach(() => h.finish());

async function votingFor24Hours(scene: Scene, when: string): Promise<number> {
  const meeting = await heldMeeting(h, scene, when);
  await scene.leader.say("/protocol");
  const protocol = await draftProtocol(h, scene.leader, meeting);
  await scene.leader.say("/protocol");
  await scene.leader.press(openVoteData.pack({ protocol: protocolId(protocol), hours: 24 }));
  return protocol;
}

test("/status closes the due vote of its own group only; the background tick closes the others", async () => {
  const here = await groupWithLeader(h, "ru");
  const there = await groupWithLeader(h, "ru", -1002);
  const mine = await votingFor24Hours(here, "26.11 15:00");
  const theirs = await votingFor24Hours(there, "27.11 15:00");
  h.clock.advance(49 * 3600_000);
  const postedThere = h.tg.textsTo(there.chat.id).length;

  await here.people[1]!.say("/status", here.chat);
  expect(protocolStatus(h, mine)).toBe("draft");
  expect(h.tg.textsTo(here.chat.id).join("\n")).toContain("Протокол № 1/2026 не принят: нет кворума");
  expect(h.tg.textsTo(here.chat.id).pop()).toContain("Группа совместного мониторинга и оценки");
  expect(protocolStatus(h, theirs)).toBe("voting");
  expect(h.tg.textsTo(there.chat.id)).toHaveLength(postedThere);

  await h.bot.background.tick();
  expect(protocolStatus(h, theirs)).toBe("draft");
  expect(h.tg.textsTo(there.chat.id).slice(postedThere).join("\n")).toContain("не принят: нет кворума");
});
