// Issue 5, as the leadership: every dashboard, after a change of year, shows in each panel's table view the numbers
// that SQL computes over the seed; a drill-down lands on the list whose row count is the clicked number.
import { expect, test } from "@playwright/test";
import { readFileSync } from "node:fs";
import evaluation from "../dashboards/evaluation";
import life from "../dashboards/life";
import { tablePageSize } from "../src/dashboards/options";
import { text } from "../src/dashboards/spec";
import { sql } from "../supabase/local/testing";
import {
  chooseFilter,
  clickBarSegment,
  DASHBOARDS,
  expectedCells,
  expectPanelsMatchSql,
  listFilters,
  panelLocator,
  readsUrl,
  routeOf,
  shownCells,
  waitForPanels,
} from "./dashboards";
import { PANEL_SQL } from "./dashboards-sql";

const thisYear = new Date().getFullYear();


// a dozen panels compared one by one, retried when another spec writes meanwhile
test.describe.configure({ timeout: 180_000 });
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

    await expectPanelsMatchSql(page, spec, { year, orgUnitId: null, category: "activity", user: "leader@dangjian.test" });
    if (spec.id === "home") {
      // A past year's figure says so: the cards read on that year's last day.
      await expect(panelLocator(page, spec.panels.find((p) => p.id === "members")!).locator("[data-caption]")).toHaveText(`截至${year}年底`);
    }
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

test("leader: a click on a bar segment opens the evaluations of that unit and grade", async ({ page }) => {
  const year = thisYear - 1;
  await page.goto(`/dashboards/evaluation?year=${year}`);
  await waitForPanels(page, evaluation);
  const grades = evaluation.panels.find((p) => p.id === "grades")!;
  await clickBarSegment(page, grades);
  await expect(page).toHaveURL(/\/branch-evaluations\?/);
  const filters = listFilters(page.url());
  const filter = (field: string) => filters.get(field);
  const unit = Number(filter("branch.org_unit_id"));
  const grade = filter("grade");
  expect(filter("cycle.year")).toBe(String(year));
  expect(["excellent", "good", "qualified", "unqualified"]).toContain(grade);
  // the number under the segment, recomputed in SQL (the panel's table shows the same, see the test above)
  const [{ n }] = await sql<{ n: string }>(
    `select count(*) as n from branch_evaluations e join evaluation_cycles c on c.id = e.cycle_id join branches b on b.id = e.branch_id
      where c.year = $1 and b.org_unit_id = $2 and e.grade = $3::branch_grade and e.total is not null`,
    [year, unit, grade],
  );
  expect(Number(n)).toBeGreaterThan(0);
  await expect(page.getByText(`共 ${n} 条`)).toBeVisible();
});

test("leader: a panel exports its chart as PNG and its rows as CSV for Excel", async ({ page }) => {
  const coverage = DASHBOARDS.find((d) => d.id === "coverage")!;
  await page.goto("/dashboards/coverage");
  await waitForPanels(page, coverage);
  const byKind = panelLocator(page, coverage.panels.find((p) => p.id === "by_kind")!);

  const [png] = await Promise.all([page.waitForEvent("download"), byKind.getByRole("button", { name: "导出图片" }).click()]);
  expect(png.suggestedFilename()).toBe("coverage-by_kind.png");
  const image = readFileSync((await png.path())!);
  expect(image.subarray(1, 4).toString()).toBe("PNG");

  const [csv] = await Promise.all([page.waitForEvent("download"), byKind.getByRole("button", { name: "导出 CSV" }).click()]);
  expect(csv.suggestedFilename()).toBe("coverage-by_kind.csv");
  const lines = readFileSync((await csv.path())!, "utf8").split("\r\n");
  expect(lines[0]).toBe("\uFEFF载体类型,载体数,已覆盖,未覆盖,覆盖率");
  expect(lines[1]).toMatch(/^进公寓,\d+,\d+,\d+,0?\.\d+$/);
});

test("leader: the login page is drawn without the charts, then loads the page behind it while one types", async ({ browser }) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  const scripts: string[] = [];
  page.on("response", (response) => {
    if (response.url().endsWith(".js")) scripts.push(response.url());
  });
  const renderer = page.waitForResponse((response) => /\/DashboardPage-[^/]*\.js$/.test(response.url()));
  await page.goto("/login");
  await expect(page.getByLabel("邮箱")).toBeVisible();
  expect(scripts.some((url) => /DashboardPage/.test(url))).toBe(false);
  // idle on the sign-in page: the app and the home page's renderer arrive before anyone has signed in
  expect((await renderer).ok()).toBe(true);
  await expect(page.getByLabel("邮箱")).toBeVisible();
  await context.close();
});

test("leader: a table panel shows a page of the rows its card has room for, read without scrolling inside the card", async ({ page }) => {
  // every branch's quarter: more rows than a page; 1920 wide, its names stay on one line
  await page.setViewportSize({ width: 1920, height: 1080 });
  const panel = life.panels.find((p) => p.id === "quarter_status")!;
  const pageSize = tablePageSize(panel);
  const all = await PANEL_SQL["life/quarter_status"]({ year: thisYear, orgUnitId: null });
  expect(all.length).toBeGreaterThan(pageSize);
  await page.goto(routeOf(life));
  await waitForPanels(page, life);
  const box = panelLocator(page, panel);
  await expect(box.locator(".ant-pagination-total-text")).toHaveText(`共 ${all.length} 条`);
  await expect(box.locator("tbody tr.ant-table-row")).toHaveCount(pageSize);
  const body = box.locator(".ant-card-body");
  expect(await body.evaluate((element) => element.scrollHeight - element.clientHeight)).toBeLessThanOrEqual(0);
  await box.locator(".ant-pagination-next").click();
  await expect(box.locator("tbody tr.ant-table-row")).toHaveCount(Math.min(pageSize, all.length - pageSize));
});
