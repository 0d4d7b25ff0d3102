/**
 * Online backup: copies the live database (WAL included) page by page while the bot runs.
 * Usage: npm run backup -- [destination]   (default: ./backups/bot-<timestamp>.sqlite)
 */
import { existsSync, mkdirSync, realpathSync } from "node:fs";
import { dirname, resolve } from "node:path";
import SQLite from "better-sqlite3";

/** The path as the file system knows it (links resolved), for a file that may not exist yet. */
function canonical(path: string): string {
  const full = resolve(path);
  return existsSync(full)
    ? realpathSync(full)
    : resolve(existsSync(dirname(full)) ? realpathSync(dirname(full)) : dirname(full), full.slice(dirname(full).length + 1));
}

/** Writing the copy onto the database itself, or its WAL or journal, would destroy it. */
function isLive(source: string, destination: string): boolean {
  const live = canonical(source);
  const target = canonical(destination);
  return [live, `${live}-wal`, `${live}-shm`, `${live}-journal`].includes(target);
}

async function backup(): Promise<void> {
  try {
    process.loadEnvFile(".env");
  } catch {
    // No .env: the environment alone configures us.
  }
  const source = process.env.DATABASE_PATH?.trim() || "./data/bot.sqlite";
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const destination = resolve(process.argv[2] ?? `./backups/bot-${stamp}.sqlite`);
  if (isLive(source, destination)) {
    console.error(`Backup refused: ${destination} is the live database (or its journal); choose another file`);
    process.exit(1);
  }
  mkdirSync(dirname(destination), { recursive: true });
  const db = new SQLite(source, { readonly: true, fileMustExist: true });
  try {
    const { totalPages } = await db.backup(destination);
    console.log(`Backed up ${source} to ${destination} (${totalPages} pages)`);
  } finally {
    db.close();
  }
}

backup().catch((error: unknown) => {
  console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
