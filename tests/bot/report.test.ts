import { buttonsOf } from "../helpers/fake-telegram.js";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { parsePeriod } from "../../src/domain/report.js";
import type { Harness } from "../helpers/harness.js";
import { leaderScene, type Scene } from "../helpers/meetings.js";
import { recordDirect, serviceKeyed } from "../helpers/observations.js";
import { pdfText } from "../helpers/pdf-text.js";
import { fillQuarter } from "../helpers/report.js";
import { reportData, termDoneData } from "../../src/callbacks/index.js";
import { groupId } from "../../src/domain/types.js";

let h: Harness;
let scene: Scene;

const ru = (n: number) => new Intl.NumberFormat("ru", { maximumFractionDigits: 1 }).format(n);
const rows = <T>(sql: string, ...args: unknown[]) => h.db.$client.prepare(sql).all(...args) as T[];
const one = <T>(sql: string, ...args: unknown[]) => h.db.$client.prepare(sql).get(...args) as T;
const filesTo = (chat: number, method: "sendDocument" | "sendPhoto") =>
  (method === "sendDocument" ? h.tg.documentsTo(chat).map((d) => d.file) : h.tg.photosTo(chat)).map((f) => ({
    filename: f.name,
    data: Buffer.from(f.bytes),
  }));

describe("/report", () => {
  beforeEach(async () => {
    ({ h, scene } = await leaderScene("ru", { reminderRules: [] }));
  });
  afterEach(() => h.finish());

  test("every figure in the message and in the PDF equals what the database says", async () => {
    fillQuarter(h, scene);
    const asker = scene.people[1]!; // a Russian-speaking member may see it too
    await asker.say("/report");
    const message = h.tg.textsTo(asker.id).at(-1)!;

    const from = "2026-10-01";
    const to = "2026-12-31";
    const obs = one<{ n: number; q: number; r: number; services: number; yes: number; partly: number; no: number; unknown: number }>(
      `select count(*) n, avg(quality) q, avg(resources) r, count(distinct service_id) services,
        sum(compliance = 'yes') yes, sum(compliance = 'partly') partly, sum(compliance = 'no') no, sum(compliance = 'unknown') unknown
       from observations where status = 'active' and observed_on between ? and ?`,
      from,
      to,
    );
    expect(obs.n).toBe(6);
    const start = new Date("2026-10-01T00:00:00+06:00").getTime();
    const meetingsHeld = one<{ n: number }>(
      "select count(*) n from meetings where cancelled_at is null and starts_at >= ? and starts_at <= ?",
      start,
      h.clock.now().getTime(),
    ).n;
    const protocols = one<{ n: number; final: number }>(
      "select count(*) n, sum(status = 'final') final from protocols where held_on between ? and ?",
      from,
      to,
    );
    const byStatus = Object.fromEntries(
      rows<{ status: string; n: number }>(
        "select r.status, count(*) n from recommendations r join protocols p on p.id = r.protocol_id where p.status = 'final' and p.held_on between ? and ? group by r.status",
        from,
        to,
      ).map((row) => [row.status, row.n]),
    );
    const overdue = rows<{ text: string }>(
      "select r.text from recommendations r join protocols p on p.id = r.protocol_id where p.status = 'final' and p.held_on between ? and ? and r.status in ('sent', 'accepted', 'in-progress') and r.due_on < '2026-11-24' order by r.id",
      from,
      to,
    );
    const joined = one<{ n: number }>("select count(*) n from members where joined_at >= ?", start).n;
    const left = one<{ n: number }>("select count(*) n from members where left_at >= ?", start).n;
    const active = one<{ n: number }>("select count(*) n from members where left_at is null").n;

    const figures = [
      `Наблюдения: ${obs.n}, услуг: ${obs.services}. Среднее качество предоставления: ${ru(obs.q)} из 5, качество ресурсов: ${ru(obs.r)} из 5.`,
      `Соответствие стандарту: соответствует — ${obs.yes}, частично — ${obs.partly}, не соответствует — ${obs.no}, не известно — ${obs.unknown}.`,
      `Заседания: проведено — ${meetingsHeld}. Правило «не реже раза в квартал» выполнено в кварталах: 1 из 1.`,
      `Протоколы: ${protocols.n} (подписаны — ${protocols.final}, в работе — ${protocols.n - protocols.final}).`,
      `Рекомендации: 5. Направлены — ${byStatus.sent}, приняты — ${byStatus.accepted}, выполняются — ${byStatus["in-progress"]}, выполнены — ${byStatus.done}, отклонены — ${byStatus.rejected}; просрочены — ${overdue.length}.`,
      `Состав: вступили — ${joined}, вышли — ${left}; членов группы на конец периода — ${active}.`,
    ];
    expect(message.slice(0, 200)).toContain(
      "📊 Отчёт группы «Мин-Булак айыл аймагы»: IV квартал 2026 г.\nПериод: 1 октября 2026 г. — 31 декабря 2026 г.; данные на 24 ноября 2026 г.",
    );
    for (const line of figures) expect(message).toContain(line);
    expect(overdue).toHaveLength(2);
    expect(message).toContain("Просроченные рекомендации:\n• ⚠️ № 1/2026-1: ");
    for (const rec of overdue) expect(message).toContain(rec.text);
    expect(message).not.toContain("Старая");

    // The chart and the PDF follow; the PDF holds the same figures and the full tables.
    const [chart] = filesTo(asker.id, "sendPhoto");
    expect(chart!.filename).toBe("report-2026-Q4.png");
    expect(chart!.data.subarray(1, 4).toString()).toBe("PNG");
    const [pdf] = filesTo(asker.id, "sendDocument");
    expect(pdf!.filename).toBe("report-2026-Q4.pdf");
    const text = await pdfText(pdf!.data);
    for (const line of figures) expect(text).toContain(line);
    const perService = rows<{ name: string; n: number; q: number; r: number; yes: number; partly: number; no: number; unknown: number }>(
      `select s.key name, count(*) n, avg(quality) q, avg(resources) r, sum(compliance = 'yes') yes, sum(compliance = 'partly') partly,
        sum(compliance = 'no') no, sum(compliance = 'unknown') unknown
       from observations o join services s on s.id = o.service_id where o.status = 'active' and observed_on between ? and ? group by s.id order by n desc, s.id`,
      from,
      to,
    );
    const names: Record<string, string> = { water: "Питьевая вода", roads: "Дороги", school: "Школа" };
    for (const s of perService)
      expect(text).toContain(`${names[s.name]} ${s.n} ${ru(s.q)} ${ru(s.r)} ${s.yes} ${s.partly} ${s.no} ${s.unknown}`);
    for (const rec of rows<{ text: string }>(
      "select text from recommendations r join protocols p on p.id = r.protocol_id where p.held_on >= ?",
      from,
    )) {
      expect(text).toContain(rec.text);
    }
    expect(text).toContain("Вышли: Элмира Жумабаева");
  });

  test("an empty quarter says so, with no files; bad periods get a hint in each language", async () => {
    const member = scene.people[1]!;
    await member.say("/report 2026-2");
    expect(h.tg.textsTo(member.id).at(-1)).toContain("За этот период в группе ничего не записано");
    expect(h.tg.textsTo(member.id).at(-1)).toContain("II квартал 2026 г.");
    expect(h.tg.callsOf("sendDocument")).toEqual([]);
    for (const bad of ["2031-7", "2026-5", "abc", "1999", "2026-Q0"]) {
      await member.say(`/report ${bad}`);
      expect(h.tg.textsTo(member.id).at(-1)).toBe(
        "Не понял период. Напишите /report — текущий квартал, /report 2026-3 — III квартал 2026 г., /report 2026 — весь год.",
      );
    }
    await member.say("/report 2031");
    expect(h.tg.textsTo(member.id).at(-1)).toContain("Этот период ещё не начался.");
    const kyrgyz = scene.people[0]!;
    await kyrgyz.say("/report 2031-7");
    expect(h.tg.textsTo(kyrgyz.id).at(-1)).toBe(
      "Мезгилди түшүнгөн жокмун. Жазыңыз: /report — учурдагы квартал, /report 2026-3 — 2026-жылдын III кварталы, /report 2026 — толук жыл.",
    );
    await h.person(999, "Чужой", "ru").say("/report", scene.chat);
    expect(h.tg.textsTo(scene.chat.id).at(-1)).toContain("Вы не состоите в этой группе.");
  });

  test("a year; the leader publishes to the group and sends to the appointers, one button each", async () => {
    fillQuarter(h, scene);
    const leader = scene.leader;
    await leader.say("/report 2026");
    const message = h.tg.textsTo(leader.id).at(-1)!;
    expect(message).toContain("📊 «Мин-Булак айыл аймагы» тобунун отчету: 2026-жыл");
    expect(message).toContain("Байкоолор: 7, кызмат көрсөтүүлөр: 3.");
    expect(message).toContain("«Кварталына бир жолудан кем эмес» эрежеси аткарылган кварталдар: 2 (бардыгы: 4).");
    const kyrgyzPdf = await pdfText(filesTo(leader.id, "sendDocument")[0]!.data);
    expect(kyrgyzPdf).toContain("Биргелешкен мониторинг жана баалоо тобунун ОТЧЕТУ: 2026-жыл");
    expect(kyrgyzPdf).toContain("Байкоолор: 7, кызмат көрсөтүүлөр: 3.");
    expect(kyrgyzPdf).toContain("Ичүүчү суу 3 3 3 0 1 2 0");
    expect(kyrgyzPdf).toContain("1/2026-1 Заменить трубы на улице Ленина айыл өкмөт башчысы 2026-жылдын 1-ноябры жөнөтүлдү — мөөнөтү өттү");
    const g = scene.group.id;
    await scene.people[1]!.forge(reportData.pack({ action: "pub", group: groupId(g), period: "2026" }));
    expect(h.lastAlert()).toBe("Публикует и отправляет отчёт руководитель группы.");
    await leader.press(reportData.pack({ action: "pub", group: groupId(g), period: "2026" }));
    const [published, asked] = h.tg.textsTo(scene.chat.id).slice(-2);
    expect(published).toContain("📊 Отчёт группы «Мин-Булак айыл аймагы»: 2026 год");
    // The group has no set term: once it has reported, its appointers are asked whether its work is done.
    expect(asked).toContain("Итоговый отчёт группы «Мин-Булак айыл аймагы» опубликован");
    expect(buttonsOf(h.tg.lastTo(scene.chat.id).payload).map((b) => ("callback_data" in b ? b.callback_data : ""))).toEqual([
      termDoneData.pack({ group: groupId(g), answer: "y" }),
      termDoneData.pack({ group: groupId(g), answer: "n" }),
    ]);
    expect(filesTo(scene.chat.id, "sendDocument").map((f) => f.filename)).toEqual(["report-2026.pdf"]);
    await leader.press(reportData.pack({ action: "app", group: groupId(g), period: "2026" }));
    expect(h.tg.textsTo(leader.id).at(-1)).toBe("Отчет жөнөтүлдү, алгандар: 1.");
    expect(filesTo(scene.head.id, "sendDocument").map((f) => f.filename)).toEqual(["report-2026.pdf"]);
    expect(filesTo(scene.head.id, "sendPhoto").map((f) => f.filename)).toEqual(["report-2026.png"]);
    // The same figures in Russian were rendered for the group: the head gets that PDF by its file id.
    expect(typeof h.tg.callsOf("sendDocument", scene.head.id)[0]!.payload.document).toBe("string");
    expect(rows("select kind, subject_id s, locale from documents order by id")).toEqual([
      { kind: "report", s: g, locale: "ky" },
      { kind: "report", s: g, locale: "ru" },
    ]);
    // New figures, a new document.
    recordDirect(h, scene.group, scene.people[1]!, { serviceId: serviceKeyed(h, scene.group, "water"), observedOn: "2026-11-24" });
    await scene.people[1]!.say("/report 2026");
    expect(typeof h.tg.callsOf("sendDocument", scene.people[1]!.id)[0]!.payload.document).toBe("object");
    expect(h.count("select count(*) n from documents where kind = 'report'")).toBe(3);
  });

  test("periods as people type them", () => {
    const now = new Date("2026-11-24T06:00:00Z");
    expect(parsePeriod("", now)).toMatchObject({ ok: true, period: { key: "2026-Q4", first: "2026-10-01", last: "2026-12-31" } });
    expect(parsePeriod("2026-3", now)).toMatchObject({ ok: true, period: { key: "2026-Q3", first: "2026-07-01", last: "2026-09-30" } });
    expect(parsePeriod("2026-Q1", now)).toMatchObject({ ok: true, period: { key: "2026-Q1" } });
    expect(parsePeriod("2026", now)).toMatchObject({ ok: true, period: { key: "2026", kind: "year" } });
    expect(parsePeriod("2027-1", now)).toEqual({ ok: false, reason: "future" });
    expect(parsePeriod("2026-7", now)).toEqual({ ok: false, reason: "unreadable" });
  });
});
