import { FORMS, attendanceDoneData, formButton, requestData, rsvpData, startLanguageData } from "../callbacks/index.js";
import { localDate } from "../domain/calendar.js";
import type { Locale } from "../i18n/locales.js";
import type { Character } from "./cast.js";
import type { SandboxClock } from "./clock.js";
import { Driver } from "./driver.js";
import type { EmbeddedTelegram } from "./telegram/telegram.js";
import { travel } from "./time.js";

export interface SeedScene {
  tg: EmbeddedTelegram;
  clock: SandboxClock;
  people: Character[];
  groupChat: number;
  locale: Locale;
  /** What the bot does on its own when time moves. */
  tick: () => Promise<void>;
}

const MUNICIPALITY = { ky: "Мин-Булак айыл аймагы", ru: "Мин-Булакский айылный аймак" } as const;
/** The district and the region, one line each, in Kyrgyz then Russian. */
const AREA = "Ала-Бука району, Жалал-Абад облусу\nАла-Букинский район, Джалал-Абадская область";
const PLACE = { ky: "Айыл өкмөтүнүн жыйындар залы", ru: "Зал заседаний айыл окмоту" } as const;
const AGENDA = { ky: ["Ичүүчү суу", "Көчө жарыгы"], ru: ["Питьевая вода", "Уличное освещение"] } as const;

const fullName = (c: Character) => `${c.user.first_name} ${c.user.last_name ?? ""}`.trim();

/**
 * A living group, made the way people make one: the head registers the chat with /setup, the
 * leader and five members join through the group's link and are approved, the head appoints
 * the leader, and a meeting is scheduled, answered and held. Only commands, replies and
 * buttons; nothing is written to the database from outside.
 */
export async function seedLivingGroup(s: SeedScene): Promise<void> {
  const d = new Driver(s.tg);
  const g = s.groupChat;
  const head = s.people.find((c) => c.role === "head")!;
  const leader = s.people.find((c) => c.role === "leader")!;
  const members = s.people.filter((c) => c.role === "member").slice(0, 5);
  // At first contact the bot asks each person's language.
  for (const c of [head, leader, ...members]) {
    await s.tg.start(c.user.id);
    await d.press(c.user.id, c.user.id, startLanguageData.pack({ locale: c.user.language_code as Locale }));
  }

  await d.say(head.user.id, g, "/setup");
  await d.press(head.user.id, g, formButton.pack(FORMS.setup, "office", "head"));
  await d.answer(head.user.id, g, MUNICIPALITY.ky);
  await d.answer(head.user.id, g, MUNICIPALITY.ru);
  await d.answer(head.user.id, g, AREA);
  await d.press(head.user.id, g, formButton.pack(FORMS.setup, "lang", s.locale));
  await d.answer(head.user.id, g, "-");

  for (const c of [leader, ...members]) {
    await d.follow(c.user.id, g, /\?start=join-\d+$/);
    await d.say(c.user.id, c.user.id, fullName(c));
    await d.press(c.user.id, c.user.id, formButton.pack(FORMS.join, "cat", "resident"));
    await d.press(c.user.id, c.user.id, formButton.pack(FORMS.join, "consent", "yes"));
    await d.press(head.user.id, head.user.id, requestData.filter({ decision: "a" }));
  }

  await d.say(head.user.id, g, "/appoint");
  await d.press(head.user.id, g, fullName(leader), "label");

  const tomorrow = localDate(new Date(s.clock.now().getTime() + 24 * 60 * 60 * 1000));
  const [, month, day] = tomorrow.split("-");
  await d.say(leader.user.id, leader.user.id, "/meeting");
  await d.say(leader.user.id, leader.user.id, `${day}.${month} 15:00`);
  await d.say(leader.user.id, leader.user.id, PLACE[s.locale]);
  for (const item of AGENDA[s.locale]) await d.say(leader.user.id, leader.user.id, item);
  await d.press(leader.user.id, leader.user.id, formButton.pack(FORMS.meeting, "agenda", "done"));
  for (const c of [leader, ...members.slice(0, 3)]) await d.press(c.user.id, g, rsvpData.filter({ answer: "y" }));
  await d.press(members[3]!.user.id, g, rsvpData.filter({ answer: "n" }));

  const startsAt = new Date(`${tomorrow}T15:00:00+06:00`);
  await travel(s.clock, new Date(startsAt.getTime() + 90 * 60 * 1000), s.tick);
  await d.say(leader.user.id, leader.user.id, "/attendance");
  for (const c of [leader, ...members.slice(0, 3)]) await d.press(leader.user.id, leader.user.id, fullName(c), "label");
  await d.press(leader.user.id, leader.user.id, attendanceDoneData.filter());
}
