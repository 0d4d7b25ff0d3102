import type { Locale } from "../../src/i18n/locales.js";
import { label, type SandboxPage } from "./page.js";

/** A 1×1 PNG, for the photo of an observation. */
export const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

/**
 * A member records an observation in private, by what the page shows: the first service, today,
 * a location and a place, scores, a finding and a photo, then Save. The one place that knows
 * the observation form's buttons.
 */
export async function observe(p: SandboxPage, locale: Locale): Promise<void> {
  const t = (key: string, vars?: Record<string, string | number>) => label(locale, key, vars);
  await p.command("private", "observe");
  await p.sees("private", t("obs-ask-service"));
  await p.pressFirstOfLast("private");
  await p.press("private", t("obs-date-today"));
  await p.location("private");
  await p.sees("private", t("obs-ask-place-text"));
  await p.say("private", "Ленин көчөсү, 12");
  await p.press("private", t("obs-score-4"));
  await p.press("private", t("obs-compliance-partly"));
  await p.sees("private", t("obs-ask-resources"));
  await p.press("private", t("obs-score-3"));
  await p.say("private", "Суу күнүнө эки саат гана берилет.");
  await p.attach("private", "photo", "tap.png", "image/png", PNG);
  await p.sees("private", t("obs-photo-received", { count: 1, max: 5 }).slice(0, 12));
  await p.press("private", t("obs-photos-done"));
  await p.press("private", t("obs-summary-save"));
}
