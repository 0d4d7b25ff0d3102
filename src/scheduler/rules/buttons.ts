import { InlineKeyboard } from "grammy";
import type { T } from "../../bot/notify.js";
import { deepLink } from "../../bot/keyboards.js";
import type { GroupId } from "../../domain/types.js";

/** Opens the meeting form for the group in the leader's private chat (the deep link checks who). */
export function scheduleMeetingButton(t: T, botUsername: string, group: GroupId): InlineKeyboard {
  return new InlineKeyboard().url(t("reminder-schedule-meeting"), deepLink(botUsername, `meeting-${group}`));
}
