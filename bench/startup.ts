// Start-up: cold `npm start` to ready (empty data directory, no build yet), warm start (same data, build up to
// date), Ctrl-C leaving no process behind, and the gzip size of the JavaScript the login page loads.
// Runs in a copy of the project (bench/support.ts) so the build it makes never replaces the user's dist/.
import { rmSync } from "node:fs";
import { join } from "node:path";
import {
  benchDir,
  BENCH_APP_URL,
  gzipKilobytes,
  kilobytes,
  launchChromium,
  median,
  printTable,
  projectCopy,
  recordScripts,
  scriptRows,
  seconds,
  startProduct,
  type ScriptLoad,
} from "./support";

const WARM_RUNS = 3;

export async function run(): Promise<void> {
  const root = projectCopy({ withoutBuild: true });
  const dataDir = join(benchDir, "startup-db");
  rmSync(dataDir, { recursive: true, force: true });

  // Cold: initdb, every migration, the seed, the API, then the web build.
  const cold = await startProduct({ root, dataDir });
  const coldPostgresMs = cold.markMs(/postgres ready/);
  const coldApiMs = cold.markMs(/API ready/);
  const buildStartMs = cold.markMs(/building the web app/);
  const scripts = await loginPageScripts().catch(async (error) => {
    await cold.stop();
    throw error;
  });
  const coldStop = await cold.stop();

  // Warm: the same data directory and an up-to-date build.
  const warm: { readyMs: number; apiMs?: number; stopMs: number }[] = [];
  const leftovers = [...coldStop.leftovers];
  for (let i = 0; i < WARM_RUNS; i++) {
    const product = await startProduct({ root, dataDir });
    const stopped = await product.stop();
    leftovers.push(...stopped.leftovers);
    warm.push({ readyMs: product.readyMs, apiMs: product.markMs(/API ready/), stopMs: stopped.stopMs });
  }

  const rawTotal = scripts.reduce((sum, script) => sum + script.bytes, 0);
  const rows: [string, string | number, string][] = [
    ["cold npm start to ready (empty data dir, no build)", seconds(cold.readyMs), "s"],
    ["  of which: postgres initialised and up", coldPostgresMs === undefined ? "?" : seconds(coldPostgresMs), "s"],
    ["  of which: stack up (postgres, migrations, seed, API)", coldApiMs === undefined ? "?" : seconds(coldApiMs), "s"],
    ["  of which: web build + preview server", buildStartMs === undefined ? "no build" : seconds(cold.readyMs - buildStartMs), "s"],
    [`warm npm start to ready (median of ${WARM_RUNS})`, seconds(median(warm.map((w) => w.readyMs))), "s"],
    ["  of which: stack up", seconds(median(warm.map((w) => w.apiMs ?? Number.NaN))), "s"],
    ["Ctrl-C to exit (cold run)", seconds(coldStop.stopMs), "s"],
    [`Ctrl-C to exit (median of ${WARM_RUNS} warm runs)`, seconds(median(warm.map((w) => w.stopMs))), "s"],
    ["processes started by the cold run", coldStop.processes, "processes"],
    ["processes left 5 s after Ctrl-C (all runs)", leftovers.length, "processes"],
    ["login page JS, gzip", gzipKilobytes(scripts), "KB"],
    ["login page JS, uncompressed", kilobytes(rawTotal), "KB"],
    ["login page JS files", scripts.length, "files"],
  ];
  printTable("npm start and the login page", rows);
  printTable("JS loaded by /login", scriptRows(scripts));
  for (const process of leftovers) console.log(`  still running 5 s after npm start exited (now killed): ${process}`);
}

/** A first visit to /login in a fresh browser: every script it loads until the form is shown and the network is idle. */
async function loginPageScripts(): Promise<ScriptLoad[]> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ locale: "zh-CN" });
    const scripts = recordScripts(page);
    await page.goto(`${BENCH_APP_URL}/login`, { waitUntil: "networkidle" });
    await page.getByLabel("密码").waitFor();
    return await scripts.loaded();
  } finally {
    await browser.close();
  }
}
