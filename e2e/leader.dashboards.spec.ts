// Issue 5, as the leadership: every dashboard, after a change of year, shows in each panel's table view the numbers
// that SQL computes over the seed; a drill-down lands on the list whose row count is the clicked number.
import { expect, test } from "@playwright/test";
import evaluation from "../dashboards/evaluation";
import { text } from "../src/dashboards/spec";
import { chooseFilter, DASHBOARDS, expectedCells, expectPanelsMatchSql, panelLocator, readsUrl, routeOf, shownCells, waitForPanels } from "./dashboards";

const thisYear = new Date().getFullYear();

for (const spec of DASHBOARDS) {
  test(`leader: ${spec.id} matches SQL after changing the year`, async ({ page }) => {
    await page.goto(routeOf(spec));
    await expect(page.getByRole("heading", { name: text(spec.title) })).toBeVisible();
    await waitForPanels(page, spec);

    const yearFilter = spec.filters.find((f) => f.kind === "year")!;
    const year = spec.id === "evaluation" ? thisYear - 2 : thisYear - 1;
    await chooseFilter(page, text(yearFilter.label!), `${year}年`);
    await readsUrl(page, "year", year);
    await waitForPanels(page, spec);

    await expectPanelsMatchSql(page, spec, { year, orgUnitId: null, category: "activity" });
  });
}

test("leader: the filters live in the URL", async ({ page }) => {
  await page.goto(`/dashboards/funds?year=${thisYear - 1}&category=training`);
  const spec = DASHBOARDS.find((d) => d.id === "funds")!;
  await waitForPanels(page, spec);
  const select = (label: string) => page.locator(".ant-select", { has: page.getByRole("combobox", { name: label, exact: true }) });
  await expect(select("预算年度")).toContainText(`${thisYear - 1}年`);
  await expect(select("经费类别")).toContainText("书记培训");
  const panel = spec.panels.find((p) => p.id === "by_unit")!;
  const expected = await expectedCells(spec, panel, { year: thisYear - 1, orgUnitId: null, category: "training" });
  expect((await shownCells(page, panel)).cells).toEqual(expected.cells);
});

test("leader: a grade segment drills down to that unit's evaluations of that grade", async ({ page }) => {
  const year = thisYear - 1;
  await page.goto(`/dashboards/evaluation?year=${year}`);
  await waitForPanels(page, evaluation);
  const grades = evaluation.panels.find((p) => p.id === "grades")!;
  const { cells } = await shownCells(page, grades);
  // the first unit with some 良好 branches; column order: unit, evaluated, excellent, good, ...
  const row = cells.findIndex((r) => Number(r[3].replace(/,/g, "")) > 0);
  expect(row).toBeGreaterThanOrEqual(0);
  const count = Number(cells[row][3].replace(/,/g, ""));
  const link = panelLocator(page, grades).locator("tbody tr.ant-table-row").nth(row).locator("td").nth(3).getByRole("link");
  await link.click();
  await expect(page).toHaveURL(/\/branch-evaluations\?/);
  expect(decodeURIComponent(page.url())).toContain("[value]=good");
  await expect(page.getByText(`共 ${count} 条`)).toBeVisible();
});

test("leader: charts load only with a dashboard, not on the login page", async ({ browser }) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  const scripts: string[] = [];
  page.on("response", (response) => {
    if (response.url().endsWith(".js")) scripts.push(response.url());
  });
  await page.goto("/login");
  await expect(page.getByLabel("邮箱")).toBeVisible();
  expect(scripts.some((url) => /DashboardPage/.test(url))).toBe(false);
  await context.close();
});
