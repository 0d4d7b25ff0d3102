import { afterEach, expect, test } from "vitest";
import { Harness } from "../helpers/harness.js";

let h: Harness;
afterEach(() => h.close());

test("setup registers the group", async () => {
  h = new Harness();
  const chat = h.groupChat(-1001);
  const head = h.person(11, "Бакыт", "ky");
  h.tg.chatMemberStatus.set(`${chat.id}:${head.id}`, "administrator");
  await head.say("/setup", chat);
  await head.press("sf:office:head", chat);
  await head.say("Мин-Булак айыл аймагы", chat);
  await head.press("sf:lang:ru", chat);
  await head.press("sf:term:none", chat);
  console.log(h.tg.textsTo(chat.id));
  console.log(h.errors());
  expect(h.errors()).toEqual([]);
});
