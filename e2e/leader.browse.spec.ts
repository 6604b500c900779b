// Issue 4, leader: browses every list and show page, filters and sorts members, and finds no way to write.
import { expect, test, type Page } from "@playwright/test";
import { choose } from "./forms";

const LISTS = [
  ["/org-units", "二级党组织"],
  ["/branches", "党支部"],
  ["/members", "党员"],
  ["/carriers", "载体"],
  ["/partnerships", "党建联建"],
  ["/fund-budgets", "经费预算"],
  ["/fund-expenditures", "经费支出"],
  ["/evaluation-cycles", "考核周期"],
  ["/branch-evaluations", "支部考核"],
  ["/member-posts", "定岗明责"],
  ["/member-reviews", "民主评议"],
  ["/audit-log", "变更记录"],
] as const;

const WRITE_BUTTONS = /(新\s?建|编\s?辑|删\s?除)/;

async function expectNoWriteButtons(page: Page) {
  await expect(page.getByRole("button", { name: WRITE_BUTTONS })).toHaveCount(0);
}

test("leader browses every list and show page without a way to write", async ({ page }) => {
  test.setTimeout(180_000);
  for (const [route, title] of LISTS) {
    await test.step(route, async () => {
      await page.goto(route);
      await expect(page.getByRole("heading", { name: title, exact: true })).toBeVisible();
      const rows = page.locator(".ant-table-tbody tr.ant-table-row");
      await expect(rows.first().or(page.locator(".ant-table-tbody .ant-empty"))).toBeVisible();
      await expectNoWriteButtons(page);
      if ((await rows.count()) === 0) return;
      // Row actions: only "show".
      await expect(rows.first().locator("button")).toHaveCount(1);
      await rows.first().locator("button").click();
      await expect(page).toHaveURL(new RegExp(`${route}/show/\\d+`));
      await expect(page.getByRole("tab", { name: "基本信息" })).toBeVisible();
      await expectNoWriteButtons(page);
    });
  }
});

test("leader filters and sorts members, and the URL keeps the view", async ({ page }) => {
  await page.goto("/members");
  await choose(page, "类别", "教师");
  await expect(page).toHaveURL(/filters.*category.*teacher/);
  const categoryCells = page.locator(".ant-table-tbody tr.ant-table-row td:nth-child(5)");
  await expect(categoryCells.first()).toHaveText("教师");
  for (const text of await categoryCells.allTextContents()) expect(text).toBe("教师");

  await page.getByRole("columnheader", { name: "入党日期" }).click();
  await expect(page).toHaveURL(/sorters.*joined_on.*asc/);
  const dates = await page.locator(".ant-table-tbody tr.ant-table-row td:nth-child(7)").allTextContents();
  const parsed = dates.filter(Boolean).map((text) => text.replace(/(\d+)年(\d+)月(\d+)日/, (_, y, m, d) => `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`));
  expect(parsed).toEqual([...parsed].sort());

  // A copied link reopens the same view.
  const url = page.url();
  await page.goto("/org-units");
  await page.goto(url);
  await expect(page.locator(".ant-select-selection-item").filter({ hasText: "教师" })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "入党日期" })).toHaveAttribute("aria-sort", "ascending");
});

test("leader typing a write URL or the accounts page gets 403", async ({ page }) => {
  for (const path of ["/branches/create", "/members/edit/1", "/accounts"]) {
    await page.goto(path);
    await expect(page.getByText("抱歉，您没有权限访问此页面。")).toBeVisible();
  }
  await page.goto("/org-units");
  const menu = page.locator(".ant-layout-sider");
  await menu.getByText("系统", { exact: true }).click();
  await expect(menu.getByText("变更记录")).toBeVisible();
  await expect(menu.getByText("账号管理")).toHaveCount(0);
});

test("leader switches the interface to English and back", async ({ page }) => {
  await page.goto("/members");
  await choose(page, "语言", "English");
  await expect(page.getByRole("heading", { name: "Members", exact: true })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Joined" })).toBeVisible();
  await expect(page.getByText(/\d+ in total/)).toBeVisible();
  await choose(page, "Language", "中文");
  await expect(page.getByRole("heading", { name: "党员", exact: true })).toBeVisible();
});
