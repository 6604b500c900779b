// Issue 4, the bad-input sweep: every form refuses empty required fields, over-long text, bad numbers and dates
// its rules forbid, each with a message and nothing saved; a script-tag string is stored and shown as text.
// Issue 8: the database's own refusals (a 正式党员 within the probationary year) land on their fields too, and
// the date pickers do not offer days the database would refuse.
import { expect, test, type Page, type Response } from "@playwright/test";
import { sql } from "../supabase/local/testing";
import { choose, field, fieldError, fillText, pickDate, saveAndShow, saveButton } from "./forms";

const CREATE_FORMS = [
  ["/org-units", "org_units"],
  ["/branches", "branches"],
  ["/members", "members"],
  ["/carriers", "carriers"],
  ["/carrier-coverages", "carrier_coverages"],
  ["/partnerships", "partnerships"],
  ["/partnership-activities", "partnership_activities"],
  ["/fund-budgets", "fund_budgets"],
  ["/fund-expenditures", "fund_expenditures"],
  ["/evaluation-cycles", "evaluation_cycles"],
  ["/branch-evaluations", "branch_evaluations"],
  ["/member-posts", "member_posts"],
  ["/member-reviews", "member_reviews"],
] as const;

/**
 * Records the writes this page got through to a table. "Nothing saved" is judged by them rather than by counting the
 * table, which other specs running beside this one may be adding rows to at the same moment.
 */
function watchWrites(page: Page, table: string) {
  const saved: string[] = [];
  const onResponse = (response: Response) => {
    const method = response.request().method();
    if (["POST", "PATCH", "PUT"].includes(method) && new URL(response.url()).pathname.endsWith(`/rest/v1/${table}`) && response.ok()) {
      saved.push(`${method} ${response.status()}`);
    }
  };
  page.on("response", onResponse);
  return () => {
    page.off("response", onResponse);
    return saved;
  };
}

/** Submits and expects the form to stay put with the given messages, and nothing written to the table. */
async function expectRefused(page: Page, route: string, table: string, messages: { label: string; text: string | RegExp }[]) {
  const writes = watchWrites(page, table);
  await saveButton(page).click();
  for (const { label, text } of messages) await expect(fieldError(page, label)).toContainText(text);
  await expect(page).toHaveURL(new RegExp(`${route}/create`));
  expect(writes()).toEqual([]);
}

test("every create form refuses empty required fields with a message", async ({ page }) => {
  test.setTimeout(120_000);
  for (const [route, table] of CREATE_FORMS) {
    await test.step(route, async () => {
      await page.goto(`${route}/create`);
      const writes = watchWrites(page, table);
      await saveButton(page).click();
      await expect(page.locator(".ant-form-item-explain-error").first()).toContainText(/^请(填写|选择)/);
      await expect(page).toHaveURL(new RegExp(`${route}/create$`));
      expect(writes()).toEqual([]);
    });
  }
});

test("too-long text, negative and non-numeric amounts are refused on their fields", async ({ page }) => {
  await page.goto("/org-units/create");
  await fillText(page, "名称", "长".repeat(101));
  await expectRefused(page, "/org-units", "org_units", [{ label: "名称", text: "名称不能超过 100 个字" }]);

  await page.goto("/members/create");
  await fillText(page, "姓名", "名".repeat(51));
  await expectRefused(page, "/members", "members", [{ label: "姓名", text: "姓名不能超过 50 个字" }]);

  await page.goto("/fund-budgets/create");
  await fillText(page, "金额", "-5");
  await expectRefused(page, "/fund-budgets", "fund_budgets", [{ label: "金额", text: "金额必须大于 0" }]);

  await page.goto("/carriers/create");
  await fillText(page, "人数", "-1");
  await expectRefused(page, "/carriers", "carriers", [{ label: "人数", text: "人数不能小于 0" }]);

  await page.goto("/fund-expenditures/create");
  await page.getByLabel("金额", { exact: true }).pressSequentially("abc");
  await page.getByLabel("用途", { exact: true }).click();
  await expectRefused(page, "/fund-expenditures", "fund_expenditures", [{ label: "金额", text: "请填写金额" }]);

  await page.goto("/evaluation-cycles/create");
  await fillText(page, "组织评价权重", "1.5");
  await expectRefused(page, "/evaluation-cycles", "evaluation_cycles", [{ label: "组织评价权重", text: "组织评价权重不能大于 1" }]);
});

test("dates the database rules forbid come back on their fields, nothing saved", async ({ page }) => {
  const [budget] = await sql<{ id: number; fiscal_year: number }>(
    `select b.id::int, b.fiscal_year from fund_budgets b
      where b.amount - coalesce((select sum(e.amount) from fund_expenditures e where e.budget_id = b.id), 0) > 10
        and b.branch_id is not null and b.fiscal_year < extract(year from current_date) order by b.id limit 1`,
  );
  await page.goto(`/fund-expenditures/create?budget_id=${budget.id}`);
  await pickDate(page, "支出日期", `${budget.fiscal_year + 1}-01-15`);
  await fillText(page, "金额", "1");
  await fillText(page, "用途", "跨年度支出");
  await expectRefused(page, "/fund-expenditures", "fund_expenditures", [
    { label: "支出日期", text: `支出日期须在预算年度 ${budget.fiscal_year} 年内` },
  ]);

  const [unit] = await sql<{ name: string }>("select name from org_units order by id limit 1");
  await page.goto("/branches/create");
  await choose(page, "所属二级党组织", unit.name, unit.name.slice(0, 2));
  const code = `BAD-${Date.now()}`;
  await fillText(page, "支部编码", code);
  await fillText(page, "支部名称", "日期颠倒的支部");
  await choose(page, "支部类型", "教师党支部");
  await pickDate(page, "成立日期", "2020-05-01");
  await pickDate(page, "最近换届日期", "2019-05-01");
  await expectRefused(page, "/branches", "branches", [{ label: "最近换届日期", text: "换届日期不能早于成立日期" }]);
  expect(await sql("select id from branches where code = $1", [code])).toEqual([]);

  // A full member (the default) who joined a month ago: the database refuses it on 入党日期.
  const [branch] = await sql<{ id: number }>("select id::int from branches where status = 'active' order by id limit 1");
  const studentNo = `PROB-${Date.now()}`;
  await page.goto(`/members/create?branch_id=${branch.id}`);
  await fillText(page, "姓名", "预备期未满");
  await fillText(page, "学号/工号", studentNo);
  await choose(page, "性别", "女");
  await choose(page, "类别", "学生");
  const monthAgo = new Date(Date.now() + 8 * 3600_000 - 30 * 86_400_000).toISOString().slice(0, 10);
  await pickDate(page, "入党日期", monthAgo);
  await expectRefused(page, "/members", "members", [{ label: "入党日期", text: "正式党员的入党日期须早于一年前 (预备期一年)" }]);
  expect(await sql("select id from members where student_or_staff_no = $1", [studentNo])).toEqual([]);

  // The picker does not take a day after today for 入党日期: typed, it is not accepted.
  const input = field(page, "入党日期");
  await input.click();
  await input.fill("2030-01-01");
  await input.press("Enter");
  await field(page, "姓名").click();
  await expect(input).toHaveValue(monthAgo);
});

test("a script-tag string is stored as typed and shown as text, never run", async ({ page }) => {
  const hostile = `<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">${Date.now()}`;
  const code = `XSS-${Date.now().toString(36)}`;
  try {
    await page.goto("/org-units/create");
    await fillText(page, "组织编码", code);
    await fillText(page, "名称", hostile);
    await choose(page, "类型", "党总支");
    await choose(page, "类别", "机关部处");
    const id = await saveAndShow(page, "/org-units");
    await expect(page.getByText(hostile).first()).toBeVisible();
    await page.goto("/org-units");
    await page.getByLabel("搜索", { exact: true }).fill(code);
    await expect(page.locator(".ant-table-tbody").getByText(hostile)).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    const [row] = await sql<{ name: string }>("select name from org_units where id = $1", [id]);
    expect(row.name).toBe(hostile);
  } finally {
    await sql("delete from org_units where code = $1", [code]);
  }
});

test("search text with PostgREST's reserved characters finds exactly what was typed", async ({ page }) => {
  const tag = Date.now().toString(36);
  const literal = `检索 100% (a,b) "q" ${tag}`;
  await sql(
    `insert into org_units (code, name, kind, category) values ($1, $2, 'general_branch', 'administration'), ($3, $4, 'general_branch', 'administration')`,
    [`PCT-${tag}`, literal, `PCX-${tag}`, `检索 1000 (a b) q ${tag}`],
  );
  try {
    await page.goto("/org-units");
    const search = page.getByLabel("搜索", { exact: true });
    const rows = page.locator(".ant-table-tbody tr.ant-table-row");
    for (const text of [`100% (a,b) "q" ${tag}`, "100%", "(a,b)", '"q"']) {
      // From the full list each time, so a stale result cannot pass for the new one.
      await search.fill("");
      await expect(rows).not.toHaveCount(1);
      await search.fill(text);
      await expect(rows).toHaveCount(1);
      await expect(rows.first()).toContainText(literal);
    }
    // A LIKE wildcard typed by the user is a character, not "anything".
    await search.fill(`1_0 ${tag}`);
    await expect(page.locator(".ant-table-tbody .ant-empty")).toBeVisible();
  } finally {
    await sql("delete from org_units where code in ($1, $2)", [`PCT-${tag}`, `PCX-${tag}`]);
  }
});
