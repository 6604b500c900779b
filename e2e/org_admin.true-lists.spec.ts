// Issue 8: what a list says is true. The members list total is the table's count(*) (exact, not the planner's
// estimate) and its last page is reachable and shows the last rows; filtered to one unit likewise. The carrier
// picker tells same-named carriers apart by unit and headcount; 未覆盖载体清单 rows open the carrier.
import { expect, test } from "@playwright/test";
import { sql } from "../supabase/local/testing";

const PAGE_SIZE = 20;
// The first screen of a page waits on its chunk and its queries: on a shared two-core CI machine that can take a while.
const FIRST_LOAD = { timeout: 60_000 };

test.describe.configure({ timeout: 120_000 });

test("the members list total equals count(*) and the last page shows the last members", async ({ page }) => {
  const [{ n }] = await sql<{ n: number }>("select count(*)::int as n from members");
  const lastPage = Math.ceil(n / PAGE_SIZE);
  await page.goto("/members");
  await expect(page.locator(".ant-pagination-total-text")).toHaveText(`共 ${n} 条`, FIRST_LOAD);
  // The pager offers the last page (antd shows its number) and going there shows the lowest ids (sorted by id desc).
  await expect(page.locator(`.ant-pagination-item-${lastPage}`)).toBeVisible();
  await page.locator(`.ant-pagination-item-${lastPage}`).click();
  await expect(page).toHaveURL(new RegExp(`currentPage=${lastPage}`));
  const expected = await sql<{ id: number }>("select id::int from members order by id desc offset $1", [(lastPage - 1) * PAGE_SIZE]);
  const rows = page.locator(".ant-table-tbody tr.ant-table-row");
  await expect(rows).toHaveCount(expected.length);
  await expect(rows.last()).toHaveAttribute("data-row-key", String(expected[expected.length - 1].id));
});

test("filtered to one unit, the total is that unit's count(*)", async ({ page }) => {
  const [unit] = await sql<{ id: number; n: number }>(
    `select b.org_unit_id::int as id, count(*)::int as n from members m join branches b on b.id = m.branch_id
      group by b.org_unit_id order by count(*) desc limit 1`,
  );
  await page.goto(`/members?filters[0][field]=branch.org_unit_id&filters[0][operator]=eq&filters[0][value]=${unit.id}`);
  await expect(page.locator(".ant-pagination-total-text")).toHaveText(`共 ${unit.n} 条`, FIRST_LOAD);
});

test("the coverage form's carrier picker shows each carrier's unit and headcount", async ({ page }) => {
  const [carrier] = await sql<{ name: string; unit: string; headcount: number }>(
    `select c.name, o.name as unit, c.headcount from carriers c join org_units o on o.id = c.org_unit_id
      where c.name in (select name from carriers group by name having count(*) > 1) order by c.id limit 1`,
  );
  await page.goto("/carrier-coverages/create");
  const input = page.getByRole("combobox", { name: "载体", exact: true });
  await expect(input).toBeVisible(FIRST_LOAD);
  await page.locator(".ant-select").filter({ has: input }).click();
  await input.fill(carrier.name);
  const option = page
    .locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option")
    .filter({ hasText: `${carrier.name} · ${carrier.unit} · ${carrier.headcount}人` });
  await expect(option.first()).toBeVisible();
});

test("a row of 未覆盖载体清单 opens that carrier", async ({ page }) => {
  await page.goto("/dashboards/coverage");
  const panel = page.locator('[data-panel="uncovered"]');
  await expect(panel).toHaveAttribute("data-state", "ready", FIRST_LOAD);
  const link = panel.locator(".ant-table-tbody tr").first().getByRole("link").first();
  const name = (await link.textContent())!.trim();
  await link.click();
  await expect(page).toHaveURL(/\/carriers\/show\/\d+$/);
  const id = Number(/\/show\/(\d+)$/.exec(page.url())![1]);
  const [row] = await sql<{ name: string }>("select name from carriers where id = $1", [id]);
  expect(row.name).toBe(name);
  await expect(page.getByText(name).first()).toBeVisible();
});
