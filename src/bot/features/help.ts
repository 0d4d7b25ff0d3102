import { Composer } from "grammy";
import { appointerOffice } from "../../domain/appointers.js";
import { groupByChat } from "../../domain/groups.js";
import { activeMembership, groupsOfUser } from "../../domain/members.js";
import { chatId, type Group, type UserId } from "../../domain/types.js";
import type { App } from "../app.js";
import type { BotContext } from "../context.js";
import type { Feature } from "../feature.js";

type Section = "everyone" | "member" | "leader" | "appointer";

function sectionsFor(app: App, user: UserId, groups: readonly Group[]): Section[] {
  const sections = new Set<Section>(["everyone"]);
  for (const group of groups) {
    const member = activeMembership(app.db, group.id, user);
    if (member) sections.add("member");
    if (member?.isLeader) sections.add("leader");
    if (appointerOffice(app.db, group.id, user)) sections.add("appointer");
  }
  return [...sections];
}

/** The observation commands, added to the member's and the leader's sections. */
function observationHelp(ctx: BotContext, section: Section): string {
  if (section === "member") return `\n${ctx.t("obs-help-member")}`;
  if (section === "leader") return `\n${ctx.t("svc-help-leader")}`;
  if (section === "appointer") return `\n${ctx.t("obs-help-appointer")}`;
  return "";
}

/** The plan, assignments, requests for information and the term, in each role's section. */
function statuteHelp(ctx: BotContext, section: Section): string {
  return section === "everyone" ? "" : `\n${ctx.t(`statute-help-${section}`)}`;
}

/** The results of the group's work (reports, recommendations, exports), by role. */
function resultsHelp(ctx: BotContext, section: Section): string {
  return section === "everyone" ? "" : `\n${ctx.t(`results-help-${section}`)}`;
}

/** /help: what *this* person can do here, by their roles in this group (or in all of theirs). */
export function helpFeature(app: App): Feature {
  const composer = new Composer<BotContext>();
  composer.command("help", async (ctx) => {
    const user = ctx.person;
    const chat = ctx.chat;
    if (!chat) return;
    const inGroup = chat.type !== "private";
    const group = inGroup ? groupByChat(app.db, chatId(chat.id)) : undefined;
    if (inGroup && !group) return ctx.reply(`${ctx.t("help-intro")}\n\n${ctx.t("help-unregistered")}`);
    const groups = group ? [group] : groupsOfUser(app.db, user);
    const sections = sectionsFor(app, user, groups).map(
      (section) => ctx.t(`help-${section}`) + observationHelp(ctx, section) + statuteHelp(ctx, section) + resultsHelp(ctx, section),
    );
    await ctx.reply([ctx.t("help-intro"), ...sections].join("\n\n"));
  });
  return { composer };
}
