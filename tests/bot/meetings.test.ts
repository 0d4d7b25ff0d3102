import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { activeMembers } from "../../src/domain/members.js";
import { buttonsOf } from "../helpers/fake-telegram.js";
import type { Harness } from "../helpers/harness.js";
import {
  draftProtocol,
  draftedProtocol,
  leaderScene,
  heldMeeting,
  holdMeeting,
  lastVoteId,
  scheduleMeeting,
  type Scene,
} from "../helpers/meetings.js";
import { draftOf } from "../helpers/observations.js";
import {
  attendanceMarkData,
  attendanceOpenData,
  ballotData,
  commentProtocolData,
  DRAFT_FORMS,
  draftProtocolData,
  draftScope,
  editProtocolData,
  formButton,
  manageMeetingData,
  openVoteData,
  rsvpData,
  signData,
} from "../../src/callbacks/index.js";
import { meetingId, memberId, protocolId, voteId } from "../../src/domain/types.js";

let h: Harness;
let scene: Scene;
beforeEach(async () => {
  ({ h, scene } = await leaderScene("ru"));
});
afterEach(() => h.finish());

describe("meeting commands in the wrong place", () => {
  test("someone in no group, an unregistered chat, and a member before any protocol", async () => {
    const stranger = h.person(990, "Stranger", "ru");
    for (const command of ["/meeting", "/meetings", "/attendance", "/protocol", "/verify 1/2026"]) {
      await stranger.say(command);
      expect(h.tg.lastTo(stranger.id).payload.text, command).toBe("Вы пока не состоите ни в одной группе. Вступить — /join.");
      const unregistered = h.groupChat(-7001);
      await stranger.say(command, unregistered);
      expect(h.tg.lastTo(unregistered.id).payload.text, command).toContain("/setup");
    }
    await scene.people[1]!.say("/protocol");
    expect(h.tg.lastTo(scene.people[1]!.id).payload.text).toBe("Протоколов пока нет.");
    await scene.leader.say("/protocol");
    expect(h.tg.lastTo(scene.leader.id).payload.text).toBe("Азырынча протоколдор жок.");
  });
});

describe("meetings", () => {
  test("/meetings lists them; the leader reschedules (answers cleared) and cancels; the group is told", async () => {
    const { leader, people, chat } = scene;
    const meeting = await scheduleMeeting(h, leader, "28.11 15:00");
    await people[1]!.press(rsvpData.pack({ meeting: meetingId(meeting), answer: "y" }), chat);
    await people[1]!.say("/meetings", chat);
    const list = String(h.tg.lastTo(chat.id).payload.text);
    expect(list).toContain("28 ноября 2026 г. в 15:00, Айыл өкмөтүнүн жыйындар залы (придут: 1, не смогут: 0)");
    expect(h.tg.lastTo(chat.id).payload.reply_markup).toBeUndefined();

    await leader.say("/meetings", chat);
    expect(h.tg.lastTo(chat.id).payload.text).toContain(
      "Перенести или отменить заседание, отметить присутствующих — /meetings в личном чате со мной.",
    );
    await leader.say("/meetings");
    await leader.press(manageMeetingData.pack({ meeting: meetingId(meeting), action: "r" }));
    await leader.say("29.11 11:00");
    const moved = String(h.tg.lastTo(chat.id).payload.text);
    expect(moved).toContain("Заседание перенесено");
    expect(moved).toContain("29 ноября 2026 г. в 11:00");
    expect(h.count("select count(*) n from rsvps")).toBe(0);
    expect(h.tg.textsTo(chat.id)).toContain("Это заседание перенесено: смотрите новое объявление ниже.");

    await people[2]!.forge(manageMeetingData.pack({ meeting: meetingId(meeting), action: "cy" }));
    expect(h.lastAlert()).toBe("Жыйналышты топтун жетекчиси дайындайт, жылдырат жана жокко чыгарат.");
    await leader.say("/meetings");
    await leader.press(manageMeetingData.pack({ meeting: meetingId(meeting), action: "c" }));
    await leader.press(manageMeetingData.pack({ meeting: meetingId(meeting), action: "cy" }));
    expect(h.tg.lastTo(chat.id).payload.text).toContain("29 ноября 2026 г. в 11:00 (Айыл өкмөтүнүн жыйындар залы) отменено");
    await people[1]!.press(rsvpData.pack({ meeting: meetingId(meeting), answer: "n" }), chat);
    expect(h.lastAlert()).toBe("Это заседание отменено.");
    await leader.press(manageMeetingData.pack({ meeting: meetingId(meeting), action: "cy" }));
    expect(h.lastAlert()).toBe("Бул жыйналыш жокко чыгарылган.");
  });

  test("attendance only after the start; a non-member cannot answer the RSVP", async () => {
    const { leader, chat } = scene;
    const meeting = await scheduleMeeting(h, leader, "28.11 15:00");
    await leader.say("/attendance");
    expect(h.tg.lastTo(leader.id).payload.text).toBe("Азырынча бир да жыйналыш башталган жок. Жыйналыш дайындоо — /meeting.");
    await leader.forge(attendanceOpenData.pack({ meeting: meetingId(meeting) }));
    expect(h.lastAlert()).toBe("Катышкандар жыйналыш башталгандан кийин белгиленет.");
    await h.person(990, "Stranger", "ru").press(rsvpData.pack({ meeting: meetingId(meeting), answer: "y" }), chat);
    expect(h.lastAlert()).toBe("Отвечать могут только члены группы. Вступить — /join.");
    expect(h.count("select count(*) n from attendance")).toBe(0);
  });

  test("/status shows the next meeting, the quarter, and what the protocol waits for", async () => {
    const { leader, people, chat, group } = scene;
    await people[1]!.say("/status", chat);
    let status = String(h.tg.lastTo(chat.id).payload.text);
    expect(status).toContain("Следующее заседание не назначено.");
    expect(status).toContain("⚠️ В этом квартале заседания ещё не было");
    const meeting = await scheduleMeeting(h, leader, "26.11 15:00");
    await people[1]!.say("/status", chat);
    expect(h.tg.lastTo(chat.id).payload.text).toContain("Следующее заседание: 26 ноября 2026 г. в 15:00");
    await holdMeeting(h, leader, meeting, [leader, people[1]!, people[2]!], activeMembers(h.db, group.id));
    await leader.say("/protocol");
    const protocol = await draftProtocol(h, leader, meeting);
    await leader.say("/protocol");
    await leader.press(openVoteData.pack({ protocol: protocolId(protocol), hours: 72 }));
    await people[1]!.press(ballotData.pack({ vote: voteId(lastVoteId(h)), choice: "for" }), chat);
    await people[1]!.say("/status", chat);
    status = String(h.tg.lastTo(chat.id).payload.text);
    expect(status).toContain("В этом квартале заседание проведено.");
    expect(status).toContain("Протокол в работе: № 1/2026 (на голосовании)");
    expect(status).toContain("Ещё не проголосовали (4): Айгүл Осмонова, Гүлнара Исаева, Данияр Абдыкадыров, Элмира Жумабаева");
    for (const person of people.slice(2)) await person.press(ballotData.pack({ vote: voteId(lastVoteId(h)), choice: "for" }), chat);
    await people[0]!.press(ballotData.pack({ vote: voteId(lastVoteId(h)), choice: "for" }), chat);
    await people[1]!.say("/status", chat);
    expect(h.tg.lastTo(chat.id).payload.text).toContain("Ждёт подписей (3): Бакыт Токтогулов, Гүлнара Исаева, Айгүл Осмонова");
  });

  test("/verify: usage, unknown number, not yet adopted, and a tampered record", async () => {
    const { leader, people, chat } = scene;
    await people[1]!.say("/verify", chat);
    expect(h.tg.lastTo(chat.id).payload.text).toBe("Напишите номер протокола: /verify 3/2026");
    await people[1]!.say("/verify 7/2026", chat);
    expect(h.tg.lastTo(chat.id).payload.text).toBe("Протокола № 7/2026 нет.");
    const { protocol } = await draftedProtocol(h, scene);
    await people[1]!.say("/verify 1", chat);
    expect(h.tg.lastTo(chat.id).payload.text).toBe("Протокол № 1/2026 ещё не принят: проверять нечего.");
    await leader.say("/protocol");
    await leader.press(openVoteData.pack({ protocol: protocolId(protocol), hours: 72 }));
    for (const person of people) await person.press(ballotData.pack({ vote: voteId(lastVoteId(h)), choice: "for" }), chat);
    for (const person of people.slice(0, 3)) await person.press(signData.pack({ protocol: protocolId(protocol) }), chat);
    await people[1]!.say("/verify 1/2026", chat);
    expect(h.tg.lastTo(chat.id).payload.text).toContain("✅ Протокол № 1/2026: хранимый текст совпадает с подписанным.");
    h.db.$client.prepare("update recommendations set due_on = '2030-01-01'").run();
    h.db.$client.prepare("update protocol_items set decided = 'Башка чечим' where position = 0").run();
    await people[1]!.say("/verify 1/2026", chat);
    expect(h.tg.lastTo(chat.id).payload.text).toContain("⚠️ Протокол № 1/2026: хранимый текст НЕ совпадает с подписанным!");
  });

  test("the protocol form takes bad input calmly, survives a restart, and /cancel saves nothing", async () => {
    const { leader } = scene;
    const meeting = await heldMeeting(h, scene);
    await leader.say("/protocol");
    await leader.press(draftProtocolData.pack({ meeting: meetingId(meeting) }));
    await leader.sendSticker();
    expect(h.tg.lastTo(leader.id).payload.text).toBe("Жоопту текст менен жазыңыз.");
    await leader.say("Суу түтүгү талкууланды");
    await leader.forge(formButton.pack(draftScope(DRAFT_FORMS.protocol, draftOf(h, leader)), "rec", "done"));
    expect(h.lastAlert()).toBe("Жоопту суроонун астындагы баскыч менен тандаңыз.");
    h.restart();
    await leader.say("Оңдоо");
    await leader.say("Жарык талкууланды");
    await leader.pressDraft(formButton.pack(DRAFT_FORMS.protocol, "dec", "none"));
    await leader.say("Түтүктү алмаштыруу");
    await leader.pressDraft(formButton.pack(DRAFT_FORMS.protocol, "to", "chair"));
    await leader.say("31.02.2027");
    expect(h.tg.lastTo(leader.id).payload.text).toBe("Күндү 31.03.2027 түрүндө жазыңыз.");
    await leader.say("01.01.2020");
    expect(h.tg.lastTo(leader.id).payload.text).toBe("Бул мөөнөт өтүп кеткен. Бүгүндөн эрте эмес күндү жазыңыз.");
    await leader.say("/cancel");
    expect(h.count("select count(*) n from protocols")).toBe(0);
    // Started again, it goes through.
    await draftProtocol(h, leader, meeting, ["Оңдоо", null]);
    expect(h.db.$client.prepare("select decided from protocol_items order by position").all()).toEqual([
      { decided: "Оңдоо" },
      { decided: null },
    ]);
  });

  test("a frozen protocol cannot be revised, nor its attendance changed", async () => {
    const { leader, people, chat, group } = scene;
    const members = activeMembers(h.db, group.id);
    const { meeting, protocol } = await draftedProtocol(h, scene);
    await leader.say("/protocol");
    const draftView = h.tg.lastTo(leader.id);
    expect(buttonsOf(draftView.payload).map((b) => b.text)).toContain("✏️ Сунуштамалар");
    await leader.press(openVoteData.pack({ protocol: protocolId(protocol), hours: 72 }));
    await leader.pressOn(editProtocolData.pack({ protocol: protocolId(protocol), part: "p" }), draftView.result);
    expect(h.lastAlert()).toBe("Протокол мындан ары долбоор эмес (добуш берүү ачылган же ал кабыл алынган): анын тексти өзгөрбөйт.");
    await leader.forge(attendanceMarkData.pack({ meeting: meetingId(meeting), member: memberId(members[4]!.id) }));
    expect(h.lastAlert()).toBe(
      "Бул жыйналыштын протоколу добуш берүүгө коюлган же кабыл алынган: катышкандардын тизмеси мындан ары өзгөрбөйт.",
    );
    await people[3]!.forge(commentProtocolData.pack({ protocol: protocolId(protocol) }));
    expect(h.lastAlert()).toBe("Замечания принимаются, пока протокол — проект.");
    expect(h.count("select count(*) n from attendance")).toBe(3);
    void chat;
  });
});
