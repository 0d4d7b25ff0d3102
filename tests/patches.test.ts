import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { I18n } from "@grammyjs/i18n";
import { Composer, type Context } from "grammy";
import { asc, desc, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { directFilters, WRITTEN_AGAINST as COMPOSER } from "../src/bot/patches/composer-filters.js";
import { rememberBundleMatches, WRITTEN_AGAINST as FLUENT, type Matching } from "../src/bot/patches/fluent-matching.js";
import { LOCALES_DIR } from "../src/bot/i18n.js";
import { closeDatabase, openDatabase, type Database } from "../src/db/client.js";
import { inTransaction, sessionOf, WRITTEN_AGAINST as DRIZZLE } from "../src/db/patches/drizzle-session.js";
import { WRITTEN_AGAINST as LIMITS } from "../src/db/patches/literal-limits.js";
import { WRITTEN_AGAINST as STATEMENTS } from "../src/db/patches/statement-cache.js";
import { users } from "../src/db/schema.js";

/**
 * We reach into three libraries' internals (src/db/patches/, src/bot/patches/). When one of
 * them is upgraded, these tests fail first: check the patch against the new version's source,
 * then update the version it names.
 */
const require = createRequire(import.meta.url);

function installedVersion(name: string): string {
  let dir = dirname(require.resolve(name));
  for (;;) {
    try {
      const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { name?: string; version: string };
      if (manifest.name === name) return manifest.version;
    } catch {
      // no package.json at this level
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json for ${name}`);
    dir = parent;
  }
}

test.each([DRIZZLE, ...STATEMENTS, ...LIMITS, FLUENT, COMPOSER])(
  "each patch was written against the installed $package ($version)",
  (written) => {
    expect(installedVersion(written.package), `${written.package} changed: check its patch, then its WRITTEN_AGAINST`).toBe(
      written.version,
    );
  },
);

describe("drizzle's session", () => {
  let db: Database;
  beforeEach(() => void (db = openDatabase(":memory:")));
  afterEach(() => closeDatabase(db));

  test("a database has one, shared by its transactions, holding the connection", () => {
    const session = sessionOf(db);
    expect(session).toBeTypeOf("object");
    expect(sessionOf(openDatabase(":memory:"))).not.toBe(session);
    db.transaction((tx) => {
      expect(sessionOf(tx)).toBe(session);
      expect(inTransaction(tx)).toBe(true);
      expect(inTransaction(db)).toBe(true);
    });
    expect(inTransaction(db)).toBe(false);
    expect((session as { client?: unknown }).client).toBe(db.$client);
  });

  test("one transaction object serves every transaction; one inside another is a savepoint that rolls back alone", () => {
    const seen: unknown[] = [];
    db.transaction((tx) => void seen.push(tx));
    db.transaction((tx) => {
      seen.push(tx);
      tx.insert(users).values({ id: 1, firstName: "A" }).run();
      expect(() =>
        tx.transaction((inner) => {
          inner.insert(users).values({ id: 2, firstName: "B" }).run();
          throw new Error("undo the inner one");
        }),
      ).toThrow("undo the inner one");
    });
    expect(seen[0]).toBe(seen[1]);
    expect(
      db
        .select()
        .from(users)
        .all()
        .map((u) => u.id),
    ).toEqual([1]);
    expect(() =>
      db.transaction(() => {
        throw new Error("undo all");
      }),
    ).toThrow("undo all");
    expect(inTransaction(db)).toBe(false);
  });
});

describe("better-sqlite3's statements, reused", () => {
  let db: Database;
  beforeEach(() => void (db = openDatabase(":memory:")));
  afterEach(() => closeDatabase(db));

  test("the same SQL gets the same statement, with the row mode drizzle switched on put back", () => {
    const source = "select 1 as one";
    const statement = db.$client.prepare(source);
    expect(statement.reader).toBe(true);
    statement.raw(true);
    expect(statement.get()).toEqual([1]);
    expect(db.$client.prepare(source)).toBe(statement);
    expect(statement.get()).toEqual({ one: 1 });
  });

  test("drizzle reads arrays through raw() and objects after, from the same statement", () => {
    db.insert(users).values({ id: 1, firstName: "Айгүл" }).run();
    const query = sql`select first_name from users where id = ${1}`;
    expect(db.values(query)).toEqual([["Айгүл"]]);
    expect(db.get(query)).toEqual({ first_name: "Айгүл" });
    expect(db.select({ name: users.firstName }).from(users).all()).toEqual([{ name: "Айгүл" }]);
  });
});

describe("drizzle's limits, written into the SQL", () => {
  let db: Database;
  beforeEach(() => {
    db = openDatabase(":memory:");
    db.insert(users)
      .values([1, 2, 3, 4].map((id) => ({ id, firstName: `P${id}` })))
      .run();
  });
  afterEach(() => closeDatabase(db));
  const ids = (rows: { id: number }[]) => rows.map((row) => row.id);

  test("a whole-number limit and offset are in the text, not parameters, and still apply", () => {
    const query = db.select({ id: users.id }).from(users).orderBy(asc(users.id)).limit(2).offset(1);
    expect(query.toSQL()).toMatchObject({ params: [] });
    expect(query.toSQL().sql).toMatch(/ limit 2 offset 1$/);
    expect(ids(query.all())).toEqual([2, 3]);
    const one = db.select({ id: users.id }).from(users).where(sql`${users.id} > ${1}`).orderBy(desc(users.id)).limit(1);
    expect(one.toSQL()).toMatchObject({ params: [1] });
    expect(one.get()).toEqual({ id: 4 });
  });

  test("a placeholder stays a parameter", () => {
    const query = db.select({ id: users.id }).from(users).orderBy(asc(users.id)).limit(sql.placeholder("n")).prepare();
    expect(ids(query.all({ n: 3 }))).toEqual([1, 2, 3]);
    expect(ids(query.all({ n: 1 }))).toEqual([1]);
  });

  test("the statement with a written limit is compiled once and reused", () => {
    const text = () => db.select({ id: users.id }).from(users).limit(1).toSQL().sql;
    db.select({ id: users.id }).from(users).limit(1).all();
    expect(db.$client.prepare(text())).toBe(db.$client.prepare(text()));
  });
});

describe("Fluent's bundle matching in @grammyjs/i18n", () => {
  const i18n = () => new I18n({ defaultLocale: "ky", directory: LOCALES_DIR, useSession: false });

  test("the plugin still matches bundles through matchBundles", () => {
    const fluent = i18n().fluent as unknown as Matching;
    expect(fluent.matchBundles).toBeTypeOf("function");
    const bundles = fluent.matchBundles(["ru"]);
    expect(bundles).toBeInstanceOf(Set);
    expect([...(bundles as Set<{ locales: string[] }>)].map((bundle) => bundle.locales)).toEqual([["ru"], ["ky"]]);
  });

  test("remembered, each locale matches once and still translates", () => {
    const patched = rememberBundleMatches(i18n());
    const fluent = patched.fluent as unknown as Matching;
    expect(fluent.matchBundles(["ru"])).toBe(fluent.matchBundles(["ru"]));
    expect(patched.t("ru", "language-ask")).toBe(i18n().t("ru", "language-ask"));
    expect(patched.t("ky", "language-ask")).not.toBe(patched.t("ru", "language-ask"));
  });
});

describe("grammY's filters, deciding directly", () => {
  directFilters();
  type Ctx = Context & { seen: string[]; n: number };
  const run = async (composer: Composer<Ctx>, n: number) => {
    const ctx = { seen: [], n } as unknown as Ctx;
    await composer.middleware()(ctx, async () => void ctx.seen.push("next"));
    return ctx.seen;
  };

  test("a filter runs its middleware or passes on, with a predicate plain or awaited", async () => {
    const composer = new Composer<Ctx>();
    composer.filter(
      (ctx) => ctx.n === 1,
      (ctx) => void ctx.seen.push("one"),
    );
    composer.filter(
      async (ctx) => ctx.n === 2,
      (ctx, next) => (ctx.seen.push("two"), next()),
    );
    expect(await run(composer, 1)).toEqual(["one"]);
    expect(await run(composer, 2)).toEqual(["two", "next"]);
    expect(await run(composer, 3)).toEqual(["next"]);
  });

  test("middleware added later to a filter's composer is seen; branch takes either side; errors reach the caller", async () => {
    const composer = new Composer<Ctx>();
    const odd = composer.filter((ctx) => ctx.n % 2 === 1);
    composer.branch(
      (ctx) => ctx.n > 10,
      (ctx) => void ctx.seen.push("big"),
      (ctx, next) => (ctx.seen.push("small"), next()),
    );
    odd.use((ctx) => {
      if (ctx.n === 7) throw new Error("seven");
      ctx.seen.push("odd");
    });
    expect(await run(composer, 1)).toEqual(["odd"]);
    expect(await run(composer, 12)).toEqual(["big"]);
    expect(await run(composer, 2)).toEqual(["small", "next"]);
    await expect(run(composer, 7)).rejects.toThrow("seven");
  });
});

describe("the file patches of patches/ (patch-package, at npm install)", () => {
  test("the conversations engine lets pending promises settle with setImmediate, not a 1 ms timer", () => {
    expect(installedVersion("@grammyjs/conversations"), "the patch in patches/ names this version").toBe("2.1.1");
    const engine = readFileSync(require.resolve("@grammyjs/conversations/out/engine.js"), "utf8");
    expect(engine.match(/setImmediate\(r\)/g)).toHaveLength(2);
    expect(engine).not.toContain("setTimeout(r, 0)");
  });

  test("a short form not open in the chat lets the update go on at once, without a replay's setup", () => {
    const plugin = readFileSync(require.resolve("@grammyjs/conversations/out/plugin.js"), "utf8");
    expect(plugin).toContain("if (!(id in mutableData))\n            return await next();");
  });
});
