// 导出 and the list tools, as 组织部: a filtered members list of more than 1,000 rows (several pages of the API's
// max_rows) downloads an .xlsx whose rows are exactly the SQL count for that filter, with Chinese headings; a money
// list shows the sum of its filtered rows; a saved view is saved, found in the side menu and opens the same list.
import { expect, test } from "@playwright/test";
import { readSheet } from "read-excel-file/node";
import { formatMoney } from "../src/crud/money";
import { sql } from "../supabase/local/testing";

// The first screen of a page waits on its chunk and its queries: on a shared two-core machine that can take a while.
const FIRST_LOAD = { timeout: 120_000 };
const studentsFilter = "filters[0][field]=category&filters[0][operator]=eq&filters[0][value]=student";

test.describe.configure({ timeout: 300_000 });

test("导出 of a filtered members list downloads every row of the filter, with Chinese headings", async ({ page }) => {
  const [{ n }] = await sql<{ n: number }>("select count(*)::int as n from members where category = 'student'");
  expect(n).toBeGreaterThan(1000);
  await page.goto(`/members?${studentsFilter}`);
  await expect(page.locator(".ant-pagination-total-text")).toHaveText(`共 ${n} 条`, FIRST_LOAD);

  const downloading = page.waitForEvent("download", { timeout: 120_000 });
  await page.getByRole("button", { name: "导出" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^党员-\d{8}-\d{4}\.xlsx$/);
  const sheet = await readSheet(await download.path());

  expect(sheet.length - 1).toBe(n);
  const headings = sheet[0] as string[];
  expect(headings.slice(0, 3)).toEqual(["姓名", "学号/工号", "所在支部"]);
  for (const heading of headings) expect(heading).toMatch(/[\u4e00-\u9fff]/);
  // enum labels, not codes: every row is a 学生 (the filter)
  const category = headings.indexOf("类别");
  expect(category).toBeGreaterThan(0);
  expect(new Set(sheet.slice(1).map((row) => row[category]))).toEqual(new Set(["学生"]));
  // the same members as the database's, by 学号/工号
  const numbers = await sql<{ no: string }>("select student_or_staff_no as no from members where category = 'student'");
  const exported = new Set(sheet.slice(1).map((row) => String(row[1])));
  expect(exported.size).toBe(n);
  expect(numbers.every(({ no }) => exported.has(no))).toBe(true);
});

test("the expenditures list shows the sum of its filtered rows", async ({ page }) => {
  const [unit] = await sql<{ id: number; total: string }>(
    `select b.org_unit_id::int as id, sum(e.amount)::text as total from fund_expenditures e join fund_budgets b on b.id = e.budget_id
      group by b.org_unit_id order by count(*) desc limit 1`,
  );
  const [{ all }] = await sql<{ all: string }>("select sum(amount)::text as all from fund_expenditures");
  await page.goto("/fund-expenditures");
  await expect(page.getByTestId("list-sum")).toContainText(`金额合计 ${formatMoney(all)}`, FIRST_LOAD);
  await page.goto(`/fund-expenditures?filters[0][field]=budget.org_unit_id&filters[0][operator]=eq&filters[0][value]=${unit.id}`);
  await expect(page.getByTestId("list-sum")).toContainText(`金额合计 ${formatMoney(unit.total)}`, FIRST_LOAD);
});

test("a saved view is found in the side menu and opens the list as it was saved", async ({ page }) => {
  const name = `学生党员 ${Date.now().toString(36)}`;
  const [{ n }] = await sql<{ n: number }>("select count(*)::int as n from members where category = 'student'");
  const [{ all }] = await sql<{ all: number }>("select count(*)::int as all from members");
  try {
    await page.goto(`/members?${studentsFilter}`);
    await expect(page.locator(".ant-pagination-total-text")).toHaveText(`共 ${n} 条`, FIRST_LOAD);
    await page.getByRole("button", { name: "保存视图" }).click();
    await page.getByLabel("视图名称").fill(name);
    await page.getByRole("dialog").getByRole("button", { name: /保\s*存/ }).click();
    await expect(page.getByText(`视图“${name}”已保存`)).toBeVisible();
    const [saved] = await sql<{ query: string }>("select query from saved_views where name = $1", [name]);
    expect(saved.query).toContain("category");

    // elsewhere, the list unfiltered: the menu's view brings the filter back
    await page.getByRole("button", { name: /重\s*置/ }).click();
    await expect(page.locator(".ant-pagination-total-text")).toHaveText(`共 ${all} 条`);
    await page.getByRole("menuitem", { name: "我的视图" }).click();
    await page.getByRole("menuitem", { name: `党员 · ${name}` }).click();
    await expect(page).toHaveURL(/category/);
    await expect(page.locator(".ant-pagination-total-text")).toHaveText(`共 ${n} 条`);
    const categoryFilter = page.locator(".ant-select").filter({ has: page.getByRole("combobox", { name: "类别", exact: true }) });
    await expect(categoryFilter).toContainText("学生");
  } finally {
    await sql("delete from saved_views where name = $1", [name]);
  }
});
