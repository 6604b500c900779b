// Issue 4, committee_admin: allocates part of its unit's budget to a branch, records an expenditure, is told in
// Chinese on the amount field when it would overspend (nothing saved), and cannot reach another unit's branch.
import { expect, test } from "@playwright/test";
import { sql } from "../supabase/local/testing";
import { choose, combobox, fieldError, fillText, pickDate, saveAndShow, saveButton } from "./forms";

type Scope = { org_unit_id: number; unit_name: string };
type Candidate = { fiscal_year: number; category: string; branch_id: number; branch_name: string; available: number };

const CATEGORY_LABELS: Record<string, string> = { activity: "党员活动经费", fee_refund: "党费返还", case_project: "案例立项", training: "书记培训", other: "其他" };

let scope: Scope;
let candidate: Candidate;
const createdBudgets: number[] = [];

test.beforeAll(async () => {
  [scope] = await sql<Scope>(
    `select p.org_unit_id::int, o.name as unit_name from profiles p join auth.users u on u.id = p.user_id
       join org_units o on o.id = p.org_unit_id where u.email = 'committee@dangjian.test'`,
  );
  // A unit budget of this unit with room left, and an active branch of the unit with no allocation for it yet.
  [candidate] = await sql<Candidate>(
    `select ub.fiscal_year, ub.category::text, b.id::int as branch_id, b.name as branch_name,
            (ub.amount - coalesce((select sum(a.amount) from fund_budgets a where a.org_unit_id = ub.org_unit_id and a.fiscal_year = ub.fiscal_year
                                     and a.category = ub.category and a.branch_id is not null), 0)
                       - coalesce((select sum(e.amount) from fund_expenditures e where e.budget_id = ub.id), 0))::float as available
       from fund_budgets ub join branches b on b.org_unit_id = ub.org_unit_id and b.status = 'active'
      where ub.org_unit_id = $1 and ub.branch_id is null
        and not exists (select 1 from fund_budgets a where a.branch_id = b.id and a.fiscal_year = ub.fiscal_year and a.category = ub.category)
      order by available desc limit 1`,
    [scope.org_unit_id],
  );
  expect(candidate?.available, "the seed gives the committee's unit a budget with room").toBeGreaterThan(1000);
});

test.afterAll(async () => {
  for (const id of createdBudgets) {
    await sql("delete from fund_expenditures where budget_id = $1", [id]);
    await sql("delete from fund_budgets where id = $1", [id]);
  }
});

test("committee admin allocates, spends, and is stopped from overspending on the amount field", async ({ page }) => {
  test.setTimeout(120_000);
  const allocationId = await test.step("allocate 800 of the unit budget to a branch", async () => {
    await page.goto("/fund-budgets/create");
    // Its own unit, and no way to pick another.
    await expect(combobox(page, "二级党组织")).toBeDisabled();
    await expect(page.locator(".ant-form-item").filter({ hasText: "二级党组织" }).first()).toContainText(scope.unit_name);
    await fillText(page, "预算年度", String(candidate.fiscal_year));
    await choose(page, "支部（留空为二级党组织预算）", candidate.branch_name, candidate.branch_name);
    await choose(page, "经费类别", CATEGORY_LABELS[candidate.category]);
    await fillText(page, "金额", "800");
    const id = await saveAndShow(page, "/fund-budgets");
    createdBudgets.push(id);
    await expect(page.getByTestId("budget-remaining")).toHaveText("¥800.00");
    return id;
  });

  await test.step("record an expenditure of 300", async () => {
    await page.goto(`/fund-expenditures/create?budget_id=${allocationId}`);
    await pickDate(page, "支出日期", `${candidate.fiscal_year}-06-01`);
    await fillText(page, "金额", "300");
    await fillText(page, "用途", "支部主题党日活动");
    await saveAndShow(page, "/fund-expenditures");
    await page.goto(`/fund-budgets/show/${allocationId}`);
    await expect(page.getByTestId("budget-remaining")).toHaveText("¥500.00");
  });

  await test.step("try to spend 600 more: the rule's message sits on 金额 and nothing is saved", async () => {
    await page.goto(`/fund-expenditures/create?budget_id=${allocationId}`);
    await pickDate(page, "支出日期", `${candidate.fiscal_year}-07-01`);
    await fillText(page, "金额", "600");
    await fillText(page, "用途", "超支尝试");
    await saveButton(page).click();
    await expect(fieldError(page, "金额")).toContainText("支出金额超出预算余额");
    await expect(fieldError(page, "金额")).toContainText("500.00");
    await expect(page).toHaveURL(/\/fund-expenditures\/create/);
    const rows = await sql<{ n: number }>("select count(*)::int as n from fund_expenditures where budget_id = $1", [allocationId]);
    expect(rows[0].n).toBe(1);
  });
});

test("committee admin sees only its own unit's branches, by menu and by URL", async ({ page }) => {
  const [other] = await sql<{ id: number; code: string; name: string }>(
    "select id::int, code, name from branches where org_unit_id <> $1 order by id limit 1",
    [scope.org_unit_id],
  );
  await page.goto("/branches");
  // the unit is the first data column (after the row-selection checkbox of a role that may edit)
  const rows = page.locator(".ant-table-tbody tr.ant-table-row");
  await expect(rows.first()).toBeVisible();
  for (const row of await rows.all()) {
    await expect(row.locator("td:not(.ant-table-selection-column)").first()).toHaveText(scope.unit_name);
  }

  // Searching for the other unit's branch finds nothing.
  await page.getByLabel("搜索", { exact: true }).fill(other.code);
  await expect(page).toHaveURL(/filters/);
  await expect(page.locator(".ant-table-tbody .ant-empty")).toBeVisible();

  for (const path of [`/branches/show/${other.id}`, `/branches/edit/${other.id}`]) {
    await page.goto(path);
    await expect(page.locator(".ant-result").getByText("记录不存在或无权访问")).toBeVisible();
    await expect(page.getByText(other.name)).toHaveCount(0);
  }
  // Creating a branch: the unit is fixed to its own.
  await page.goto("/branches/create");
  await expect(combobox(page, "所属二级党组织")).toBeDisabled();
});
