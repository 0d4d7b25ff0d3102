import { groupById } from "../../domain/groups.js";
import { requestById } from "../../domain/requests.js";
import type { RequestId } from "../../domain/types.js";
import type { App } from "../app.js";
import { notifyGroup, notifyPerson, officials } from "../notify.js";
import { requestMessage } from "../views/requests.js";

/**
 * A new request goes to the appointers and the leader in private. If none of them can be
 * reached there (nobody has opened the bot yet), it goes to the group chat, where the same
 * buttons work for them and refuse everyone else.
 */
export async function sendRequestToDeciders(app: App, id: RequestId): Promise<void> {
  const request = requestById(app.db, id);
  const group = request && groupById(app.db, request.groupId);
  if (!request || !group) return;
  let delivered = 0;
  for (const person of officials(app, group, true)) {
    const sent = await notifyPerson(app, person, requestMessage(request, group), group.id).catch((error: unknown) => {
      app.logger.warn({ err: error, person }, "request notice not sent");
      return false;
    });
    if (sent) delivered++;
  }
  if (delivered === 0) await notifyGroup(app, group, requestMessage(request, group));
}
