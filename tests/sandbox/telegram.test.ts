/**
 * The embedded Telegram's rules, each against the Bot API's documented behaviour, through
 * grammY's own Api over the in-process fetch (what the bot calls) and people acting on the other side.
 */
import { Api, GrammyError, InputFile } from "grammy";
import type { Chat, Update, User } from "grammy/types";
import { beforeEach, describe, expect, test } from "vitest";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { inProcessFetch, serveBotApi } from "../../src/sandbox/telegram/bot-api.js";
import { REFUSALS } from "../../src/sandbox/telegram/errors.js";
import { EMBEDDED_BOT } from "../../src/sandbox/telegram/identity.js";
import { EmbeddedTelegram } from "../../src/sandbox/telegram/telegram.js";

const TOKEN = "7000000001:TEST-embedded";
const group = { id: -100777, type: "supergroup", title: "Group" } as Chat;
const aigul: User = { id: 501, is_bot: false, first_name: "Айгүл", language_code: "ky" };
const oleg: User = { id: 502, is_bot: false, first_name: "Олег", language_code: "ru" };

let tg: EmbeddedTelegram;
let api: Api;
let received: Update[];

beforeEach(() => {
  tg = new EmbeddedTelegram(EMBEDDED_BOT);
  api = new Api(TOKEN, { fetch: inProcessFetch(tg) });
  received = [];
  tg.sink = async (update) => void received.push(update);
  tg.addUser(aigul);
  tg.addUser(oleg);
  tg.addChat(group);
});

async function refusal(call: Promise<unknown>): Promise<{ code: number; description: string }> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof GrammyError)) throw new Error(`expected Telegram to refuse, got ${String(error)}`);
  return { code: error.error_code, description: error.description };
}

describe("privacy mode (core.telegram.org/bots/features#privacy-mode)", () => {
  // "Bots with privacy mode enabled will receive: commands explicitly meant for them, general
  // commands…, replies to any messages … meant for this bot"; all messages in private chats.
  test("in a group the bot gets commands and replies to its own messages, not plain talk", async () => {
    await tg.send(aigul.id, group.id, { text: "Саламатсыздарбы баарына" });
    await tg.send(aigul.id, group.id, { text: "/status" });
    await tg.send(aigul.id, group.id, { text: `/status@${EMBEDDED_BOT.username}` });
    await tg.send(aigul.id, group.id, { text: "/status@some_other_bot" });
    const question = await api.sendMessage(group.id, "Айыл аймагынын аталышы?", { reply_markup: { force_reply: true } });
    await tg.send(aigul.id, group.id, { text: "Мин-Булак", replyTo: question.message_id });
    const own = await tg.send(oleg.id, group.id, { text: "а это чьё?" });
    await tg.send(aigul.id, group.id, { text: "ответ Олегу", replyTo: own.message_id });
    expect(received.map((u) => u.message?.text)).toEqual(["/status", `/status@${EMBEDDED_BOT.username}`, "Мин-Булак"]);
  });

  test("in a private chat the bot gets everything, and the page is told what the bot did not see", async () => {
    const seen: boolean[] = [];
    tg.on((event) => event.kind === "message" && event.message.from?.id !== EMBEDDED_BOT.id && seen.push(event.seenByBot));
    await tg.start(aigul.id);
    await tg.send(aigul.id, aigul.id, { text: "просто текст" });
    await tg.send(aigul.id, group.id, { text: "просто текст" });
    expect(received.map((u) => u.message?.text)).toEqual(["/start", "просто текст"]);
    expect(seen).toEqual([true, true, false]);
  });
});

describe("a person who never started the bot (core.telegram.org/bots/faq: bots can't initiate conversations)", () => {
  test("cannot be written to until they press Start: 403", async () => {
    expect(await refusal(api.sendMessage(oleg.id, "Салам"))).toEqual({ code: 403, description: `Forbidden: ${REFUSALS.cantInitiate}` });
    await tg.start(oleg.id);
    await expect(api.sendMessage(oleg.id, "Салам")).resolves.toMatchObject({ text: "Салам", chat: { id: oleg.id, type: "private" } });
  });

  test("an unknown chat is not found, and a blocked bot gets 403", async () => {
    expect(await refusal(api.sendMessage(123456, "?"))).toEqual({ code: 400, description: `Bad Request: ${REFUSALS.chatNotFound}` });
    await tg.start(oleg.id);
    tg.blocked.add(oleg.id);
    expect(await refusal(api.sendMessage(oleg.id, "?"))).toEqual({ code: 403, description: `Forbidden: ${REFUSALS.blocked}` });
  });
});

describe("limits (core.telegram.org/bots/api)", () => {
  test("sendMessage: text of 1-4096 characters after entities parsing", async () => {
    await expect(api.sendMessage(group.id, "я".repeat(4096))).resolves.toMatchObject({ message_id: 1 });
    expect(await refusal(api.sendMessage(group.id, "я".repeat(4097)))).toEqual({
      code: 400,
      description: `Bad Request: ${REFUSALS.textTooLong}`,
    });
    expect(await refusal(api.sendMessage(group.id, " "))).toEqual({ code: 400, description: `Bad Request: ${REFUSALS.textEmpty}` });
  });

  test("InlineKeyboardButton: callback_data of 1-64 bytes (UTF-8 bytes, not characters)", async () => {
    await expect(
      api.sendMessage(group.id, "ok", { reply_markup: { inline_keyboard: [[{ text: "a", callback_data: "x".repeat(64) }]] } }),
    ).resolves.toBeTruthy();
    const tooLong = { inline_keyboard: [[{ text: "a", callback_data: "ы".repeat(33) }]] }; // 66 bytes
    expect(await refusal(api.sendMessage(group.id, "no", { reply_markup: tooLong }))).toEqual({
      code: 400,
      description: `Bad Request: ${REFUSALS.buttonDataInvalid}`,
    });
  });

  test("answerCallbackQuery: 0-200 characters; the person sees an alert or a toast", async () => {
    const answers: { text: string; showAlert: boolean }[] = [];
    tg.on((e) => e.kind === "answer" && answers.push({ text: e.text, showAlert: e.showAlert }));
    const message = await api.sendMessage(group.id, "?", { reply_markup: { inline_keyboard: [[{ text: "Ооба", callback_data: "yes" }]] } });
    const first = await tg.press(aigul.id, group.id, message.message_id, "yes");
    expect(await refusal(api.answerCallbackQuery(first, { text: "ы".repeat(201) }))).toMatchObject({ code: 400 });
    await api.answerCallbackQuery(first, { text: "Сакталды" });
    const second = await tg.press(aigul.id, group.id, message.message_id, "yes");
    await api.answerCallbackQuery(second, { text: "Болбойт", show_alert: true });
    expect(answers).toEqual([
      { text: "Сакталды", showAlert: false },
      { text: "Болбойт", showAlert: true },
    ]);
    await expect(tg.press(aigul.id, group.id, message.message_id, "forged")).rejects.toThrow(/no button/);
  });

  test("captions: 0-1024 characters", async () => {
    const photo = new InputFile(Buffer.from("png"), "a.png");
    expect(await refusal(api.sendPhoto(group.id, photo, { caption: "я".repeat(1025) }))).toEqual({
      code: 400,
      description: `Bad Request: ${REFUSALS.captionTooLong}`,
    });
  });
});

describe("edits (core.telegram.org/bots/api#updating-messages)", () => {
  test("an edit replaces the message in place; without reply_markup its inline keyboard goes", async () => {
    const edits: string[] = [];
    tg.on((e) => e.kind === "edit" && edits.push(String(e.message.text)));
    const sent = await api.sendMessage(group.id, "За: 0", { reply_markup: { inline_keyboard: [[{ text: "За", callback_data: "v" }]] } });
    const edited = await api.editMessageText(group.id, sent.message_id, "За: 1");
    expect(edited).toMatchObject({ message_id: sent.message_id, text: "За: 1" });
    expect(tg.messages(group.id)).toHaveLength(1);
    expect(tg.message(group.id, sent.message_id)?.reply_markup).toBeUndefined();
    expect(edits).toEqual(["За: 1"]);
  });

  test('the same text and markup again: 400 "message is not modified"', async () => {
    const sent = await api.sendMessage(group.id, "За: 1");
    expect(await refusal(api.editMessageText(group.id, sent.message_id, "За: 1"))).toEqual({
      code: 400,
      description: `Bad Request: ${REFUSALS.notModified}`,
    });
    expect(await refusal(api.editMessageText(group.id, 999, "x"))).toEqual({
      code: 400,
      description: `Bad Request: ${REFUSALS.editNotFound}`,
    });
    const theirs = await tg.send(aigul.id, group.id, { text: "/help" });
    expect(await refusal(api.editMessageText(group.id, theirs.message_id, "x"))).toEqual({
      code: 400,
      description: `Bad Request: ${REFUSALS.cantEdit}`,
    });
  });
});

describe("deep links (core.telegram.org/bots/features#deep-linking)", () => {
  // "t.me/<bot>?start=<parameter>": up to 64 characters of A-Z, a-z, 0-9, _ and -; Telegram
  // shows a Start button, and the bot gets "/start <parameter>".
  test("a link from the group opens the private chat with Start, which sends /start <payload>", async () => {
    const link = `https://t.me/${EMBEDDED_BOT.username}?start=join-7`;
    expect(await tg.openLink(oleg.id, link)).toBe(oleg.id);
    expect(received).toEqual([]);
    expect(tg.pendingStart.get(oleg.id)).toBe("join-7");
    await tg.start(oleg.id);
    expect(received.map((u) => u.message?.text)).toEqual(["/start join-7"]);
    expect(received[0]?.message?.chat).toMatchObject({ id: oleg.id, type: "private" });
    // Once started, a link sends /start <payload> at once.
    await tg.openLink(oleg.id, `https://t.me/${EMBEDDED_BOT.username}?start=obs-7`);
    expect(received.map((u) => u.message?.text)).toEqual(["/start join-7", "/start obs-7"]);
  });

  test("links to another bot, or with a payload Telegram does not allow, do not reach the bot", async () => {
    expect(await tg.openLink(oleg.id, "https://t.me/other_bot?start=join-7")).toBeUndefined();
    expect(await tg.openLink(oleg.id, `https://t.me/${EMBEDDED_BOT.username}?start=${"x".repeat(65)}`)).toBeUndefined();
    expect(await tg.openLink(oleg.id, `https://t.me/${EMBEDDED_BOT.username}?start=сал`)).toBeUndefined();
  });
});

describe("command menus (core.telegram.org/bots/api#determining-list-of-commands)", () => {
  test("the first list set wins: chat, then all private chats, then default; the person's language before none", async () => {
    await api.setMyCommands([{ command: "help", description: "Жардам" }], { scope: { type: "all_private_chats" }, language_code: "ky" });
    await api.setMyCommands([{ command: "help", description: "Help" }]);
    await api.setMyCommands([{ command: "join", description: "Вступить" }], { scope: { type: "all_group_chats" }, language_code: "ru" });
    await api.setMyCommands([{ command: "setup", description: "Настроить" }], {
      scope: { type: "chat_administrators", chat_id: group.id },
    });
    await api.setMyCommands([{ command: "start", description: "Тилди тандоо" }], { scope: { type: "chat", chat_id: aigul.id } });
    expect(tg.commandsFor(aigul.id, aigul.id).map((c) => c.description)).toEqual(["Тилди тандоо"]);
    expect(tg.commandsFor(oleg.id, oleg.id).map((c) => c.description)).toEqual(["Help"]);
    expect(tg.commandsFor(oleg.id, group.id).map((c) => c.description)).toEqual(["Вступить"]);
    expect(tg.commandsFor(aigul.id, group.id).map((c) => c.description)).toEqual(["Help"]);
    tg.memberStatus.set(`${group.id}:${oleg.id}`, "administrator");
    expect(tg.commandsFor(oleg.id, group.id).map((c) => c.description)).toEqual(["Настроить"]);
    await expect(api.getMyCommands({ scope: { type: "all_group_chats" }, language_code: "ru" })).resolves.toEqual([
      { command: "join", description: "Вступить" },
    ]);
  });
});

describe("files", () => {
  test("a document with a Kyrgyz file name goes through grammY's multipart and comes back byte for byte", async () => {
    const bytes = Buffer.from("%PDF-1.7 Протокол № 1/2026 — Ң ө ү");
    const sent = await api.sendDocument(group.id, new InputFile(bytes, "Протокол-1-2026.pdf"), { caption: "Протокол" });
    expect(sent.document).toMatchObject({ file_name: "Протокол-1-2026.pdf" });
    expect(tg.files.get(sent.document!.file_id)?.bytes?.equals(bytes)).toBe(true);
    const file = await api.getFile(sent.document!.file_id);
    // Over HTTP, as a bot downloads it: <root>/file/bot<token>/<file_path>.
    const server = createServer((req, res) => void serveBotApi(tg, TOKEN, req, res));
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
    try {
      const { port } = server.address() as AddressInfo;
      const download = await fetch(`http://127.0.0.1:${port}/file/bot${TOKEN}/${file.file_path}`);
      expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);
    } finally {
      server.close();
    }
  });
});
