import { InlineKeyboard } from "grammy";
import { requestData } from "../../callbacks/index.js";
import type { MembershipRequest } from "../../domain/requests.js";
import type { Group, RequestId } from "../../domain/types.js";
import type { Message, T } from "../notify.js";

export function requestCard(t: T, request: MembershipRequest, group: Group): string {
  return t("request-card", {
    municipality: group.municipality,
    name: request.fullName,
    category: t(`category-${request.category}`),
  });
}

function decisionKeyboard(t: T, request: RequestId): InlineKeyboard {
  return new InlineKeyboard()
    .text(t("request-approve"), requestData.pack({ request, decision: "a" }))
    .text(t("request-refuse"), requestData.pack({ request, decision: "r" }));
}

/** The request with its Approve / Refuse buttons, in whatever language it is rendered. */
export function requestMessage(request: MembershipRequest, group: Group): Message {
  return { text: (t) => requestCard(t, request, group), keyboard: (t) => decisionKeyboard(t, request.id) };
}
