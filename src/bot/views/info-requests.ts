import { InlineKeyboard } from "grammy";
import { infoAnswerData } from "../../callbacks/index.js";
import type { InfoRequest } from "../../domain/info-requests.js";
import type { Group } from "../../domain/types.js";
import { formatDate } from "../../i18n/dates.js";
import type { Locale } from "../../i18n/locales.js";
import type { LocalizedName } from "../../i18n/localized-name.js";
import type { T } from "../speech.js";

const LISTED = 20;
const LINE_TEXT_LENGTH = 120;

const short = (text: string) => (text.length > LINE_TEXT_LENGTH ? `${text.slice(0, LINE_TEXT_LENGTH - 1)}…` : text);

const addresseeOf = (t: T, r: InfoRequest) => (r.addressee === "head" ? t("info-to-head") : (r.addresseeName ?? ""));

export function requestText(t: T, locale: Locale, r: InfoRequest, key: string, municipality: LocalizedName): string {
  return t(key, { to: addresseeOf(t, r), subject: r.subject, date: formatDate(locale, r.dueOn), municipality, answer: r.answer ?? "" });
}

export const answerButton = (r: InfoRequest) => (t: T) =>
  new InlineKeyboard().text(t("info-answer-button"), infoAnswerData.pack({ request: r.id }));

export function listText(t: T, locale: Locale, group: Group, list: readonly InfoRequest[], today: string): string {
  if (list.length === 0) return t("info-none", { municipality: group.municipality });
  const lines = list.slice(0, LISTED).map((r, i) =>
    t(r.dueOn < today ? "info-line-overdue" : "info-line", {
      n: i + 1,
      to: short(addresseeOf(t, r)),
      subject: short(r.subject),
      date: formatDate(locale, r.dueOn),
    }),
  );
  if (list.length > LISTED) lines.push(t("info-more", { count: list.length - LISTED }));
  return [t("info-title", { municipality: group.municipality }), ...lines].join("\n");
}

/** An answer button for each listed request the person may answer. */
export function answerKeyboard(t: T, list: readonly InfoRequest[], mayAnswer: (r: InfoRequest) => boolean): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  list.slice(0, LISTED).forEach((r, i) => {
    if (mayAnswer(r)) keyboard.text(t("info-answer-n", { n: i + 1 }), infoAnswerData.pack({ request: r.id })).row();
  });
  return keyboard;
}
