import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { preparedQuery } from "../db/prepared.js";
import { protocols } from "../db/schema.js";
import type { ProtocolId } from "./types.js";

/**
 * The life of a protocol: a draft is discussed, put to the vote, and either adopted (frozen and
 * opened for signature) or rejected (back to draft, the round's votes kept in the history);
 * once every required signature is in, it is final.
 */
export type ProtocolStatus = "draft" | "voting" | "signing" | "final";

export type ProtocolEvent = "open-vote" | "adopt" | "reject" | "all-signed";

const TRANSITIONS: Record<ProtocolStatus, Partial<Record<ProtocolEvent, ProtocolStatus>>> = {
  draft: { "open-vote": "voting" },
  voting: { adopt: "signing", reject: "draft" },
  signing: { "all-signed": "final" },
  final: {},
};

/** The status an event leads to, or undefined when the event does not apply in this status. */
export function nextStatus(status: ProtocolStatus, event: ProtocolEvent): ProtocolStatus | undefined {
  return TRANSITIONS[status][event];
}

/** Only a draft's text may change; from the vote on, the text is fixed. */
export function isEditable(status: ProtocolStatus): boolean {
  return status === "draft";
}

const moveQuery = preparedQuery((db) =>
  db
    .update(protocols)
    .set({ status: sql`${sql.placeholder("to")}` })
    .where(and(eq(protocols.id, sql.placeholder("id")), eq(protocols.status, sql.placeholder("from"))))
    .prepare(),
);

/**
 * Moves a protocol from `from` by `event`, only if it is still in `from`: of two concurrent
 * callers exactly one moves it. Returns whether this caller did.
 */
export function moveProtocol(db: Db, id: ProtocolId, from: ProtocolStatus, event: ProtocolEvent): boolean {
  const to = nextStatus(from, event);
  if (!to) return false;
  return moveQuery(db).run({ id, from, to }).changes === 1;
}
