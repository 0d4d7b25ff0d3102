import { existsSync } from "node:fs";

/** Debian's chromium (apt-get install chromium); playwright-core drives it and downloads no browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--headless",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export const hasChromium = existsSync(CHROMIUM);

/** Without chromium the browser tests are skipped, loudly; under CI that is a failure. */
export function reportMissingChromium(): void {
  if (hasChromium) return;
  const line = `BROWSER TESTS SKIPPED: no chromium at ${CHROMIUM}. Install it with: apt-get install -y chromium (or set CHROMIUM_PATH).`;
  process.stderr.write(`\n${"!".repeat(line.length)}\n${line}\n${"!".repeat(line.length)}\n\n`);
}
