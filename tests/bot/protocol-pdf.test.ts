import { createHash } from "node:crypto";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { protocolDefinition, type ProtocolDocument } from "../../src/documents/protocol/definition.js";
import { pdfInThread, readPdfInThread } from "../../src/documents/render/engine.js";
import { RENDERER_VERSION } from "../../src/documents/render/index.js";
import { buttonsOf } from "../helpers/fake-telegram.js";
import { Harness } from "../helpers/harness.js";
import { sendPhoto } from "../helpers/observations.js";
import { DISSENT, NAMES, finalProtocolScene } from "../helpers/protocols.js";
import { protocolPdfData } from "../../src/callbacks/index.js";
import { protocolId } from "../../src/domain/types.js";

let h: Harness;
beforeEach(() => {
  h = new Harness();
});
afterEach(() => h.finish());

/** The test goes on in a copy of a group whose first protocol is final (see `finalProtocol`). */
async function signedProtocol(locale: "ky" | "ru") {
  h.close();
  const copy = await finalProtocolScene(locale);
  h = copy.h;
  return copy.scene;
}

const sha256 = (bytes: Uint8Array | string) => createHash("sha256").update(bytes).digest("hex");
const stored = (id: number) =>
  h.db.$client.prepare("select hash, canonical_text from protocols where id = ?").get(id) as { hash: string; canonical_text: string };

const words = {
  ky: {
    heading: ["«Мин-Булак айыл аймагы» биргелешкен мониторинг жана баалоо тобунун жыйналышынын", "ПРОТОКОЛУ № 1/2026"],
    area: NAMES.areaKy,
    date: "2026-жылдын 26-ноябры, саат 15:00",
    attendees: "Катышкандар (5 мүчөдөн 3):",
    dissent: "Өзгөчө пикир — Бакыт Токтогулов:",
    caption: "«Мин-Булак айыл аймагы» тобунун кол коюлган № 1/2026 протоколу (PDF).",
    other: "Орусча нускасы",
  },
  ru: {
    heading: ["ПРОТОКОЛ № 1/2026", "заседания группы совместного мониторинга и оценки «Мин-Булакский айылный аймак»"],
    area: NAMES.areaRu,
    date: "26 ноября 2026 г., 15:00",
    attendees: "Присутствовали члены группы (3 из 5):",
    dissent: "Особое мнение — Бакыт Токтогулов:",
    caption: "Подписанный протокол № 1/2026 группы «Мин-Булакский айылный аймак» (PDF).",
    other: "Копия на кыргызском",
  },
} as const;

/** The text of a PDF with line breaks and runs of spaces made single spaces. */
const flat = (pages: string[]) => pages.join("\n").replace(/\s+/g, " ");

describe("the signed protocol as a PDF", () => {
  test.each(["ky", "ru"] as const)(
    "goes to the group and the appointer in the group's language, and holds everything that was signed (%s)",
    async (locale) => {
      const w = words[locale];
      const { chat, head, protocol } = await signedProtocol(locale);
      const [sent] = h.tg.documentsTo(chat.id);
      expect(sent?.caption).toBe(w.caption);
      expect(sent?.file.name).toBe("Протокол-1-2026.pdf");
      expect(buttonsOf(sent!.payload).map((b) => b.text)).toEqual([w.other]);
      expect(h.tg.documentsTo(head.id)).toHaveLength(1);

      const pdf = await readPdfInThread(sent!.file.bytes);
      const text = flat(pdf!.pages);
      const [first, second] = w.heading;
      expect(text.indexOf(first)).toBeGreaterThanOrEqual(0);
      expect(text.indexOf(second)).toBeGreaterThan(text.indexOf(first));
      expect(text).toContain(w.area);
      expect(text).toContain(w.date);
      expect(text).toContain(w.attendees);
      for (const name of ["Айгүл Осмонова", "Бакыт Токтогулов", "Гүлнара Исаева"]) expect(text).toContain(name);
      expect(text).toContain("Суу түтүгүн алмаштыруу");
      expect(text).toContain("Мектептин директору");
      expect(text).toContain("Элмира Жумабаева"); // voted against, by name
      expect(text).toContain(w.dissent);
      expect(text).toContain(DISSENT);
      const codes = h.db.$client
        .prepare("select member_id, signed_at, hash from signatures where protocol_id = ? and signed_at is not null")
        .all(protocol) as { member_id: number; signed_at: number; hash: string }[];
      expect(codes).toHaveLength(3);
      for (const s of codes) expect(text).toContain(sha256(`${s.hash}:${s.member_id}:${s.signed_at}`).slice(0, 8).toUpperCase());
      const { hash, canonical_text } = stored(protocol);
      for (const page of pdf!.pages) expect(page).toContain(`SHA-256: ${hash}`);

      // The record inside is the signed one: its hash is the stored SHA-256.
      expect(pdf!.attachments.map((a) => a.name)).toEqual(["protocol-1-2026.json"]);
      const record = Buffer.from(pdf!.attachments[0]!.bytes).toString("utf8");
      expect(record).toBe(canonical_text);
      expect(sha256(record)).toBe(hash);
      expect(pdf!.info.protocolId).toBe(String(protocol));

      // The document is recorded; the appointer got the same file by its id, not a new render.
      const rows = h.db.$client.prepare("select * from documents").all() as Record<string, unknown>[];
      expect(rows).toEqual([
        expect.objectContaining({
          kind: "protocol",
          subject_id: protocol,
          locale,
          sha256: sha256(sent!.file.bytes),
          file_id: sent!.file.fileId,
          renderer_version: RENDERER_VERSION,
        }),
      ]);
      expect(h.tg.documentsTo(head.id)[0]!.payload.document).toBe(sent!.file.fileId);
    },
  );

  test("rendering the same protocol twice gives identical bytes; the other language comes with the button, then by file id", async () => {
    const { chat, people, protocol } = await signedProtocol("ky");
    const [sent] = h.tg.documentsTo(chat.id);
    const message = h.tg.callsOf("sendDocument", chat.id)[0]!.result;
    const member = people[3]!;
    await member.pressOn(protocolPdfData.pack({ protocol: protocolId(protocol), locale: "ru" }), message);
    const ru = h.tg.documentsTo(chat.id)[1]!;
    expect(ru.caption).toBe(words.ru.caption);
    const ruText = flat((await readPdfInThread(ru.file.bytes))!.pages);
    expect(ruText).toContain("ПРОТОКОЛ № 1/2026 заседания группы совместного мониторинга и оценки «Мин-Булакский айылный аймак»");
    expect(buttonsOf(ru.payload).map((b) => b.text)).toEqual(["Копия на кыргызском"]);
    // Asked again: the same file by its id, nothing rendered.
    await member.pressOn(protocolPdfData.pack({ protocol: protocolId(protocol), locale: "ru" }), message);
    expect(h.tg.documentsTo(chat.id)[2]!.payload.document).toBe(ru.file.fileId);
    expect(h.count("select count(*) n from documents")).toBe(2);

    // Forgotten and asked again, the Kyrgyz copy is rendered anew: byte for byte the same file.
    h.db.$client.prepare("delete from documents where locale = 'ky'").run();
    await member.pressOn(protocolPdfData.pack({ protocol: protocolId(protocol), locale: "ky" }), message);
    const again = h.tg.documentsTo(chat.id)[3]!;
    expect(again.payload.document).not.toBe(sent!.file.fileId);
    expect(Buffer.compare(again.file.bytes, sent!.file.bytes)).toBe(0);
  });

  test("the other-language button is refused to someone outside the group, and on a forged id", async () => {
    const { chat, protocol } = await signedProtocol("ru");
    const message = h.tg.callsOf("sendDocument", chat.id)[0]!.result;
    await h.person(999, "Чужой", "ru").pressOn(protocolPdfData.pack({ protocol: protocolId(protocol), locale: "ky" }), message);
    expect(h.lastAlert()).toBe("Вы не состоите в этой группе.");
    await h.person(999, "Чужой", "ru").pressOn(protocolPdfData.pack({ protocol: protocolId(protocol + 50), locale: "ky" }), message);
    expect(h.lastAlert()).toBe("Эта кнопка больше не действует.");
    expect(h.tg.documentsTo(chat.id)).toHaveLength(1);
  });
});

/** A PDF made like the bot's, with another record attached (what someone editing the file would produce). */
async function pdfWithRecord(protocol: number, record: string, title = "1/2026"): Promise<Uint8Array> {
  const doc: ProtocolDocument = {
    locale: "ky",
    municipality: NAMES.ky,
    area: null,
    number: title,
    date: "",
    time: "",
    place: "",
    chair: null,
    members: 5,
    attendees: [],
    quorum: true,
    items: [],
    recommendations: [],
    observations: [],
    vote: null,
    signatures: [],
    hash: sha256(record),
    verifyLink: "https://t.me/monitoring_group_bot?start=v_1",
    record: { name: "protocol-1-2026.json", text: record },
    finalAt: new Date("2026-11-27T00:00:00Z"),
    frozenAt: new Date("2026-11-27T00:00:00Z"),
    protocolId: protocol,
  };
  return pdfInThread(protocolDefinition((key) => key, doc));
}

describe("/verify with a file", () => {
  test("the bot's own PDF, forwarded in private or answered with /verify in the group, is confirmed", async () => {
    const { chat, people, protocol } = await signedProtocol("ru");
    const sent = h.tg.documentsTo(chat.id)[0]!;
    const outsider = h.person(990, "Сторонний", "ru");
    await outsider.sendFile(h.tg.addFile(sent.file.bytes, "Протокол-1-2026.pdf"));
    const answer = String(h.tg.lastTo(outsider.id).payload.text);
    expect(answer).toContain(
      "✅ Этот файл выдан ботом: протокол № 1/2026 группы «Мин-Булакский айылный аймак». Запись внутри совпадает с подписанной.",
    );
    expect(answer).toContain(stored(protocol).hash);
    // Telegram may give the same bytes another file id (sent again from a computer): the hash of the bytes still knows it.
    await outsider.sendFile({ ...h.tg.addFile(sent.file.bytes, "copy.pdf"), file_unique_id: "another" });
    expect(h.tg.lastTo(outsider.id).payload.text).toContain("✅ Этот файл выдан ботом");

    const message = h.tg.callsOf("sendDocument", chat.id)[0]!.result;
    await people[4]!.say("/verify", chat, { reply_to_message: message });
    expect(h.tg.lastTo(chat.id).payload.text).toContain("✅ Этот файл выдан ботом");
  });

  test("an altered record inside is refused, saying what differs; an unaltered one in another file is confirmed", async () => {
    const { protocol, people } = await signedProtocol("ky");
    const { canonical_text } = stored(protocol);
    const record = JSON.parse(canonical_text);
    record.items[0].decided = "Суу түтүгүн оңдобоо";
    record.vote.ballots[4].choice = "for";
    const altered = await pdfWithRecord(protocol, JSON.stringify(record));
    const member = people[2]!;
    await member.sendFile(h.tg.addFile(altered, "Протокол-1-2026.pdf"));
    const refused = String(h.tg.lastTo(member.id).payload.text);
    expect(refused).toContain(
      "❌ Бул файлдын ичиндеги жазуу «Мин-Булак айыл аймагы» тобунун № 1/2026 протоколунун кол коюлган жазуусу менен ДАЛ КЕЛБЕЙТ",
    );
    expect(refused).toContain("Айырмасы: күн тартиби жана чечимдер (items.0.decided); добуш берүү (vote.ballots.4.choice)");

    const copy = await pdfWithRecord(protocol, canonical_text, "көчүрмө");
    await member.sendFile(h.tg.addFile(copy, "copy.pdf"));
    expect(h.tg.lastTo(member.id).payload.text).toContain("✅ Бул файл бот берген файлдын так көчүрмөсү эмес, бирок ичиндеги жазуу");
  });

  test("another PDF, a file that is not a PDF, broken bytes and a photo get a clear answer", async () => {
    const person = h.person(991, "Айбек", "ky");
    const plain = await pdfInThread({ content: ["Башка документ"], defaultStyle: { font: "PTSerif" } });
    await person.sendFile(h.tg.addFile(plain, "башка.pdf"));
    expect(h.tg.lastTo(person.id).payload.text).toBe("❌ Бул PDF бот берген протокол эмес: ичинде протоколдун кол коюлган жазуусу жок.");
    await person.sendFile(h.tg.addFile(new TextEncoder().encode("салам"), "эскертме.txt", "text/plain"));
    expect(h.tg.lastTo(person.id).payload.text).toBe("Бул PDF файл эмес. Протоколду текшерүү үчүн бот жөнөткөн PDF файлды жөнөтүңүз.");
    await person.sendFile(h.tg.addFile(new Uint8Array([37, 80, 68, 70, 1, 2, 3]), "сынык.pdf"));
    expect(h.tg.lastTo(person.id).payload.text).toBe("Бул PDF файл эмес. Протоколду текшерүү үчүн бот жөнөткөн PDF файлды жөнөтүңүз.");
    await sendPhoto(person, "photo-1");
    expect(h.tg.lastTo(person.id).payload.text).toContain("Бул сүрөт. Протоколду текшерүү үчүн анын PDF файлын файл катары жөнөтүңүз");
  });

  test("the QR code's link opens /verify for its protocol", async () => {
    const { protocol } = await signedProtocol("ky");
    const reader = h.person(992, "Нурлан", "ru");
    await reader.say(`/start v_${protocol}`);
    expect(h.tg.lastTo(reader.id).payload.text).toContain("✅ Протокол № 1/2026: хранимый текст совпадает с подписанным.");
    await reader.say("/start v_999");
    expect(h.tg.lastTo(reader.id).payload.text).toBe("Такого подписанного протокола нет.");
  });
});
