// Issue 12, on a 1024×768 tablet: the home page and the funds dashboard fit the screen (no sideways scrolling, no
// panel wider than the page), every panel title is readable in full, the menu is folded to icons, the gauge's value
// sits inside its card; and the header search finds a member by 学号/工号 and opens the record.
import { expect, test, type Page } from "@playwright/test";
import coverage from "../dashboards/coverage";
import funds from "../dashboards/funds";
import home from "../dashboards/home";
import { text, type DashboardSpec } from "../src/dashboards/spec";
import { sql } from "../supabase/local/testing";
import { routeOf, waitForPanels } from "./dashboards";

test.use({ viewport: { width: 1024, height: 768 } });
test.describe.configure({ timeout: 120_000 });

async function expectFits(page: Page, spec: DashboardSpec) {
  await page.goto(routeOf(spec));
  await waitForPanels(page, spec);
  // nothing wider than the window: no sideways scroll
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  for (const panel of spec.panels) {
    const card = page.locator(`[data-panel="${panel.id}"]`);
    const title = card.locator(".ant-card-head-title span").first();
    await expect(title).toHaveText(text(panel.title));
    // the title is shown whole: not cut with an ellipsis
    const cut = await title.evaluate((element) => {
      const box = element.parentElement!;
      return box.scrollWidth > box.clientWidth + 1;
    });
    expect(cut, `${spec.id}/${panel.id}: title cut`).toBe(false);
    const box = (await card.boundingBox())!;
    expect(box.x + box.width, `${spec.id}/${panel.id}: card inside the window`).toBeLessThanOrEqual(1024);
  }
  await page.screenshot({ path: `test-results/layout-1024-${spec.id}.png`, fullPage: true });
}

test("home page fits 1024×768 with readable panel titles and the menu as icons", async ({ page }) => {
  await expectFits(page, home);
  const sider = page.locator(".ant-layout-sider").first();
  expect((await sider.boundingBox())!.width).toBeLessThanOrEqual(80);
});

test("the funds dashboard fits 1024×768", async ({ page }) => {
  await expectFits(page, funds);
});

test("the coverage gauge's value stays inside its card", async ({ page }) => {
  await page.goto(routeOf(coverage));
  await waitForPanels(page, coverage);
  const gauge = coverage.panels.find((panel) => panel.kind === "gauge")!;
  const card = page.locator(`[data-panel="${gauge.id}"]`);
  await expect(card.locator("canvas")).toBeVisible();
  const cardBox = (await card.boundingBox())!;
  const canvasBox = (await card.locator("canvas").first().boundingBox())!;
  expect(canvasBox.x).toBeGreaterThanOrEqual(cardBox.x);
  expect(canvasBox.x + canvasBox.width).toBeLessThanOrEqual(cardBox.x + cardBox.width + 1);
  await card.screenshot({ path: "test-results/layout-1024-gauge.png" });
});

test("the header search finds a member by 学号/工号 and opens the record", async ({ page }) => {
  const [member] = await sql<{ id: string; name: string; no: string }>(
    "select id, name, student_or_staff_no as no from public.members where student_or_staff_no is not null order by id limit 1",
  );
  await page.goto("/");
  const box = page.getByLabel("全局搜索");
  await box.fill(member.no);
  const option = page.locator(".ant-select-item-option").filter({ hasText: member.name }).first();
  await expect(option).toBeVisible();
  await option.click();
  await expect(page).toHaveURL(new RegExp(`/members/show/${member.id}$`));
  await expect(page.getByText(member.name).first()).toBeVisible();
});
