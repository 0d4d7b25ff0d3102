/** The group's two first languages (the statute's): every text exists in both. */
export const LOCALES = ["ky", "ru"] as const;
export type Locale = (typeof LOCALES)[number];

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}
