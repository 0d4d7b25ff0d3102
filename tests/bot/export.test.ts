import readXlsxFile from "read-excel-file/node";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { userId } from "../../src/domain/types.js";
import type { Harness } from "../helpers/harness.js";
import { leaderScene, type Scene } from "../helpers/meetings.js";
import { recordDirect, serviceKeyed } from "../helpers/observations.js";
import { finalProtocol } from "../helpers/recommendations.js";
import { changeRecommendationStatus } from "../../src/domain/recommendations.js";

let h: Harness;
let scene: Scene;

const documentsTo = (chat: number) =>
  h.tg.documentsTo(chat).map((d) => ({ file: { filename: d.file.name, data: Buffer.from(d.file.bytes) }, caption: d.caption }));

describe("/export", () => {
  beforeEach(async () => {
    ({ h, scene } = await leaderScene("ru", { reminderRules: [] }));
  });
  afterEach(() => h.finish());

  test("the XLSX holds every observation and recommendation; the CSV is safe against formulas", async () => {
    const { group, people, head } = scene;
    const water = serviceKeyed(h, group, "water");
    recordDirect(h, group, people[1]!, {
      serviceId: water,
      finding: '=HYPERLINK("http://x";"клик")',
      quality: 2,
      compliance: "no",
      observedOn: "2026-11-02",
    });
    recordDirect(h, group, people[2]!, {
      serviceId: serviceKeyed(h, group, "roads"),
      finding: "+7 ям на дороге",
      place: "-улица",
      observedOn: "2026-10-15",
    });
    recordDirect(h, group, people[3]!, {
      serviceId: water,
      finding: "Вода есть; по графику",
      latitude: 42.5,
      longitude: 74.25,
      place: null,
    });
    const {
      recommendations: [first],
    } = finalProtocol(h, group.id, [
      { text: "@Починить трубы", to: "head", due: "2026-12-20" },
      { text: "Установить фонари", to: "other", name: "РЭС", due: "2026-11-01" },
    ]);
    changeRecommendationStatus(h.db, { id: first!, to: "accepted", by: userId(head.id), note: "Сделаем до весны", now: h.clock.now() });

    const asker = people[1]!; // a Russian-speaking member: refused
    await asker.say("/export");
    expect(h.tg.lastTo(asker.id).payload.text).toBe(
      "Выгрузку получают руководитель группы, глава айыл окмоту и председатель айылного кенеша.",
    );
    await head.say("/export");
    const [xlsx, obsCsv, recCsv] = documentsTo(head.id);
    expect(xlsx!.file.filename).toBe("monitoring-2026-11-24.xlsx");
    expect(xlsx!.caption).toBe("Группа «Мин-Булак айыл аймагы»: наблюдений — 3, рекомендаций — 2. Ниже те же таблицы в CSV.");

    const sheets = await readXlsxFile(xlsx!.file.data);
    expect(sheets.map((s) => s.sheet)).toEqual(["Наблюдения", "Рекомендации"]);
    const [observations, recommendations] = sheets.map((s) => s.data);
    expect(observations![0]).toEqual([
      "№",
      "Дата",
      "Услуга",
      "Место",
      "Широта",
      "Долгота",
      "Качество предоставления (1–5)",
      "Соответствие стандарту",
      "Качество ресурсов (1–5)",
      "Вывод",
      "Автор",
    ]);
    const stored = h.db.$client
      .prepare(
        "select o.id, o.observed_on d, o.quality q, o.resources r, o.finding f, m.full_name a from observations o join members m on m.id = o.member_id where o.status = 'active' order by o.observed_on, o.id",
      )
      .all() as { id: number; d: string; q: number; r: number; f: string; a: string }[];
    expect(
      observations!
        .slice(1)
        .map((row) => [row[0], (row[1] as unknown as Date).toISOString().slice(0, 10), row[6], row[8], row[9], row[10]]),
    ).toEqual(stored.map((o) => [o.id, o.d, o.q, o.r, o.f, o.a]));
    expect(observations!.find((row) => row[9] === "+7 ям на дороге")?.[7]).toBe("соответствует");
    expect(observations!.find((row) => String(row[9]).startsWith("=HYPERLINK"))?.[7]).toBe("не соответствует");
    expect(observations!.find((row) => row[4] === 42.5)?.[5]).toBe(74.25);
    const recs = h.db.$client.prepare("select text, due_on from recommendations order by id").all() as { text: string; due_on: string }[];
    expect(recommendations!.slice(1).map((row) => [row[1], (row[3] as unknown as Date).toISOString().slice(0, 10)])).toEqual(
      recs.map((r) => [r.text, r.due_on]),
    );
    expect(recommendations![1]).toEqual([
      "1/2026-1",
      "@Починить трубы",
      "глава айыл окмоту",
      expect.any(Date),
      "принята",
      "нет",
      "Сделаем до весны",
      expect.any(Date),
    ]);
    expect(recommendations![2]!.slice(0, 6)).toEqual(["1/2026-2", "Установить фонари", "РЭС", expect.any(Date), "направлена", "да"]);

    const csv = obsCsv!.file.data.toString("utf8");
    expect(obsCsv!.file.filename).toBe("observations-2026-11-24.csv");
    expect(csv.startsWith("\uFEFF№;Дата;Услуга;")).toBe(true);
    expect(csv.split("\r\n")).toHaveLength(5); // header, three rows, the final line end
    expect(csv).toContain(`'=HYPERLINK(""http://x"";""клик"")`);
    expect(csv).toContain(";'+7 ям на дороге;");
    expect(csv).toContain(";'-улица;");
    expect(csv).toContain('"Вода есть; по графику"');
    expect(csv).toContain("20.11.2026;Питьевая вода;;42,5;74,25;");
    expect(csv).not.toMatch(/;=/);
    const recText = recCsv!.file.data.toString("utf8");
    expect(recText).toContain("1/2026-1;'@Починить трубы;глава айыл окмоту;20.12.2026;принята;нет;Сделаем до весны;24.11.2026\r\n");
  });

  test("headers in the asker's language in private, in the group's language in the group chat", async () => {
    await scene.leader.say("/export"); // the leader speaks Kyrgyz
    const [mine] = documentsTo(scene.leader.id);
    const sheets = await readXlsxFile(mine!.file.data);
    expect(sheets.map((s) => s.sheet)).toEqual(["Байкоолор", "Сунуштамалар"]);
    expect(sheets[0]!.data).toEqual([
      [
        "№",
        "Датасы",
        "Кызмат көрсөтүү",
        "Жери",
        "Кеңдик",
        "Узундук",
        "Кызмат көрсөтүүнүн сапаты (1–5)",
        "Стандартка шайкештиги",
        "Ресурстардын сапаты (1–5)",
        "Жыйынтык",
        "Автору",
      ],
    ]);
    await scene.leader.say("/export", scene.chat);
    const [inGroup] = documentsTo(scene.chat.id);
    expect((await readXlsxFile(inGroup!.file.data)).map((s) => s.sheet)).toEqual(["Наблюдения", "Рекомендации"]);
  });
});
