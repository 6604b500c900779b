// `npm test`: every layer, in order — types, unit, then a fresh local stack for the database, API-contract and
// end-to-end tests. The stack runs on its own ports and data directory so it never touches a running `npm start`.
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";

// Set before the stack module reads its environment.
process.env.SUPABASE_API_PORT ??= "54421";
process.env.SUPABASE_DB_PORT ??= "54422";
process.env.SUPABASE_DATA_DIR ??= resolve("supabase/.temp/test-db");
process.env.APP_PORT ??= "4421";
process.env.VITE_SUPABASE_URL = `http://127.0.0.1:${process.env.SUPABASE_API_PORT}`;
process.env.E2E_DIST ??= resolve("supabase/.temp/e2e-dist");

const { startStack } = await import("../supabase/local/stack");

type Step = { name: string; command: string[] };
const results: { name: string; ok: boolean; seconds: number }[] = [];

function run({ name, command }: Step): boolean {
  console.log(`\n── ${name}: ${command.join(" ")}`);
  const started = Date.now();
  const { status } = spawnSync(command[0], command.slice(1), { stdio: "inherit", env: process.env });
  const ok = status === 0;
  results.push({ name, ok, seconds: (Date.now() - started) / 1000 });
  return ok;
}

const npx = (...args: string[]) => ["npx", "--no-install", ...args];

run({ name: "typecheck", command: npx("tsc", "-b") });
run({ name: "unit", command: npx("vitest", "run", "--project", "unit") });

console.log("\n── starting a fresh local stack for the tests");
const stack = await startStack({ reset: true, log: () => undefined });
try {
  run({ name: "database + API contract", command: npx("vitest", "run", "--project", "stack") });
  if (run({ name: "build (e2e)", command: npx("vite", "build", "--outDir", process.env.E2E_DIST!, "--emptyOutDir", "--logLevel", "warn") })) {
    run({ name: "end to end", command: npx("playwright", "test") });
  }
} finally {
  await stack.stop();
}

const failed = results.filter((r) => !r.ok);
console.log("\n── summary");
for (const r of results) console.log(`  ${r.ok ? "ok  " : "FAIL"}  ${r.name} (${r.seconds.toFixed(1)} s)`);
console.log(`${results.length - failed.length} passed, ${failed.length} failed`);
process.exit(failed.length ? 1 : 0);
