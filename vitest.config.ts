import { defineConfig } from "vitest/config";

// Two projects: "unit" needs nothing running; "stack" talks to the local stack that `npm test` starts.
export default defineConfig({
  test: {
    projects: [
      {
        extends: "./vite.config.ts",
        test: {
          name: "unit",
          include: ["src/**/*.test.{ts,tsx}", "dashboards/**/*.test.ts", "scripts/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        test: {
          name: "stack",
          include: ["supabase/**/*.test.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // As the end-to-end tests in CI: one retry, and `npm test` names whatever needed it (see scripts/test.ts).
          retry: process.env.CI ? 1 : 0,
        },
      },
    ],
  },
});
