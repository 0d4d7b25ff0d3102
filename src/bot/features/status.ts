import { Composer } from "grammy";
import { groupStatus } from "../../domain/status.js";
import { formatDate } from "../../i18n/dates.js";
import type { App } from "../app.js";
import type { BotContext } from "../context.js";
import { bestEffort } from "../errors.js";
import { groupCommand } from "../group-scope.js";
import { compositionText } from "../views/composition.js";
import { closeDueAndAnnounce } from "../notices/votes.js";
import { meetingStatusLines } from "../views/meeting-status.js";
import { serviceSummaryLines } from "../views/service-summary.js";
import { statuteStatusLines } from "../views/statute-status.js";
import { overdueRecommendations } from "../../domain/recommendations.js";
import { localDate } from "../../domain/calendar.js";
import { overdueStatusLines } from "../views/recommendation-text.js";
import type { Feature } from "../feature.js";

/** /status: what a member has the right to know at any time, in one message. */
export function statusFeature(app: App): Feature {
  const composer = new Composer<BotContext>();
  composer.use(
    groupCommand(app, "status", async (ctx, group) => {
      await bestEffort(app.logger, "due votes not announced", closeDueAndAnnounce(app, group.id));
      const status = groupStatus(app.db, group, app.clock.now());
      const { speech } = ctx;
      const { t, locale } = speech;
      const lines = [
        t("status-title", { municipality: group.municipality }),
        status.closed ? t("status-closed") : "",
        compositionText(t, status.members.length),
        status.leader ? t("status-leader", { name: status.leader.fullName }) : t("status-no-leader"),
        ...status.appointers.map((appointer) => t("status-appointer", { office: appointer.office, name: appointer.name })),
        status.pendingRequests > 0 ? t("status-pending", { count: status.pendingRequests }) : "",
        group.termEndsOn ? t("status-term", { date: formatDate(locale, group.termEndsOn) }) : t("status-term-none"),
        ...statuteStatusLines(app, speech, group),
        ...meetingStatusLines(app, speech, group),
        ...serviceSummaryLines(app, t, locale, group, app.clock.now()),
        ...overdueStatusLines(speech, overdueRecommendations(app.db, group.id, localDate(app.clock.now())), localDate(app.clock.now())),
      ];
      await ctx.reply(lines.filter((line) => line !== "").join("\n"));
    }),
  );
  return { composer };
}
