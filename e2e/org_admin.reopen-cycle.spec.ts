// Issue 8: a closed evaluation cycle is frozen; 组织部 reopens it explicitly from its page (with a confirmation),
// the database records who did it in the audit log, and the cycle can be changed again.
import { expect, test } from "@playwright/test";
import { sql } from "../supabase/local/testing";

const YEAR = 2098;
const dropCycle = () =>
  // Clean-up is maintenance: the API cannot touch a closed cycle, and this one may still be closed.
  sql(`begin; select set_config('app.maintenance', 'on', true); delete from evaluation_cycles where year = ${YEAR}; commit;`);

test("org_admin reopens a closed cycle from its page, audited", async ({ page }) => {
  await dropCycle();
  const [{ id }] = await sql<{ id: number }>(
    `insert into evaluation_cycles (year, title, starts_on, ends_on, weight_org, weight_masses, status)
     values ($1, $2, $3, $4, 0.7, 0.3, 'closed') returning id::int`,
    [YEAR, `${YEAR}年度重新开放测试`, `${YEAR}-01-01`, `${YEAR}-12-31`],
  );
  try {
    await page.goto(`/evaluation-cycles/show/${id}`);
    await page.getByRole("button", { name: "重新开放" }).click();
    await expect(page.locator(".ant-modal-confirm-title")).toHaveText(`重新开放考核周期「${YEAR}年度重新开放测试」？`);
    await page.locator(".ant-modal-confirm").getByRole("button", { name: "重新开放" }).click();
    await expect(page.getByText("考核周期已重新开放")).toBeVisible();
    // The page shows the new status and offers the action no more.
    await expect(page.getByRole("button", { name: "重新开放" })).toHaveCount(0);
    const [cycle] = await sql<{ status: string }>("select status::text from evaluation_cycles where id = $1", [id]);
    expect(cycle.status).toBe("open");
    const [entry] = await sql<{ actor_name: string; old_status: string; new_status: string }>(
      `select actor_name, old_values ->> 'status' as old_status, new_values ->> 'status' as new_status
         from audit_log where table_name = 'evaluation_cycles' and row_id = $1 and action = 'update' order by id desc limit 1`,
      [String(id)],
    );
    expect(entry).toMatchObject({ old_status: "closed", new_status: "open" });
    expect(entry.actor_name).toContain("组织部");
  } finally {
    await dropCycle();
  }
});
