// Issue 10, committee_admin: records a 党员大会 of one of its branches that has not held one this quarter, takes
// the attendance in the 登记出勤 modal (全选, then one member absent with a reason), and the branch's quarter turns
// 已完成 for 党员大会 on the 组织生活 dashboard; the dashboard's numbers equal SQL for the committee's unit.
import { expect, test, type Page } from "@playwright/test";
import life from "../dashboards/life";
import { sql } from "../supabase/local/testing";
import { expectPanelsMatchSql, panelLocator, waitForPanels } from "./dashboards";
import { choose, fillText, pickDate, saveAndShow } from "./forms";

type Candidate = { org_unit_id: number; branch_id: number; branch_name: string; members: number };
let candidate: Candidate;
let meetingId: number | undefined;
const statusPanel = life.panels.find((p) => p.id === "quarter_status")!;
// "Today" as the browser reads it (the e2e config runs Asia/Shanghai).
const today = new Date().toLocaleDateString("sv-SE", { timeZone: "Asia/Shanghai" });

test.beforeAll(async () => {
  // An active branch of the committee's unit with members and no 党员大会 yet this quarter.
  [candidate] = await sql<Candidate>(
    `select p.org_unit_id::int, b.id::int as branch_id, b.name as branch_name, (select count(*) from members m where m.branch_id = b.id)::int as members
       from profiles p join auth.users u on u.id = p.user_id join branches b on b.org_unit_id = p.org_unit_id and b.status = 'active'
      where u.email = 'committee@dangjian.test'
        and (select count(*) from members m where m.branch_id = b.id) between 2 and 40
        and not exists (select 1 from meetings g where g.branch_id = b.id and g.kind = 'general_meeting'
                         and g.held_on between date_trunc('quarter', $1::date) and $1::date)
      order by b.code limit 1`,
    [today],
  );
  expect(candidate, "the seed leaves a branch of the unit without a 党员大会 this quarter").toBeTruthy();
});

test.afterAll(async () => {
  if (meetingId) await sql("delete from meetings where id = $1", [meetingId]);
});

/** Opens the dashboard; its chart code loads on first use, which takes a while on a busy machine. */
async function openLife(page: Page) {
  await page.goto("/dashboards/life");
  await expect(page.locator("[data-panel]").first()).toBeVisible({ timeout: 60_000 });
  await waitForPanels(page, life);
}

/** The branch's row of the quarter table, paging through it. */
async function statusRow(page: Page, branchName: string) {
  const box = panelLocator(page, statusPanel);
  for (let i = 0; i < 20; i++) {
    const row = box.locator("tbody tr.ant-table-row").filter({ has: page.getByRole("cell", { name: branchName, exact: true }) });
    if (await row.count()) return row.first();
    const next = box.locator(".ant-pagination-next:not(.ant-pagination-disabled)");
    if (!(await next.count())) break;
    await next.click();
  }
  throw new Error(`${branchName} is not in the quarter table`);
}

// the column of 党员大会 in the table: its position among the declared columns
const generalColumn = statusPanel.encode.columns!.indexOf("general_meeting");

test("committee admin records a 党员大会 with attendance and the quarter turns 已完成", async ({ page }) => {
  test.setTimeout(180_000);
  await test.step("the quarter shows 未完成 for 党员大会 before", async () => {
    await openLife(page);
    const row = await statusRow(page, candidate.branch_name);
    await expect(row.locator("td").nth(generalColumn)).toHaveText("未完成");
  });

  await test.step("record the meeting", async () => {
    await page.goto("/meetings/create");
    await expect(page.getByRole("combobox", { name: "党支部", exact: true })).toBeVisible({ timeout: 60_000 });
    await choose(page, "党支部", candidate.branch_name, candidate.branch_name);
    await choose(page, "类型", "党员大会");
    await pickDate(page, "召开日期", today);
    await fillText(page, "会议主题", "第四季度党员大会：讨论支部年度工作");
    await fillText(page, "主持人", "支部书记");
    meetingId = await saveAndShow(page, "/meetings");
  });

  await test.step("take the attendance: everyone, then one absent with a reason", async () => {
    await page.getByRole("button", { name: "登记出勤" }).click({ timeout: 60_000 });
    const modal = page.locator(".attendance-modal");
    await expect(modal.locator("tbody tr.ant-table-row")).toHaveCount(candidate.members, { timeout: 60_000 });
    await expect(modal.getByTestId("attendance-summary")).toHaveText(`应到 ${candidate.members} 人，实到 ${candidate.members} 人，缺席 0 人`);
    // unticking the first member makes them absent; saving without a reason is stopped in the form
    await modal.locator("tbody tr.ant-table-row").first().locator(".ant-checkbox-input").uncheck();
    await modal.getByRole("button", { name: "保存出勤" }).click();
    await expect(modal.getByPlaceholder("请填写缺席原因")).toBeVisible();
    await modal.getByPlaceholder("请填写缺席原因").fill("因公出差");
    await modal.getByRole("button", { name: "保存出勤" }).click();
    await expect(modal).toBeHidden();
    const [counts] = await sql<{ expected_count: number; present_count: number; absent_count: number }>(
      "select expected_count, present_count, absent_count from meetings where id = $1",
      [meetingId],
    );
    expect(counts).toEqual({ expected_count: candidate.members, present_count: candidate.members - 1, absent_count: 1 });
    const [absent] = await sql<{ absence_reason: string }>("select absence_reason from meeting_attendance where meeting_id = $1 and not present", [meetingId]);
    expect(absent.absence_reason).toBe("因公出差");
  });

  await test.step("the quarter shows 已完成 for 党员大会 and the dashboard equals SQL", async () => {
    await openLife(page);
    const row = await statusRow(page, candidate.branch_name);
    await expect(row.locator("td").nth(generalColumn)).toHaveText("已完成");
    await openLife(page);
    await expectPanelsMatchSql(page, life, { year: Number(today.slice(0, 4)), orgUnitId: candidate.org_unit_id });
  });
});
