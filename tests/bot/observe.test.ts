import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { observationById, observationPage } from "../../src/domain/observations.js";
import { groupId, observationId, type Group } from "../../src/domain/types.js";
import { buttonsOf } from "../helpers/fake-telegram.js";
import { fiveMembers, setUpGroup } from "../helpers/flows.js";
import { Harness, type Person } from "../helpers/harness.js";
import { answerForm, sendLocation, sendPhoto, serviceKeyed } from "../helpers/observations.js";

let h: Harness;
let group: Group;
let head: Person;
let members: Person[];
const chat = { id: -4001, type: "supergroup", title: "Мин-Булак" } as const;

beforeEach(async () => {
  h = new Harness();
  head = h.person(11, "Бакыт", "ky");
  group = await setUpGroup(h, chat, head, { locale: "ru" });
  members = await fiveMembers(h, group, head);
});
afterEach(() => {
  expect(h.errors()).toEqual([]);
  h.close();
});

const last = (id: number) => String(h.tg.lastTo(id).payload.text);
const all = () => observationPage(h.db, { group: group.id }, 0, 1000).items;

describe("the observation form", () => {
  test("a member records an observation in Kyrgyz, step by step", async () => {
    const [aigul] = members as [Person];
    await aigul.say("/observe");
    expect(h.tg.textsTo(aigul.id).at(-2)).toBe("«Мин-Булак айыл аймагы» тобу үчүн жаңы байкоо. Каалаган убакта жокко чыгаруу — /cancel.");
    expect(last(aigul.id)).toBe("Кайсы кызмат көрсөтүүгө байкоо жүргүздүңүз?");
    expect(buttonsOf(h.tg.lastTo(aigul.id).payload).map((b) => b.text)).toEqual([
      "Ичүүчү суу", "Таштанды чыгаруу", "Көчө жарыгы", "Жолдор", "Сугат суу", "Мектеп", "Бала бакча", "ФАП (медициналык пункт)", "Маданият үйү",
    ]);
    await answerForm(aigul, { service: serviceKeyed(h, group, "water"), quality: 2, compliance: "no", resources: 1, photos: ["p1", "p2"] });
    const summary = last(aigul.id);
    expect(summary).toContain("«Мин-Булак айыл аймагы» тобу үчүн байкоону текшериңиз:");
    expect(summary).toContain("Кызмат көрсөтүү: Ичүүчү суу");
    expect(summary).toContain("Дата: 2026-жылдын 24-ноябры");
    expect(summary).toContain("Стандартка шайкештиги: шайкеш эмес");
    expect(summary).toContain("Сүрөттөр: 2");
    expect(all()).toEqual([]);
    await aigul.press("of:sum:save");
    expect(last(aigul.id)).toContain("Байкоо сакталды.");
    expect(all()).toMatchObject([
      { observedOn: "2026-11-24", quarter: "2026-Q4", quality: 2, compliance: "no", resources: 1, place: "Ленин көчөсү, 12", status: "active" },
    ]);
    expect(observationById(h.db, all()[0]!.id)?.photos).toEqual(["p1", "p2"]);
  });

  test("in Russian, with a typed date, a location and its description", async () => {
    const bakyt = members[1]!;
    await bakyt.say("/observe");
    await bakyt.press(`of:svc:${serviceKeyed(h, group, "lighting")}`);
    expect(last(bakyt.id)).toBe("Когда? Нажмите кнопку или напишите дату, например 25.11 или 25.11.2026.");
    await bakyt.say("23.11");
    expect(last(bakyt.id)).toContain("Где?");
    await sendLocation(bakyt, 42.87, 74.59);
    expect(last(bakyt.id)).toContain("Геопозиция получена");
    await bakyt.say("у школы");
    await bakyt.press("of:q:4");
    await bakyt.press("of:c:unknown");
    await bakyt.press("of:r:5");
    await bakyt.say("Фонари горят,\nно два не работают.");
    await bakyt.press("of:photo:done");
    expect(last(bakyt.id)).toContain("Геопозиция: 42.87000, 74.59000");
    await bakyt.press("of:sum:save");
    expect(last(bakyt.id)).toBe("Наблюдение сохранено. Все наблюдения группы — /observations, новое — /observe.");
    expect(all()).toMatchObject([{ observedOn: "2026-11-23", latitude: 42.87, longitude: 74.59, place: "у школы", finding: "Фонари горят,\nно два не работают." }]);
  });
});
