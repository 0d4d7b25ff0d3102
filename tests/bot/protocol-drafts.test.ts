import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { deliverTwice, updateOf, type Act } from "../helpers/drafts.js";
import type { Harness } from "../helpers/harness.js";
import { leaderScene, heldMeeting, lastProtocolId, type Scene } from "../helpers/meetings.js";
import { draftOf, recordDirect, serviceKeyed } from "../helpers/observations.js";
import {
  DRAFT_FORMS,
  draftButtonData,
  draftDiscardData,
  draftProtocolData,
  draftResumeData,
  editProtocolData,
  formButton,
  FORMS,
} from "../../src/callbacks/index.js";
import { meetingId, protocolId } from "../../src/domain/types.js";

let h: Harness;
let scene: Scene;
let meeting: number;

beforeEach(async () => {
  ({ h, scene } = await leaderScene());
  recordDirect(h, scene.group, scene.people[1]!, { serviceId: serviceKeyed(h, scene.group, "water"), observedOn: "2026-11-20" });
  recordDirect(h, scene.group, scene.people[2]!, { serviceId: serviceKeyed(h, scene.group, "roads"), observedOn: "2026-11-21" });
  meeting = await heldMeeting(h, scene);
  await scene.leader.say("/protocol");
});
afterEach(() => h.finish());

const last = () => String(h.tg.lastTo(scene.leader.id).payload.text);
const rows = (sql: string) => h.db.$client.prepare(sql).all();

/** Every step of the form: two items, a recommendation to a named addressee, one observation picked by number. */
const wholeForm: Act[] = [
  { say: "Суу түтүгү талкууланды" },
  { say: "Түтүктү оңдоо" },
  { say: "Жарык талкууланды" },
  { press: formButton.pack(DRAFT_FORMS.protocol, "dec", "none") },
  { say: "Жаңы чырактарды сатып алуу" },
  { press: formButton.pack(DRAFT_FORMS.protocol, "to", "other") },
  { say: "Суу чарба" },
  { say: "31.03.2027" },
  { press: formButton.pack(DRAFT_FORMS.protocol, "rec", "done") },
  { say: "2" },
];

function expectTheWholeForm(): void {
  const protocol = lastProtocolId(h);
  expect(rows("select title, discussed, decided from protocol_items order by position")).toEqual([
    { title: "Ичүүчү суу", discussed: "Суу түтүгү талкууланды", decided: "Түтүктү оңдоо" },
    { title: "Көчө жарыгы", discussed: "Жарык талкууланды", decided: null },
  ]);
  expect(rows("select text, addressee, addressee_name, due_on from recommendations")).toEqual([
    { text: "Жаңы чырактарды сатып алуу", addressee: "other", addressee_name: "Суу чарба", due_on: "2027-03-31" },
  ]);
  expect(h.count("select count(*) n from protocol_observations where protocol_id = ?", protocol)).toBe(1);
  expect(h.count("select count(*) n from protocols")).toBe(1);
  expect(h.tg.textsTo(scene.chat.id).filter((text) => text.includes("1/2026"))).toHaveLength(1);
}

describe("the protocol draft", () => {
  test("a restart at every step loses nothing", async () => {
    await scene.leader.press(draftProtocolData.pack({ meeting: meetingId(meeting) }));
    for (const act of wholeForm) {
      h.restart();
      await h.bot.handleUpdate(updateOf(h, scene.leader, act));
    }
    expectTheWholeForm();
  });

  test("an update delivered twice at every step changes nothing the second time", async () => {
    await scene.leader.press(draftProtocolData.pack({ meeting: meetingId(meeting) }));
    for (const act of wholeForm) await deliverTwice(h, scene.leader, updateOf(h, scene.leader, act));
    expectTheWholeForm();
  });

  test("left for a short form, then resumed where it was", async () => {
    const { leader } = scene;
    await leader.press(draftProtocolData.pack({ meeting: meetingId(meeting) }));
    await leader.say("Суу түтүгү талкууланды");
    // The leader schedules the next meeting meanwhile: a short form of its own.
    await leader.say("/meeting");
    await leader.say("10.12 15:00");
    expect(rows("select status from drafts")).toEqual([{ status: "parked" }]);
    await leader.say("Айыл өкмөтүнүн жыйындар залы");
    await leader.say("Отчет");
    await leader.press(formButton.pack(FORMS.meeting, "agenda", "done"));
    await leader.say("/protocol");
    await leader.press(draftProtocolData.pack({ meeting: meetingId(meeting) }));
    expect(last()).toMatch(/^Сизде аягына чыгарылбаган форма бар: протоколдун долбоору/);
    await leader.press(draftResumeData.pack({ draft: draftOf(h, leader) }));
    expect(last()).toBe("Бул маселе боюнча эмне чечилди?");
    for (const act of wholeForm.slice(1)) await h.bot.handleUpdate(updateOf(h, leader, act));
    expectTheWholeForm();
  });

  test("old buttons of a finished or a discarded draft are stale; a revision is the same form", async () => {
    const { leader } = scene;
    await leader.press(draftProtocolData.pack({ meeting: meetingId(meeting) }));
    for (const act of wholeForm.slice(0, 3)) await h.bot.handleUpdate(updateOf(h, leader, act));
    const discarded = h.tg.buttonMatching(leader.id, draftButtonData.anyDraft(formButton.pack(DRAFT_FORMS.protocol, "dec", "none")))!;
    await leader.say("/protocol");
    await leader.press(draftProtocolData.pack({ meeting: meetingId(meeting) }));
    await leader.press(draftDiscardData.pack({ draft: draftOf(h, leader), kind: "protocol", token: `m${meeting}` }));
    await leader.pressOn(discarded.data, discarded.message);
    expect(h.lastAlert()).toBe("Бул баскыч мындан ары иштебейт.");
    for (const act of wholeForm) await h.bot.handleUpdate(updateOf(h, leader, act));
    expectTheWholeForm();
    const finished = h.tg.buttonMatching(leader.id, draftButtonData.anyDraft(formButton.pack(DRAFT_FORMS.protocol, "rec", "done")))!;
    await leader.pressOn(finished.data, finished.message);
    expect(h.lastAlert()).toBe("Бул баскыч мындан ары иштебейт.");

    // Revising item 2 takes the same steps, from its title.
    await leader.press(editProtocolData.pack({ protocol: protocolId(lastProtocolId(h)), part: "i1" }));
    expect(last()).toMatch(/^2-маселе: Көчө жарыгы\n/);
    await leader.pressDraft(formButton.pack(DRAFT_FORMS.protocol, "title", "keep"));
    await leader.say("Жарык кайра талкууланды");
    await leader.say("Чырактарды алмаштыруу");
    expect(rows("select decided from protocol_items order by position")).toEqual([
      { decided: "Түтүктү оңдоо" },
      { decided: "Чырактарды алмаштыруу" },
    ]);
    expect(h.count("select count(*) n from drafts where status != 'closed'")).toBe(0);
  });
});
