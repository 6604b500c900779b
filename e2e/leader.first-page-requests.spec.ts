// The first page after a fresh navigation asks for its dashboard's data once: the prefetch that starts while the
// app's code loads (src/dashboards/prefetch.ts) and the panels share the query cache, so no RPC goes twice; and
// the requests carry the filters of the URL, as the panels would send them.
import { expect, test } from "@playwright/test";
import funds from "../dashboards/funds";
import home from "../dashboards/home";
import type { DashboardSpec } from "../src/dashboards/spec";
import { routeOf, waitForPanels } from "./dashboards";

async function rpcRequests(page: import("@playwright/test").Page, path: string, spec: DashboardSpec) {
  const sent: { name: string; body: string }[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (request.method() === "POST" && url.pathname.startsWith("/rest/v1/rpc/")) {
      sent.push({ name: url.pathname.slice("/rest/v1/rpc/".length), body: request.postData() ?? "" });
    }
  });
  await page.goto(path);
  await waitForPanels(page, spec);
  return sent;
}

for (const [spec, path] of [[home, "/"], [funds, `${routeOf(funds)}?year=2025`]] as const) {
  test(`${spec.id}: each of the dashboard's queries is requested once on a fresh navigation`, async ({ page }) => {
    const sent = await rpcRequests(page, path, spec);
    const rpcs = new Set(spec.panels.map((panel) => panel.query.source.rpc).filter(Boolean));
    for (const rpc of rpcs) expect(sent.filter((request) => request.name === rpc).length, rpc).toBeGreaterThan(0);
    const keys = sent.filter((request) => rpcs.has(request.name)).map((request) => `${request.name} ${request.body}`);
    expect(keys.length, keys.join("\n")).toBe(new Set(keys).size);
    if (spec.id === "funds") {
      // every funds query is scoped by the year: the one in the URL, not the default
      for (const request of sent.filter((r) => rpcs.has(r.name))) expect(request.body, request.name).toContain("2025");
    }
  });
}
