import { groupById } from "../../domain/groups.js";
import type { WorkPlan } from "../../domain/plans.js";
import type { Group } from "../../domain/types.js";
import type { App } from "../app.js";
import { bestEffort } from "../errors.js";
import { notifyGroup, notifyPerson, officials } from "../notify.js";
import { approveKeyboard, planText } from "../views/plan.js";

/** A plan recorded: each appointer receives it in private with the button that approves it. */
export async function sendPlanForApproval(app: App, plan: WorkPlan): Promise<void> {
  const group = groupById(app.db, plan.groupId);
  if (!group) return;
  for (const appointer of officials(app, group, false)) {
    await notifyPerson(
      app,
      appointer,
      {
        text: (t, locale) => `${t("plan-to-appointer", { municipality: group.municipality })}\n\n${planText(t, locale, plan)}`,
        keyboard: approveKeyboard(plan),
      },
      group.id,
    );
  }
}

/** A plan approved: the group chat reads it. */
export async function announcePlanApproved(app: App, group: Group, plan: WorkPlan): Promise<void> {
  const approved = notifyGroup(app, group, {
    text: (t, locale) => `${t("plan-approved-group")}\n\n${planText(t, locale, plan)}`,
  });
  await bestEffort(app.logger, "plan approval not posted", approved);
}
