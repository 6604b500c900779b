// `npm test`: every layer, in order — types, unit, then a fresh local stack for the database, API-contract and
// end-to-end tests. The stack runs on its own ports and data directory so it never touches a running `npm start`.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { relative, resolve } from "node:path";
import { localDataDir } from "../supabase/local/dataDir";
import { onStopRequest } from "../supabase/local/processes";

// Set before the stack module reads its environment.
process.env.SUPABASE_API_PORT ??= "54421";
process.env.SUPABASE_DB_PORT ??= "54422";
process.env.SUPABASE_DATA_DIR ??= localDataDir(resolve("supabase"), "test-db");
process.env.APP_PORT ??= "4421";
process.env.VITE_SUPABASE_URL = `http://127.0.0.1:${process.env.SUPABASE_API_PORT}`;
process.env.E2E_DIST ??= resolve("supabase/.temp/e2e-dist");

const { startStack } = await import("../supabase/local/stack");

// Each runner also writes a JSON report, so the closing line counts tests, not steps.
const reports = resolve("supabase/.temp/test-reports");
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

type Counts = { passed: number; failed: number; failures?: string[]; flaky?: string[] };
type Step = { name: string; command: string[]; env?: Record<string, string>; counts?: () => Counts };
const results: { name: string; ok: boolean; seconds: number; counts?: Counts }[] = [];

// Asynchronous on purpose: this process hosts the stack, whose postgres logs through a pipe that must keep
// being read while the tests run (a blocked event loop fills the pipe and stalls every backend).
async function run({ name, command, env, counts }: Step): Promise<boolean> {
  console.log(`\n── ${name}: ${command.join(" ")}`);
  const started = Date.now();
  const child = spawn(command[0], command.slice(1), { stdio: "inherit", env: { ...process.env, ...env } });
  const status = await new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const ok = status === 0;
  results.push({ name, ok, seconds: (Date.now() - started) / 1000, counts: counts?.() });
  return ok;
}

type PlaywrightSpec = { title: string; ok: boolean; tests: { status: string }[] };
type PlaywrightSuite = { title: string; file?: string; suites?: PlaywrightSuite[]; specs?: PlaywrightSpec[] };
/** The names of the specs that `pick` selects, file › title. */
function playwrightSpecs(json: { suites?: PlaywrightSuite[] } | undefined, pick: (spec: PlaywrightSpec) => boolean): string[] {
  const walk = (suite: PlaywrightSuite, file: string): string[] => [
    ...(suite.specs ?? []).filter(pick).map((spec) => `${file} › ${spec.title}`),
    ...(suite.suites ?? []).flatMap((child) => walk(child, file)),
  ];
  return (json?.suites ?? []).flatMap((suite) => walk(suite, suite.file ?? suite.title));
}

const npx = (...args: string[]) => ["npx", "--no-install", ...args];
const readJson = (file: string) => (existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : undefined);

function vitest(project: string): Step {
  const report = resolve(reports, `vitest-${project}.json`);
  return {
    name: project,
    command: npx("vitest", "run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`),
    counts: () => {
      const json = readJson(report);
      type Result = { status: string; fullName: string; failureMessages: string[] };
      const tests: (Result & { file: string })[] = (json?.testResults ?? []).flatMap((file: { name: string; assertionResults: Result[] }) =>
        file.assertionResults.map((test) => ({ ...test, file: relative(".", file.name) })),
      );
      const named = (test: Result & { file: string }) => `${test.file} › ${test.fullName}`;
      // A test that passed on its retry (CI only) keeps the first attempt's error: shown, so a flake gets fixed.
      const flaky = tests.filter((test) => test.status === "passed" && test.failureMessages.length > 0);
      for (const test of flaky) console.log(`  passed only on its retry (flaky): ${named(test)}\n    ${test.failureMessages[0].split("\n").slice(0, 6).join("\n    ")}`);
      const failures = tests.filter((test) => test.status === "failed").map(named);
      return { passed: json?.numPassedTests ?? 0, failed: json ? json.numFailedTests : 1, failures, flaky: flaky.map(named) };
    },
  };
}

await run({ name: "typecheck", command: npx("tsc", "-b") });
await run(vitest("unit"));

console.log("\n── starting a fresh local stack for the tests");
const stack = await startStack({ reset: true, log: () => undefined });
// Interrupted: stop the stack before going (the test runners get the same signal from the terminal).
onStopRequest(() => void stack.stop().finally(() => process.exit(130)));
try {
  await run({ ...vitest("stack"), name: "database + API contract" });
  if (await run({ name: "build (e2e)", command: npx("vite", "build", "--outDir", process.env.E2E_DIST!, "--emptyOutDir", "--logLevel", "warn") })) {
    const report = resolve(reports, "playwright.json");
    await run({
      name: "end to end",
      command: npx("playwright", "test", "--reporter=list,json"),
      env: { PLAYWRIGHT_JSON_OUTPUT_FILE: report },
      counts: () => {
        const json = readJson(report);
        const stats = json?.stats;
        const failures = playwrightSpecs(json, (spec) => !spec.ok);
        const flaky = playwrightSpecs(json, (spec) => spec.tests.some((test) => test.status === "flaky"));
        return { passed: (stats?.expected ?? 0) + (stats?.flaky ?? 0), failed: stats ? stats.unexpected : 1, failures, flaky };
      },
    });
  }
} finally {
  await stack.stop();
}

const failedSteps = results.filter((r) => !r.ok);
const total = results.reduce((sum, r) => ({ passed: sum.passed + (r.counts?.passed ?? 0), failed: sum.failed + (r.counts?.failed ?? 0) }), {
  passed: 0,
  failed: 0,
});
console.log("\n── summary");
for (const r of results) {
  const counts = r.counts ? `, ${r.counts.passed} passed, ${r.counts.failed} failed` : "";
  console.log(`  ${r.ok ? "ok  " : "FAIL"}  ${r.name} (${r.seconds.toFixed(1)} s${counts})`);
  // Named again here, since a long log is often read from its end.
  for (const name of r.counts?.failures ?? []) console.log(`          ✗ ${name}`);
  for (const name of r.counts?.flaky ?? []) console.log(`          ↻ ${name} (passed on its retry)`);
}
// A failed step without a test count (type errors, a build) still counts as one failure.
const failed = total.failed + failedSteps.filter((r) => !r.counts || r.counts.failed === 0).length;
console.log(`${total.passed} passed, ${failed} failed`);
process.exit(failedSteps.length ? 1 : 0);
