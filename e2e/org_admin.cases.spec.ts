// Issue 10 (§15), as 组织部: rating a recommended case from its page (评定, choosing 校级最佳案例) puts it into that
// year's 案例集, under its rating; the collection prints without the menu and exports to .xlsx.
import { expect, test } from "@playwright/test";
import { readFileSync } from "node:fs";
import { sql } from "../supabase/local/testing";
import { CASE_YEAR, plantCase, removeCases } from "./cases";

const TITLE = `e2e 评定案例 ${process.env.APP_PORT ?? ""}`;

test.afterEach(() => removeCases(TITLE));

test("org_admin rates a case and it appears in the 案例集", async ({ page }) => {
  await removeCases(TITLE);
  const id = await plantCase("U002", "recommended", TITLE);
  await page.goto(`/cases/show/${id}`);
  await expect(page.getByText(TITLE).first()).toBeVisible();
  // a recommended case offers 评定 only; 提交 and 推荐 are past
  await expect(page.getByTestId("case-submit")).toHaveCount(0);
  await expect(page.getByTestId("case-recommend")).toHaveCount(0);
  await page.getByTestId("case-rate").click();
  const dialog = page.locator(".ant-modal-confirm");
  await expect(dialog.locator(".ant-modal-confirm-title")).toHaveText(`评定案例「${TITLE}」`);
  await dialog.getByText("校级最佳案例").click();
  await dialog.getByRole("button", { name: /^评\s?定$/ }).click();
  await expect(page.getByText("案例已评定")).toBeVisible();
  // the page shows the rating and offers 重新评定 instead
  await expect(page.getByTestId("case-rate")).toHaveCount(0);
  await expect(page.getByTestId("case-reopen")).toBeVisible();
  const [row] = await sql<{ status: string; rating: string; rated_on: string; today: string }>(
    "select status::text, rating::text, rated_on::text, current_date::text as today from cases where id = $1",
    [id],
  );
  expect(row).toMatchObject({ status: "rated", rating: "best", rated_on: row.today });

  await page.goto(`/case-collection?year=${CASE_YEAR}`);
  await expect(page.getByRole("heading", { name: `${CASE_YEAR} 年度党建案例集` })).toBeVisible();
  const best = page.getByTestId("case-group-best");
  await expect(best.getByTestId(`case-item-${id}`)).toBeVisible();
  await expect(best.getByTestId(`case-item-${id}`)).toContainText(TITLE);
  await expect(page.getByTestId("case-group-excellent").getByTestId(`case-item-${id}`)).toHaveCount(0);
  // every rated case of the year is listed, each under its rating
  const counts = await sql<{ rating: string; n: number }>(
    "select rating::text, count(*)::int as n from cases where year = $1 and status = 'rated' group by rating",
    [CASE_YEAR],
  );
  for (const { rating, n } of counts) await expect(page.getByTestId(`case-group-${rating}`).locator("[data-testid^=case-item-]")).toHaveCount(n);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("case-collection-export").click()]);
  expect(download.suggestedFilename()).toBe(`${CASE_YEAR}年度党建案例集.xlsx`);
  expect(readFileSync((await download.path())!).subarray(0, 2).toString()).toBe("PK");

  // in print: no side menu, no header, no toolbar; the collection itself stays
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".ant-layout-sider")).toBeHidden();
  await expect(page.locator(".ant-layout-header")).toBeHidden();
  await expect(page.getByTestId("case-collection-export")).toBeHidden();
  await expect(best.getByTestId(`case-item-${id}`)).toBeVisible();
  await page.screenshot({ path: `test-results/case-collection-print-${process.env.APP_PORT ?? "app"}.png`, fullPage: false });
});
