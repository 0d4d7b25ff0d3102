import { and, asc, count, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { preparedQuery } from "../db/prepared.js";
import { members, protocols, signatures } from "../db/schema.js";
import { canonicalText, sha256 } from "./canonical.js";
import { groupById, isClosed } from "./groups.js";
import { currentLeader } from "./leadership.js";
import { maySign, requiredSigners, type SignerRole } from "./permissions.js";
import { lockObservationsOf } from "./observations.js";
import { moveProtocol } from "./protocol-status.js";
import { protocolAttendees, protocolById, type Protocol } from "./protocols.js";
import type { Category, GroupId, MemberId, ProtocolId, UserId } from "./types.js";

export interface Signature {
  memberId: MemberId;
  name: string;
  category: Category;
  role: SignerRole;
  signedAt: Date | null;
  hash: string | null;
  dissent: string | null;
  /** Set when the signer has left the group (and, unsigned, is no longer waited for). */
  leftAt: Date | null;
}

/**
 * Freezes an adopted protocol: writes who must sign (the leader and each attendee), then the
 * canonical text and its SHA-256. Runs inside the transaction that closes the vote.
 */
export function freeze(db: Db, id: ProtocolId, now: Date): void {
  const protocol = protocolById(db, id);
  if (!protocol) return;
  const leader = currentLeader(db, protocol.groupId);
  const rows = requiredSigners(
    leader?.id,
    protocolAttendees(db, protocol.meetingId).map((attendee) => attendee.memberId),
  );
  if (rows.size > 0) {
    db.insert(signatures)
      .values([...rows].map(([memberId, role]) => ({ protocolId: id, memberId, role })))
      .onConflictDoNothing()
      .run();
  }
  const text = canonicalText(db, id);
  db.update(protocols)
    .set({ canonicalText: text, hash: sha256(text), frozenAt: now })
    .where(eq(protocols.id, id))
    .run();
  // The observations are part of the frozen text: a correction now would break the signatures.
  lockObservationsOf(db, id, now);
}

const signaturesQuery = preparedQuery((db) =>
  db
    .select({
      memberId: signatures.memberId,
      name: members.fullName,
      category: members.category,
      role: signatures.role,
      signedAt: signatures.signedAt,
      hash: signatures.hash,
      dissent: signatures.dissent,
      leftAt: members.leftAt,
    })
    .from(signatures)
    .innerJoin(members, eq(members.id, signatures.memberId))
    .where(eq(signatures.protocolId, sql.placeholder("protocol")))
    .orderBy(asc(signatures.role), asc(members.fullName))
    .prepare(),
);

export function signaturesOf(db: Db, id: ProtocolId): Signature[] {
  return signaturesQuery(db)
    .all({ protocol: id })
    .map((row) => ({ ...row, memberId: row.memberId as MemberId, category: row.category as Category }));
}

/** A short code for one signature: who signed which text when, for the signature table. */
export function signatureCode(signature: Pick<Signature, "memberId" | "signedAt" | "hash">): string {
  return sha256(`${signature.hash}:${signature.memberId}:${signature.signedAt?.getTime() ?? ""}`)
    .slice(0, 8)
    .toUpperCase();
}

export type SignResult =
  | { ok: true; protocol: Protocol; final: boolean }
  | { ok: false; reason: "not-found" | "closed" | "not-signing" | "not-signer" | "already-signed" };

/** Whether this person may sign this protocol now (asked before the dissent form, and at signing). */
export function signRefusal(db: Db, id: ProtocolId, user: UserId, now: Date): SignResult | undefined {
  const protocol = protocolById(db, id);
  const group = protocol && groupById(db, protocol.groupId);
  if (!protocol || !group) return { ok: false, reason: "not-found" };
  const signer = maySign(db, protocol.groupId, id, user);
  if (!signer) return { ok: false, reason: "not-signer" };
  const mine = signaturesOf(db, id).find((s) => s.memberId === signer.id);
  if (mine?.signedAt) return { ok: false, reason: "already-signed" };
  if (protocol.status !== "signing") return { ok: false, reason: "not-signing" };
  if (isClosed(group, now)) return { ok: false, reason: "closed" };
  return undefined;
}

/**
 * A required signer signs the frozen text, with a dissenting opinion if they wish. The signature
 * keeps the hash of what was signed. The last signature makes the protocol final.
 */
export function sign(db: Db, s: { protocol: ProtocolId; user: UserId; dissent: string | null; now: Date }): SignResult {
  const refusal = signRefusal(db, s.protocol, s.user, s.now);
  if (refusal) return refusal;
  const protocol = protocolById(db, s.protocol)!;
  const signer = maySign(db, protocol.groupId, s.protocol, s.user)!;
  return db.transaction((tx) => {
    const signed = tx
      .update(signatures)
      .set({ signedAt: s.now, hash: protocol.hash, dissent: s.dissent })
      .where(and(eq(signatures.protocolId, s.protocol), eq(signatures.memberId, signer.id), isNull(signatures.signedAt)))
      .run();
    if (signed.changes === 0) return { ok: false as const, reason: "already-signed" as const };
    const final = finishIfComplete(tx, s.protocol, s.now);
    return { ok: true as const, protocol: protocolById(tx, s.protocol)!, final };
  });
}

/**
 * Makes the protocol final once no required signer who is still a member is missing (a signer
 * who left the group can no longer sign and is not waited for). Returns whether it did.
 */
function finishIfComplete(db: Db, id: ProtocolId, now: Date): boolean {
  const missing = db
    .select({ n: count() })
    .from(signatures)
    .innerJoin(members, eq(members.id, signatures.memberId))
    .where(and(eq(signatures.protocolId, id), isNull(signatures.signedAt), isNull(members.leftAt)))
    .get();
  if ((missing?.n ?? 0) > 0 || !moveProtocol(db, id, "signing", "all-signed")) return false;
  db.update(protocols).set({ finalAt: now }).where(eq(protocols.id, id)).run();
  // Locked at freezing already; kept here so that "final" alone is enough for the lock.
  lockObservationsOf(db, id, now);
  return true;
}

const signingQuery = preparedQuery((db) =>
  db
    .select({ id: protocols.id })
    .from(protocols)
    .where(and(eq(protocols.groupId, sql.placeholder("group")), eq(protocols.status, "signing")))
    .prepare(),
);

/** After a member leaves: the group's protocols that were waiting only for them become final. */
export function finishAfterLeaving(db: Db, group: GroupId, now: Date): ProtocolId[] {
  const waiting = signingQuery(db)
    .all({ group })
    .map((row) => row.id as ProtocolId);
  return waiting.filter((id) => db.transaction((tx) => finishIfComplete(tx, id, now)));
}

export interface Verification {
  /** SHA-256 of the text rebuilt from the records now. */
  recomputed: string;
  /** The hash stored at freezing. */
  stored: string;
  /** Rebuilt text, stored text and every signature agree. */
  matches: boolean;
  signed: number;
  required: number;
}

/** Rebuilds the protocol's text from its records and checks it against what was signed. */
export function verifyProtocol(db: Db, id: ProtocolId): Verification | undefined {
  const protocol = protocolById(db, id);
  if (!protocol?.hash || protocol.canonicalText === null) return undefined;
  const recomputed = sha256(canonicalText(db, id));
  const list = signaturesOf(db, id);
  const signedList = list.filter((s) => s.signedAt !== null);
  const matches =
    recomputed === protocol.hash && sha256(protocol.canonicalText) === protocol.hash && signedList.every((s) => s.hash === protocol.hash);
  return { recomputed, stored: protocol.hash, matches, signed: signedList.length, required: list.length };
}

/** When the protocol's text was frozen and when it became final: the dates its documents carry. */
export function signingMoments(db: Db, id: ProtocolId): { frozenAt: Date | null; finalAt: Date | null } | undefined {
  return db.select({ frozenAt: protocols.frozenAt, finalAt: protocols.finalAt }).from(protocols).where(eq(protocols.id, id)).get();
}
