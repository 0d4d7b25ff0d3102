import type { I18n } from "@grammyjs/i18n";

/**
 * @grammyjs/i18n negotiates the bundle again on every translation (`Fluent.matchBundles`, a
 * private method); ours are fixed once loaded, so the match for each locale is remembered.
 * (Without it, matching took a tenth of the bot's time.)
 */
export const WRITTEN_AGAINST = { package: "@grammyjs/i18n", version: "1.1.2" } as const;

export interface Matching {
  matchBundles(locales: string[]): unknown;
}

export function rememberBundleMatches<I extends I18n<never>>(i18n: I): I {
  const fluent = i18n.fluent as unknown as Matching;
  const match = fluent.matchBundles.bind(fluent);
  const matches = new Map<string, unknown>();
  fluent.matchBundles = (locales) => {
    const key = locales.join(",");
    if (!matches.has(key)) matches.set(key, match(locales));
    return matches.get(key);
  };
  return i18n;
}
