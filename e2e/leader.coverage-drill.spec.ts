// Issue 5, as the leadership: a unit's bar on the coverage dashboard opens /carriers filtered to that unit, that
// carrier kind and 未覆盖, and the list holds as many carriers as the bar counts uncovered, and as SQL counts today.
import { expect, test, type Page } from "@playwright/test";
import coverage from "../dashboards/coverage";
import { CARRIER_KINDS } from "../dashboards/shared/labels";
import { tableColumns } from "../src/dashboards/options";
import { text } from "../src/dashboards/spec";
import { sql } from "../supabase/local/testing";
import { clickBarSegment, listFilters, nextPanelPage, panelLocator, shownCells, waitForPanels } from "./dashboards";

// The current year: the dashboard reads today, the day `covered` is computed for.
const year = new Date().getFullYear();
const byUnit = coverage.panels.find((p) => p.id === "by_unit")!;
const column = (key: string) => tableColumns(byUnit).indexOf(key);
const count = (cell: string) => Number(cell.replace(/,/g, ""));

async function openDashboard(page: Page) {
  await page.goto(`/dashboards/coverage?year=${year}`);
  await waitForPanels(page, coverage);
}

/** Every row of the panel's data-table view, page after page. */
async function allShownCells(page: Page): Promise<string[][]> {
  const cells = (await shownCells(page, byUnit)).cells;
  while (await nextPanelPage(panelLocator(page, byUnit))) cells.push(...(await shownCells(page, byUnit)).cells);
  return cells;
}

/** Uncovered carriers of a unit and kind today, by DESIGN.md's definition, counted apart from the app. */
async function uncoveredInSql(unitId: number, kind: string): Promise<number> {
  const [{ n }] = await sql<{ n: string }>(
    `select count(*) as n from carriers c
      where c.org_unit_id = $1 and c.kind = $2::carrier_kind
        and not exists (
          select 1 from carrier_coverages cc join branches b on b.id = cc.branch_id
           where cc.carrier_id = c.id and b.status = 'active'
             and cc.started_on <= current_date and (cc.ended_on is null or cc.ended_on >= current_date))`,
    [unitId, kind],
  );
  return Number(n);
}

const unitName = async (unitId: number) => (await sql<{ name: string }>("select name from org_units where id = $1", [unitId]))[0].name;

/** The carriers list after a drill-down: the three filters in the URL and in the toolbar, `expected` rows, all 未覆盖. */
async function expectUncoveredList(page: Page, unitId: number, kind: string, expected: number) {
  await expect(page).toHaveURL(/\/carriers\?/);
  expect(Object.fromEntries(listFilters(page.url()))).toEqual({ org_unit_id: String(unitId), kind, covered: "false" });
  const control = (label: string) => page.locator(".ant-select", { has: page.getByRole("combobox", { name: label, exact: true }) });
  await expect(control("所属二级党组织")).toContainText(await unitName(unitId));
  await expect(control("载体类型")).toContainText(text(CARRIER_KINDS[kind]));
  await expect(control("覆盖情况")).toContainText("未覆盖");
  const rows = page.locator(".ant-table-tbody tr.ant-table-row");
  if (expected === 0) {
    await expect(page.locator(".ant-table-placeholder")).toBeVisible();
    await expect(rows).toHaveCount(0);
    return;
  }
  await expect(page.getByText(`共 ${expected} 条`)).toBeVisible();
  const coveredColumn = page.locator(".ant-table-thead th").filter({ hasText: /^覆盖情况$/ });
  await expect(coveredColumn).toHaveCount(1);
  // the first page: every row says 未覆盖 in its 覆盖情况 tag
  const tags = rows.locator(".ant-tag", { hasText: /^(已覆盖|未覆盖)$/ });
  await expect(tags).toHaveCount(Math.min(expected, 20));
  expect(new Set(await tags.allInnerTexts())).toEqual(new Set(["未覆盖"]));
}

test("leader: the 查看 link of a unit × kind row opens its uncovered carriers, as many as the row counts", async ({ page }) => {
  await openDashboard(page);
  const { cells } = await shownCells(page, byUnit);
  // a row with carriers on both sides, so either filter value lists some
  const row = cells.findIndex((r) => count(r[column("uncovered")]) > 0 && count(r[column("covered")]) > 0);
  expect(row).toBeGreaterThanOrEqual(0);
  const uncovered = count(cells[row][column("uncovered")]);
  const covered = count(cells[row][column("covered")]);

  await panelLocator(page, byUnit).locator("tbody tr.ant-table-row").nth(row).getByRole("link", { name: "查看" }).click();
  const filters = listFilters(page.url());
  const unitId = Number(filters.get("org_unit_id"));
  const kind = filters.get("kind")!;
  // the link is the row's: its unit and kind
  expect(cells[row][column("org_unit_name")]).toBe(await unitName(unitId));
  expect(cells[row][column("carrier_kind")]).toBe(text(CARRIER_KINDS[kind]));
  expect(await uncoveredInSql(unitId, kind)).toBe(uncovered);
  await expectUncoveredList(page, unitId, kind, uncovered);

  // the filter is the list's own: switching it to 已覆盖 lists the others and stays in the URL
  const [{ n: all }] = await sql<{ n: string }>("select count(*) as n from carriers where org_unit_id = $1 and kind = $2::carrier_kind", [unitId, kind]);
  expect(Number(all) - uncovered).toBe(covered);
  await page.locator(".ant-select", { has: page.getByRole("combobox", { name: "覆盖情况", exact: true }) }).click();
  await page.locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: "已覆盖" }).click();
  await expect.poll(() => listFilters(page.url()).get("covered")).toBe("true");
  await expect(page.getByText(`共 ${covered} 条`)).toBeVisible();
});

test("leader: a click on a unit's bar opens that unit's uncovered carriers of that kind, as many as the bar counts", async ({ page }) => {
  await openDashboard(page);
  // the bars' numbers, read from the panel's data-table view before going back to the chart
  const cells = await allShownCells(page);
  await panelLocator(page, byUnit).getByText("图表", { exact: true }).click();

  await clickBarSegment(page, byUnit);
  await expect(page).toHaveURL(/\/carriers\?/);
  const filters = listFilters(page.url());
  const unitId = Number(filters.get("org_unit_id"));
  const kind = filters.get("kind")!;
  const name = await unitName(unitId);
  const bar = cells.find((r) => r[column("org_unit_name")] === name && r[column("carrier_kind")] === text(CARRIER_KINDS[kind]));
  expect(bar, `${name} × ${kind} in the panel's table`).toBeDefined();
  const uncovered = count(bar![column("uncovered")]);
  expect(await uncoveredInSql(unitId, kind)).toBe(uncovered);
  await expectUncoveredList(page, unitId, kind, uncovered);
});
