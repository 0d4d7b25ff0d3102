import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { FluentResource } from "@fluent/bundle";
import ts from "typescript";

const ROOT = resolve(import.meta.dirname, "../..");
export const LOCALE_FILES = ["ky.ftl", "ru.ftl"] as const;

/** Each message id of a Fluent file with the variables its text uses (in any variant). */
export function messageVariables(source: string): Map<string, Set<string>> {
  const vars = (node: unknown, found: Set<string>): Set<string> => {
    if (Array.isArray(node)) for (const part of node) vars(part, found);
    else if (node && typeof node === "object") {
      const element = node as { type?: string; name?: string };
      if (element.type === "var" && element.name) found.add(element.name);
      for (const value of Object.values(node)) vars(value, found);
    }
    return found;
  };
  const messages = new Map<string, Set<string>>();
  for (const message of new FluentResource(source).body) {
    if (!message.id.startsWith("-")) messages.set(message.id, vars(message.value, new Set()));
  }
  return messages;
}

/** Where two locale files differ: a message missing from one, or a variable used in only one. */
export function parityProblems(dir: string): string[] {
  const [ky, ru] = LOCALE_FILES.map((file) => messageVariables(readFileSync(join(dir, file), "utf8"))) as [
    Map<string, Set<string>>,
    Map<string, Set<string>>,
  ];
  const problems: string[] = [];
  for (const [id, kyVars] of ky) {
    const ruVars = ru.get(id);
    if (!ruVars) {
      problems.push(`${id}: missing in ru.ftl`);
      continue;
    }
    const only = (a: Set<string>, b: Set<string>) => [...a].filter((v) => !b.has(v)).sort();
    if (only(kyVars, ruVars).length > 0) problems.push(`${id}: only ky.ftl uses $${only(kyVars, ruVars).join(", $")}`);
    if (only(ruVars, kyVars).length > 0) problems.push(`${id}: only ru.ftl uses $${only(ruVars, kyVars).join(", $")}`);
  }
  for (const id of ru.keys()) if (!ky.has(id)) problems.push(`${id}: missing in ky.ftl`);
  return problems;
}

/** Every value a type can take, when it is a finite set of string or number literals. */
function literalValues(type: ts.Type): string[] | undefined {
  const parts = type.isUnion() ? type.types : [type];
  const values: string[] = [];
  for (const part of parts) {
    if (part.isStringLiteral() || part.isNumberLiteral()) values.push(String(part.value));
    else return undefined;
  }
  return values;
}

const isLocaleType = (type: ts.Type) => literalValues(type)?.every((value) => value === "ky" || value === "ru") ?? false;

/**
 * Functions that build an id from their arguments: `choiceKeyboard(t, prefix, field, values,
 * labelPrefix)` labels each button `<labelPrefix>-<value>`. Their ids are read at each call.
 */
const ID_BUILDERS: Record<string, { prefix: number; values: number }> = { choiceKeyboard: { prefix: 4, values: 3 } };

export interface UsedIds {
  /** Message ids the code passes to a translation, with where. */
  ids: Map<string, string>;
  /** Ids built from a prefix and a value whose values the types do not tell. */
  unresolved: string[];
  /** Every string in the code shaped like a message id (`reminder-vote`), passed on or not. */
  literals: Map<string, string>;
}

/**
 * The message ids the code uses: the key of every call `t(...)` / `x.t(...)` (after a locale
 * argument, if any), read from the types, so that `refused-${reason}` gives one id per reason
 * the type of `reason` allows.
 */
export function usedMessageIds(sourceDir = join(ROOT, "src")): UsedIds {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(ROOT, "tsconfig.json"),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined },
  );
  if (!config) throw new Error("tsconfig.json not readable");
  const program = ts.createProgram(
    config.fileNames.filter((file) => file.startsWith(sourceDir)),
    config.options,
  );
  const checker = program.getTypeChecker();
  const used: UsedIds = { ids: new Map(), unresolved: [], literals: new Map() };
  const where = (node: ts.Node) => {
    const file = node.getSourceFile();
    return `${file.fileName.slice(ROOT.length + 1)}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  };
  const keyValues = (key: ts.Expression): string[] | undefined => {
    if (ts.isTemplateExpression(key)) {
      let values = [key.head.text];
      for (const span of key.templateSpans) {
        const options = literalValues(checker.getTypeAtLocation(span.expression));
        if (!options) return undefined;
        values = values.flatMap((prefix) => options.map((option) => prefix + option + span.literal.text));
      }
      return values;
    }
    return literalValues(checker.getTypeAtLocation(key));
  };
  const listValues = (list: ts.Expression): string[] | undefined => {
    if (ts.isArrayLiteralExpression(list))
      return list.elements.every(ts.isStringLiteral) ? list.elements.map((e) => (e as ts.StringLiteral).text) : undefined;
    const element = checker.getIndexTypeOfType(checker.getTypeAtLocation(list), ts.IndexKind.Number);
    return element && literalValues(element);
  };
  const builderIds = (node: ts.CallExpression, builder: { prefix: number; values: number }): void => {
    const prefixArg = node.arguments[builder.prefix];
    const valuesArg = node.arguments[builder.values];
    const prefixes = prefixArg && literalValues(checker.getTypeAtLocation(prefixArg));
    const values = valuesArg && listValues(valuesArg);
    if (!prefixes || !values) used.unresolved.push(`${where(node)} ${node.getText()}`);
    else for (const prefix of prefixes) for (const value of values) used.ids.set(`${prefix}-${value}`, where(node));
  };
  const insideBuilder = (node: ts.Node) => {
    for (let up: ts.Node | undefined = node; up; up = up.parent)
      if (ts.isFunctionDeclaration(up) && up.name && Object.hasOwn(ID_BUILDERS, up.name.text)) return true;
    return false;
  };
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) && /^[a-z][a-z0-9]*(-[a-z0-9]+)+$/.test(node.text)) used.literals.set(node.text, where(node));
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : "";
      const builder = Object.hasOwn(ID_BUILDERS, name) ? ID_BUILDERS[name] : undefined;
      if (builder) builderIds(node, builder);
      const [first, second] = node.arguments;
      // `refuse(ctx, key, vars)` takes the key second.
      const key =
        name === "refuse"
          ? second
          : name === "t" && first && second && isLocaleType(checker.getTypeAtLocation(first))
            ? second
            : name === "t"
              ? first
              : undefined;
      if (key) {
        const values = keyValues(key);
        if (values) for (const id of values) used.ids.set(id, where(key));
        else if (ts.isTemplateExpression(key) && !insideBuilder(key)) used.unresolved.push(`${where(key)} ${key.getText()}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  for (const file of program.getSourceFiles()) if (file.fileName.startsWith(sourceDir)) visit(file);
  return used;
}

/** The used ids missing from one of the locale files. */
export function missingIds(dir: string, used: ReadonlyMap<string, string>): string[] {
  const files = LOCALE_FILES.map((file) => [file, messageVariables(readFileSync(join(dir, file), "utf8"))] as const);
  return [...used].flatMap(([id, at]) =>
    files.filter(([, messages]) => !messages.has(id)).map(([file]) => `${id} (${at}): missing in ${file}`),
  );
}
