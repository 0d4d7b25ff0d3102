import type { Chat } from "grammy/types";
import { activeMembers } from "../../src/domain/members.js";
import type { Group } from "../../src/domain/types.js";
import { fiveMembers, setUpGroup } from "./flows.js";
import type { Harness, Person, HarnessOptions } from "./harness.js";
import {
  appointData,
  attendanceDoneData,
  attendanceMarkData,
  DRAFT_FORMS,
  draftProtocolData,
  formButton,
  FORMS,
} from "../../src/callbacks/index.js";
import { groupId, meetingId, memberId } from "../../src/domain/types.js";
import { fromScene } from "./fixture.js";

export interface Scene {
  chat: Chat;
  group: Group;
  head: Person;
  people: Person[];
  leader: Person;
}

/** A registered group with five members, the first of them appointed leader. */
export async function groupWithLeader(h: Harness, locale: "ky" | "ru" = "ky", chatId = -1001): Promise<Scene> {
  const chat = h.groupChat(chatId);
  const head = h.person(11 + (chatId === -1001 ? 0 : 1000), "Бакыт", locale);
  const group = await setUpGroup(h, chat, head, { locale });
  const people = await fiveMembers(h, group, head, chatId === -1001 ? 201 : 301);
  const leader = people[0]!;
  const member = activeMembers(h.db, group.id).find((m) => m.userId === leader.id)!;
  await head.say("/appoint", chat);
  await head.press(appointData.pack({ group: groupId(group.id), member: memberId(member.id) }), chat);
  return { chat, group, head, people, leader };
}

/** A new harness with a copy of `groupWithLeader`, built once per worker (see `fromScene`). */
export function leaderScene(
  locale: "ky" | "ru" = "ky",
  options: HarnessOptions = {},
  chatId = -1001,
): Promise<{ h: Harness; scene: Scene }> {
  return fromScene(`groupWithLeader ${locale} ${chatId}`, (h) => groupWithLeader(h, locale, chatId), options);
}

const row = (h: Harness, sql: string, ...args: unknown[]) => h.db.$client.prepare(sql).get(...args) as Record<string, any> | undefined;

export const lastMeetingId = (h: Harness): number => Number(row(h, "select id from meetings order by id desc")?.id);
export const lastProtocolId = (h: Harness): number => Number(row(h, "select id from protocols order by id desc")?.id);
export const lastVoteId = (h: Harness): number => Number(row(h, "select id from votes order by id desc")?.id);
export const protocolStatus = (h: Harness, id: number): string => String(row(h, "select status from protocols where id = ?", id)?.status);

/** The leader fills /meeting in private: time, place, agenda, Done. */
export async function scheduleMeeting(
  h: Harness,
  leader: Person,
  when = "26.11 15:00",
  agenda = ["Ичүүчү суу", "Көчө жарыгы"],
): Promise<number> {
  await leader.say("/meeting");
  await leader.say(when);
  await leader.say("Айыл өкмөтүнүн жыйындар залы");
  for (const item of agenda) await leader.say(item);
  await leader.press(formButton.pack(FORMS.meeting, "agenda", "done"));
  return lastMeetingId(h);
}

/** Time moves past the start; the leader ticks who came and presses Done. */
export async function holdMeeting(
  h: Harness,
  leader: Person,
  meeting: number,
  present: Person[],
  members: { id: number; userId: number }[],
): Promise<void> {
  h.clock.set(new Date(Number(row(h, "select starts_at from meetings where id = ?", meeting)?.starts_at) + 60 * 60 * 1000));
  await leader.say("/attendance");
  for (const person of present) {
    const member = members.find((m) => m.userId === person.id)!;
    await leader.press(attendanceMarkData.pack({ meeting: meetingId(meeting), member: memberId(member.id) }));
  }
  await leader.press(attendanceDoneData.pack({ meeting: meetingId(meeting) }));
}

/** The leader drafts the protocol: for each item what was discussed and decided, then recommendations. */
export async function draftProtocol(
  h: Harness,
  leader: Person,
  meeting: number,
  decisions: (string | null)[] = ["Суу түтүгүн оңдоо", "Жаңы чырактарды орнотуу"],
  recommendations: { text: string; to: "head" | "chair" | "other"; name?: string; due: string }[] = [],
  /** The observations it covers: a button ("all", "none") or numbers typed ("1, 3"); skipped when the period has none. */
  observations?: string,
): Promise<number> {
  await leader.press(draftProtocolData.pack({ meeting: meetingId(meeting) }));
  for (const [i, decided] of decisions.entries()) {
    await leader.say(`Талкуу ${i + 1}: маселе кеңири талкууланды`);
    if (decided === null) await leader.pressDraft(formButton.pack(DRAFT_FORMS.protocol, "dec", "none"));
    else await leader.say(decided);
  }
  for (const rec of recommendations) {
    await leader.say(rec.text);
    await leader.pressDraft(formButton.pack(DRAFT_FORMS.protocol, "to", rec.to));
    if (rec.name) await leader.say(rec.name);
    await leader.say(rec.due);
  }
  await leader.pressDraft(formButton.pack(DRAFT_FORMS.protocol, "rec", "done"));
  if (observations === "all" || observations === "none")
    await leader.pressDraft(formButton.pack(DRAFT_FORMS.protocol, "obs", observations));
  else if (observations !== undefined) await leader.say(observations);
  return lastProtocolId(h);
}

/**
 * A bare protocol row with this id (and a meeting under it), for tests of what links to
 * protocols without walking a meeting through the bot.
 */
export function ensureProtocol(h: Harness, groupId: number, id: number): void {
  const db = h.db.$client;
  if (db.prepare("select 1 from protocols where id = ?").get(id)) return;
  const user = (db.prepare("select id from users order by id limit 1").get() as { id: number }).id;
  const meeting = db
    .prepare("insert into meetings (group_id, starts_at, place, created_by, created_at) values (?, 0, 'x', ?, 0)")
    .run(groupId, user).lastInsertRowid;
  db.prepare(
    "insert into protocols (id, group_id, meeting_id, year, number, held_on, place, status, created_by, created_at) values (?, ?, ?, 2026, ?, '2026-01-01', 'x', 'draft', ?, 0)",
  ).run(id, groupId, meeting, id, user);
}

/** A meeting scheduled, held with the leader and the next two members, and its attendance recorded. */
export async function heldMeeting(h: Harness, scene: Scene, when = "26.11 15:00"): Promise<number> {
  const { leader, people, group } = scene;
  const meeting = await scheduleMeeting(h, leader, when);
  await holdMeeting(h, leader, meeting, [leader, people[1]!, people[2]!], activeMembers(h.db, group.id));
  return meeting;
}

/** A held meeting and its drafted protocol; returns both ids. */
export async function draftedProtocol(
  h: Harness,
  scene: Scene,
  decisions?: (string | null)[],
): Promise<{ meeting: number; protocol: number }> {
  const meeting = await heldMeeting(h, scene);
  await scene.leader.say("/protocol");
  return { meeting, protocol: await draftProtocol(h, scene.leader, meeting, decisions) };
}
