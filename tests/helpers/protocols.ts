import { renameGroup } from "../../src/domain/group-settings.js";
import { activeMembers } from "../../src/domain/members.js";
import { userId } from "../../src/domain/types.js";
import { fromScene } from "./fixture.js";
import type { Harness } from "./harness.js";
import { draftProtocol, groupWithLeader, holdMeeting, lastProtocolId, lastVoteId, scheduleMeeting, type Scene } from "./meetings.js";
import { recordDirect, serviceKeyed } from "./observations.js";
import { ballotData, openVoteData, signData, signDissentData } from "../../src/callbacks/index.js";
import { protocolId, voteId } from "../../src/domain/types.js";

export const NAMES = {
  ky: "Мин-Булак айыл аймагы",
  ru: "Мин-Булакский айылный аймак",
  areaKy: "Ала-Бука району, Жалал-Абад облусу",
  areaRu: "Ала-Букинский район, Джалал-Абадская область",
};

export const DISSENT = "Мөөнөтү өтө кыска: суу түтүгүн жайга чейин алмаштыруу керек";

/** A new harness with a copy of `finalProtocol`, built once per worker (see `fromScene`). */
export function finalProtocolScene(locale: "ky" | "ru", chatId = -1001): Promise<{ h: Harness; scene: Scene & { protocol: number } }> {
  return fromScene(`finalProtocol ${locale} ${chatId}`, (h) => finalProtocol(h, locale, chatId));
}

/**
 * A group (names in both languages) whose first protocol is final: two agenda items, two
 * recommendations, two observations, a vote with one against, and three signatures, one of
 * them with a dissenting opinion. Returns the scene and the protocol's id.
 */
export async function finalProtocol(h: Harness, locale: "ky" | "ru", chatId = -1001): Promise<Scene & { protocol: number }> {
  const scene = await groupWithLeader(h, locale, chatId);
  const { chat, group, people, leader, head } = scene;
  renameGroup(h.db, { group: group.id, names: NAMES, by: userId(head.id) });
  const [, bakyt, gulnara, daniyar, elmira] = people;
  const water = serviceKeyed(h, group, "water");
  for (const [i, observedOn] of ["2026-11-20", "2026-11-21"].entries()) {
    recordDirect(h, group, people[i + 1]!, { serviceId: water, observedOn, finding: `Суу табылгасы ${i + 1}` });
  }
  const meeting = await scheduleMeeting(h, leader);
  await holdMeeting(h, leader, meeting, [leader, bakyt!, gulnara!], activeMembers(h.db, group.id));
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
    "all",
  );
  const protocol = lastProtocolId(h);
  await leader.press(openVoteData.pack({ protocol: protocolId(protocol), hours: 72 }));
  const vote = lastVoteId(h);
  await elmira!.press(ballotData.pack({ vote: voteId(vote), choice: "against" }), chat);
  for (const person of [leader, bakyt!, gulnara!, daniyar!])
    await person.press(ballotData.pack({ vote: voteId(vote), choice: "for" }), chat);
  await leader.press(signData.pack({ protocol: protocolId(protocol) }), chat);
  await bakyt!.press(signDissentData.pack({ protocol: protocolId(protocol) }));
  await bakyt!.say(DISSENT);
  await gulnara!.press(signData.pack({ protocol: protocolId(protocol) }), chat);
  return { ...scene, protocol };
}
