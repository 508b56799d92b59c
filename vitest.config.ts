import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["shared/**/*.test.ts", "server/**/*.test.ts", "client/**/*.test.ts", "tools/**/*.test.ts", "tests/**/*.test.ts"],
    exclude: ["tests/e2e/**", "node_modules/**"],
    // Two cores here: two workers keep the suite fast without thrashing.
    maxWorkers: 2,
    testTimeout: 30_000,
  },
});
