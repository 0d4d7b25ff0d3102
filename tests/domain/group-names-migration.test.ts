import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import SQLite from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { expect, test } from "vitest";
import { MIGRATIONS_FOLDER } from "../../src/db/client.js";

interface Journal {
  entries: { tag: string }[];
}

test("a group registered before names were asked in both languages keeps its one name for both", () => {
  const dir = mkdtempSync(join(tmpdir(), "names-migration-"));
  try {
    // The migrations as they were before the Russian name: those before the first that mentions it.
    const before = join(dir, "before");
    cpSync(MIGRATIONS_FOLDER, before, { recursive: true });
    const journalPath = join(before, "meta", "_journal.json");
    const journal = JSON.parse(readFileSync(journalPath, "utf8")) as Journal;
    const first = journal.entries.findIndex((e) =>
      readFileSync(join(MIGRATIONS_FOLDER, `${e.tag}.sql`), "utf8").includes("municipality_ru"),
    );
    expect(first).toBeGreaterThan(0);
    writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, first) }));

    const sqlite = new SQLite(join(dir, "bot.sqlite"));
    migrate(drizzle(sqlite), { migrationsFolder: before });
    sqlite.prepare("insert into users (id, first_name) values (1, 'Бакыт')").run();
    sqlite
      .prepare(
        "insert into groups (chat_id, municipality, locale, created_by, created_at) values (-1, 'Мин-Булак айыл аймагы', 'ky', 1, 0)",
      )
      .run();

    migrate(drizzle(sqlite), { migrationsFolder: MIGRATIONS_FOLDER });
    expect(sqlite.prepare("select municipality, municipality_ru, area_ky, area_ru from groups").get()).toEqual({
      municipality: "Мин-Булак айыл аймагы",
      municipality_ru: "Мин-Булак айыл аймагы",
      area_ky: null,
      area_ru: null,
    });
    sqlite.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
