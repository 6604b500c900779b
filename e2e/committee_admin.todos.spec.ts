// Issue 11, as a committee admin: a branch of its unit without a secretary is on its 待办 page; the record's link
// opens the branch's edit form, where the admin names a secretary and saves; back on 待办 the item is gone.
import { expect, test } from "@playwright/test";
import { sql } from "../supabase/local/testing";
import { choose, saveButton } from "./forms";

const tag = `TD${Date.now().toString(36)}`;
let branchId: number;

test.beforeAll(async () => {
  // In the demo committee's unit (U001): a branch with three full members and no secretary.
  const [{ id }] = await sql<{ id: number }>(
    `insert into branches (org_unit_id, code, name, kind, basis, founded_on, last_election_on)
     select id, $1, '待办测试党支部', 'teacher', 'discipline', '2020-09-01', current_date - interval '1 year'
       from org_units where code = 'U001' returning id`,
    [tag],
  );
  branchId = Number(id);
  await sql(
    `insert into members (branch_id, name, gender, category, student_or_staff_no, status, joined_on)
     select $1, '待办测试党员' || n, 'female', 'teacher', $2 || n, 'full', '2012-07-01' from generate_series(1, 3) n`,
    [branchId, tag],
  );
});

test.afterAll(async () => {
  await sql("update branches set secretary_id = null where id = $1", [branchId]);
  await sql("delete from members where branch_id = $1", [branchId]);
  await sql("delete from branches where id = $1", [branchId]);
});

test("a branch without a secretary is fixed from its 待办 link and leaves the list", async ({ page }) => {
  await page.goto("/todos");
  const kind = page.getByRole("region", { name: "书记空缺的支部" });
  const record = kind.locator(`a[data-record="${branchId}"]`);
  await expect(record).toHaveText("待办测试党支部");

  await record.click();
  await expect(page).toHaveURL(new RegExp(`/branches/edit/${branchId}$`));
  await choose(page, "支部书记", "待办测试党员1");
  await saveButton(page).click();
  await expect(page).not.toHaveURL(/\/edit\//);
  expect((await sql<{ secretary_id: string | null }>("select secretary_id from branches where id = $1", [branchId]))[0].secretary_id).not.toBeNull();

  await page.goto("/todos");
  await expect(page.locator('[data-page="todos"] .ant-card').first()).toBeVisible();
  await expect(page.locator(`[data-kind="no_secretary"] a[data-record="${branchId}"]`)).toHaveCount(0);
  // and the register's filtered list agrees
  await page.goto("/branches?filters[0][field]=todo_no_secretary&filters[0][operator]=eq&filters[0][value]=true&filters[1][field]=code&filters[1][operator]=eq&filters[1][value]=" + tag);
  await expect(page.locator(".ant-table-placeholder")).toBeVisible();
});
