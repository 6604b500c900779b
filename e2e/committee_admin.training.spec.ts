// Issue 10, committee_admin: records a training its unit held (书记培训, §18) and who attended — one secretary for
// the whole training (the hours default to the training's), one for part of it — and sees both on the training's
// page; a school training is not its to record, and the form says so on 举办方.
import { expect, test } from "@playwright/test";
import { sql } from "../supabase/local/testing";
import { choose, combobox, field, fieldError, fillText, openTab, pickDate, saveAndShow, saveButton } from "./forms";

type Scope = { org_unit_id: number; unit_name: string };
type Attendee = { id: number; name: string; no: string };

const tag = `E2E${Date.now().toString(36)}`;
const title = `支部书记专题培训会 ${tag}`;
const year = new Date().getFullYear();
let scope: Scope;
let attendees: Attendee[];

test.beforeAll(async () => {
  [scope] = await sql<Scope>(
    `select p.org_unit_id::int, o.name as unit_name from profiles p join auth.users u on u.id = p.user_id
       join org_units o on o.id = p.org_unit_id where u.email = 'committee@dangjian.test'`,
  );
  // Two secretaries of the unit whose names nobody else in the unit has (the picker shows names).
  attendees = await sql<Attendee>(
    `select m.id::int, m.name, m.student_or_staff_no as no
       from branches b join members m on m.id = b.secretary_id
      where b.org_unit_id = $1 and b.status = 'active'
        and (select count(*) from members x join branches y on y.id = x.branch_id where y.org_unit_id = $1 and x.name = m.name) = 1
      order by b.code limit 2`,
    [scope.org_unit_id],
  );
  expect(attendees, "the seed gives the committee's unit secretaries").toHaveLength(2);
});

test.afterAll(async () => {
  await sql("delete from trainings where title like $1", [`%${tag}%`]);
});

test("committee admin records its unit's training and its secretaries' attendance", async ({ page }) => {
  test.slow(); // two forms and a show page on a busy two-core machine
  const trainingId = await test.step("the training: its own unit, 6 学时", async () => {
    await page.goto("/trainings/create");
    await expect(combobox(page, "举办单位")).toBeDisabled();
    await expect(page.locator(".ant-form-item").filter({ hasText: "举办单位" }).first()).toContainText(scope.unit_name);
    await expect(page.locator(".ant-form-item").filter({ hasText: "举办方" }).first()).toContainText("二级党组织");
    await fillText(page, "培训名称", title);
    await pickDate(page, "培训日期", `${year}-06-15`);
    await fillText(page, "学时", "6");
    return saveAndShow(page, "/trainings");
  });
  const [saved] = await sql<{ organizer: string; org_unit_id: number; hours: string }>(
    "select organizer::text, org_unit_id::int, hours::text from trainings where id = $1",
    [trainingId],
  );
  expect(saved).toEqual({ organizer: "unit", org_unit_id: scope.org_unit_id, hours: "6.0" });

  await test.step("the first secretary attended all of it: the hours are left empty", async () => {
    await page.goto(`/training-attendance/create?training_id=${trainingId}`);
    await expect(page.locator(".ant-form-item").filter({ hasText: "培训" }).first()).toContainText(title);
    await choose(page, "党员", attendees[0].name, attendees[0].no);
    await saveAndShow(page, "/training-attendance");
  });

  await test.step("the second one for 4 of the 6 学时; 7 is refused on 获得学时", async () => {
    await page.goto(`/training-attendance/create?training_id=${trainingId}`);
    await choose(page, "党员", attendees[1].name, attendees[1].no);
    await fillText(page, "获得学时", "7");
    await saveButton(page).click();
    await expect(fieldError(page, "获得学时")).toContainText("获得学时不能超过培训学时 (6 学时)");
    await field(page, "获得学时").fill("4");
    await saveAndShow(page, "/training-attendance");
  });

  const rows = await sql<{ member_id: number; hours: string }>(
    "select member_id::int, hours::text from training_attendance where training_id = $1 order by hours desc",
    [trainingId],
  );
  expect(rows).toEqual([
    { member_id: attendees[0].id, hours: "6.0" },
    { member_id: attendees[1].id, hours: "4.0" },
  ]);

  await test.step("the training's page lists both", async () => {
    await page.goto(`/trainings/show/${trainingId}`);
    await openTab(page, "培训参加记录");
    const tab = page.locator(".ant-tabs-tabpane-active");
    await expect(tab.locator("tbody tr.ant-table-row")).toHaveCount(2);
    await expect(tab).toContainText(attendees[0].name);
    await expect(tab).toContainText(attendees[1].name);
  });
});

test("committee admin cannot record a school training: told so on 举办方, nothing saved", async ({ page }) => {
  await page.goto("/trainings/create");
  await fillText(page, "培训名称", `示范培训班 ${tag}`);
  await choose(page, "举办方", "学校");
  await pickDate(page, "培训日期", `${year}-03-20`);
  await fillText(page, "学时", "16");
  await saveButton(page).click();
  await expect(fieldError(page, "举办方")).toContainText("学校和校外培训由组织部登记");
  await expect(page).toHaveURL(/\/trainings\/create/);
  const [{ n }] = await sql<{ n: number }>("select count(*)::int as n from trainings where title like $1", [`示范培训班 ${tag}`]);
  expect(n).toBe(0);
});
