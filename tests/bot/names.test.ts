import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { groupByChat } from "../../src/domain/groups.js";
import { chatId } from "../../src/domain/types.js";
import { Harness } from "../helpers/harness.js";
import { groupWithLeader } from "../helpers/meetings.js";
import { setUpGroup } from "../helpers/flows.js";

let h: Harness;
beforeEach(() => {
  h = new Harness();
});
afterEach(() => h.finish());

const names = (chat: number) => {
  const group = groupByChat(h.db, chatId(chat))!;
  return {
    ky: group.municipality.in("ky"),
    ru: group.municipality.in("ru"),
    area: group.area && { ky: group.area.in("ky"), ru: group.area.in("ru") },
  };
};

describe("the municipality's names in both languages", () => {
  test("/setup asks for both names and district and region; every question typed in the group is a forced reply", async () => {
    const chat = h.groupChat(-1001);
    const head = h.person(11, "Бакыт", "ru");
    await setUpGroup(h, chat, head, {
      locale: "ru",
      municipality: "Мин-Булак айыл аймагы",
      municipalityRu: "Мин-Булакский айылный аймак",
      area: "Ала-Бука району, Жалал-Абад облусу\nАла-Букинский район, Джалал-Абадская область",
      term: "31.12.2027",
    });
    expect(names(chat.id)).toEqual({
      ky: "Мин-Булак айыл аймагы",
      ru: "Мин-Булакский айылный аймак",
      area: { ky: "Ала-Бука району, Жалал-Абад облусу", ru: "Ала-Букинский район, Джалал-Абадская область" },
    });
    // Questions with buttons are answered by pressing them; every other one must be replied to.
    const asked = h.tg.sentTo(chat.id).filter((call) => !call.payload.reply_markup?.inline_keyboard);
    expect(asked.map((call) => String(call.payload.text).slice(0, 30))).toEqual([
      "Напишите официальное название ",
      "Напишите то же название на рус",
      "Район и область, как в докумен",
      "До какой даты действует группа",
    ]);
    for (const call of asked) expect(call.payload.reply_markup).toEqual({ force_reply: true, selective: true });
    expect(h.tg.lastTo(chat.id).payload.text).toContain("«Мин-Булакский айылный аймак» зарегистрирована");
  });

  test("messages use the name of their language: the group chat in Russian, a Kyrgyz speaker in private in Kyrgyz", async () => {
    const { chat, head, people } = await groupWithLeader(h, "ru");
    await head.say("/names", chat);
    await head.say("Мин-Булак айыл аймагы", chat);
    await head.say("Мин-Булакский айылный аймак", chat);
    await head.say("-", chat);
    expect(h.tg.lastTo(chat.id).payload.text).toBe(
      "Названия сохранены.\nНа кыргызском: Мин-Булак айыл аймагы\nНа русском: Мин-Булакский айылный аймак\nРайон и область: не указаны",
    );
    await head.say("/status", chat);
    expect(h.tg.lastTo(chat.id).payload.text).toContain("Мин-Булакский айылный аймак");
    const aigul = people[0]!; // Telegram in Kyrgyz
    await aigul.say("/members");
    expect(h.tg.lastTo(aigul.id).payload.text).toContain("«Мин-Булак айыл аймагы» тобунун курамы");
  });

  test("/names: only an appointer, only in the group chat; a one-line district gets a hint", async () => {
    const { chat, head, people } = await groupWithLeader(h, "ky");
    await people[1]!.say("/names", chat);
    expect(h.tg.lastTo(chat.id).payload.text).toBe(
      "Айыл аймагынын аталыштарын айыл өкмөт башчысы же айылдык кеңештин төрагасы гана оңдойт.",
    );
    await head.say("/names");
    expect(h.tg.lastTo(head.id).payload.text).toBe("Аталыштар топтун чатында оңдолот: ал жерде /names жөнөтүңүз.");
    await head.say("/names", chat);
    expect(h.tg.lastTo(chat.id).payload.reply_markup).toEqual({ force_reply: true, selective: true });
    await head.say("Ак-Суу айыл аймагы", chat);
    await head.say("Ак-Суйский айылный аймак", chat);
    await head.say("Ак-Суу району", chat);
    expect(h.tg.lastTo(chat.id).payload.text).toBe(
      "Эки сап жазыңыз: биринчисинде кыргызча, экинчисинде орусча. Керек болбосо, «-» деп жооп бериңиз.",
    );
    await head.say("Ак-Суу району, Ысык-Көл облусу\nАк-Суйский район, Иссык-Кульская область", chat);
    expect(names(chat.id)).toEqual({
      ky: "Ак-Суу айыл аймагы",
      ru: "Ак-Суйский айылный аймак",
      area: { ky: "Ак-Суу району, Ысык-Көл облусу", ru: "Ак-Суйский район, Иссык-Кульская область" },
    });
  });

  test("a group registered with one name keeps it for both languages", async () => {
    const { chat } = await groupWithLeader(h, "ky");
    h.db.$client.prepare("update groups set municipality_ru = '' where chat_id = ?").run(chat.id);
    expect(names(chat.id)).toEqual({ ky: "Мин-Булак айыл аймагы", ru: "Мин-Булак айыл аймагы", area: null });
  });
});
