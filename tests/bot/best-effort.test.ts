import { GrammyError } from "grammy";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { isNotModified } from "../../src/bot/errors.js";
import { closeVoteData, openVoteData } from "../../src/callbacks/index.js";
import { protocolId, voteId } from "../../src/domain/types.js";
import { Harness } from "../helpers/harness.js";
import { draftedProtocol, groupWithLeader, protocolStatus, type Scene } from "../helpers/meetings.js";

const refusal = (description: string) => ({ error_code: 400, description: `Bad Request: ${description}` });

describe("after a change is stored, what follows is best effort", () => {
  let h: Harness;
  let scene: Scene;
  beforeEach(async () => {
    h = new Harness();
    scene = await groupWithLeader(h, "ru");
  });
  afterEach(() => h.finish());
  const warnings = (msg: string) => h.logs.filter((line) => line.level === 40 && line.msg === msg);

  test("the pressed message keeps its buttons: logged, and the vote opens all the same", async () => {
    const { protocol } = await draftedProtocol(h, scene);
    await scene.leader.say("/protocol");
    h.tg.fail = (call) => (call.method === "editMessageReplyMarkup" ? refusal("message can't be edited") : undefined);
    await scene.leader.press(openVoteData.pack({ protocol: protocolId(protocol), hours: 72 }));
    expect(h.lastAlert()).toBe("Добуш берүү ачылды.");
    expect(protocolStatus(h, protocol)).toBe("voting");
    expect(h.tg.textsTo(scene.chat.id).pop()).toContain("Голосование по протоколу");
    expect(warnings("buttons not taken off")).toHaveLength(1);
  });

  test("an edit that changes nothing is not a failure, and is not logged", async () => {
    const { protocol } = await draftedProtocol(h, scene);
    await scene.leader.say("/protocol");
    h.tg.fail = (call) =>
      call.method === "editMessageReplyMarkup"
        ? refusal("message is not modified: specified new message content and reply markup are exactly the same")
        : undefined;
    await scene.leader.press(openVoteData.pack({ protocol: protocolId(protocol), hours: 72 }));
    expect(protocolStatus(h, protocol)).toBe("voting");
    expect(warnings("buttons not taken off")).toEqual([]);
  });

  test("the group chat refuses the result: logged, and the person who closed the vote is answered", async () => {
    const { protocol } = await draftedProtocol(h, scene);
    await scene.leader.say("/protocol");
    await scene.leader.press(openVoteData.pack({ protocol: protocolId(protocol), hours: 72 }));
    const vote = Number(h.db.$client.prepare("select id from votes order by id desc").pluck().get());
    h.tg.fail = (call) =>
      call.method === "editMessageText" && Number(call.payload.chat_id) === scene.chat.id
        ? refusal("message to edit not found")
        : undefined;
    await scene.leader.press(closeVoteData.pack({ vote: voteId(vote) }), scene.chat);
    expect(h.count("select count(*) n from votes where id = ? and closed_at is not null", vote)).toBe(1);
    expect(h.tg.textsTo(scene.chat.id).pop()).toContain("Протокол № 1/2026");
    expect(warnings("final tally not edited")).toHaveLength(1);
  });
});

test("«message is not modified» is told apart by Telegram's description, nothing else", () => {
  const error = (code: number, description: string) =>
    new GrammyError("x", { ok: false, error_code: code, description }, "editMessageText", {});
  expect(
    isNotModified(error(400, "Bad Request: message is not modified: specified new message content and reply markup are exactly the same")),
  ).toBe(true);
  expect(isNotModified(error(400, "Bad Request: message to edit not found"))).toBe(false);
  expect(isNotModified(error(403, "Forbidden: bot was blocked by the user"))).toBe(false);
  expect(isNotModified(new Error("message is not modified"))).toBe(false);
});
