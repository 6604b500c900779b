// Shared steps of the dashboard specs: wait for the panels, change a filter, read a panel's numbers from its
// data-table view, and the numbers the same panel should show, recomputed in SQL (dashboards-sql.ts).
import { expect, type Locator, type Page } from "@playwright/test";
import contacts from "../dashboards/contacts";
import coverage from "../dashboards/coverage";
import evaluation from "../dashboards/evaluation";
import excellence from "../dashboards/excellence";
import funds from "../dashboards/funds";
import home from "../dashboards/home";
import life from "../dashboards/life";
import team from "../dashboards/team";
import { buildKpi, buildTable, tableColumns, tablePageSize } from "../src/dashboards/options";
import { text, type DashboardSpec, type PanelSpec } from "../src/dashboards/spec";
import { formatValue } from "../src/dashboards/format";
import { config } from "../supabase/local/env";
import { PANEL_SQL, type Scope } from "./dashboards-sql";

export const DASHBOARDS: DashboardSpec[] = [coverage, evaluation, funds, life, team, contacts, excellence, home];
export const routeOf = (spec: DashboardSpec) => (spec.id === "home" ? "/" : `/dashboards/${spec.id}`);

export async function waitForPanels(page: Page, spec: DashboardSpec) {
  await expect(page.locator("[data-panel]")).toHaveCount(spec.panels.length);
  await expect(page.locator('[data-panel][data-state="loading"]')).toHaveCount(0, { timeout: 20_000 });
}

/** Picks an option of one of the dashboard's filter selects (labelled like the spec says). */
export async function chooseFilter(page: Page, label: string, option: string) {
  await page.locator(".ant-select", { has: page.getByRole("combobox", { name: label, exact: true }) }).click();
  await page.locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: option }).first().click();
}

export const panelLocator = (page: Page, panel: PanelSpec) => page.locator(`[data-panel="${panel.id}"]`);

/** Turns a panel's table to its next page; false when it is on the last one (or has a single page). */
export async function nextPanelPage(box: Locator): Promise<boolean> {
  const next = box.locator(".ant-pagination-next");
  if ((await next.count()) === 0 || (await next.getAttribute("aria-disabled")) === "true") return false;
  await next.click();
  return true;
}

/**
 * Clicks a bar of a chart panel with a drill-down. ECharts shows a pointer over a clickable bar: sweep the left half
 * of the lower plot area until the cursor says so.
 */
export async function clickBarSegment(page: Page, panel: PanelSpec) {
  const chart = panelLocator(page, panel).getByRole("img", { name: text(panel.title), exact: true });
  await expect(chart.locator("canvas")).toBeVisible();
  await chart.scrollIntoViewIfNeeded();
  const area = (await chart.boundingBox())!;
  const surface = chart.locator(":scope > div").first();
  for (const share of [0.6, 0.5, 0.7, 0.4]) {
    const y = area.y + area.height * share;
    for (let x = area.x + 30; x < area.x + area.width * 0.5; x += 4) {
      await page.mouse.move(x, y);
      if ((await surface.evaluate((el) => (el as HTMLElement).style.cursor)) === "pointer") {
        await page.mouse.click(x, y);
        return;
      }
    }
  }
  throw new Error(`no clickable bar found in panel ${panel.id}`);
}

/** The filters of a list URL, in Refine's format (filters[i][field], filters[i][operator], filters[i][value]): field -> value. */
export function listFilters(url: string): Map<string, string> {
  const params = new URL(url).searchParams;
  const filters = new Map<string, string>();
  for (let i = 0; params.has(`filters[${i}][field]`); i++) filters.set(params.get(`filters[${i}][field]`)!, params.get(`filters[${i}][value]`)!);
  return filters;
}

/** The cells of a panel's data-table view (first page), switching a chart to its table. */
export async function shownCells(page: Page, panel: PanelSpec): Promise<{ cells: string[][]; total: string | null }> {
  const box = panelLocator(page, panel);
  if (panel.kind !== "table" && panel.kind !== "todos") await box.getByText("表格", { exact: true }).click();
  const table = box.locator(`[aria-label="${text(panel.title)} 数据表"]`);
  await expect(table).toBeVisible();
  const columns = tableColumns(panel).length;
  const cells = await table
    .locator("tbody tr.ant-table-row")
    .evaluateAll((rows, n) => rows.map((row) => Array.from(row.querySelectorAll("td")).slice(0, n).map((td) => (td.textContent ?? "").trim())), columns);
  const total = (await box.locator(".ant-pagination-total-text").count()) ? await box.locator(".ant-pagination-total-text").innerText() : null;
  return { cells, total };
}

/** What the panel should show for these filters, from SQL, formatted by the same table model as the page. */
export async function expectedCells(spec: DashboardSpec, panel: PanelSpec, scope: Scope) {
  const all = await PANEL_SQL[`${spec.id}/${panel.id}`](scope);
  // the API hands out at most max_rows rows per request (the page then says how many there are)
  const rows = all.slice(0, config.api.max_rows);
  const model = buildTable(panel, rows);
  // the 待办 panel lists every kind; a table pages by what its card has room for
  const cut = all.length > rows.length;
  const pageSize = panel.kind === "todos" ? rows.length : tablePageSize(panel, cut);
  const cells = model.rows.slice(0, pageSize).map((row) => model.columns.map((c) => row[c.key]));
  const truncated = cut ? `仅列出前 ${formatValue(rows.length, "count")} 条，共 ${formatValue(all.length, "count")} 条` : null;
  return { cells, total: rows.length > pageSize ? `共 ${rows.length} 条` : null, count: rows.length, truncated };
}

/**
 * Every panel of the open dashboard against SQL: KPI values, and each table view cell by cell.
 * Other specs write to the same database meanwhile: when a comparison fails, the page is reloaded (its filters are
 * in the URL) and both sides are read again, so only a lasting difference fails.
 */
export async function expectPanelsMatchSql(page: Page, spec: DashboardSpec, scope: Scope) {
  let first = true;
  await expect(async () => {
    if (!first) {
      await page.reload();
      await waitForPanels(page, spec);
    }
    first = false;
    await comparePanels(page, spec, scope);
  }).toPass({ timeout: 90_000, intervals: [500, 2_000, 5_000] });
}

async function comparePanels(page: Page, spec: DashboardSpec, scope: Scope) {
  for (const panel of spec.panels) {
    const box = panelLocator(page, panel);
    if (panel.kind === "kpi") {
      // a card with a query of its own has its own SQL; the others share the dashboard's "kpis" row
      const rows = await (PANEL_SQL[`${spec.id}/${panel.id}`] ?? PANEL_SQL[`${spec.id}/kpis`])(scope);
      expect(await box.locator(".ant-statistic-content").innerText(), `${spec.id}/${panel.id}`).toBe(buildKpi(panel, rows).formatted);
      continue;
    }
    const expected = await expectedCells(spec, panel, scope);
    if (expected.count === 0) {
      expect(await box.getAttribute("data-state"), `${spec.id}/${panel.id}`).toBe("empty");
      continue;
    }
    const shown = await shownCells(page, panel);
    expect(shown.cells, `${spec.id}/${panel.id}`).toEqual(expected.cells);
    expect(shown.total, `${spec.id}/${panel.id} total`).toBe(expected.total);
    if (panel.kind === "table") {
      const note = box.locator(".ant-alert-info");
      expect((await note.count()) ? await note.innerText() : null, `${spec.id}/${panel.id} row limit`).toBe(expected.truncated);
    }
  }
}

export const readsUrl = (page: Page, key: string, value: string | number) => expect(page).toHaveURL(new RegExp(`[?&]${key}=${value}(&|$)`));

export type { Locator };
