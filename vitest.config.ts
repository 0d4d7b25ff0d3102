import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    pool: "forks",
    // The files share one worker's loaded modules: each file importing grammY, drizzle and the
    // bot anew cost more than most of their tests. No test relies on a module loaded fresh.
    isolate: false,
    testTimeout: 20_000,
  },
});
