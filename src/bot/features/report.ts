import { onFinalReportPublished } from "../notices/final-report.js";
import { reportData } from "../../callbacks/index.js";
import { Composer, GrammyError, InlineKeyboard, InputFile } from "grammy";
import { appointersOf } from "../../domain/appointers.js";
import type { DocumentKey } from "../../domain/documents.js";
import { groupById } from "../../domain/groups.js";
import { mayPublishReport, maySeeGroup } from "../../domain/permissions.js";
import { buildReport, parsePeriod, periodOfKey, type Period, type Report } from "../../domain/report.js";
import { servicesOf } from "../../domain/services.js";
import type { Group } from "../../domain/types.js";
import { markUnreachable } from "../../domain/users.js";
import type { Locale } from "../../i18n/locales.js";
import type { App } from "../app.js";
import type { BotContext } from "../context.js";
import { bestEffort, refuse } from "../errors.js";
import { groupCommand } from "../group-scope.js";
import { personLocale } from "../i18n.js";
import { sendLong } from "../notify.js";
import { formatScore } from "../views/observation-card.js";
import { barChartSvg } from "../report/chart.js";
import { reportPdfDefinition } from "../report/pdf.js";
import { periodName, reportMessage, serviceNames } from "../report/text.js";
import { sendRecorded, sha256Bytes } from "../recorded-document.js";
import { speechIn, type Speech } from "../speech.js";
import type { Feature } from "../feature.js";

export function reportChartSvg(s: Speech, r: Report, names: (id: number) => string): string {
  return barChartSvg({
    title: s.t("report-chart-title", { period: periodName(s, r.period) }),
    series: [
      { label: s.t("report-chart-quality"), color: "#2f6db5" },
      { label: s.t("report-chart-resources"), color: "#e39b2d" },
    ],
    rows: r.observations.services.map((f) => ({
      label: names(f.serviceId),
      values: [f.averageQuality, f.averageResources],
      note: s.t("report-chart-count", { count: f.count }),
    })),
    max: 5,
    empty: s.t("report-no-observations"),
    format: (value) => formatScore(s.locale, value),
  });
}

function chartOf(app: App, s: Speech, group: Group, r: Report): { svg: string; names: (id: number) => string } {
  const names = serviceNames(s, servicesOf(app.db, group.id, { withRetired: true }));
  return { svg: reportChartSvg(s, r, names), names };
}

/**
 * The PDF goes by Telegram's file id when the same figures were sent before in this language
 * (the key carries a digest of the report), else it is rendered now and recorded.
 */
async function sendPdf(
  app: App,
  chat: number,
  s: Speech,
  group: Group,
  r: Report,
  svg: string,
  names: (id: number) => string,
): Promise<void> {
  const municipality = group.municipality.in(s.locale);
  const digest = sha256Bytes(new TextEncoder().encode(JSON.stringify([municipality, r]))).slice(0, 16);
  const key: DocumentKey = { kind: "report", subjectId: group.id, variant: `${r.period.key}:${digest}`, locale: s.locale };
  await sendRecorded(app, chat, key, async () => ({
    bytes: await app.renderer.renderPdf(reportPdfDefinition(s, municipality, r, names, svg)),
    name: fileName(r.period),
  }));
}

const fileName = (period: Period) => `report-${period.key}.pdf`;

/** The message, then (unless the period is empty) the chart and the PDF, to one chat in one language. */
async function deliver(app: App, chat: number, locale: Locale, group: Group, r: Report, keyboard?: InlineKeyboard): Promise<void> {
  const s = speechIn(app, locale);
  await sendLong(app.api, chat, reportMessage(s, group.municipality.in(s.locale), r), keyboard);
  if (r.empty) return;
  const { svg, names } = chartOf(app, s, group, r);
  await app.api.sendPhoto(chat, new InputFile(await app.renderer.renderPng(svg, { width: 1200 }), `report-${r.period.key}.png`));
  await sendPdf(app, chat, s, group, r, svg, names);
}

function leaderKeyboard(
  s: Speech,
  group: Group,
  period: Period,
  done: { published?: boolean; sent?: boolean } = {},
): InlineKeyboard | undefined {
  const keyboard = new InlineKeyboard();
  if (!done.published)
    keyboard.text(s.t("report-publish-button"), reportData.pack({ action: "pub", group: group.id, period: period.key })).row();
  if (!done.sent) keyboard.text(s.t("report-send-button"), reportData.pack({ action: "app", group: group.id, period: period.key }));
  return done.published && done.sent ? undefined : keyboard;
}

/** To each appointer in private, in their language; returns how many got it. */
async function sendToAppointers(app: App, group: Group, r: Report): Promise<number> {
  let delivered = 0;
  for (const appointer of appointersOf(app.db, group.id)) {
    try {
      await deliver(app, appointer.userId, personLocale(app.db, appointer.userId, app.defaultLocale), group, r);
      delivered += 1;
    } catch (error) {
      if (!(error instanceof GrammyError && error.error_code === 403)) throw error;
      markUnreachable(app.db, appointer.userId, app.clock.now());
    }
  }
  return delivered;
}

/**
 * /report: the group's report for the current quarter, a quarter (`/report 2026-3`) or a year
 * (`/report 2026`): the key figures as a message, the chart as a picture, the full tables as a
 * PDF. Everyone in the group may ask; the leader publishes it to the group chat and sends it
 * to the appointers with a button each.
 */
export function reportFeature(app: App): Feature {
  const composer = new Composer<BotContext>();
  composer.use(
    groupCommand(app, "report", async (ctx, group) => {
      const s = ctx.speech;
      const user = ctx.person;
      if (!maySeeGroup(app.db, group.id, user)) return refuse(ctx, "not-your-group");
      const argument = (ctx.msg?.text ?? "").split(/\s+/).slice(1).join(" ");
      const parsed = parsePeriod(argument, app.clock.now());
      if (!parsed.ok) return ctx.reply(s.t(`report-${parsed.reason}`));
      const report = buildReport(app.db, group.id, parsed.period, app.clock.now());
      const keyboard = mayPublishReport(app.db, group.id, user) ? leaderKeyboard(s, group, parsed.period) : undefined;
      await deliver(app, ctx.chat!.id, s.locale, group, report, keyboard);
    }),
  );
  composer.callbackQuery(reportData.filter(), async (ctx) => {
    const pressed = reportData.unpack(ctx.match);
    const group = groupById(app.db, pressed.group);
    const period = periodOfKey(pressed.period);
    if (!group || !period || !mayPublishReport(app.db, group.id, ctx.person)) {
      return refuse(ctx, "report-not-leader");
    }
    const report = buildReport(app.db, group.id, period, app.clock.now());
    const s = ctx.speech;
    const publish = pressed.action === "pub";
    await ctx.answerCallbackQuery({ text: s.t(publish ? "report-publishing" : "report-sending") });
    const remaining = (ctx.callbackQuery.message?.reply_markup?.inline_keyboard ?? [])
      .flat()
      .map((b) => ("callback_data" in b ? b.callback_data : ""));
    const done = {
      published: publish || !remaining.some((d) => reportData.parse(d)?.action === "pub"),
      sent: !publish || !remaining.some((d) => reportData.parse(d)?.action === "app"),
    };
    await bestEffort(
      app.logger,
      "buttons not updated",
      ctx.editMessageReplyMarkup({ reply_markup: leaderKeyboard(s, group, period, done) }),
    );
    if (publish) {
      await deliver(app, group.chatId, group.locale, group, report);
      await ctx.reply(s.t("report-published"));
      // A group without a set term stops once it has reported: its appointers are asked.
      await onFinalReportPublished(app, group.id);
    } else {
      const count = await sendToAppointers(app, group, report);
      await ctx.reply(s.t("report-sent", { count }));
    }
  });
  return { composer };
}
