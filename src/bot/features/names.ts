import { createConversation } from "@grammyjs/conversations";
import { FORMS } from "../../callbacks/index.js";
import { Composer } from "grammy";
import { renameGroup } from "../../domain/group-settings.js";
import { groupByChat } from "../../domain/groups.js";
import { mayRenameGroup } from "../../domain/permissions.js";
import { chatId, groupId } from "../../domain/types.js";
import type { App } from "../app.js";
import type { BotContext, Form, FormContext } from "../context.js";
import { refuse } from "../errors.js";
import { askMunicipalityNames } from "../conversations/municipality-names.js";
import { FORM_TIMEOUT_MS } from "../conversations/limits.js";
import type { Feature } from "../feature.js";

const PREFIX = FORMS.names;

function namesForm(app: App) {
  return async function names(form: Form, ctx: FormContext, id: number) {
    const names = await askMunicipalityNames(form, ctx, PREFIX);
    const user = ctx.person;
    const renamed = await form.external(() => renameGroup(app.db, { group: groupId(id), names, by: user }).ok);
    if (!renamed) return ctx.reply(ctx.t("names-not-appointer"));
    const area = (ky: string | null, ru: string | null) => (ky && ru ? `${ky} / ${ru}` : ctx.t("names-area-none"));
    await ctx.reply(ctx.t("names-done", { ky: names.ky, ru: names.ru, area: area(names.areaKy, names.areaRu) }));
  };
}

/** /names: an appointer corrects the municipality's official names, in the group chat. */
export function namesFeature(app: App): Feature {
  const composer = new Composer<BotContext>();
  composer.chatType("private").command("names", (ctx) => ctx.reply(ctx.t("names-in-group")));
  composer.chatType(["group", "supergroup"]).command("names", async (ctx) => {
    const group = groupByChat(app.db, chatId(ctx.chat.id));
    if (!group) return ctx.reply(ctx.t("group-not-registered"));
    if (!mayRenameGroup(app.db, group.id, ctx.person)) return refuse(ctx, "names-not-appointer");
    await ctx.conversation.exitAll();
    await ctx.conversation.enter("names", group.id);
  });
  return {
    forms: [createConversation<BotContext, FormContext>(namesForm(app), { id: "names", maxMillisecondsToWait: FORM_TIMEOUT_MS })],
    composer,
  };
}
