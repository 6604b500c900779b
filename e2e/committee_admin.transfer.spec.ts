// Issue 8: 转接党员 through the UI (public.transfer_members; the function comes with the database side of issue 8).
// A committee admin transfers one selected member from the members list, then the rest of the branch from its
// show page and closes it as 已合并 in the same step; each checked in the database.
import { expect, test, type Page } from "@playwright/test";
import { sql } from "../supabase/local/testing";

const tag = `${Date.now().toString(36)}${Math.floor(Math.random() * 100)}`;
let from: number;
let to: number;
const toName = `转入支部${tag}`;
const fromName = `转出支部${tag}`;

test.beforeAll(async () => {
  const unit = `(select p.org_unit_id from profiles p join auth.users u on u.id = p.user_id where u.email = 'committee@dangjian.test')`;
  [{ id: from }] = await sql<{ id: number }>(
    `insert into branches (org_unit_id, code, name, kind) values (${unit}, $1, $2, 'student') returning id::int`,
    [`TF-${tag}`, fromName],
  );
  [{ id: to }] = await sql<{ id: number }>(
    `insert into branches (org_unit_id, code, name, kind) values (${unit}, $1, $2, 'student') returning id::int`,
    [`TT-${tag}`, toName],
  );
  for (const i of [1, 2, 3]) {
    await sql(`insert into members (branch_id, name, gender, category, student_or_staff_no) values ($1, $2, 'female', 'student', $3)`, [
      from,
      `转接${i}号${tag.slice(-3)}`,
      `TR${tag}${i}`,
    ]);
  }
});

test.afterAll(async () => {
  await sql("delete from members where student_or_staff_no like $1", [`TR${tag}%`]);
  await sql("delete from carrier_coverages where branch_id in ($1, $2)", [from, to]);
  await sql("delete from branches where id in ($1, $2)", [from, to]);
});

async function chooseTarget(page: Page) {
  const input = page.getByRole("combobox", { name: "转入党支部", exact: true });
  await page.locator(".ant-modal .ant-select").filter({ has: input }).click();
  await input.fill(toName);
  await page.locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option").filter({ hasText: toName }).first().click();
}

async function confirmTransfer(page: Page, expectText: RegExp) {
  await page.locator(".ant-modal").getByRole("button", { name: /下一步/ }).click();
  const confirm = page.locator(".ant-modal-confirm");
  await expect(confirm).toContainText(expectText);
  await confirm.getByRole("button", { name: "确定转接" }).click();
}

const membersOf = (branch: number) => sql<{ n: number }>("select count(*)::int as n from members where branch_id = $1", [branch]).then((rows) => rows[0].n);

test("committee admin transfers a selected member, then the rest, closing the branch as 已合并", async ({ page }) => {
  test.setTimeout(180_000);
  await test.step("members list: select one row of the branch and 转接 it", async () => {
    await page.goto(`/members?filters[0][field]=branch_id&filters[0][operator]=eq&filters[0][value]=${from}`);
    const rows = page.locator(".ant-table-tbody tr.ant-table-row");
    await expect(rows).toHaveCount(3, { timeout: 60_000 });
    await rows.first().locator(".ant-checkbox-input").check();
    await page.getByRole("button", { name: "转接所选党员（1）" }).click();
    await chooseTarget(page);
    await confirmTransfer(page, new RegExp(`将${fromName}的1 名党员转接到${toName}`));
    await expect(page.locator(".ant-notification")).toContainText("已转接 1 名党员");
    expect(await membersOf(from)).toBe(2);
    expect(await membersOf(to)).toBe(1);
    await expect(rows).toHaveCount(2);
  });

  await test.step("branch page: 转接党员, all the rest, and close the branch as 已合并", async () => {
    await page.goto(`/branches/show/${from}`);
    await page.getByRole("button", { name: "转接党员" }).click({ timeout: 60_000 });
    await chooseTarget(page);
    await page.locator(".ant-modal").getByRole("radio", { name: "已合并" }).check();
    await confirmTransfer(page, /转接后.*将设为已合并/);
    await expect(page.locator(".ant-notification")).toContainText("已转接 2 名党员");
    expect(await membersOf(from)).toBe(0);
    expect(await membersOf(to)).toBe(3);
    const [branch] = await sql<{ status: string }>("select status::text from branches where id = $1", [from]);
    expect(branch.status).toBe("merged");
    // A closed branch offers no further 转接.
    await expect(page.getByRole("button", { name: "转接党员" })).toHaveCount(0);
  });
});
