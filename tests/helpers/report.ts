import { leaveGroup } from "../../src/domain/leaving.js";
import { userId } from "../../src/domain/types.js";
import type { Harness } from "./harness.js";
import type { Scene } from "./meetings.js";
import { recordDirect, serviceKeyed } from "./observations.js";
import { finalProtocol } from "./recommendations.js";

/** A fourth quarter with observations of three services, two protocols, recommendations in every status, a leaver. */
export function fillQuarter(h: Harness, scene: Scene): void {
  const { group, people } = scene;
  const water = serviceKeyed(h, group, "water");
  const roads = serviceKeyed(h, group, "roads");
  const school = serviceKeyed(h, group, "school");
  const record = (
    who: number,
    serviceId: number,
    observedOn: string,
    quality: number,
    resources: number,
    compliance: "yes" | "partly" | "no" | "unknown",
  ) => recordDirect(h, group, people[who]!, { serviceId, observedOn, quality, resources, compliance });
  record(1, water, "2026-10-02", 2, 3, "no");
  record(2, water, "2026-11-10", 4, 4, "partly");
  record(3, water, "2026-11-20", 3, 2, "no");
  record(1, roads, "2026-10-15", 1, 1, "no");
  record(4, roads, "2026-11-01", 2, 4, "unknown");
  record(2, school, "2026-11-23", 5, 5, "yes");
  record(2, school, "2026-09-30", 1, 1, "no"); // the third quarter: not in this report
  const withdrawn = record(3, school, "2026-11-22", 1, 1, "no");
  h.db.$client.prepare("update observations set status = 'withdrawn' where id = ?").run(withdrawn);
  finalProtocol(
    h,
    group.id,
    [
      { text: "Заменить трубы на улице Ленина", to: "head", due: "2026-11-01" }, // overdue
      { text: "Отремонтировать дорогу к школе", to: "chair", due: "2026-12-31", status: "accepted" },
      { text: "Повесить фонари", to: "other", name: "РЭС", due: "2026-11-10", status: "done" },
      { text: "Открыть кружок", to: "other", name: "Школа", due: "2026-10-30", status: "in-progress" }, // overdue
      { text: "Купить автобус", to: "head", due: "2026-11-05", status: "rejected" },
    ],
    { heldOn: "2026-10-20" },
  );
  const second = finalProtocol(h, group.id, [], { heldOn: "2026-11-20" });
  h.db.$client.prepare("update protocols set status = 'draft' where id = ?").run(second.protocol);
  finalProtocol(h, group.id, [{ text: "Старая", to: "head", due: "2026-08-01" }], { heldOn: "2026-07-10" }); // third quarter
  if (!leaveGroup(h.db, { group: group.id, user: userId(people[4]!.id), now: h.clock.now() }).ok)
    throw new Error("the member did not leave");
}
