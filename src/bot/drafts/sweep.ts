import { sweepDrafts } from "../../domain/drafts.js";
import { userId } from "../../domain/types.js";
import { formatDateTime } from "../../i18n/dates.js";
import type { App } from "../app.js";
import { notifyPerson } from "../notify.js";

/** A draft untouched this long is closed, and its owner told. */
export const DRAFT_KEPT_MS = 7 * 24 * 60 * 60 * 1000;

/** Closes the drafts left for too long and tells each owner which one and since when. */
export async function sweepStaleDrafts(app: App): Promise<void> {
  const now = app.clock.now();
  for (const draft of sweepDrafts(app.db, new Date(now.getTime() - DRAFT_KEPT_MS), now)) {
    await notifyPerson(app, userId(draft.userId), {
      text: (t, locale) => t("draft-swept", { form: t(`draft-title-${draft.kind}`), since: formatDateTime(locale, draft.updatedAt) }),
    });
  }
}
