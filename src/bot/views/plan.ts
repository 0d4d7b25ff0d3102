import { InlineKeyboard } from "grammy";
import { planApproveData } from "../../callbacks/index.js";
import type { WorkPlan } from "../../domain/plans.js";
import { formatDate } from "../../i18n/dates.js";
import type { Locale } from "../../i18n/locales.js";
import type { T } from "../speech.js";

/** The plan as members read it in /plan. */
export function planText(t: T, locale: Locale, plan: WorkPlan): string {
  return [
    t("plan-title", { date: formatDate(locale, plan.endsOn) }),
    t("plan-services", { text: plan.services }),
    t("plan-focus", { text: plan.focus }),
    t(plan.approvedAt ? "plan-approved" : "plan-awaiting"),
  ].join("\n");
}

export const approveKeyboard = (plan: WorkPlan) => (t: T) =>
  new InlineKeyboard().text(t("plan-approve-button"), planApproveData.pack({ group: plan.groupId, plan: plan.id }));
