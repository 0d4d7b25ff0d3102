import { InlineKeyboard } from "grammy";
import { termDoneData } from "../../callbacks/index.js";
import { groupById } from "../../domain/groups.js";
import { asksWhetherDone } from "../../domain/term.js";
import type { GroupId } from "../../domain/types.js";
import type { App } from "../app.js";
import { notifyGroup } from "../notify.js";

/**
 * The hook the publishing of a group's final report calls: a group without a set term stops
 * once it has reported (the statute), so its appointers are asked in the group chat whether
 * its work is done. Groups with a term end, or already ended, are not asked.
 */
export async function onFinalReportPublished(app: App, id: GroupId): Promise<void> {
  const group = groupById(app.db, id);
  if (!group || !asksWhetherDone(group, app.clock.now())) return;
  await notifyGroup(app, group, {
    text: (t) => t("term-ask-done", { municipality: group.municipality }),
    keyboard: (t) =>
      new InlineKeyboard()
        .text(t("term-done-yes"), termDoneData.pack({ group: group.id, answer: "y" }))
        .text(t("term-done-no"), termDoneData.pack({ group: group.id, answer: "n" })),
  });
}
