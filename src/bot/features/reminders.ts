import { Composer, InlineKeyboard } from "grammy";
import { muteData, reminderToggleData } from "../../callbacks/index.js";
import { groupById } from "../../domain/groups.js";
import { maySwitchGroupReminders } from "../../domain/permissions.js";
import { shiftDays } from "../../domain/calendar.js";
import { atLocalTime, firstWorkingDay, nextQuarter, quarterDays, quarterAt } from "../../domain/quarters.js";
import type { Group } from "../../domain/types.js";
import { formatDate } from "../../i18n/dates.js";
import type { Locale } from "../../i18n/locales.js";
import { disabledGroupKinds, isMuted, setGroupKind, setMuted } from "../../scheduler/ledger.js";
import { GROUP_CHAT_KINDS, isGroupChatKind } from "../../scheduler/reminder.js";
import { QUARTER_END_WARNINGS } from "../../scheduler/rules/quarter.js";
import type { App } from "../app.js";
import type { BotContext } from "../context.js";
import { refuse } from "../errors.js";
import { groupCommand } from "../group-scope.js";
import type { T } from "../notify.js";
import type { Feature } from "../feature.js";

function planText(app: App, t: T, group: Group, locale: Locale, now: Date): string {
  const quarter = quarterAt(now);
  const upcoming = atLocalTime(firstWorkingDay(quarter), 10) > now ? quarter : nextQuarter(quarter);
  const next = quarterDays(nextQuarter(quarter)).first;
  const warnings = QUARTER_END_WARNINGS.map((days) => formatDate(locale, shiftDays(next, -days))).join(", ");
  const disabled = disabledGroupKinds(app.db, group.id);
  const state = (kind: string) => t(disabled.has(kind) ? "reminders-off" : "reminders-on");
  return [
    t("reminders-title", { municipality: group.municipality }),
    t("reminders-quarter-start", { date: formatDate(locale, firstWorkingDay(upcoming)), state: state("quarter-start") }),
    t("reminders-quarter-end", { dates: warnings, state: state("quarter-end") }),
    t("reminders-meeting", { state24: state("meeting-24h"), state1: state("meeting-1h") }),
    t("reminders-private"),
    t("reminders-assignments"),
    t("reminders-recommendations"),
    t("reminders-quiet"),
  ].join("\n");
}

function leaderKeyboard(app: App, t: T, group: Group): InlineKeyboard {
  const disabled = disabledGroupKinds(app.db, group.id);
  const keyboard = new InlineKeyboard();
  for (const kind of GROUP_CHAT_KINDS) {
    const label = t(`reminders-toggle-${kind}`, { state: t(disabled.has(kind) ? "reminders-off" : "reminders-on") });
    keyboard.text(label, reminderToggleData.pack({ group: group.id, kind })).row();
  }
  return keyboard;
}

function muteKeyboard(t: T, muted: boolean): InlineKeyboard {
  return new InlineKeyboard().text(t(muted ? "reminders-unmute" : "reminders-mute"), muteData.pack({ muted: muted ? 0 : 1 }));
}

/**
 * /reminders: the group's reminder plan. The leader turns the group-chat reminders on and
 * off; anyone mutes or unmutes the reminders the bot sends them in private.
 */
export function remindersFeature(app: App): Feature {
  const composer = new Composer<BotContext>();
  composer.use(
    groupCommand(app, "reminders", async (ctx, group) => {
      const { t, locale } = ctx.speech;
      const text = planText(app, t, group, locale, app.clock.now());
      const user = ctx.person;
      const leader = maySwitchGroupReminders(app.db, group.id, user);
      await ctx.reply(text, { reply_markup: leader ? leaderKeyboard(app, t, group) : undefined });
      if (ctx.chat?.type === "private") {
        const muted = isMuted(app.db, user);
        await ctx.reply(t(muted ? "reminders-muted" : "reminders-unmuted"), { reply_markup: muteKeyboard(t, muted) });
      }
    }),
  );
  composer.callbackQuery(reminderToggleData.filter(), async (ctx) => {
    const pressed = reminderToggleData.unpack(ctx.match);
    const group = groupById(app.db, pressed.group);
    const kind = pressed.kind;
    const switched =
      group && isGroupChatKind(kind)
        ? setGroupKind(app.db, { group: group.id, kind, enabled: disabledGroupKinds(app.db, group.id).has(kind), by: ctx.person })
        : undefined;
    if (!group || !switched?.ok) return refuse(ctx, "reminders-not-leader");
    await ctx.answerCallbackQuery({ text: ctx.personalSpeech.t("reminders-saved") });
    const { t } = ctx.speech;
    await ctx.editMessageReplyMarkup({ reply_markup: leaderKeyboard(app, t, group) });
  });
  composer.callbackQuery(muteData.filter(), async (ctx) => {
    const muted = muteData.unpack(ctx.match).muted === 1;
    setMuted(app.db, ctx.person, muted, app.clock.now());
    await ctx.answerCallbackQuery();
    const { t } = ctx.speech;
    await ctx.editMessageText(t(muted ? "reminders-muted" : "reminders-unmuted"), { reply_markup: muteKeyboard(t, muted) });
  });
  return { composer };
}
