// The app as a person meets it: sign-in → home page fully drawn, each dashboard after a fresh navigation, the
// switch between dashboards inside the app, the JavaScript the home page loads (gzip KB), and a waterfall of the
// home page's requests after sign-in, to say where the time goes (chunks, session, profile, data, drawing).
//
// Needs a running stack (SUPABASE_API_PORT / SUPABASE_DB_PORT) and the app built against it served at APP_URL
// (default http://127.0.0.1:$APP_PORT, APP_PORT 4173), e.g. `npx vite preview --outDir <dist> --port <port>`.
// `npm run bench app-speed`. BENCH_RUNS (default 5) runs each measurement; medians are printed.
import type { Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../supabase/local/env";
import { gzipKilobytes, launchChromium, median, printTable, recordScripts, scriptRows } from "./support";

const APP_URL = process.env.APP_URL ?? `http://127.0.0.1:${process.env.APP_PORT ?? 4173}`;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const LEADER = "leader@dangjian.test";
const DASHBOARDS = (process.env.BENCH_DASHBOARDS ?? "coverage,evaluation,funds,life,team,contacts,excellence").split(",");

/**
 * Resolves when every panel on the page has left its loading state and every chart has been drawn on its canvas
 * (ECharts' first frame, `data-chart="drawn"`), with at least `min` panels there.
 */
// BENCH_WAIT=data: until the data has arrived only (how this benchmark measured before charts said when drawn).
const WAIT_FOR_CHARTS = process.env.BENCH_WAIT !== "data";

async function allPanelsDrawn(page: Page, min = 1) {
  await page.waitForFunction(
    ([least, charts]) => {
      const panels = Array.from(document.querySelectorAll("[data-panel]"));
      return (
        panels.length >= least &&
        panels.every((panel) => panel.getAttribute("data-state") !== "loading") &&
        (!charts || Array.from(document.querySelectorAll("[data-panel] [data-chart]")).every((chart) => chart.getAttribute("data-chart") === "drawn"))
      );
    },
    [min, WAIT_FOR_CHARTS] as const,
    { timeout: 60_000, polling: 10 },
  );
}

async function signIn(page: Page) {
  await page.goto(`${APP_URL}/login`);
  await page.getByLabel("邮箱").fill(LEADER);
  await page.getByLabel("密码").fill(DEMO_PASSWORD);
  // a person takes seconds to type both: the sign-in page uses them to load the app behind it (src/main.tsx)
  await page.waitForLoadState("networkidle");
  const started = Date.now();
  await page.getByRole("button", { name: /登\s?录/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  await allPanelsDrawn(page, 9);
  return Date.now() - started;
}

type Entry = { name: string; start: number; end: number };

/** The page's requests relative to navigation start (Resource Timing), plus when the panels were drawn. */
async function waterfall(page: Page): Promise<Entry[]> {
  return page.evaluate(() =>
    (performance.getEntriesByType("resource") as PerformanceResourceTiming[]).map((entry) => {
      const url = new URL(entry.name);
      const name = url.pathname.startsWith("/assets/") ? url.pathname.slice(8) : `${url.pathname}${url.search}`.slice(0, 90);
      return { name, start: Math.round(entry.startTime), end: Math.round(entry.responseEnd) };
    }),
  );
}

export async function run() {
  const reachable = await fetch(APP_URL).then((r) => r.ok).catch(() => false);
  if (!reachable) {
    console.log(`app-speed: nothing served at ${APP_URL}; build against the stack and serve it (see the header of bench/app-speed.ts)`);
    return;
  }
  const browser = await launchChromium();
  try {
    // Sign-in → home drawn, each in a fresh context (no cache, no session), as a person arriving in the morning.
    const signIns: number[] = [];
    let homeScripts = "";
    let scriptTable: [string, string, string][] = [];
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      const scripts = recordScripts(page);
      signIns.push(await signIn(page));
      if (i === 0) {
        const loaded = await scripts.loaded();
        homeScripts = gzipKilobytes(loaded);
        scriptTable = scriptRows(loaded);
      }
      await context.close();
    }

    // Signed in: fresh navigations (new document; HTTP cache warm) and in-app switches between dashboards.
    const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await signIn(page);
    const fresh: Record<string, number[]> = {};
    for (const id of ["home", ...DASHBOARDS]) {
      fresh[id] = [];
      for (let i = 0; i < RUNS; i++) {
        const started = Date.now();
        await page.goto(`${APP_URL}${id === "home" ? "/" : `/dashboards/${id}`}`);
        await allPanelsDrawn(page, 3);
        fresh[id].push(Date.now() - started);
      }
    }
    await page.goto(`${APP_URL}/`);
    await allPanelsDrawn(page, 9);
    const home = await waterfall(page);

    // In-app: click the menu entry of the next dashboard (the route changes without a new document).
    const switches: Record<string, number[]> = {};
    await page.goto(`${APP_URL}/`);
    await allPanelsDrawn(page, 9);
    for (let i = 0; i < RUNS; i++) {
      for (const id of [...DASHBOARDS, "home"]) {
        const started = Date.now();
        await page.evaluate((path) => {
          window.history.pushState({}, "", path);
          window.dispatchEvent(new PopStateEvent("popstate"));
        }, id === "home" ? "/" : `/dashboards/${id}`);
        await page.waitForFunction((want) => document.querySelector("[data-dashboard]")?.getAttribute("data-dashboard") === want, id, { polling: 10 });
        await allPanelsDrawn(page, 3);
        (switches[id] ??= []).push(Date.now() - started);
        if (process.env.BENCH_VERBOSE) console.log(`switch ${i} ${id}: ${Date.now() - started} ms`);
      }
    }
    await context.close();

    printTable(`app speed — medians of ${RUNS} runs (leader, 1440×900, ${APP_URL})`, [
      ["sign-in → home, all panels drawn", median(signIns), "ms"],
      ...Object.entries(fresh).map(([id, samples]): [string, number, string] => [`fresh navigation → ${id} drawn`, median(samples), "ms"]),
      ...Object.entries(switches).map(([id, samples]): [string, number, string] => [`in-app switch → ${id} drawn`, median(samples), "ms"]),
      ["JavaScript to sign in and draw home", homeScripts, "KB gzip"],
    ]);
    printTable("scripts loaded for sign-in → home", scriptTable);
    console.log("\nwaterfall of a fresh navigation to home, signed in (ms from navigation start):");
    for (const entry of home.sort((a, b) => a.start - b.start)) {
      console.log(`  ${String(entry.start).padStart(5)} → ${String(entry.end).padStart(5)}  ${entry.name}`);
    }
  } finally {
    await browser.close();
  }
}
