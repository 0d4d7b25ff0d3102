type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/**
 * Where two records differ, as paths ("items.1.decided", "vote.ballots.0.choice"), at most
 * `limit` of them: what an altered copy of a signed record changed.
 */
export function recordDifferences(claimed: unknown, signed: unknown, limit = 5): string[] {
  const found: string[] = [];
  const walk = (a: unknown, b: unknown, path: string) => {
    if (found.length >= limit) return;
    const bothObjects = a !== null && b !== null && typeof a === "object" && typeof b === "object" && Array.isArray(a) === Array.isArray(b);
    if (!bothObjects) {
      if (JSON.stringify(a) !== JSON.stringify(b)) found.push(path || "(record)");
      return;
    }
    const left = a as Record<string, Json>;
    const right = b as Record<string, Json>;
    const keys = [...new Set([...Object.keys(left), ...Object.keys(right)])].sort();
    for (const key of keys) walk(left[key], right[key], path ? `${path}.${key}` : key);
  };
  walk(claimed, signed, "");
  return found;
}
