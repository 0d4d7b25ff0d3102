import type { Chat, Message } from "grammy/types";
import { afterEach, beforeEach, expect } from "vitest";
import { recordObservation, type ObservationDraft } from "../../src/domain/observations.js";
import { servicesOf } from "../../src/domain/services.js";
import { userId, type Group } from "../../src/domain/types.js";
import { fromScene } from "./fixture.js";
import { fiveMembers, setUpGroup } from "./flows.js";
import type { Harness, Person } from "./harness.js";
import { DRAFT_FORMS, formButton } from "../../src/callbacks/index.js";

export async function sendPhoto(person: Person, fileId: string): Promise<void> {
  const photo = [
    { file_id: `${fileId}-small`, file_unique_id: `${fileId}-s`, width: 90, height: 90 },
    { file_id: fileId, file_unique_id: `${fileId}-u`, width: 1280, height: 960 },
  ];
  await person.h.send({ message: person.messageIn(undefined, { photo } as Partial<Message>) as never });
}

export async function sendLocation(person: Person, latitude: number, longitude: number): Promise<void> {
  await person.h.send({ message: person.messageIn(undefined, { location: { latitude, longitude } } as Partial<Message>) as never });
}

/** The id of the person's draft that is not closed (the one their form buttons carry). */
export function draftOf(h: Harness, person: Person): number {
  return h.count("select id n from drafts where user_id = ? and status != 'closed'", person.id);
}

/** The id of a group's service by its seed key. */
export function serviceKeyed(h: Harness, group: Group, key: string): number {
  const service = servicesOf(h.db, group.id, { withRetired: true }).find((s) => s.key === key);
  if (!service) throw new Error(`no service ${key}`);
  return service.id;
}

export interface FormAnswers {
  service: number;
  date?: "today" | "yesterday" | string;
  place?: string;
  quality?: number;
  compliance?: string;
  resources?: number;
  finding?: string;
  photos?: string[];
}

/** A member answers every step of the open observation form, up to the summary. */
export async function answerForm(person: Person, a: FormAnswers): Promise<void> {
  await person.pressDraft(formButton.pack(DRAFT_FORMS.observation, "svc", a.service));
  const date = a.date ?? "today";
  if (date === "today" || date === "yesterday") await person.pressDraft(formButton.pack(DRAFT_FORMS.observation, "date", date));
  else await person.say(date);
  await person.say(a.place ?? "Ленин көчөсү, 12");
  await person.pressDraft(formButton.pack(DRAFT_FORMS.observation, "q", a.quality ?? 3));
  await person.pressDraft(formButton.pack(DRAFT_FORMS.observation, "c", a.compliance ?? "partly"));
  await person.pressDraft(formButton.pack(DRAFT_FORMS.observation, "r", a.resources ?? 2));
  await person.say(a.finding ?? "Суу күнүнө эки саат гана берилет.");
  for (const photo of a.photos ?? []) await sendPhoto(person, photo);
  await person.pressDraft(formButton.pack(DRAFT_FORMS.observation, "photo", "done"));
}

/** Records an observation straight through the domain, as if the form had been filled. */
export function recordDirect(h: Harness, group: Group, person: Person, draft: Partial<ObservationDraft> & { serviceId: number }): number {
  const result = recordObservation(h.db, {
    group: group.id,
    user: userId(person.id),
    now: h.clock.now(),
    draft: {
      observedOn: "2026-11-20",
      place: "Мин-Булак",
      latitude: null,
      longitude: null,
      quality: 3,
      compliance: "yes",
      resources: 3,
      finding: "Жыйынтык",
      photos: [],
      ...draft,
      findingVoice: draft.findingVoice ?? null,
    },
  });
  if (!result.ok) throw new Error(`not recorded: ${result.reason}`);
  return result.id;
}

export interface Scene {
  h: Harness;
  chat: Chat;
  head: Person;
  group: Group;
  members: Person[];
}

/**
 * A Russian-speaking group registered by the ayil okmotu head, with five approved members
 * (built once per worker, see `fromScene`).
 */
export async function groupWithMembers(chatId: number): Promise<Scene> {
  const { h, scene } = await fromScene(`groupWithMembers ${chatId}`, async (h) => {
    const chat = { id: chatId, type: "supergroup", title: "Мин-Булак" } as Chat;
    const head = h.person(11, "Бакыт", "ky");
    const group = await setUpGroup(h, chat, head, { locale: "ru" });
    return { chat, head, group, members: await fiveMembers(h, group, head) };
  });
  return { h, ...scene };
}

/** Each test of the file gets its own such group; each must end with no error logged. */
export function useGroupWithMembers(chatId: number): () => Scene {
  let scene: Scene | undefined;
  beforeEach(async () => {
    scene = await groupWithMembers(chatId);
  });
  afterEach(() => {
    expect(scene?.h.errors()).toEqual([]);
    scene?.h.close();
  });
  return () => scene!;
}
