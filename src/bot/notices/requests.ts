import { groupById } from "../../domain/groups.js";
import { countActiveMembers } from "../../domain/members.js";
import { requestById, type MembershipRequest } from "../../domain/requests.js";
import type { Group, RequestId } from "../../domain/types.js";
import type { App } from "../app.js";
import { notifyGroup, notifyPerson, officials } from "../notify.js";
import { compositionText } from "../views/composition.js";
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

/** A request decided: the person who asked is told; on approval, the group learns its new composition. */
export async function announceDecision(app: App, request: MembershipRequest, group: Group, approve: boolean): Promise<void> {
  await notifyPerson(
    app,
    request.userId,
    {
      text: (pt) => pt(approve ? "join-approved" : "join-refused", { municipality: group.municipality }),
    },
    group.id,
  );
  if (approve) {
    const count = countActiveMembers(app.db, group.id);
    await notifyGroup(app, group, {
      text: (gt) =>
        `${gt("member-joined", { name: request.fullName, category: gt(`category-${request.category}`) })}\n${compositionText(gt, count)}`,
    });
  }
}
