// Issue 4, org_admin: the registers end to end through the generic screens, each change visible in 变更记录,
// and checked against the database directly.
import { expect, test } from "@playwright/test";
import { sql } from "../supabase/local/testing";
import { choose, deleteFromShowPage, fillText, openTab, pickDate, saveAndShow } from "./forms";

const tag = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const unitName = `测试学院${tag}`;
const branchName = `测试支部${tag}`;
const memberName = `张测试${tag.slice(-4)}`;
const year = new Date().getFullYear();

test.afterAll(async () => {
  // Children first: the schema refuses deleting rows others still refer to.
  const [unit] = await sql<{ id: number }>("select id::int from org_units where code = $1", [`E2E-${tag}`]);
  if (!unit) return;
  await sql("delete from fund_budgets where org_unit_id = $1", [unit.id]);
  await sql("delete from carriers where org_unit_id = $1", [unit.id]);
  await sql("update branches set secretary_id = null where org_unit_id = $1", [unit.id]);
  await sql("delete from partnerships where branch_id in (select id from branches where org_unit_id = $1)", [unit.id]);
  await sql("delete from members where branch_id in (select id from branches where org_unit_id = $1)", [unit.id]);
  await sql("delete from branches where org_unit_id = $1", [unit.id]);
  await sql("delete from org_units where id = $1", [unit.id]);
});

test("org_admin builds a unit's registers and sees every change in 变更记录", async ({ page }) => {
  test.setTimeout(240_000);

  const unitId = await test.step("org unit", async () => {
    await page.goto("/org-units/create");
    await fillText(page, "组织编码", `E2E-${tag}`);
    await fillText(page, "名称", unitName);
    await choose(page, "类型", "院系党委");
    await choose(page, "类别", "学院");
    const id = await saveAndShow(page, "/org-units");
    await expect(page.locator(".ant-notification")).toContainText("二级党组织已创建");
    return id;
  });

  const branchId = await test.step("branch in it", async () => {
    await page.goto("/branches/create");
    await choose(page, "所属二级党组织", unitName, tag);
    await fillText(page, "支部编码", `B-${tag}`);
    await fillText(page, "支部名称", branchName);
    await choose(page, "支部类型", "学生党支部");
    await pickDate(page, "成立日期", "2020-09-01");
    const id = await saveAndShow(page, "/branches");
    await expect(page.getByText(unitName).first()).toBeVisible();
    return id;
  });

  const memberId = await test.step("member, from the branch's 党员 tab", async () => {
    await openTab(page, "党员");
    await page.getByRole("button", { name: "新建党员" }).click();
    await expect(page).toHaveURL(new RegExp(`/members/create\\?branch_id=${branchId}`));
    await fillText(page, "姓名", memberName);
    await fillText(page, "学号/工号", `S${tag}`);
    await choose(page, "性别", "男");
    await choose(page, "类别", "学生");
    await pickDate(page, "入党日期", "2023-06-01");
    const id = await saveAndShow(page, "/members");
    const [row] = await sql<{ branch_id: number }>("select branch_id::int from members where id = $1", [id]);
    expect(row.branch_id).toBe(branchId);
    return id;
  });

  await test.step("member becomes the secretary", async () => {
    await page.goto(`/branches/edit/${branchId}`);
    await choose(page, "支部书记", memberName, memberName.slice(0, 2));
    await saveAndShow(page, "/branches");
    await expect(page.getByRole("link", { name: memberName })).toBeVisible();
    const [row] = await sql<{ secretary_id: number }>("select secretary_id::int from branches where id = $1", [branchId]);
    expect(row.secretary_id).toBe(memberId);
  });

  await test.step("carrier and a coverage link", async () => {
    await page.goto("/carriers/create");
    await choose(page, "所属二级党组织", unitName, tag);
    await choose(page, "载体类型", "进公寓");
    await fillText(page, "名称", `公寓${tag}`);
    await fillText(page, "人数", "120");
    const carrierId = await saveAndShow(page, "/carriers");
    await openTab(page, "覆盖");
    await page.getByRole("button", { name: "新建覆盖" }).click();
    await choose(page, "党支部", branchName, tag);
    await choose(page, "覆盖形式", "党小组");
    await pickDate(page, "开始日期", `${year}-03-01`);
    await saveAndShow(page, "/carrier-coverages");
    const rows = await sql("select 1 from carrier_coverages where carrier_id = $1 and branch_id = $2 and form = 'party_group'", [carrierId, branchId]);
    expect(rows).toHaveLength(1);
  });

  await test.step("partnership with an activity", async () => {
    await page.goto("/partnerships/create");
    await choose(page, "本方支部", branchName, tag);
    await choose(page, "共建方式", "党建联建");
    await choose(page, "共建对象类型", "社区");
    await fillText(page, "共建单位名称", `阳光社区${tag}`);
    await pickDate(page, "开始日期", `${year}-01-01`);
    const partnershipId = await saveAndShow(page, "/partnerships");
    await openTab(page, "共建活动");
    await page.getByRole("button", { name: "新建共建活动" }).click();
    await pickDate(page, "活动日期", `${year}-04-01`);
    await fillText(page, "活动名称", `社区服务日${tag}`);
    await choose(page, "服务领域", "服务社会");
    await fillText(page, "参与人数", "25");
    await saveAndShow(page, "/partnership-activities");
    const rows = await sql("select 1 from partnership_activities where partnership_id = $1", [partnershipId]);
    expect(rows).toHaveLength(1);
  });

  await test.step("a unit budget, with its balance", async () => {
    await page.goto("/fund-budgets/create");
    await fillText(page, "预算年度", String(year));
    await choose(page, "二级党组织", unitName, tag);
    await choose(page, "经费类别", "党员活动经费");
    await fillText(page, "金额", "50000");
    await saveAndShow(page, "/fund-budgets");
    await expect(page.getByTestId("budget-remaining")).toHaveText("¥50,000.00");
  });

  await test.step("edit the org unit; its 变更记录 shows who changed what", async () => {
    await page.goto(`/org-units/edit/${unitId}`);
    await fillText(page, "名称", `${unitName}（改）`);
    await saveAndShow(page, "/org-units");
    await openTab(page, "变更记录");
    const history = page.locator(".ant-tabs-tabpane-active .ant-table-tbody");
    await expect(history.getByText(`名称：${unitName} → ${unitName}（改）`)).toBeVisible();
    await expect(history.getByText("新建")).toBeVisible();
    await expect(history.getByText("修改")).toBeVisible();
  });

  await test.step("the branch's 变更记录 has the secretary change", async () => {
    await page.goto(`/branches/show/${branchId}`);
    await openTab(page, "变更记录");
    await expect(page.locator(".ant-tabs-tabpane-active").getByText(`支部书记：∅ → ${memberName}`)).toBeVisible();
  });

  await test.step("delete the activity, asked first; the partnership's history is unchanged, the row is gone", async () => {
    const [activity] = await sql<{ id: number }>("select a.id::int from partnership_activities a join partnerships p on p.id = a.partnership_id where p.branch_id = $1", [branchId]);
    await page.goto(`/partnership-activities/show/${activity.id}`);
    await deleteFromShowPage(page);
    await expect(page).toHaveURL(/\/partnership-activities$/);
    expect(await sql("select 1 from partnership_activities where id = $1", [activity.id])).toHaveLength(0);
    const audit = await sql("select 1 from audit_log where table_name = 'partnership_activities' and row_id = $1 and action = 'delete'", [String(activity.id)]);
    expect(audit).toHaveLength(1);
  });
});
