import { localDate } from "../../domain/calendar.js";
import type { Group } from "../../domain/types.js";
import { formatDate } from "../../i18n/dates.js";
import type { App } from "../app.js";
import { bestEffort } from "../errors.js";
import { notifyGroup, notifyPerson, officials, type Message } from "../notify.js";

/** Tells the group chat, the leader and the appointers that the term has ended, and why. */
export async function announceEnd(app: App, group: Group, reason: string): Promise<void> {
  const today = localDate(app.clock.now());
  const message: Message = {
    text: (t, locale) => t("term-ended", { municipality: group.municipality, date: formatDate(locale, today), reason }),
  };
  await bestEffort(app.logger, "term end not posted", notifyGroup(app, group, message));
  for (const person of officials(app, group, true)) await notifyPerson(app, person, message, group.id);
}
