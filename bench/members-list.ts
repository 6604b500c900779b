// Members list: time from submitting the sign-in form (org_admin) to /members showing its first rows, at the
// default seed and at scale 10, median of three first visits each; and the gzip size of the JavaScript that takes.
// Runs `npm start` in a copy of the project on the benchmark's ports (bench/support.ts).
// Then, at each scale, the list pages themselves: the request a list page sends (exact count, first and last page)
// for members, expenditures and reviews, as org_admin and as a committee admin. That part alone, against a running
// stack: `SUPABASE_API_PORT=<api> node --import tsx bench/members-list.ts --lists`.
import { rmSync } from "node:fs";
import { join } from "node:path";
import { createClient } from "@supabase/supabase-js";
import ws from "ws";
import pg from "pg";
import { LIST_REQUESTS } from "./list-requests";
import { ANON_KEY, DEMO_PASSWORD } from "../supabase/local/env";
import {
  benchDir,
  BENCH_API_URL,
  BENCH_APP_URL,
  BENCH_DB_PORT,
  BENCH_DB_URL,
  gzipKilobytes,
  launchChromium,
  median,
  printTable,
  projectCopy,
  recordScripts,
  runNodeScript,
  scriptRows,
  startProduct,
  type ScriptLoad,
} from "./support";
import type { Browser } from "@playwright/test";

const SCALES = [1, 10];
const RUNS = 3;
const ADMIN = { email: "admin@dangjian.test", password: "dangjian-demo" };

type Visit = { signInToRowsMs: number; beforeSubmit: ScriptLoad[]; afterSubmit: ScriptLoad[] };

export async function run(): Promise<void> {
  const dataDir = join(benchDir, "members-db");
  rmSync(dataDir, { recursive: true, force: true });
  const root = projectCopy();
  const product = await startProduct({ root, dataDir });
  const browser = await launchChromium();
  try {
    for (const scale of SCALES) {
      // npm start seeded the default scale; larger ones replace it (the seed loader, in its own process: the
      // stack's modules read their ports once, at import).
      const reload =
        scale === 1 ? undefined : await runNodeScript(root, ["supabase/seed/load.ts", "--scale", String(scale)], { SUPABASE_DB_PORT: String(BENCH_DB_PORT) });
      const reloadSeconds = reload && /seeded at scale \d+ in ([\d.]+) s/.exec(reload)?.[1];
      const members = await settle();
      // A run that fails (no rows within a minute, say) is reported, not retried, and the others still count.
      const visits: Visit[] = [];
      const failures: string[] = [];
      for (let i = 0; i < RUNS; i++) {
        await signInToMembers(browser).then(
          (visit) => visits.push(visit),
          (error: Error) => failures.push(error.message),
        );
      }

      const times = visits.map((visit) => visit.signInToRowsMs);
      const first = visits[0];
      printTable(`members list, seed scale ${scale} (${members} members)`, [
        [`sign-in submitted to first rows shown (median of ${times.length})`, times.length ? Math.round(median(times)) : "-", "ms"],
        ["  each run", times.map(Math.round).join(" / ") || "-", "ms"],
        ["  failed runs", failures.length, "runs"],
        ["JS for a first visit: login page + members list, gzip", first ? gzipKilobytes([...first.beforeSubmit, ...first.afterSubmit]) : "-", "KB"],
        ["  loaded after sign-in (the /members route), gzip", first ? gzipKilobytes(first.afterSubmit) : "-", "KB"],
        ...(reloadSeconds ? [["seed reload at this scale (supabase/seed/load.ts)", reloadSeconds, "s"] as [string, string, string]] : []),
      ]);
      for (const failure of failures) console.log(`  failed run: ${failure}`);
      if (failures.length) process.exitCode = 1;
      if (scale === SCALES[0] && first) printTable("JS loaded after sign-in on the way to /members", scriptRows(first.afterSubmit));
      printTable(`list pages with an exact count, seed scale ${scale}`, await listPageTimes(BENCH_API_URL));
    }
  } finally {
    await browser.close();
    const { leftovers } = await product.stop();
    if (leftovers.length) console.log(`  still running after npm start exited (now killed): ${leftovers.join(", ")}`);
  }
}

/** Fresh statistics after a bulk load (as autovacuum would soon have), so the list's estimated count is not stale. */
async function settle(): Promise<number> {
  const client = new pg.Client({ connectionString: BENCH_DB_URL });
  await client.connect();
  try {
    await client.query("analyze");
    const { rows } = await client.query("select count(*)::int as n from public.members");
    return rows[0].n;
  } finally {
    await client.end();
  }
}

/**
 * A first visit in a fresh browser context: open /members signed out (the app sends us to /login?to=/members),
 * sign in, and time — in the page's own clock — from the form's submit event to the first table row in the DOM.
 */
async function signInToMembers(browser: Browser): Promise<Visit> {
  const context = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  try {
    const page = await context.newPage();
    await page.addInitScript(() => {
      const timing: { submittedAt?: number; firstRowAt?: number } = {};
      (window as unknown as { signInTiming: typeof timing }).signInTiming = timing;
      addEventListener(
        "submit",
        () => {
          timing.submittedAt = performance.now();
          const observer = new MutationObserver(() => {
            if (!document.querySelector(".ant-table-row")) return;
            timing.firstRowAt = performance.now();
            observer.disconnect();
          });
          observer.observe(document, { childList: true, subtree: true });
        },
        { capture: true, once: true },
      );
    });
    const scripts = recordScripts(page);
    // For a failed run's message: what the app asked the API and what came back.
    const apiCalls: string[] = [];
    page.on("requestfinished", async (request) => {
      const url = new URL(request.url());
      if (!url.pathname.startsWith("/rest/") && !url.pathname.startsWith("/auth/")) return;
      const response = await request.response();
      apiCalls.push(`${request.method()} ${url.pathname} ${response?.status()} ${Math.round(request.timing().responseEnd)}ms`);
    });
    page.on("requestfailed", (request) => apiCalls.push(`${request.method()} ${new URL(request.url()).pathname} failed: ${request.failure()?.errorText}`));

    await page.goto(`${BENCH_APP_URL}/members`, { waitUntil: "networkidle" });
    await page.getByLabel("邮箱").fill(ADMIN.email);
    await page.getByLabel("密码").fill(ADMIN.password);
    const submittedAt = performance.now();
    await page.getByRole("button", { name: /登\s*录/ }).click();
    await page
      .locator(".ant-table-row")
      .first()
      .waitFor({ timeout: 60_000 })
      .catch(async (error: Error) => {
        const shown = (await page.locator("body").innerText()).replace(/\s+/g, " ").slice(0, 300);
        throw new Error(`${error.message.split("\n")[0]} at ${page.url()}; API calls: ${apiCalls.join(", ")}; page shows: ${shown}`);
      });
    const path = new URL(page.url()).pathname;
    if (path !== "/members") throw new Error(`signed in, but landed on ${path} instead of /members`);
    const timing = await page.evaluate(() => (window as unknown as { signInTiming: { submittedAt?: number; firstRowAt?: number } }).signInTiming);
    if (timing.submittedAt === undefined || timing.firstRowAt === undefined) throw new Error("the page recorded no submit or no first row");
    await page.waitForLoadState("networkidle");

    const loaded = await scripts.loaded();
    return {
      signInToRowsMs: timing.firstRowAt - timing.submittedAt,
      beforeSubmit: loaded.filter((script) => script.at < submittedAt),
      afterSubmit: loaded.filter((script) => script.at >= submittedAt),
    };
  } finally {
    await context.close();
  }
}

const LIST_ROLES = [
  { role: "org_admin", email: "admin@dangjian.test" },
  { role: "committee_admin", email: "committee@dangjian.test" },
];
const PAGE_SIZE = 20;

/**
 * What a list page costs: the request ListPage sends (its select, the default sort, `count=exact`, 20 rows), timed
 * from the client, median of 5 after one warm-up, for page 1 and for the last page (the exact total tells where it is).
 */
export async function listPageTimes(apiUrl: string): Promise<[string, string | number, string][]> {
  const rows: [string, string | number, string][] = [];
  for (const { role, email } of LIST_ROLES) {
    const client = createClient(apiUrl, ANON_KEY, { auth: { persistSession: false }, realtime: { transport: ws as never } });
    const { error } = await client.auth.signInWithPassword({ email, password: DEMO_PASSWORD });
    if (error) throw new Error(`sign-in as ${email}: ${error.message}`);
    for (const [name, { select, sort }] of Object.entries(LIST_REQUESTS)) {
      const page = async (from: number) => {
        const started = performance.now();
        const result = await client
          .from(name)
          .select(select, { count: "exact" })
          .order(sort.field, { ascending: sort.order === "asc" })
          .range(from, from + PAGE_SIZE - 1);
        if (result.error) throw new Error(`${name} as ${role}: ${result.error.message}`);
        return { ms: performance.now() - started, total: result.count ?? 0 };
      };
      const { total } = await page(0);
      const last = Math.max(0, Math.floor((total - 1) / PAGE_SIZE) * PAGE_SIZE);
      const firstTimes: number[] = [];
      const lastTimes: number[] = [];
      for (let i = 0; i < 5; i++) {
        firstTimes.push((await page(0)).ms);
        lastTimes.push((await page(last)).ms);
      }
      rows.push([`${name} as ${role} (${total} rows): page 1 / last page`, `${Math.round(median(firstTimes))} / ${Math.round(median(lastTimes))}`, "ms"]);
    }
  }
  return rows;
}

if (process.argv.includes("--lists")) {
  const port = process.env.SUPABASE_API_PORT ?? "54321";
  printTable(`list pages with an exact count (API port ${port})`, await listPageTimes(`http://127.0.0.1:${port}`));
}
