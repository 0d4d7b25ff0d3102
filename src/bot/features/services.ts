import { createConversation } from "@grammyjs/conversations";
import { FORMS, serviceFormData, serviceToggleData } from "../../callbacks/index.js";
import { Composer, InlineKeyboard } from "grammy";
import { groupById } from "../../domain/groups.js";
import { mayManageServices, maySeeGroup } from "../../domain/permissions.js";
import { addService, renameService, retireService, serviceById, servicesOf, type ServiceResult } from "../../domain/services.js";
import { SERVICE_NAME_MAX_LENGTH, SERVICE_NAME_MIN_LENGTH } from "../../domain/rules.js";
import { groupId, serviceId, type Group, type Service } from "../../domain/types.js";
import type { Locale } from "../../i18n/locales.js";
import type { App } from "../app.js";
import type { BotContext, Form, FormContext } from "../context.js";
import { bestEffort, refuse } from "../errors.js";
import { ask, textAnswer } from "../conversations/ask.js";
import { FORM_TIMEOUT_MS } from "../conversations/limits.js";
import { groupCommand } from "../group-scope.js";
import type { T } from "../notify.js";
import { serviceName } from "../views/observation-card.js";
import type { Feature } from "../feature.js";

const PREFIX = FORMS.service;

/** What the service form is opened with: a new service of the group, or a renaming. */
interface ServiceFormStart {
  group: number;
  service?: number;
}

function serviceForm(app: App) {
  return async function service(form: Form, ctx: FormContext, start: ServiceFormStart) {
    const name = () => ask(form, PREFIX, textAnswer("svc-name-hint", SERVICE_NAME_MIN_LENGTH, SERVICE_NAME_MAX_LENGTH));
    await ctx.reply(ctx.t(start.service === undefined ? "svc-ask-name-ky" : "svc-ask-rename-ky"));
    const nameKy = await name();
    await ctx.reply(ctx.t("svc-ask-name-ru"));
    const nameRu = await name();
    const refusal = await form.external(() => {
      const by = ctx.person;
      const now = app.clock.now();
      const result =
        start.service === undefined
          ? addService(app.db, { group: groupId(start.group), by, nameKy, nameRu, now })
          : renameService(app.db, { service: serviceId(start.service), by, nameKy, nameRu, now });
      return result.ok ? null : result.reason;
    });
    const locale = ctx.speech.locale;
    if (refusal) return ctx.reply(ctx.t(`svc-refused-${refusal}`));
    await ctx.reply(ctx.t("svc-saved", { name: locale === "ky" ? nameKy : nameRu }));
  };
}

function listText(t: T, locale: Locale, group: Group, list: Service[]): string {
  const active = list.filter((s) => !s.retired);
  const retired = list.filter((s) => s.retired);
  const lines = [t("svc-title", { municipality: group.municipality }), ...active.map((s, i) => `${i + 1}. ${serviceName(t, locale, s)}`)];
  if (retired.length > 0) lines.push("", t("svc-retired-title"), ...retired.map((s) => `— ${serviceName(t, locale, s)}`));
  return lines.join("\n");
}

/** The leader's buttons: rename or retire each service, restore a retired one, add a new one. */
function manageKeyboard(t: T, locale: Locale, group: Group, list: Service[]): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const s of list) {
    const name = serviceName(t, locale, s);
    if (s.retired) keyboard.text(t("svc-restore", { name }), serviceToggleData.pack({ action: "res", service: s.id })).row();
    else
      keyboard
        .text(t("svc-rename", { name }), serviceFormData.pack({ action: "ren", id: s.id }))
        .text(t("svc-retire"), serviceToggleData.pack({ action: "ret", service: s.id }))
        .row();
  }
  return keyboard.text(t("svc-add"), serviceFormData.pack({ action: "add", id: group.id }));
}

async function showList(app: App, ctx: BotContext, group: Group, edit: boolean): Promise<void> {
  const { t, locale } = ctx.speech;
  const list = servicesOf(app.db, group.id, { withRetired: true });
  const manager = mayManageServices(app.db, group.id, ctx.person);
  const inPrivate = ctx.chat?.type === "private";
  const text = listText(t, locale, group, list) + (manager && !inPrivate ? `\n\n${t("svc-manage-in-private")}` : "");
  const reply_markup = manager && inPrivate ? manageKeyboard(t, locale, group, list) : undefined;
  if (edit) await bestEffort(app.logger, "message not edited", ctx.editMessageText(text, { reply_markup }));
  else await ctx.reply(text, { reply_markup });
}

async function answerRefusal(ctx: BotContext, result: ServiceResult): Promise<boolean> {
  if (result.ok) return false;
  await refuse(ctx, `svc-refused-${result.reason}`);
  return true;
}

/** /services: the group's service list; its leader adds, renames, retires and restores services. */
export function servicesFeature(app: App): Feature {
  const composer = new Composer<BotContext>();
  composer.use(
    groupCommand(app, "services", async (ctx, group) => {
      if (!maySeeGroup(app.db, group.id, ctx.person)) return refuse(ctx, "not-your-group");
      await showList(app, ctx, group, false);
    }),
  );
  composer.callbackQuery(serviceToggleData.filter(), async (ctx) => {
    const pressed = serviceToggleData.unpack(ctx.match);
    const result = retireService(app.db, {
      service: pressed.service,
      by: ctx.person,
      retired: pressed.action === "ret",
      now: app.clock.now(),
    });
    if (await answerRefusal(ctx, result)) return;
    const group = result.ok ? groupById(app.db, result.service.groupId) : undefined;
    await ctx.answerCallbackQuery({ text: ctx.personalSpeech.t(pressed.action === "ret" ? "svc-retired-toast" : "svc-restored-toast") });
    if (group) await showList(app, ctx, group, true);
  });
  composer.chatType("private").callbackQuery(serviceFormData.filter(), async (ctx) => {
    const { action, id } = serviceFormData.unpack(ctx.match);
    const group = action === "add" ? groupId(id) : serviceById(app.db, serviceId(id))?.groupId;
    if (group === undefined || !mayManageServices(app.db, group, ctx.person)) {
      return refuse(ctx, "svc-refused-not-allowed");
    }
    await ctx.answerCallbackQuery();
    await ctx.conversation.exitAll();
    const start: ServiceFormStart = action === "add" ? { group } : { group, service: id };
    await ctx.conversation.enter("service", start);
  });
  return {
    forms: [createConversation<BotContext, FormContext>(serviceForm(app), { id: "service", maxMillisecondsToWait: FORM_TIMEOUT_MS })],
    composer,
  };
}
