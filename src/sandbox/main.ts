/**
 * `npm run sandbox`: the bot against the embedded Telegram, with a page on 127.0.0.1 to use it
 * as its people would. Its own database file and token; it never reaches Telegram.
 */
import { createLogger } from "../logger.js";
import { Sandbox, SANDBOX_TOKEN, WORLDS, type World } from "./sandbox.js";
import { listen } from "./server.js";

function option(name: string, fallback: string): string {
  const flag = process.argv.find((arg) => arg.startsWith(`--${name}=`));
  return flag?.slice(name.length + 3) ?? process.env[`SANDBOX_${name.toUpperCase()}`] ?? fallback;
}

async function main(): Promise<void> {
  const port = Number(option("port", "8090"));
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`SANDBOX_PORT: expected a port number, got "${option("port", "")}"`);
  const world = option("world", "seeded-ky") as World;
  if (!WORLDS.includes(world)) throw new Error(`SANDBOX_WORLD: expected one of ${WORLDS.join(", ")}`);
  const logger = createLogger((process.env.LOG_LEVEL as "warn" | undefined) ?? "warn");
  let sandbox: Sandbox | undefined;
  const { server, port: actual } = await listen(() => sandbox!, SANDBOX_TOKEN, port);
  sandbox = new Sandbox(`http://127.0.0.1:${actual}`, option("database", "./data/sandbox.sqlite"), logger);
  await sandbox.open(world);
  console.log(`Sandbox ready: http://127.0.0.1:${actual}  (world: ${world}; Ctrl+C stops it)`);

  const stop = async () => {
    await sandbox?.close();
    server.closeAllConnections();
    server.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop());
  process.once("SIGTERM", () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
