import type { Harness } from "./harness.js";

export interface RecommendationRow {
  text: string;
  to: "head" | "chair" | "other";
  name?: string;
  due: string;
  status?: "sent" | "accepted" | "rejected" | "in-progress" | "done";
}

/**
 * A final protocol of the group (with a held meeting under it) and its recommendations, written
 * straight to the database; returns the protocol id and the recommendations' ids in order.
 */
export function finalProtocol(
  h: Harness,
  group: number,
  recs: readonly RecommendationRow[],
  { heldOn = "2026-11-20", number }: { heldOn?: string; number?: number } = {},
): { protocol: number; recommendations: number[] } {
  const db = h.db.$client;
  const user = (db.prepare("select id from users order by id limit 1").get() as { id: number }).id;
  const startsAt = new Date(`${heldOn}T15:00:00+06:00`).getTime();
  const meeting = Number(
    db
      .prepare(
        "insert into meetings (group_id, starts_at, place, created_by, created_at, attendance_recorded_at) values (?, ?, 'Зал', ?, ?, ?)",
      )
      .run(group, startsAt, user, startsAt, startsAt).lastInsertRowid,
  );
  const year = Number(heldOn.slice(0, 4));
  const next =
    number ??
    (db.prepare("select coalesce(max(number), 0) + 1 n from protocols where group_id = ? and year = ?").get(group, year) as { n: number })
      .n;
  const protocol = Number(
    db
      .prepare(
        "insert into protocols (group_id, meeting_id, year, number, held_on, place, status, hash, frozen_at, final_at, created_by, created_at) values (?, ?, ?, ?, ?, 'Зал', 'final', 'ab', ?, ?, ?, ?)",
      )
      .run(group, meeting, year, next, heldOn, startsAt, startsAt, user, startsAt).lastInsertRowid,
  );
  const ids = recs.map((rec, position) =>
    Number(
      db
        .prepare(
          "insert into recommendations (protocol_id, position, text, addressee, addressee_name, due_on, status) values (?, ?, ?, ?, ?, ?, ?)",
        )
        .run(protocol, position, rec.text, rec.to, rec.name ?? null, rec.due, rec.status ?? "sent").lastInsertRowid,
    ),
  );
  return { protocol, recommendations: ids };
}
