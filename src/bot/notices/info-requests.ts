import { appointersOf } from "../../domain/appointers.js";
import { groupById } from "../../domain/groups.js";
import type { AnswerFile, InfoRequest } from "../../domain/info-requests.js";
import { currentLeader } from "../../domain/leadership.js";
import type { UserId } from "../../domain/types.js";
import type { App } from "../app.js";
import { bestEffort } from "../errors.js";
import { notifyGroup, notifyPerson } from "../notify.js";
import { answerButton, requestText } from "../views/info-requests.js";

/** What became of a recorded request: only one to the head goes out, if the group has a head. */
export type InfoRequestDelivery = "recorded" | "no-head" | "sent" | "kept";

/** A request addressed to the head goes to them in private, with the button that answers it. */
export async function sendInfoRequestToHead(app: App, request: InfoRequest): Promise<InfoRequestDelivery> {
  const group = groupById(app.db, request.groupId);
  const head = group && appointersOf(app.db, group.id).find((a) => a.office === "head");
  if (!group || request.addressee !== "head") return "recorded";
  if (!head) return "no-head";
  const sent = await notifyPerson(
    app,
    head.userId,
    { text: (t, l) => requestText(t, l, request, "info-to-head-message", group.municipality), keyboard: answerButton(request) },
    group.id,
  );
  return sent ? "sent" : "kept";
}

/** An answer recorded: the group chat reads it, the leader (unless they answered) is told, and its files follow in the chat. */
export async function announceInfoAnswer(app: App, r: InfoRequest, by: UserId, files: readonly AnswerFile[]): Promise<void> {
  const group = groupById(app.db, r.groupId);
  if (!group) return;
  await bestEffort(
    app.logger,
    "answer not posted",
    notifyGroup(app, group, { text: (t, l) => requestText(t, l, r, "info-answered-group", group.municipality) }),
  );
  const leader = currentLeader(app.db, group.id);
  if (leader && leader.userId !== by) {
    await notifyPerson(
      app,
      leader.userId,
      { text: (t, l) => requestText(t, l, r, "info-answered-to-leader", group.municipality) },
      group.id,
    );
  }
  for (const file of files) {
    const send = file.kind === "photo" ? app.api.sendPhoto(group.chatId, file.fileId) : app.api.sendDocument(group.chatId, file.fileId);
    await bestEffort(app.logger, "answer file not posted", send);
  }
}
