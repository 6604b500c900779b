// Issue 10, 联系点与走访: 组织部 records a leader's visit (with a follow-up) to one of the leader's contact branches;
// the leader, signed in, finds it on the home page among their open follow-ups, and the contact branch's count of
// open follow-ups equals SQL; the leader has no way to write visits or contact points.
import { expect, test, type Page } from "@playwright/test";
import { sql } from "../supabase/local/testing";
import { storageStateFor } from "./accounts";
import { nextPanelPage } from "./dashboards";
import { choose, fillText, pickDate, saveAndShow } from "./forms";

const LEADER = "00000000-0000-4000-8000-000000000002";
const tag = Date.now().toString(36).slice(-5);
const problem = `支部活动室空调损坏，夏季无法开展活动 ${tag}`;
const followUp = `协调后勤处更换空调 ${tag}`;
let visitId: number | undefined;

// Today in the browser's time zone (the config's Asia/Shanghai): the visit is recorded today.
const today = new Date().toLocaleDateString("sv-SE", { timeZone: "Asia/Shanghai" });

test.afterAll(async () => {
  if (visitId) await sql("delete from visits where id = $1", [visitId]);
});

const WRITE_BUTTONS = /(新\s?建|编\s?辑|删\s?除)/;
const expectNoWriteButtons = (page: Page) => expect(page.getByRole("button", { name: WRITE_BUTTONS })).toHaveCount(0);

test("组织部 records a leader's visit with a follow-up and the leader sees it on the home page", async ({ page, browser }) => {
  test.setTimeout(300_000);
  const [branch] = await sql<{ id: string; name: string }>(
    `select b.id, b.name from contact_points c join branches b on b.id = c.branch_id
      where c.contact_id = $1 and c.started_on <= current_date and c.ended_on is null order by c.id limit 1`,
    [LEADER],
  );
  expect(branch, "the seed gives leader@dangjian.test a contact branch").toBeDefined();

  await test.step("组织部 records the visit", async () => {
    await page.goto("/visits/create");
    await pickDate(page, "走访日期", today);
    await choose(page, "走访支部", branch.name, branch.name);
    await choose(page, "形式", "调研");
    await choose(page, "走访人", "王建国（校领导）", "王建国");
    await fillText(page, "反映的问题", problem);
    await fillText(page, "跟进措施", followUp);
    visitId = await saveAndShow(page, "/visits");
    await expect(page.getByText(problem)).toBeVisible();
    await expect(page.getByText("待跟进", { exact: true })).toBeVisible();
  });
  const [stored] = await sql<{ visitor_id: string; resolved_on: string | null; branch_id: string }>(
    "select visitor_id, resolved_on, branch_id from visits where id = $1",
    [visitId],
  );
  expect(stored).toEqual({ visitor_id: LEADER, resolved_on: null, branch_id: branch.id });

  const leaderContext = await browser.newContext({ storageState: storageStateFor("leader"), locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  const leader = await leaderContext.newPage();
  try {
    await test.step("the leader finds it among their open follow-ups", async () => {
      await leader.goto("/");
      const followUps = leader.locator('[data-panel="my_open_follow_ups"]');
      const row = followUps.locator("tr.ant-table-row", { hasText: problem });
      // oldest first, a page of what the card has room for: today's visit is on the last page
      await expect(followUps.locator("tr.ant-table-row").first()).toBeVisible();
      while ((await row.count()) === 0 && (await nextPanelPage(followUps)));
      await expect(row).toBeVisible();
      await expect(row).toContainText(followUp);
      await expect(row).toContainText(branch.name);
      await expect(row).toContainText("调研");
    });

    await test.step("and the contact branch counts it as open, as SQL does", async () => {
      const [{ open }] = await sql<{ open: string }>(
        `select count(*) as open from visits where branch_id = $1 and visitor_id = $2 and coalesce(btrim(follow_up), '') <> ''
            and visited_on <= current_date and (resolved_on is null or resolved_on > current_date)`,
        [branch.id, LEADER],
      );
      expect(Number(open)).toBeGreaterThanOrEqual(1);
      const contactRow = leader.locator('[data-panel="my_contact_points"] tr.ant-table-row', { hasText: branch.name });
      await expect(contactRow).toBeVisible();
      await expect(contactRow.locator("td").last()).toHaveText(open);
    });

    await test.step("the follow-up opens the visit, which the leader cannot change", async () => {
      await leader.locator('[data-panel="my_open_follow_ups"] tr.ant-table-row', { hasText: problem }).locator("a").first().click();
      await expect(leader).toHaveURL(new RegExp(`/visits/show/${visitId}$`));
      await expect(leader.getByText(followUp)).toBeVisible();
      await expectNoWriteButtons(leader);
    });

    for (const [route, title] of [["/visits", "走访调研"], ["/contact-points", "联系点"]] as const) {
      await test.step(`${title}: no write buttons for the leader`, async () => {
        await leader.goto(route);
        await expect(leader.getByRole("heading", { name: title, exact: true })).toBeVisible();
        await expect(leader.locator(".ant-table-tbody tr.ant-table-row").first()).toBeVisible();
        await expectNoWriteButtons(leader);
      });
    }
  } finally {
    await leaderContext.close();
  }
});
