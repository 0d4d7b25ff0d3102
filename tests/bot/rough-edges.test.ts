import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { activeMembers } from "../../src/domain/members.js";
import { buttonsOf } from "../helpers/fake-telegram.js";
import type { Harness } from "../helpers/harness.js";
import { draftProtocol, leaderScene, holdMeeting, lastVoteId, scheduleMeeting, type Scene } from "../helpers/meetings.js";
import { recordDirect, serviceKeyed } from "../helpers/observations.js";
import { ballotData, languageData, observationViewData, openVoteData } from "../../src/callbacks/index.js";
import { observationId, protocolId, voteId } from "../../src/domain/types.js";

let h: Harness;
let scene: Scene;
beforeEach(async () => {
  ({ h, scene } = await leaderScene("ru"));
});
afterEach(() => h.finish());

const labels = (payload: Record<string, any>) => buttonsOf(payload).map((b) => b.text);

describe("lists number their entries by position", () => {
  test("the list's «1» opens the first entry, which is not called by its record number", async () => {
    const { group, people } = scene;
    const water = serviceKeyed(h, group, "water");
    const lighting = serviceKeyed(h, group, "lighting");
    for (let i = 0; i < 3; i++) recordDirect(h, group, people[1]!, { serviceId: water, observedOn: `2026-11-1${i}` });
    const newest = recordDirect(h, group, people[1]!, { serviceId: lighting, observedOn: "2026-11-20" });
    await people[1]!.say("/observations");
    const list = h.tg.lastTo(people[1]!.id);
    expect(list.payload.text).toContain("1. 20 ноября 2026 г. — Уличное освещение");
    expect(labels(list.payload)[0]).toBe("1");
    await people[1]!.press(observationViewData.pack({ observation: observationId(newest) }));
    const card = String(h.tg.lastTo(people[1]!.id).payload.text);
    expect(card).not.toContain(`№ ${newest}`);
    expect(card.split("\n")[0]).toContain("Уличное освещение");
  });
});

describe("the vote-length buttons say what they do", () => {
  test.each([
    ["ru", ["Открыть голосование на 24 часа", "Открыть голосование на 3 дня", "Открыть голосование на неделю"]],
    ["ky", ["Добуш берүүнү 24 саатка ачуу", "Добуш берүүнү 3 күнгө ачуу", "Добуш берүүнү бир жумага ачуу"]],
  ])("%s", async (locale, expected) => {
    const { leader } = scene;
    await leader.say(`/language`);
    await leader.press(languageData.pack({ target: "me", locale: locale as "ky" | "ru" }));
    const meeting = await scheduleMeeting(h, leader);
    await holdMeeting(h, leader, meeting, [leader, scene.people[1]!], activeMembers(h.db, scene.group.id));
    await leader.say("/protocol");
    await draftProtocol(h, leader, meeting);
    await leader.say("/protocol");
    const view = h.tg
      .sentTo(leader.id)
      .filter((c) => buttonsOf(c.payload).some((b) => "callback_data" in b && openVoteData.parse(b.callback_data) !== undefined))
      .pop()!;
    const vote = buttonsOf(view.payload).filter((b) => "callback_data" in b && openVoteData.parse(b.callback_data) !== undefined);
    expect(vote.map((b) => b.text)).toEqual(expected);
  });
});

describe("a vote of 24 hours", () => {
  test("sends no «closes within 24 hours» reminder the minute it opens (its announcement says so)", async () => {
    const { leader, people, chat } = scene;
    const meeting = await scheduleMeeting(h, leader);
    await holdMeeting(h, leader, meeting, [leader, people[1]!], activeMembers(h.db, scene.group.id));
    await leader.say("/protocol");
    const protocol = await draftProtocol(h, leader, meeting);
    await leader.say("/protocol");
    await leader.press(openVoteData.pack({ protocol: protocolId(protocol), hours: 24 }));
    expect(h.tg.textsTo(chat.id).join("\n")).toContain("Голосование по протоколу № 1/2026");
    h.clock.advance(60_000);
    await h.scheduler().tick();
    expect(h.count("select count(*) n from sent_reminders where kind = 'vote-24h'")).toBe(0);
    expect(lastVoteId(h)).toBeGreaterThan(0);
  });
});

describe("a signature list with long dissents", () => {
  test("stays under 4096 characters: it shows who signed and says dissents are in the protocol", async () => {
    const { leader, people, chat, group } = scene;
    const meeting = await scheduleMeeting(h, leader);
    await holdMeeting(h, leader, meeting, [leader, ...people.slice(1)], activeMembers(h.db, group.id));
    await leader.say("/protocol");
    const protocol = await draftProtocol(h, leader, meeting);
    await leader.say("/protocol");
    await leader.press(openVoteData.pack({ protocol: protocolId(protocol), hours: 72 }));
    for (const person of people) await person.press(ballotData.pack({ vote: voteId(lastVoteId(h)), choice: "for" }), chat);
    for (const person of people) {
      await person.say(`/start dissent-${protocol}`);
      await person.say(`Особое мнение ${person.user.first_name}: ${"очень длинное возражение ".repeat(40)}`.slice(0, 1000));
    }
    await h.bot.background.stop();
    const texts = h.tg.calls.filter((c) => ["sendMessage", "editMessageText"].includes(c.method)).map((c) => String(c.payload.text));
    for (const text of texts) expect(text.length).toBeLessThanOrEqual(4096);
    const signingList =
      h.tg
        .textsTo(chat.id)
        .filter((t) => t.includes("✍️"))
        .pop() ?? "";
    expect(signingList.length).toBeLessThanOrEqual(4096);
    expect(signingList).toContain("Особые мнения — в протоколе");
    expect(signingList).not.toContain("очень длинное возражение");
  });
});
