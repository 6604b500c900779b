// Shared steps of the dashboard specs: wait for the panels, change a filter, read a panel's numbers from its
// data-table view, and the numbers the same panel should show, recomputed in SQL (dashboards-sql.ts).
import { expect, type Locator, type Page } from "@playwright/test";
import coverage from "../dashboards/coverage";
import evaluation from "../dashboards/evaluation";
import funds from "../dashboards/funds";
import home from "../dashboards/home";
import { buildKpi, buildTable, tableColumns } from "../src/dashboards/options";
import { text, type DashboardSpec, type PanelSpec } from "../src/dashboards/spec";
import { PANEL_SQL, type Scope } from "./dashboards-sql";

export const DASHBOARDS: DashboardSpec[] = [coverage, evaluation, funds, home];
export const routeOf = (spec: DashboardSpec) => (spec.id === "home" ? "/" : `/dashboards/${spec.id}`);

const PAGE_SIZE = 50;

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

/** The cells of a panel's data-table view (first page), switching a chart to its table. */
export async function shownCells(page: Page, panel: PanelSpec): Promise<{ cells: string[][]; total: string | null }> {
  const box = panelLocator(page, panel);
  if (panel.kind !== "table") await box.getByText("表格", { exact: true }).click();
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
  const rows = await PANEL_SQL[`${spec.id}/${panel.id}`](scope);
  const model = buildTable(panel, rows);
  const cells = model.rows.slice(0, PAGE_SIZE).map((row) => model.columns.map((c) => row[c.key]));
  return { cells, total: rows.length > PAGE_SIZE ? `共 ${rows.length} 条` : null, count: rows.length };
}

/** Every panel of the open dashboard against SQL: KPI values, and each table view cell by cell. */
export async function expectPanelsMatchSql(page: Page, spec: DashboardSpec, scope: Scope) {
  for (const panel of spec.panels) {
    const box = panelLocator(page, panel);
    if (panel.kind === "kpi") {
      const rows = await PANEL_SQL[`${spec.id}/kpis`](scope);
      await expect(box.locator(".ant-statistic-content"), `${spec.id}/${panel.id}`).toHaveText(buildKpi(panel, rows).formatted);
      continue;
    }
    const expected = await expectedCells(spec, panel, scope);
    if (expected.count === 0) {
      await expect(box, `${spec.id}/${panel.id}`).toHaveAttribute("data-state", "empty");
      continue;
    }
    const shown = await shownCells(page, panel);
    expect(shown.cells, `${spec.id}/${panel.id}`).toEqual(expected.cells);
    expect(shown.total, `${spec.id}/${panel.id} total`).toBe(expected.total);
  }
}

export const readsUrl = (page: Page, key: string, value: string | number) => expect(page).toHaveURL(new RegExp(`[?&]${key}=${value}(&|$)`));

export type { Locator };
