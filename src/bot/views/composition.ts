import { MIN_MEMBERS } from "../../domain/rules.js";
import type { T } from "../notify.js";

/** The composition line shown wherever the member count changes, with the statute's minimum. */
export function compositionText(t: T, count: number): string {
  const line = t("composition-count", { count, min: MIN_MEMBERS });
  return count < MIN_MEMBERS ? `${line}\n${t("below-minimum", { count, min: MIN_MEMBERS })}` : line;
}
