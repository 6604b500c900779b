// Issue 5, as a secondary committee: the org unit filter is fixed to its own unit (whatever the URL says), and every
// panel shows that unit's numbers only — equal to SQL restricted to the unit.
import { expect, test } from "@playwright/test";
import { text } from "../src/dashboards/spec";
import { sql } from "../supabase/local/testing";
import { accountFor } from "./accounts";
import { DASHBOARDS, expectPanelsMatchSql, routeOf, waitForPanels } from "./dashboards";

const year = new Date().getFullYear();


// a dozen panels compared one by one, retried when another spec writes meanwhile
test.describe.configure({ timeout: 180_000 });
for (const spec of DASHBOARDS) {
  test(`committee admin: ${spec.id} shows its own unit only`, async ({ page }) => {
    const [unit] = await sql<{ id: string; name: string }>(
      `select u.id, u.name from profiles p join auth.users a on a.id = p.user_id join org_units u on u.id = p.org_unit_id where a.email = $1`,
      [accountFor("committee_admin").email],
    );
    const other = await sql<{ id: string }>(`select id from org_units where id <> $1 order by code limit 1`, [unit.id]);
    // another unit asked for in the URL is ignored
    await page.goto(`${routeOf(spec)}?org_unit=${other[0].id}`);
    await expect(page.getByRole("heading", { name: text(spec.title) })).toBeVisible();
    await waitForPanels(page, spec);

    const unitSelect = page.locator(".ant-select", { has: page.getByRole("combobox", { name: "二级党组织", exact: true }) });
    await expect(unitSelect).toHaveClass(/ant-select-disabled/);
    await expect(unitSelect).toContainText(unit.name);

    const specYear = spec.id === "evaluation" ? year - 1 : year;
    await expectPanelsMatchSql(page, spec, { year: specYear, orgUnitId: Number(unit.id), visibleOrgUnitId: Number(unit.id), category: "activity",
      user: accountFor("committee_admin").email });
  });
}
