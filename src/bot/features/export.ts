import { Composer, InputFile } from "grammy";
import { localDate } from "../../domain/calendar.js";
import { groupObservations } from "../../domain/observations.js";
import { mayExport } from "../../domain/permissions.js";
import { groupRecommendations, historyOf } from "../../domain/recommendations.js";
import { servicesOf } from "../../domain/services.js";
import type { Group } from "../../domain/types.js";
import type { App } from "../app.js";
import type { BotContext } from "../context.js";
import { refuse } from "../errors.js";
import { toCsv, toXlsx } from "../exports/files.js";
import { observationTable, recommendationTable, type Table } from "../exports/tables.js";
import { groupCommand } from "../group-scope.js";
import type { Speech } from "../speech.js";
import type { Feature } from "../feature.js";

/** The group's observations and recommendations as tables in the asker's language. */
export function exportTables(app: App, s: Speech, group: Group): { observations: Table; recommendations: Table } {
  const services = new Map(servicesOf(app.db, group.id, { withRetired: true }).map((service) => [service.id as number, service]));
  const recommendations = groupRecommendations(app.db, group.id).map((r) => ({ r, last: historyOf(app.db, r.id).at(-1) }));
  return {
    observations: observationTable(s, groupObservations(app.db, group.id), services),
    recommendations: recommendationTable(s, recommendations, localDate(app.clock.now())),
  };
}

/**
 * /export: for the leader and the appointers, the observations and the recommendations as one
 * XLSX workbook (a sheet each) and as two CSV files, sent where it was asked.
 */
export function exportFeature(app: App): Feature {
  const composer = new Composer<BotContext>();
  composer.use(
    groupCommand(app, "export", async (ctx, group) => {
      const s = ctx.speech;
      if (!mayExport(app.db, group.id, ctx.person)) return refuse(ctx, "export-not-allowed");
      const tables = exportTables(app, s, group);
      const stamp = localDate(app.clock.now());
      const counts = { observations: tables.observations.rows.length, recommendations: tables.recommendations.rows.length };
      await ctx.replyWithDocument(new InputFile(await toXlsx([tables.observations, tables.recommendations]), `monitoring-${stamp}.xlsx`), {
        caption: s.t("export-caption", { municipality: group.municipality, ...counts }),
      });
      await ctx.replyWithDocument(new InputFile(toCsv(tables.observations), `observations-${stamp}.csv`));
      await ctx.replyWithDocument(new InputFile(toCsv(tables.recommendations), `recommendations-${stamp}.csv`));
    }),
  );
  return { composer };
}
