import { Composer } from "grammy";
import { activeMembers } from "../../domain/members.js";
import { mayDecideRequests } from "../../domain/permissions.js";
import { pendingRequests } from "../../domain/requests.js";
import type { Member } from "../../domain/types.js";
import type { App } from "../app.js";
import type { BotContext } from "../context.js";
import { groupCommand } from "../group-scope.js";
import type { T } from "../notify.js";
import { compositionText } from "../views/composition.js";
import { requestMessage } from "../views/requests.js";
import type { Feature } from "../feature.js";

/** At most this many pending requests are re-sent with their buttons under /members. */
const MAX_PENDING_SHOWN = 10;

function memberLine(t: T, member: Member, index: number, showReach: boolean): string {
  const marks = [member.isLeader ? t("members-leader-mark") : "", showReach && member.unreachable ? t("members-unreachable-mark") : ""];
  return `${index + 1}. ${member.fullName} — ${t(`category-${member.category}`)}${marks.join("")}`;
}

/** /members: the composition with roles and categories, and the count against the minimum. */
export function membersFeature(app: App): Feature {
  const composer = new Composer<BotContext>();
  composer.use(
    groupCommand(app, "members", async (ctx, group) => {
      const { t } = ctx.speech;
      const list = activeMembers(app.db, group.id);
      const decider = mayDecideRequests(app.db, group.id, ctx.person);
      const body = list.length === 0 ? [t("members-none")] : list.map((member, index) => memberLine(t, member, index, decider));
      await ctx.reply([t("members-title", { municipality: group.municipality }), ...body, "", compositionText(t, list.length)].join("\n"));
      // Deciders see what waits for them, with the buttons, in case the first notice was missed.
      if (!decider || ctx.chat?.type !== "private") return;
      for (const request of pendingRequests(app.db, group.id).slice(0, MAX_PENDING_SHOWN)) {
        const message = requestMessage(request, group);
        const locale = ctx.speech.locale;
        await ctx.reply(message.text(t, locale), { reply_markup: message.keyboard?.(t, locale) });
      }
    }),
  );
  return { composer };
}
