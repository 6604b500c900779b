// Issue 8: per-record actions follow RLS. A committee admin reads the budget 组织部 allocated to its unit but
// may not write it (fund_budgets_update/delete: branch allocations only): no 编辑/删除 on its list row or show page,
// and its edit URL is a no-permission page. A branch allocation of the same unit offers both.
import { expect, test } from "@playwright/test";
import { sql } from "../supabase/local/testing";

type Budget = { id: number; fiscal_year: number; category: string };
let unitBudget: Budget;
let allocation: Budget;

test.beforeAll(async () => {
  const unit = `(select p.org_unit_id from profiles p join auth.users u on u.id = p.user_id where u.email = 'committee@dangjian.test')`;
  [unitBudget] = await sql<Budget>(
    `select id::int, fiscal_year, category::text from fund_budgets u where org_unit_id = ${unit} and branch_id is null
        and exists (select 1 from fund_budgets a where a.org_unit_id = u.org_unit_id and a.fiscal_year = u.fiscal_year
                       and a.category = u.category and a.branch_id is not null)
      order by id limit 1`,
  );
  // An allocation of that budget to one of the unit's branches: same year and category.
  [allocation] = await sql<Budget>(
    `select id::int, fiscal_year, category::text from fund_budgets where org_unit_id = ${unit} and branch_id is not null
        and fiscal_year = $1 and category::text = $2 order by id limit 1`,
    [unitBudget?.fiscal_year, unitBudget?.category],
  );
  expect(unitBudget, "the seed gives the committee's unit a budget from 组织部").toBeTruthy();
  expect(allocation, "and a branch allocation").toBeTruthy();
});

test("no 编辑/删除 on the budget 组织部 allocated, on the list, the show page and the edit URL", async ({ page }) => {
  test.setTimeout(180_000);
  await test.step("list: the unit budget's row has 查看 only, the allocation's row all three", async () => {
    const year = `filters[0][field]=fiscal_year&filters[0][operator]=eq&filters[0][value]=${unitBudget.fiscal_year}`;
    const category = `filters[1][field]=category&filters[1][operator]=eq&filters[1][value]=${unitBudget.category}`;
    // Oldest first: both rows (the smallest ids of that year and category) are on the first page.
    const oldestFirst = "sorters[0][field]=id&sorters[0][order]=asc";
    await page.goto(`/fund-budgets?${year}&${category}&${oldestFirst}`);
    // The row key is the record id.
    const unitRow = page.locator(`tr.ant-table-row[data-row-key="${unitBudget.id}"]`);
    const allocationRow = page.locator(`tr.ant-table-row[data-row-key="${allocation.id}"]`);
    await expect(unitRow).toBeVisible({ timeout: 45_000 });
    await expect(allocationRow).toBeVisible();
    await expect(allocationRow.locator("button")).toHaveCount(3);
    await expect(unitRow.locator("button")).toHaveCount(1);
  });

  await test.step("show page of the unit budget: no 编辑, no 删除", async () => {
    await page.goto(`/fund-budgets/show/${unitBudget.id}`);
    const header = page.locator(".ant-page-header-heading-extra");
    await expect(header.getByRole("button", { name: /列\s?表|经费预算/ })).toBeVisible({ timeout: 60_000 });
    await expect(header.getByRole("button", { name: /编\s?辑/ })).toHaveCount(0);
    await expect(header.getByRole("button", { name: /删\s?除/ })).toHaveCount(0);
  });

  await test.step("its edit URL is a clear no-permission page, with no form", async () => {
    await page.goto(`/fund-budgets/edit/${unitBudget.id}`);
    await expect(page.locator(".ant-result-403")).toBeVisible({ timeout: 60_000 });
    await expect(page.getByText("没有权限").first()).toBeVisible();
    await expect(page.getByRole("button", { name: /保\s?存/ })).toHaveCount(0);
  });

  await test.step("a branch allocation offers 编辑 and 删除, and its form opens", async () => {
    await page.goto(`/fund-budgets/show/${allocation.id}`);
    const header = page.locator(".ant-page-header-heading-extra");
    await expect(header.getByRole("button", { name: /编\s?辑/ })).toBeVisible({ timeout: 60_000 });
    await expect(header.getByRole("button", { name: /删\s?除/ })).toBeVisible();
    await page.goto(`/fund-budgets/edit/${allocation.id}`);
    await expect(page.getByRole("button", { name: /保\s?存/ })).toBeVisible({ timeout: 60_000 });
    await expect(page.locator(".ant-result-403")).toHaveCount(0);
  });
});
