import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { preparedQuery } from "../db/prepared.js";
import { services } from "../db/schema.js";
import { groupById, isClosed } from "./groups.js";
import { mayManageServices } from "./permissions.js";
import { groupId as toGroupId, serviceId as toServiceId, type GroupId, type Service, type ServiceId, type UserId } from "./types.js";

function toService(row: typeof services.$inferSelect): Service {
  return {
    id: toServiceId(row.id),
    groupId: toGroupId(row.groupId),
    key: row.key,
    nameKy: row.nameKy,
    nameRu: row.nameRu,
    retired: row.retiredAt !== null,
  };
}

/** The group's services in list order; retired ones only when asked for. */
/** Asked at every step of the observation form: built once. */
const listed = preparedQuery((db) => {
  const list = (retired: boolean) =>
    db
      .select()
      .from(services)
      .where(and(eq(services.groupId, sql.placeholder("group")), retired ? undefined : isNull(services.retiredAt)))
      .orderBy(asc(services.position), asc(services.id))
      .prepare();
  return { current: list(false), all: list(true) };
});

export function servicesOf(db: Db, group: GroupId, { withRetired = false } = {}): Service[] {
  const queries = listed(db);
  return (withRetired ? queries.all : queries.current).all({ group }).map(toService);
}

export function serviceById(db: Db, id: ServiceId): Service | undefined {
  const row = db.select().from(services).where(eq(services.id, id)).get();
  return row && toService(row);
}

export type ServiceRefusal = "not-found" | "closed" | "not-allowed";
export type ServiceResult = { ok: true; service: Service } | { ok: false; reason: ServiceRefusal };

export interface ServiceNames {
  nameKy: string;
  nameRu: string;
}

/** Only the leader of an open group changes its service list. */
function refusal(db: Db, group: GroupId, by: UserId, now: Date): ServiceRefusal | undefined {
  const found = groupById(db, group);
  if (!found) return "not-found";
  if (isClosed(found, now)) return "closed";
  if (!mayManageServices(db, group, by)) return "not-allowed";
  return undefined;
}

export function addService(db: Db, a: ServiceNames & { group: GroupId; by: UserId; now: Date }): ServiceResult {
  const refused = refusal(db, a.group, a.by, a.now);
  if (refused) return { ok: false, reason: refused };
  const last = db
    .select({ n: sql<number>`coalesce(max(${services.position}), 0)` })
    .from(services)
    .where(eq(services.groupId, a.group))
    .get();
  const row = db
    .insert(services)
    .values({ groupId: a.group, nameKy: a.nameKy, nameRu: a.nameRu, position: (last?.n ?? 0) + 1, createdAt: a.now })
    .returning()
    .get();
  return { ok: true, service: toService(row) };
}

type ServiceChange = { service: ServiceId; by: UserId; now: Date };

function changeService(db: Db, c: ServiceChange, set: Partial<typeof services.$inferInsert>): ServiceResult {
  const service = serviceById(db, c.service);
  if (!service) return { ok: false, reason: "not-found" };
  const refused = refusal(db, service.groupId, c.by, c.now);
  if (refused) return { ok: false, reason: refused };
  const row = db.update(services).set(set).where(eq(services.id, c.service)).returning().get();
  return { ok: true, service: toService(row) };
}

export function renameService(db: Db, r: ServiceChange & ServiceNames): ServiceResult {
  return changeService(db, r, { nameKy: r.nameKy, nameRu: r.nameRu });
}

/** A retired service keeps its observations and is no longer offered for new ones. */
export function retireService(db: Db, r: ServiceChange & { retired: boolean }): ServiceResult {
  return changeService(db, r, { retiredAt: r.retired ? r.now : null });
}
