import { and, asc, desc, eq, gte, lte, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { preparedQuery } from "../db/prepared.js";
import { members, observationPhotos, observations, protocolObservations } from "../db/schema.js";
import { localDate, quarterOf, yearsBefore } from "./calendar.js";
import { groupById, isClosed } from "./groups.js";
import { activeMembership } from "./members.js";
import { mayChangeObservation } from "./permissions.js";
import { FINDING_MAX_LENGTH, MAX_PHOTOS, OBSERVATION_MAX_AGE_YEARS, PLACE_MAX_LENGTH } from "./rules.js";
import { serviceById } from "./services.js";
import {
  groupId as toGroupId,
  isCompliance,
  memberId as toMemberId,
  observationId as toObservationId,
  serviceId as toServiceId,
  userId as toUserId,
  type Compliance,
  type GroupId,
  type MemberId,
  type ObservationId,
  type ServiceId,
  type UserId,
} from "./types.js";

/** What the form collects; plain JSON, so a form can keep it between steps. */
export interface ObservationDraft {
  serviceId: number;
  observedOn: string;
  place: string | null;
  latitude: number | null;
  longitude: number | null;
  quality: number;
  compliance: Compliance;
  resources: number;
  /** Typed, or a photo's caption; empty when the finding is a voice message. */
  finding: string;
  /** The finding as a voice message (Telegram file id). */
  findingVoice: string | null;
  photos: string[];
}

export interface Observation extends Omit<ObservationDraft, "serviceId"> {
  id: ObservationId;
  groupId: GroupId;
  memberId: MemberId;
  userId: UserId;
  authorName: string;
  serviceId: ServiceId;
  quarter: string;
  status: "active" | "withdrawn";
  locked: boolean;
  createdAt: Date;
  updatedAt: Date;
}

const isScore = (n: number) => Number.isInteger(n) && n >= 1 && n <= 5;

/** The dates an observation may carry: not in the future, not more than a year back. */
export function observedOnRange(now: Date): { earliest: string; latest: string } {
  const latest = localDate(now);
  return { earliest: yearsBefore(latest, OBSERVATION_MAX_AGE_YEARS), latest };
}

/** Checks a draft as the form should have built it; anything else is refused, not stored. */
export function isValidDraft(draft: ObservationDraft, now: Date): boolean {
  const { earliest, latest } = observedOnRange(now);
  const hasPlace = (draft.place !== null && draft.place.length <= PLACE_MAX_LENGTH) || draft.latitude !== null;
  return (
    hasPlace &&
    draft.observedOn >= earliest &&
    draft.observedOn <= latest &&
    isScore(draft.quality) &&
    isScore(draft.resources) &&
    isCompliance(draft.compliance) &&
    (draft.finding.trim().length > 0 || draft.findingVoice !== null) &&
    draft.finding.length <= FINDING_MAX_LENGTH &&
    draft.photos.length <= MAX_PHOTOS
  );
}

const columns = {
  id: observations.id,
  groupId: observations.groupId,
  memberId: observations.memberId,
  userId: observations.userId,
  authorName: members.fullName,
  serviceId: observations.serviceId,
  observedOn: observations.observedOn,
  quarter: observations.quarter,
  place: observations.place,
  latitude: observations.latitude,
  longitude: observations.longitude,
  quality: observations.quality,
  compliance: observations.compliance,
  resources: observations.resources,
  finding: observations.finding,
  findingVoice: observations.findingVoice,
  status: observations.status,
  createdAt: observations.createdAt,
  updatedAt: observations.updatedAt,
  locked: sql<number>`exists (select 1 from ${protocolObservations} where ${protocolObservations.observationId} = ${observations.id} and ${protocolObservations.lockedAt} is not null)`,
};

type Row = NonNullable<ReturnType<ReturnType<typeof query>["get"]>>;

function toObservation(row: Row, photos: string[]): Observation {
  return {
    ...row,
    id: toObservationId(row.id),
    groupId: toGroupId(row.groupId),
    memberId: toMemberId(row.memberId),
    userId: toUserId(row.userId),
    serviceId: toServiceId(row.serviceId),
    locked: Boolean(row.locked),
    photos,
  };
}

function photosOf(db: Db, id: number): string[] {
  return db
    .select({ fileId: observationPhotos.fileId })
    .from(observationPhotos)
    .where(eq(observationPhotos.observationId, id))
    .orderBy(asc(observationPhotos.position))
    .all()
    .map((row) => row.fileId);
}

function query(db: Db) {
  return db.select(columns).from(observations).innerJoin(members, eq(members.id, observations.memberId));
}

/** The editable part of an observation, as the form holds it. */
export function toDraft(o: Observation): ObservationDraft {
  const { serviceId, observedOn, place, latitude, longitude, quality, compliance, resources, finding, findingVoice, photos } = o;
  return { serviceId, observedOn, place, latitude, longitude, quality, compliance, resources, finding, findingVoice, photos };
}

export function observationById(db: Db, id: ObservationId): Observation | undefined {
  const row = query(db).where(eq(observations.id, id)).get();
  return row && toObservation(row, photosOf(db, row.id));
}

function draftValues(draft: ObservationDraft) {
  return {
    serviceId: draft.serviceId,
    observedOn: draft.observedOn,
    quarter: quarterOf(draft.observedOn),
    place: draft.place,
    latitude: draft.latitude,
    longitude: draft.longitude,
    quality: draft.quality,
    compliance: draft.compliance,
    resources: draft.resources,
    finding: draft.finding,
    findingVoice: draft.findingVoice,
  };
}

function replacePhotos(db: Db, id: number, photos: readonly string[]): void {
  db.delete(observationPhotos).where(eq(observationPhotos.observationId, id)).run();
  if (photos.length === 0) return;
  db.insert(observationPhotos)
    .values(photos.map((fileId, index) => ({ observationId: id, position: index + 1, fileId })))
    .run();
}

export type RecordRefusal = "not-found" | "closed" | "not-member" | "service-retired" | "invalid";
export type RecordResult = { ok: true; id: ObservationId } | { ok: false; reason: RecordRefusal };

/** Why a draft cannot be stored for this group now, if it cannot. */
function draftRefusal(db: Db, group: GroupId, draft: ObservationDraft, now: Date): RecordRefusal | undefined {
  const found = groupById(db, group);
  if (!found) return "not-found";
  if (isClosed(found, now)) return "closed";
  const service = serviceById(db, toServiceId(draft.serviceId));
  if (!service || service.groupId !== group) return "invalid";
  if (service.retired) return "service-retired";
  return isValidDraft(draft, now) ? undefined : "invalid";
}

/** Stores a member's observation with its photos, once they confirmed the summary. */
export function recordObservation(db: Db, r: { group: GroupId; user: UserId; draft: ObservationDraft; now: Date }): RecordResult {
  const member = activeMembership(db, r.group, r.user);
  if (!member) return { ok: false, reason: "not-member" };
  const refused = draftRefusal(db, r.group, r.draft, r.now);
  if (refused) return { ok: false, reason: refused };
  return db.transaction((tx) => {
    const row = tx
      .insert(observations)
      .values({
        ...draftValues(r.draft),
        groupId: r.group,
        memberId: member.id,
        userId: r.user,
        status: "active",
        createdAt: r.now,
        updatedAt: r.now,
      })
      .returning({ id: observations.id })
      .get();
    replacePhotos(tx, row.id, r.draft.photos);
    return { ok: true as const, id: toObservationId(row.id) };
  });
}

export type ChangeRefusal = "not-found" | "not-author" | "withdrawn" | "locked" | "closed";
export type ChangeResult = { ok: true; observation: Observation } | { ok: false; reason: ChangeRefusal | RecordRefusal };

/** Whether this person may still change this observation, and why not. */
export function changeRefusal(db: Db, observation: Observation | undefined, user: UserId, now: Date): ChangeRefusal | undefined {
  if (!observation) return "not-found";
  if (!mayChangeObservation(db, observation, user)) return "not-author";
  if (observation.status === "withdrawn") return "withdrawn";
  if (observation.locked) return "locked";
  const group = groupById(db, observation.groupId);
  if (!group || isClosed(group, now)) return "closed";
  return undefined;
}

/** The author corrects their observation; a signed protocol that includes it locks it. */
export function editObservation(db: Db, e: { id: ObservationId; user: UserId; draft: ObservationDraft; now: Date }): ChangeResult {
  return db.transaction((tx) => {
    const observation = observationById(tx, e.id);
    const refused = changeRefusal(tx, observation, e.user, e.now);
    if (refused || !observation) return { ok: false as const, reason: refused ?? "not-found" };
    const unchangedService = e.draft.serviceId === observation.serviceId;
    const draftRefused = draftRefusal(tx, observation.groupId, e.draft, e.now);
    // A service retired since keeps the observations it has; only a move onto it is refused.
    if (draftRefused && !(draftRefused === "service-retired" && unchangedService)) return { ok: false as const, reason: draftRefused };
    tx.update(observations)
      .set({ ...draftValues(e.draft), updatedAt: e.now })
      .where(eq(observations.id, e.id))
      .run();
    replacePhotos(tx, e.id, e.draft.photos);
    return { ok: true as const, observation: observationById(tx, e.id)! };
  });
}

/** The author withdraws their observation; the row stays, marked withdrawn. */
export function withdrawObservation(db: Db, w: { id: ObservationId; user: UserId; now: Date }): ChangeResult {
  return db.transaction((tx) => {
    const observation = observationById(tx, w.id);
    const refused = changeRefusal(tx, observation, w.user, w.now);
    if (refused || !observation) return { ok: false as const, reason: refused ?? "not-found" };
    tx.update(observations).set({ status: "withdrawn", updatedAt: w.now }).where(eq(observations.id, w.id)).run();
    return { ok: true as const, observation: { ...observation, status: "withdrawn" as const } };
  });
}

export interface ObservationFilter {
  group: GroupId;
  service?: ServiceId;
  quarter?: string;
}

function filterWhere(f: ObservationFilter) {
  return and(
    eq(observations.groupId, f.group),
    eq(observations.status, "active"),
    f.service === undefined ? undefined : eq(observations.serviceId, f.service),
    f.quarter === undefined ? undefined : eq(observations.quarter, f.quarter),
  );
}

export interface ObservationPage {
  /** Without their photos: a list shows none; open one for them. */
  items: Observation[];
  total: number;
}

/** The group's active observations, latest first (by date observed, then by recording). */
export function observationPage(db: Db, f: ObservationFilter, page: number, size: number): ObservationPage {
  const total = db.select({ n: sql<number>`count(*)` }).from(observations).where(filterWhere(f)).get()?.n ?? 0;
  const items = query(db)
    .where(filterWhere(f))
    .orderBy(desc(observations.observedOn), desc(observations.id))
    .limit(size)
    .offset(page * size)
    .all()
    .map((row) => toObservation(row, []));
  return { items, total };
}

/** Every active observation of the group, oldest first, without photos (exports). */
export function groupObservations(db: Db, group: GroupId): Observation[] {
  return query(db)
    .where(filterWhere({ group }))
    .orderBy(asc(observations.observedOn), asc(observations.id))
    .all()
    .map((row) => toObservation(row, []));
}

/** Quarters in which the group has active observations, latest first. */
export function observationQuarters(db: Db, group: GroupId): string[] {
  return db
    .selectDistinct({ quarter: observations.quarter })
    .from(observations)
    .where(filterWhere({ group }))
    .orderBy(desc(observations.quarter))
    .all()
    .map((row) => row.quarter);
}

/** Active observations of the group made between two dates, inclusive: what a protocol may cover. */
export function observationsBetween(db: Db, group: GroupId, fromDate: string, toDate: string): Observation[] {
  return query(db)
    .where(and(filterWhere({ group }), gte(observations.observedOn, fromDate), lte(observations.observedOn, toDate)))
    .orderBy(asc(observations.observedOn), asc(observations.id))
    .all()
    .map((row) => toObservation(row, photosOf(db, row.id)));
}

/** A protocol was signed: the observations it covers can no longer be edited or withdrawn. */
export function lockObservationsOf(db: Db, protocolId: number, now: Date): number {
  return db
    .update(protocolObservations)
    .set({ lockedAt: now })
    .where(and(eq(protocolObservations.protocolId, protocolId), sql`${protocolObservations.lockedAt} is null`))
    .run().changes;
}

export interface ServiceFigures {
  serviceId: ServiceId;
  count: number;
  averageQuality: number;
  averageResources: number;
  compliance: Record<Compliance, number>;
}

/** Per service, the quarter's active observations: count, average scores, compliance counts. */
const summaryQuery = preparedQuery((db) => {
  const share = (value: Compliance) => sql<number>`sum(${observations.compliance} = ${value})`;
  return db
    .select({
      serviceId: observations.serviceId,
      count: sql<number>`count(*)`,
      averageQuality: sql<number>`avg(${observations.quality})`,
      averageResources: sql<number>`avg(${observations.resources})`,
      yes: share("yes"),
      partly: share("partly"),
      no: share("no"),
      unknown: share("unknown"),
    })
    .from(observations)
    .where(
      and(
        eq(observations.groupId, sql.placeholder("group")),
        eq(observations.status, "active"),
        eq(observations.quarter, sql.placeholder("quarter")),
      ),
    )
    .groupBy(observations.serviceId)
    .orderBy(desc(sql`count(*)`), asc(observations.serviceId))
    .prepare();
});

export function serviceSummary(db: Db, group: GroupId, quarter: string): ServiceFigures[] {
  return summaryQuery(db)
    .all({ group, quarter })
    .map(({ yes, partly, no, unknown, ...row }) => ({
      ...row,
      serviceId: toServiceId(row.serviceId),
      compliance: { yes, partly, no, unknown },
    }));
}
