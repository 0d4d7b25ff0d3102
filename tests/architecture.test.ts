import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, test } from "vitest";

/**
 * The import rules of the layout (README, "Layout"): who may import whom, and no circles.
 * Each module's imports are read with TypeScript's own parser (type-only and dynamic imports
 * count too); a path is relative to the project, e.g. "src/bot/app.ts", and a package is its name.
 */
type Graph = ReadonlyMap<string, readonly string[]>;

const ROOT = resolve(import.meta.dirname, "..");

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

function resolveImport(from: string, specifier: string): string {
  if (!specifier.startsWith(".")) return specifier.startsWith("@") ? specifier.split("/").slice(0, 2).join("/") : specifier.split("/")[0]!;
  const base = relative(ROOT, resolve(ROOT, dirname(from), specifier.replace(/\.js$/, "")));
  return [`${base}.ts`, `${base}/index.ts`].find((path) => existsSync(join(ROOT, path))) ?? specifier;
}

function importGraph(): Graph {
  return new Map(
    sourceFiles("src").map((file) => {
      const { importedFiles } = ts.preProcessFile(readFileSync(join(ROOT, file), "utf8"), true, true);
      return [file, [...new Set(importedFiles.map((imported) => resolveImport(file, imported.fileName)))]];
    }),
  );
}

/** "a.ts -> b.ts" for every import from a module matching `from` to one matching `to`. */
function imports(graph: Graph, from: (file: string) => boolean, to: (target: string, file: string) => boolean): string[] {
  return [...graph].flatMap(([file, targets]) =>
    from(file) ? targets.filter((target) => to(target, file)).map((target) => `${file} -> ${target}`) : [],
  );
}

/** Every import circle, each as its modules in order (strongly connected components, Tarjan). */
function circles(graph: Graph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (file: string) => {
    index.set(file, index.size);
    low.set(file, index.get(file)!);
    stack.push(file);
    for (const target of graph.get(file) ?? []) {
      if (!graph.has(target)) continue;
      if (!index.has(target)) {
        visit(target);
        low.set(file, Math.min(low.get(file)!, low.get(target)!));
      } else if (stack.includes(target)) low.set(file, Math.min(low.get(file)!, index.get(target)!));
    }
    if (low.get(file) !== index.get(file)) return;
    const component = stack.splice(stack.indexOf(file));
    if (component.length > 1 || graph.get(file)!.includes(file)) found.push(component.sort());
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return found;
}

const under = (dir: string) => (path: string) => path.startsWith(`${dir}/`);
const isTelegram = (target: string) => target === "grammy" || target.startsWith("@grammyjs/");
const isFeature = under("src/bot/features");

const rules = {
  schedulerImportsBot: (graph: Graph) => imports(graph, under("src/scheduler"), under("src/bot")),
  domainImportsOutside: (graph: Graph) =>
    imports(graph, under("src/domain"), (target) => under("src/bot")(target) || under("src/scheduler")(target) || isTelegram(target)),
  featureImportsFeature: (graph: Graph) => imports(graph, isFeature, isFeature),
  circles: (graph: Graph) => circles(graph).map((circle) => circle.join(" <-> ")),
};

describe("import rules", () => {
  const graph = importGraph();

  test("the scheduler does not import the bot", () => {
    expect(rules.schedulerImportsBot(graph)).toEqual([]);
  });

  test("the domain imports neither the bot, nor the scheduler, nor grammY", () => {
    expect(rules.domainImportsOutside(graph)).toEqual([]);
  });

  test("no feature imports another", () => {
    expect(rules.featureImportsFeature(graph)).toEqual([]);
  });

  test("no import circles in src/", () => {
    expect(rules.circles(graph)).toEqual([]);
  });
});

describe("the import rules catch what they are for", () => {
  const graph: Graph = new Map([
    ["src/scheduler/rules/votes.ts", ["src/bot/keyboards.ts", "src/domain/types.ts"]],
    ["src/domain/types.ts", ["grammy", "src/scheduler/reminder.ts"]],
    ["src/domain/groups.ts", ["@grammyjs/i18n", "src/bot/app.ts", "src/domain/types.ts"]],
    ["src/scheduler/reminder.ts", ["src/domain/types.ts"]],
    ["src/bot/features/start.ts", ["src/bot/features/join.ts", "src/bot/keyboards.ts"]],
    ["src/bot/features/join.ts", ["src/bot/app.ts"]],
    ["src/bot/keyboards.ts", []],
    ["src/bot/app.ts", ["grammy"]],
  ]);

  test("each rule names the offending import", () => {
    expect(rules.schedulerImportsBot(graph)).toEqual(["src/scheduler/rules/votes.ts -> src/bot/keyboards.ts"]);
    expect(rules.domainImportsOutside(graph)).toEqual([
      "src/domain/types.ts -> grammy",
      "src/domain/types.ts -> src/scheduler/reminder.ts",
      "src/domain/groups.ts -> @grammyjs/i18n",
      "src/domain/groups.ts -> src/bot/app.ts",
    ]);
    expect(rules.featureImportsFeature(graph)).toEqual(["src/bot/features/start.ts -> src/bot/features/join.ts"]);
    expect(rules.circles(graph)).toEqual(["src/domain/types.ts <-> src/scheduler/reminder.ts"]);
  });
});
