/**
 * Online backup: copies the live database (WAL included) page by page while the bot runs.
 * Usage: npm run backup -- [destination]   (default: ./backups/bot-<timestamp>.sqlite)
 */
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import SQLite from "better-sqlite3";

async function backup(): Promise<void> {
  try {
    process.loadEnvFile(".env");
  } catch {
    // No .env: the environment alone configures us.
  }
  const source = process.env.DATABASE_PATH?.trim() || "./data/bot.sqlite";
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const destination = resolve(process.argv[2] ?? `./backups/bot-${stamp}.sqlite`);
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
