import type { Chat } from "grammy/types";
import { groupByChat } from "../../src/domain/groups.js";
import { pendingRequest } from "../../src/domain/requests.js";
import { chatId, requestId, userId, type Group } from "../../src/domain/types.js";
import type { Harness, Person } from "./harness.js";
import { requestData } from "../../src/callbacks/index.js";
import { joinSteps, setupSteps } from "./scenes.js";

/** An administrator registers the chat as a group, answering every step of /setup. */
export async function setUpGroup(
  h: Harness,
  chat: Chat,
  admin: Person,
  {
    locale = "ky",
    office = "head",
    municipality = "Мин-Булак айыл аймагы",
    municipalityRu = municipality,
    area = "-",
    term = "none",
  }: { locale?: string; office?: string; municipality?: string; municipalityRu?: string; area?: string; term?: string } = {},
): Promise<Group> {
  h.tg.chatMemberStatus.set(`${chat.id}:${admin.id}`, "administrator");
  for (const step of setupSteps({ office, municipality, municipalityRu, area, locale, term })) await admin.step(step, chat);
  const group = groupByChat(h.db, chatId(chat.id));
  if (!group) throw new Error("setup did not register the group");
  return group;
}

/** A person fills the whole join form through the deep link. */
export async function fillJoinForm(person: Person, group: Group, name: string, category = "resident"): Promise<void> {
  for (const step of joinSteps(group.id, name, category)) await person.step(step);
}

/** The decider presses Approve on the person's pending request, in their private chat. */
export async function approve(h: Harness, decider: Person, group: Group, person: Person): Promise<void> {
  const request = pendingRequest(h.db, group.id, userId(person.id));
  if (!request) throw new Error(`${person.user.first_name} has no pending request`);
  await decider.press(requestData.pack({ request: requestId(request.id), decision: "a" }));
}

/** Five approved members; returns them in joining order. */
export async function fiveMembers(h: Harness, group: Group, decider: Person, firstId = 201): Promise<Person[]> {
  const names = ["Айгүл Осмонова", "Бакыт Токтогулов", "Гүлнара Исаева", "Данияр Абдыкадыров", "Элмира Жумабаева"];
  const people = names.map((name, i) => h.person(firstId + i, name.split(" ")[0]!, i % 2 === 0 ? "ky" : "ru"));
  for (const [i, person] of people.entries()) {
    await fillJoinForm(person, group, names[i]!, i === 0 ? "deputy" : "resident");
    await approve(h, decider, group, person);
  }
  return people;
}
