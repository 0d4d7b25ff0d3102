import type { Meeting } from "../../domain/meetings.js";
import type { Group } from "../../domain/types.js";
import { formatDateTime } from "../../i18n/dates.js";
import type { App } from "../app.js";
import { notifyGroup } from "../notify.js";
import { quorumText } from "../views/attendance.js";

/** A meeting recorded as held: the group chat learns who attended and whether there was a quorum. */
export async function announceAttendance(app: App, group: Group, meeting: Meeting, names: readonly string[]): Promise<void> {
  await notifyGroup(app, group, {
    text: (t, locale) =>
      `${t("attendance-group", { when: formatDateTime(locale, meeting.startsAt), names: names.join(", ") })}\n${quorumText({ t, locale }, app, meeting)}`,
  });
}
