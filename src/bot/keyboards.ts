import type { Locale } from "../i18n/locales.js";
import { formButton, pickGroupData } from "../callbacks/index.js";
import { InlineKeyboard } from "grammy";
import type { Group } from "../domain/types.js";

export type Label = (key: string) => string;

/** Buttons in rows of `perRow`, each `[text, callback data]`. */
export function buttonGrid(buttons: readonly (readonly [string, string])[], perRow = 1): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  buttons.forEach(([text, data], index) => {
    if (index > 0 && index % perRow === 0) keyboard.row();
    keyboard.text(text, data);
  });
  return keyboard;
}

/** Buttons `<prefix>:<field>:<value>` labelled by the locale key `<labelPrefix>-<value>`. */
export function choiceKeyboard(
  t: Label,
  prefix: string,
  field: string,
  values: readonly string[],
  labelPrefix: string,
  perRow = 1,
): InlineKeyboard {
  return buttonGrid(
    values.map((value) => [t(`${labelPrefix}-${value}`), formButton.pack(prefix, field, value)] as const),
    perRow,
  );
}

/** One button per group, for the person who belongs to several. */
export function groupPicker(groups: readonly Group[], action: string, locale: Locale): InlineKeyboard {
  return buttonGrid(
    groups.map((group) => [group.municipality.in(locale), pickGroupData.pack({ command: action, group: group.id })] as const),
  );
}

export function deepLink(botUsername: string, payload: string): string {
  return `https://t.me/${botUsername}?start=${payload}`;
}
