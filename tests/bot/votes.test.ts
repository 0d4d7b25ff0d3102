import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { approve, fillJoinForm } from "../helpers/flows.js";
import type { Harness } from "../helpers/harness.js";
import { draftedProtocol, groupWithLeader, lastVoteId, protocolStatus, type Scene, leaderScene } from "../helpers/meetings.js";
import {
  attendanceDoneData,
  ballotData,
  closeVoteData,
  commentProtocolData,
  DRAFT_FORMS,
  editProtocolData,
  formButton,
  FORMS,
  leaveData,
  openVoteData,
  rsvpData,
  signData,
  signDissentData,
} from "../../src/callbacks/index.js";
import { groupId, meetingId, protocolId, userId, voteId } from "../../src/domain/types.js";

let h: Harness;
let scene: Scene;
beforeEach(async () => {
  ({ h, scene } = await leaderScene("ru"));
});
afterEach(() => h.finish());

/** A held meeting with the leader and two others, and its drafted protocol. */
async function draftReady(decisions?: (string | null)[]): Promise<number> {
  return (await draftedProtocol(h, scene, decisions)).protocol;
}

async function openRound(protocol: number, hours: 24 | 72 | 168 = 72): Promise<number> {
  await scene.leader.say("/protocol");
  await scene.leader.press(openVoteData.pack({ protocol: protocolId(protocol), hours }));
  return lastVoteId(h);
}

describe("comments on a draft", () => {
  test("a member's comment is stored and reaches the leader in private; the leader's own does not", async () => {
    const protocol = await draftReady();
    const { leader, people } = scene;
    await people[1]!.say("/protocol");
    await people[1]!.press(commentProtocolData.pack({ protocol: protocolId(protocol) }));
    await people[1]!.say("Уточнить сроки ремонта");
    expect(h.tg.textsTo(people[1]!.id)).toContain("Замечание сохранено, руководитель группы его увидит.");
    // In the leader's own language (Kyrgyz), not the member's.
    expect(h.tg.textsTo(leader.id)).toContain("№ 1/2026 протоколдун долбооруна жаңы пикир: Уточнить сроки ремонта");
    await leader.say("/protocol");
    await leader.press(commentProtocolData.pack({ protocol: protocolId(protocol) }));
    await leader.say("Своё замечание");
    expect(h.tg.textsTo(leader.id).filter((text) => text.includes("жаңы пикир")).length).toBe(1);
    expect(h.count("select count(*) n from protocol_comments")).toBe(2);
  });
});

describe("rejection and revision", () => {
  test("a rejected protocol goes back to draft with its votes kept; revised, it is adopted", async () => {
    const { chat, leader, people } = scene;
    const protocol = await draftReady();
    const first = await openRound(protocol);
    for (const [i, person] of people.entries())
      await person.press(ballotData.pack({ vote: voteId(first), choice: i < 2 ? "for" : "against" }), chat);
    expect(h.tg.textsTo(chat.id).join("\n")).toContain("Протокол № 1/2026 отклонён: проголосовали 5 из 5");
    expect(protocolStatus(h, protocol)).toBe("draft");

    // The leader revises the first item's decision and opens a second round.
    await leader.say("/protocol");
    await leader.press(editProtocolData.pack({ protocol: protocolId(protocol), part: "i0" }));
    await leader.say("Ичүүчү суу жана түтүктөр");
    await leader.say("Кайра талкууланды");
    await leader.say("Суу түтүгүн жазга чейин оңдоо");
    expect(h.tg.textsTo(chat.id).pop()).toContain("исправлен руководителем группы");
    const second = await openRound(protocol);
    expect(second).not.toBe(first);
    for (const person of people) await person.press(ballotData.pack({ vote: voteId(second), choice: "for" }), chat);
    expect(protocolStatus(h, protocol)).toBe("signing");
    // Both rounds are in the record: the rejected one with its five ballots.
    expect(h.count("select count(*) n from ballots where vote_id = ?", first)).toBe(5);
    expect(h.db.$client.prepare("select outcome from votes order by id").all()).toEqual([{ outcome: "rejected" }, { outcome: "adopted" }]);
    const frozen = h.db.$client.prepare("select canonical_text t from protocols where id = ?").get(protocol) as { t: string };
    expect(frozen.t).toContain("Суу түтүгүн жазга чейин оңдоо");
    expect(frozen.t).toContain('"title":"Ичүүчү суу жана түтүктөр"');
  });
});

describe("quorum", () => {
  test("two of five by the deadline: no quorum, back to draft; the bot closes it on its own", async () => {
    const { chat, people } = scene;
    const protocol = await draftReady();
    const vote = await openRound(protocol, 24);
    await people[1]!.press(ballotData.pack({ vote: voteId(vote), choice: "for" }), chat);
    await people[2]!.press(ballotData.pack({ vote: voteId(vote), choice: "for" }), chat);
    h.clock.advance(23 * 3600_000);
    await h.bot.background.tick();
    expect(protocolStatus(h, protocol)).toBe("voting");
    h.clock.advance(3600_000);
    await h.bot.background.tick();
    expect(h.tg.textsTo(chat.id).join("\n")).toContain("нет кворума (проголосовали 2 из 5");
    expect(protocolStatus(h, protocol)).toBe("draft");
    // A press after the deadline is refused.
    await people[3]!.press(ballotData.pack({ vote: voteId(vote), choice: "for" }), chat);
    expect(h.lastAlert()).toBe("Голосование закрыто: голоса больше не принимаются.");
  });

  test("a press after the deadline closes the vote before the timer does", async () => {
    const { chat, people } = scene;
    const protocol = await draftReady();
    const vote = await openRound(protocol, 24);
    await people[1]!.press(ballotData.pack({ vote: voteId(vote), choice: "for" }), chat);
    h.clock.advance(25 * 3600_000);
    await people[2]!.press(ballotData.pack({ vote: voteId(vote), choice: "for" }), chat);
    // The alert is in the presser's own language (Kyrgyz), not the group's.
    expect(h.lastAlert()).toBe("Добуш берүү жабылган: добуштар мындан ары кабыл алынбайт.");
    expect(h.tg.textsTo(chat.id).join("\n")).toContain("нет кворума (проголосовал 1 из 5");
    expect(h.count("select count(*) n from ballots where vote_id = ?", vote)).toBe(1);
  });

  test("the leader closes early; only the leader may", async () => {
    const { chat, people, leader } = scene;
    const protocol = await draftReady();
    const vote = await openRound(protocol);
    for (const person of people.slice(0, 3)) await person.press(ballotData.pack({ vote: voteId(vote), choice: "for" }), chat);
    await people[1]!.press(closeVoteData.pack({ vote: voteId(vote) }), chat);
    expect(h.lastAlert()).toBe("Закрыть голосование досрочно может только руководитель группы.");
    await leader.press(closeVoteData.pack({ vote: voteId(vote) }), chat);
    expect(h.tg.textsTo(chat.id).join("\n")).toContain("Протокол № 1/2026 принят: проголосовали 3 из 5");
  });
});

describe("concurrent votes", () => {
  test("every member pressing at once, twice each, leaves exactly one ballot each", async () => {
    const { chat, people } = scene;
    const protocol = await draftReady();
    const vote = await openRound(protocol);
    const message = h.tg.messageWithButton(chat.id, ballotData.pack({ vote: voteId(vote), choice: "for" }))!;
    // Four of five, so the round stays open; everyone presses "against" and "for" at once.
    const voters = people.slice(0, 4);
    await Promise.all(
      voters.flatMap((p) => [
        p.pressOn(ballotData.pack({ vote: voteId(vote), choice: "against" }), message),
        p.pressOn(ballotData.pack({ vote: voteId(vote), choice: "for" }), message),
      ]),
    );
    expect(h.count("select count(*) n from ballots where vote_id = ?", vote)).toBe(4);
    expect(h.count("select count(distinct member_id) n from ballots where vote_id = ?", vote)).toBe(4);
    // The last voter and a repeat at the same time: one closing, one result message.
    await Promise.all([
      people[4]!.pressOn(ballotData.pack({ vote: voteId(vote), choice: "for" }), message),
      people[3]!.pressOn(ballotData.pack({ vote: voteId(vote), choice: "abstain" }), message),
    ]);
    expect(h.count("select count(*) n from ballots where vote_id = ?", vote)).toBe(5);
    expect(h.tg.textsTo(chat.id).filter((t) => t.startsWith("✅ Протокол № 1/2026 принят"))).toHaveLength(1);
    expect(h.count("select count(*) n from signatures where protocol_id = ?", protocol)).toBe(3);
  });

  test("the tally is edited at most once per 3 seconds; the waiting edit shows the latest", async () => {
    const { chat, people } = scene;
    const vote = await openRound(await draftReady());
    const edits = () => h.tg.callsOf("editMessageText", chat.id).length;
    const before = edits();
    for (const person of people.slice(0, 3)) await person.press(ballotData.pack({ vote: voteId(vote), choice: "for" }), chat);
    expect(edits()).toBe(before + 1);
    h.clock.advance(2000);
    await h.bot.background.flushEdits();
    expect(edits()).toBe(before + 1);
    h.clock.advance(1000);
    await h.bot.background.flushEdits();
    expect(edits()).toBe(before + 2);
    expect(String(h.tg.callsOf("editMessageText", chat.id).pop()?.payload.text)).toContain("За — 3");
  });
});

describe("refusals change nothing", () => {
  test("a non-leader running leader commands", async () => {
    const { chat, people } = scene;
    const member = people[1]!;
    for (const command of ["/meeting", "/attendance"]) {
      await member.say(command);
      expect(h.tg.lastTo(member.id).payload.text, command).toMatch(/руководитель группы|топтун жетекчиси/);
      await member.say(command, chat);
      expect(h.tg.lastTo(chat.id).payload.text, command).toContain("руководитель группы");
    }
    const protocol = await draftReady();
    await member.forge(openVoteData.pack({ protocol: protocolId(protocol), hours: 72 }));
    expect(h.lastAlert()).toBe("Ставит протокол на голосование руководитель группы.");
    await member.forge(editProtocolData.pack({ protocol: protocolId(protocol), part: "r" }));
    expect(h.lastAlert()).toBe("Протокол составляет и исправляет руководитель группы.");
    expect(h.count("select count(*) n from votes")).toBe(0);
    expect(h.count("select count(*) n from meetings")).toBe(1);
  });

  test("a meeting in the past and 31.12 25:00 get hints and nothing is saved", async () => {
    const { leader } = scene;
    await leader.say("/meeting");
    await leader.say("31.12 25:00");
    expect(h.tg.lastTo(leader.id).payload.text).toBe(
      "Күнүн жана убактысын түшүнгөн жокмун. Мисалы, мындай жазыңыз: 25.12 15:00, 25.12.2026 15:00 же 15:00.",
    );
    await leader.say("10:00");
    expect(h.tg.lastTo(leader.id).payload.text).toBe("Бул убакыт өтүп кеткен. Келечектеги күндү жана убакытты жазыңыз.");
    await leader.say("/cancel");
    expect(h.count("select count(*) n from meetings")).toBe(0);
  });

  test("voting by a non-member, by a member who joined after the vote opened, and after close", async () => {
    const { chat, people, group, head } = scene;
    const vote = await openRound(await draftReady());
    const stranger = h.person(900, "Stranger", "ru");
    await stranger.press(ballotData.pack({ vote: voteId(vote), choice: "for" }), chat);
    expect(h.lastAlert()).toBe("Голосуют только члены этой группы.");
    const late = h.person(901, "Азамат", "ru");
    await fillJoinForm(late, group, "Азамат Бекмуратов");
    await approve(h, head, group, late);
    await late.press(ballotData.pack({ vote: voteId(vote), choice: "for" }), chat);
    expect(h.lastAlert()).toBe(
      "Вы вступили в группу после открытия этого голосования: в нём голосуют те, кто был членом группы при его открытии.",
    );
    for (const person of people) await person.press(ballotData.pack({ vote: voteId(vote), choice: "for" }), chat);
    await people[0]!.press(ballotData.pack({ vote: voteId(vote), choice: "against" }), chat);
    expect(h.lastAlert()).toBe("Добуш берүү жабылган: добуштар мындан ары кабыл алынбайт.");
    expect(h.count("select count(*) n from ballots where choice = 'against'")).toBe(0);
  });

  test("opening a vote with no decisions, and with fewer than five members (citing the statute)", async () => {
    const { leader, people, chat } = scene;
    const protocol = await draftReady([null, null]);
    await leader.say("/protocol");
    await leader.press(openVoteData.pack({ protocol: protocolId(protocol), hours: 72 }));
    expect(h.lastAlert()).toBe(
      "Протоколдо бир да чечим жок: добуш бере турган эч нерсе жок. Күн тартибинин маселелери боюнча чечимди жазыңыз (✏️).",
    );
    await leader.press(editProtocolData.pack({ protocol: protocolId(protocol), part: "i1" }));
    await leader.pressDraft(formButton.pack(DRAFT_FORMS.protocol, "title", "keep"));
    await leader.say("Талкууланды");
    await leader.say("Чырак орнотулат");
    await people[4]!.say("/leave", chat);
    await people[4]!.press(leaveData.pack({ group: groupId(scene.group.id), user: userId(people[4]!.id), answer: "y" }), chat);
    await leader.say("/protocol");
    await leader.press(openVoteData.pack({ protocol: protocolId(protocol), hours: 72 }));
    expect(h.lastAlert()).toContain("«Топтун курамы беш мүчөдөн кем болбошу керек»");
    expect(h.count("select count(*) n from votes")).toBe(0);
    expect(protocolStatus(h, protocol)).toBe("draft");
  });

  test("signing by someone who did not attend, and twice", async () => {
    const { chat, people } = scene;
    const protocol = await draftReady();
    const vote = await openRound(protocol);
    for (const person of people) await person.press(ballotData.pack({ vote: voteId(vote), choice: "for" }), chat);
    await people[4]!.press(signData.pack({ protocol: protocolId(protocol) }), chat);
    expect(h.lastAlert()).toBe("Протоколго топтун жетекчиси жана жыйналышка катышкан мүчөлөр кол коюшат.");
    await people[1]!.press(signData.pack({ protocol: protocolId(protocol) }), chat);
    await people[1]!.press(signData.pack({ protocol: protocolId(protocol) }), chat);
    expect(h.lastAlert()).toBe("Вы уже подписали этот протокол.");
    await people[1]!.press(signDissentData.pack({ protocol: protocolId(protocol) }));
    expect(h.lastAlert()).toBe("Вы уже подписали этот протокол.");
    expect(h.count("select count(*) n from signatures where signed_at is not null")).toBe(1);
  });

  test("a required signer who leaves is not waited for: the protocol becomes final without them", async () => {
    const { chat, people, leader } = scene;
    const protocol = await draftReady();
    const vote = await openRound(protocol);
    for (const person of people) await person.press(ballotData.pack({ vote: voteId(vote), choice: "for" }), chat);
    await leader.press(signData.pack({ protocol: protocolId(protocol) }), chat);
    await people[1]!.press(signData.pack({ protocol: protocolId(protocol) }), chat);
    expect(protocolStatus(h, protocol)).toBe("signing");
    await people[2]!.say("/leave");
    await people[2]!.press(leaveData.pack({ group: groupId(scene.group.id), user: userId(people[2]!.id), answer: "y" }));
    expect(protocolStatus(h, protocol)).toBe("final");
    const posted = h.tg.textsTo(chat.id).join("\n");
    expect(posted).toContain("Протокол № 1/2026 подписан всеми и окончателен.");
    expect(posted).toContain("— Гүлнара Исаева (член группы): выход из группы до подписания");
  });

  test("buttons of another group's protocol, forged, are refused", async () => {
    const other = await groupWithLeader(h, "ky", -1002);
    const { meeting, protocol: theirs } = await draftedProtocol(h, other);
    await other.leader.say("/protocol");
    await other.leader.press(openVoteData.pack({ protocol: protocolId(theirs), hours: 72 }));
    const theirVote = lastVoteId(h);

    const { leader, people, chat } = scene;
    await people[1]!.forge(ballotData.pack({ vote: voteId(theirVote), choice: "against" }), chat);
    expect(h.lastAlert()).toBe("Голосуют только члены этой группы.");
    await leader.forge(closeVoteData.pack({ vote: voteId(theirVote) }), chat);
    expect(h.lastAlert()).toBe("Добуш берүүнү мөөнөтүнөн мурун топтун жетекчиси гана жаба алат.");
    await leader.forge(editProtocolData.pack({ protocol: protocolId(theirs), part: "p" }));
    expect(h.lastAlert()).toMatch(/жетекчиси түзөт/);
    await leader.forge(attendanceDoneData.pack({ meeting: meetingId(meeting) }));
    expect(h.lastAlert()).toMatch(/жетекчиси белгилейт/);
    await people[1]!.forge(commentProtocolData.pack({ protocol: protocolId(theirs) }));
    expect(h.lastAlert()).toBe("Замечания оставляют члены группы.");
    await people[1]!.forge(rsvpData.pack({ meeting: meetingId(meeting), answer: "y" }), chat);
    expect(h.lastAlert()).toBe("Отвечать могут только члены группы. Вступить — /join.");
    expect(h.count("select count(*) n from ballots")).toBe(0);
    expect(h.count("select count(*) n from protocol_comments")).toBe(0);
  });
});

describe("forms survive a restart", () => {
  test("the meeting form continues after a restart mid-way", async () => {
    const { leader, chat } = scene;
    await leader.say("/meeting");
    await leader.say("27.11 10:00");
    h.restart();
    await leader.say("Мектеп");
    await leader.say("Таштанды чыгаруу");
    await leader.press(formButton.pack(FORMS.meeting, "agenda", "done"));
    expect(h.count("select count(*) n from meetings where place = 'Мектеп'")).toBe(1);
    expect(h.tg.lastTo(chat.id).payload.text).toContain("Таштанды чыгаруу");
  });
});
