// The worker's entry when the bot runs from TypeScript sources (tsx, vitest): a worker thread
// does not inherit the parent's loader, so tsx is registered here before the worker module.
import { register } from "tsx/esm/api";

register();
await import("./worker.ts");
