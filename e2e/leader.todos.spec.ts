// Issue 11, as the leadership: the home page's 换届逾期支部 card opens the branches list filtered to exactly the
// branches it counts (todo_election_overdue in the URL), whose total equals the card and SQL; the home page's 待办
// panel and the 待办 page show the same counts, with the per-unit breakdown.
import { expect, test } from "@playwright/test";
import home from "../dashboards/home";
import { sql } from "../supabase/local/testing";
import { listFilters, panelLocator, waitForPanels } from "./dashboards";

const card = home.panels.find((p) => p.id === "elections_overdue")!;
const todosPanel = home.panels.find((p) => p.id === "todos")!;

/** Overdue elections today over the whole school, as the card defines them, counted apart from the app. */
async function overdueInSql(): Promise<number> {
  const [{ n }] = await sql<{ n: string }>(
    `select count(*) as n from branches b
      where b.status = 'active' and coalesce(b.founded_on, '-infinity') <= current_date
        and (coalesce(b.last_election_on, b.founded_on) is null
             or coalesce(b.last_election_on, b.founded_on) + b.term_years * interval '1 year' < current_date)`,
  );
  return Number(n);
}

test("换届逾期支部 on the home page opens the list of exactly those branches", async ({ page }) => {
  await page.goto(`/?year=${new Date().getFullYear()}`);
  await waitForPanels(page, home);
  const box = panelLocator(page, card);
  const shown = Number((await box.locator(".ant-statistic-content").innerText()).replace(/,/g, ""));
  expect(shown).toBe(await overdueInSql());
  expect(shown).toBeGreaterThan(0);

  await box.locator("a[data-drill]").click();
  await expect(page).toHaveURL(/\/branches\?/);
  expect(Object.fromEntries(listFilters(page.url()))).toEqual({ todo_election_overdue: "true" });
  await expect(page.locator(".ant-pagination-total-text")).toHaveText(`共 ${shown} 条`);
  // every row listed is overdue by the card's definition
  const codes = await page.locator(".ant-table-tbody tr.ant-table-row td:nth-child(2)").allInnerTexts();
  expect(codes.length).toBe(Math.min(shown, 20));
  const [{ n }] = await sql<{ n: string }>(
    `select count(*) as n from branches b where b.code = any($1)
        and (coalesce(b.last_election_on, b.founded_on) is null
             or coalesce(b.last_election_on, b.founded_on) + b.term_years * interval '1 year' < current_date)`,
    [codes.map((c) => c.trim())],
  );
  expect(Number(n)).toBe(codes.length);
});

test("the 待办 panel and page show the same count per kind, linking to the filtered lists", async ({ page }) => {
  await page.goto("/");
  await waitForPanels(page, home);
  const panel = panelLocator(page, todosPanel);
  const link = panel.locator('a[data-kind="election_overdue"]');
  const count = await link.innerText();
  expect(Number(count.replace(/,/g, ""))).toBe(await overdueInSql());

  await panel.getByRole("link", { name: "全部待办" }).click();
  await expect(page).toHaveURL(/\/todos$/);
  const kind = page.getByRole("region", { name: "换届逾期支部" });
  await expect(kind.locator(".ant-tag").first()).toHaveText(count);
  // the leadership reads the whole school: the breakdown by unit adds up to the count
  const units = await kind.getByLabel("各二级党组织").locator(".ant-tag").allInnerTexts();
  expect(units.length).toBeGreaterThan(0);
  expect(units.map((u) => Number(u.split(" ").pop())).reduce((a, b) => a + b, 0)).toBe(Number(count));
  await kind.getByRole("link", { name: /在列表中查看全部/ }).click();
  await expect(page).toHaveURL(/\/branches\?/);
  await expect(page.locator(".ant-pagination-total-text")).toHaveText(`共 ${count} 条`);
});
