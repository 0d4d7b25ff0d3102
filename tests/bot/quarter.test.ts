import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { activeMembers } from "../../src/domain/members.js";
import { buttonsOf } from "../helpers/fake-telegram.js";
import { Harness } from "../helpers/harness.js";
import { recordDirect, serviceKeyed } from "../helpers/observations.js";
import {
  draftProtocol,
  groupWithLeader,
  holdMeeting,
  lastProtocolId,
  lastVoteId,
  protocolStatus,
  scheduleMeeting,
} from "../helpers/meetings.js";
import { ballotData, commentProtocolData, openVoteData, rsvpData, signData, signDissentData } from "../../src/callbacks/index.js";
import { meetingId, protocolId, voteId } from "../../src/domain/types.js";

let h: Harness;
beforeEach(() => {
  h = new Harness();
});
afterEach(() => h.finish());

const texts = (chat: number) => h.tg.textsTo(chat).join("\n----\n");

const words = {
  ky: {
    announce: "Күн тартиби:",
    will: "Келет — 1: Бакыт Токтогулов",
    cant: "Келе албайт — 1: Гүлнара Исаева",
    quorum: "5 мүчөдөн 3 мүчө катышты: кворум бар",
    draftReady: "№ 1/2026 протоколдун долбоору даяр",
    adopted: "№ 1/2026 протокол кабыл алынды: 5 мүчөдөн 5 мүчө добуш берди",
    signing: "Топтун жетекчиси жана катышкандар кол коюшат",
    final: "№ 1/2026 протоколго бардыгы кол койду — протокол биротоло бекитилди",
    dissent: "Өзгөчө пикир: Мөөнөтү өтө кыска",
    verify: "сакталган текст кол коюлган текст менен дал келет",
    appointer: "«Мин-Булак айыл аймагы» тобунун кол коюлган № 1/2026 протоколу",
    date: "2026-жылдын 26-ноябры",
    quarter: "Бул кварталда жыйналыш өткөрүлдү",
    observations: "Протоколго киргизилген байкоолор (3):",
    attended: "Жыйналышка (2026-жылдын 26-ноябры, саат 15:00) катышкандар:",
    heading:
      "«Мин-Булак айыл аймагы» биргелешкен мониторинг жана баалоо тобунун жыйналышынын\nПРОТОКОЛУ № 1/2026 (кол коюлган)\nКүнү: 2026-жылдын 26-ноябры",
  },
  ru: {
    announce: "Повестка дня:",
    will: "Придут — 1: Бакыт Токтогулов",
    cant: "Не смогут — 1: Гүлнара Исаева",
    quorum: "Присутствуют 3 из 5: кворум есть",
    draftReady: "Проект протокола № 1/2026 готов",
    adopted: "Протокол № 1/2026 принят: проголосовали 5 из 5",
    signing: "Подписывают руководитель группы и присутствовавшие",
    final: "Протокол № 1/2026 подписан всеми",
    dissent: "Особое мнение: Мөөнөтү өтө кыска",
    verify: "хранимый текст совпадает с подписанным",
    appointer: "Подписанный протокол № 1/2026 группы «Мин-Булак айыл аймагы»",
    date: "26 ноября 2026 г.",
    quarter: "В этом квартале заседание проведено",
    observations: "Наблюдения, включённые в протокол (3):",
    attended: "На заседании 26 ноября 2026 г. в 15:00 присутствовали:",
    heading:
      "ПРОТОКОЛ № 1/2026 (подписан)\nзаседания группы совместного мониторинга и оценки «Мин-Булак айыл аймагы»\nДата: 26 ноября 2026 г.",
  },
} as const;

describe("a whole quarter", () => {
  test.each(["ky", "ru"] as const)(
    "schedule → RSVPs → attendance → draft → comments → vote → signatures → final → /verify (%s group)",
    async (locale) => {
      const w = words[locale];
      const { chat, group, head, people, leader } = await groupWithLeader(h, locale);
      const [, bakyt, gulnara, daniyar, elmira] = people as [
        never,
        (typeof people)[0],
        (typeof people)[0],
        (typeof people)[0],
        (typeof people)[0],
      ];
      const members = activeMembers(h.db, group.id);

      // /meeting in the group chat leads to the private chat; bad times get hints there.
      await leader.say("/meeting", chat);
      expect(buttonsOf(h.tg.lastTo(chat.id).payload)[0]).toMatchObject({
        url: `https://t.me/monitoring_group_bot?start=meeting-${group.id}`,
      });
      await leader.say(`/start meeting-${group.id}`);
      await leader.say("31.12 25:00");
      await leader.say("01.11 10:00");
      const hints = h.tg
        .sentTo(leader.id)
        .slice(-2)
        .map((c) => String(c.payload.text));
      expect(hints[0]).not.toBe(hints[1]);
      await leader.say("/cancel");
      const meeting = await scheduleMeeting(h, leader);
      const announcement = h.tg.lastTo(chat.id);
      expect(announcement.payload.text).toContain(w.announce);
      expect(announcement.payload.text).toContain(w.date);
      expect(buttonsOf(announcement.payload).map((b) => "callback_data" in b && b.callback_data)).toEqual([
        rsvpData.pack({ meeting: meetingId(meeting), answer: "y" }),
        rsvpData.pack({ meeting: meetingId(meeting), answer: "n" }),
      ]);

      // RSVPs: Bakyt first says no, then yes; Gulnara cannot come. The tally edits are coalesced.
      await bakyt.press(rsvpData.pack({ meeting: meetingId(meeting), answer: "n" }), chat);
      await bakyt.press(rsvpData.pack({ meeting: meetingId(meeting), answer: "y" }), chat);
      await gulnara.press(rsvpData.pack({ meeting: meetingId(meeting), answer: "n" }), chat);
      expect(h.tg.callsOf("editMessageText", chat.id)).toHaveLength(1);
      h.clock.advance(3000);
      await h.bot.background.flushEdits();
      const tally = String(h.tg.callsOf("editMessageText", chat.id).pop()?.payload.text);
      expect(tally).toContain(w.will);
      expect(tally).toContain(w.cant);

      // Observations of the period (the first protocol's period reaches back to the beginning);
      // one is withdrawn by its author before the draft, so three are left to cover.
      const water = serviceKeyed(h, group, "water");
      const observed = ["2026-11-18", "2026-11-20", "2026-11-21", "2026-11-22"].map((observedOn, i) =>
        recordDirect(h, group, people[i + 1]!, { serviceId: water, observedOn, finding: `Суу табылгасы ${i + 1}` }),
      );
      h.db.$client.prepare("update observations set status = 'withdrawn' where id = ?").run(observed[0]);

      await holdMeeting(h, leader, meeting, [leader, bakyt, gulnara], members);
      expect(texts(chat.id)).toContain(w.quorum);
      expect(texts(chat.id)).toContain(w.attended);

      // The leader drafts: two decisions, two recommendations.
      await leader.say("/protocol");
      await draftProtocol(
        h,
        leader,
        meeting,
        ["Суу түтүгүн оңдоо", "Жаңы чырактарды орнотуу"],
        [
          { text: "Суу түтүгүн алмаштыруу", to: "head", due: "31.03.2027" },
          { text: "Жарыкка акча бөлүү", to: "other", name: "Мектептин директору", due: "30.06.2027" },
        ],
        "1, 2, 3, 9",
      );
      // A number beyond the list gets a hint; then the three are picked by number.
      expect(h.tg.lastTo(leader.id).payload.text).toBe("Тизмедеги номерлерди (1 – 3) үтүр менен жазыңыз же баскычты басыңыз.");
      await leader.say("1, 2, 3");
      const protocol = lastProtocolId(h);
      expect(h.tg.lastTo(chat.id).payload.text).toContain(w.draftReady);

      // A member reads it and comments; the leader is told.
      await daniyar.say("/protocol");
      expect(texts(daniyar.id)).toContain("Суу түтүгүн алмаштыруу");
      await daniyar.press(commentProtocolData.pack({ protocol: protocolId(protocol) }));
      await daniyar.say("Мөөнөттөрдү узартуу керек");
      expect(texts(leader.id)).toContain("Мөөнөттөрдү узартуу керек");
      await leader.say("/protocol");
      // The leader's own language is Kyrgyz, whatever the group's.
      expect(h.tg.lastTo(leader.id).payload.text).toContain("Пикирлер (1):\n— Данияр Абдыкадыров: Мөөнөттөрдү узартуу керек");

      // The vote: everyone votes (one changes their mind); the last ballot closes it.
      await leader.press(openVoteData.pack({ protocol: protocolId(protocol), hours: 72 }));
      const vote = lastVoteId(h);
      expect(h.tg.lastTo(chat.id).payload.text).toContain("1/2026");
      await elmira.press(ballotData.pack({ vote: voteId(vote), choice: "against" }), chat);
      for (const person of [leader, bakyt, gulnara, daniyar])
        await person.press(ballotData.pack({ vote: voteId(vote), choice: "for" }), chat);
      await gulnara.forge(ballotData.pack({ vote: voteId(vote), choice: "abstain" }), chat);
      // Alerts are in the presser's own language, whatever the group's.
      expect(h.tg.alerts().pop()).toContain("жабылган");
      expect(texts(chat.id)).toContain(w.adopted);
      expect(protocolStatus(h, protocol)).toBe("signing");
      expect(texts(chat.id)).toContain(w.signing);

      // Signatures: the leader and the attendees; one with a dissenting opinion, typed in private.
      await daniyar.press(signData.pack({ protocol: protocolId(protocol) }), chat);
      expect(h.tg.alerts().pop()).toBe("Протокол подписывают руководитель группы и члены группы, присутствовавшие на заседании.");
      await leader.press(signData.pack({ protocol: protocolId(protocol) }), chat);
      await leader.press(signData.pack({ protocol: protocolId(protocol) }), chat);
      expect(h.tg.alerts().pop()).toBe("Сиз бул протоколго кол коюп койгонсуз.");
      await bakyt.press(signDissentData.pack({ protocol: protocolId(protocol) }));
      await bakyt.say("Мөөнөтү өтө кыска");
      expect(protocolStatus(h, protocol)).toBe("signing");
      await gulnara.press(signData.pack({ protocol: protocolId(protocol) }));
      expect(protocolStatus(h, protocol)).toBe("final");

      const posted = texts(chat.id);
      expect(posted).toContain(w.final);
      expect(posted).toContain(w.heading);
      expect(posted).toContain(w.dissent);
      expect(posted).toContain("Суу түтүгүн оңдоо");
      expect(posted).toContain("Мектептин директору");
      for (const finding of [2, 3, 4])
        expect(
          h.db.$client.prepare("select locked_at from protocol_observations where observation_id = ?").get(observed[finding - 1]),
        ).toMatchObject({ locked_at: expect.any(Number) });
      expect(posted).toContain(w.observations);
      const canonical = h.db.$client.prepare("select canonical_text t from protocols where id = ?").get(protocol) as { t: string };
      expect(canonical.t).toContain("Суу табылгасы 4");
      expect(canonical.t).not.toContain("Суу табылгасы 1");
      expect(posted).toMatch(/SHA-256[^\n]*[0-9a-f]{64}/);
      expect(texts(head.id)).toContain(w.appointer);

      await elmira.say("/verify 1/2026", chat);
      expect(h.tg.lastTo(chat.id).payload.text).toContain(w.verify);
      await head.say("/status", chat);
      expect(h.tg.lastTo(chat.id).payload.text).toContain(w.quarter);
    },
  );
});
