// Issue 8: two people edit the same member. The second save, based on the record as it was before the first,
// is refused with who changed it and when (nothing of it saved), and 重新加载 brings the other's value into the form.
// Person A is 组织部 (this spec's session), person B the committee admin of the member's unit (own context).
import { expect, test } from "@playwright/test";
import { sql } from "../supabase/local/testing";
import { storageStateFor } from "./accounts";
import { field, fillText, saveAndShow, saveButton } from "./forms";

type Member = { id: number; name: string; contact: string | null };
let member: Member;
const tag = Date.now().toString(36).slice(-4);

test.beforeAll(async () => {
  [member] = await sql<Member>(
    `select m.id::int, m.name, m.contact from members m join branches b on b.id = m.branch_id
       join profiles p on p.org_unit_id = b.org_unit_id join auth.users u on u.id = p.user_id
      where u.email = 'committee@dangjian.test' order by m.id limit 1`,
  );
});

test.afterAll(async () => {
  await sql("update members set name = $2, contact = $3 where id = $1", [member.id, member.name, member.contact]);
});

test("a save based on a stale record is refused, names who changed it, and 重新加载 shows their value", async ({ page, browser }) => {
  test.setTimeout(120_000);
  // A context of its own takes none of the project's settings: the same language and time zone as the test's.
  const other = await browser.newContext({ storageState: storageStateFor("committee_admin"), locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  const pageB = await other.newPage();
  const nameA = `${member.name.slice(0, 2)}甲${tag}`;
  try {
    await test.step("B opens the member's edit form first", async () => {
      await pageB.goto(`/members/edit/${member.id}`);
      await expect(field(pageB, "姓名")).toHaveValue(member.name);
    });

    await test.step("A renames the member and saves", async () => {
      await page.goto(`/members/edit/${member.id}`);
      await expect(field(page, "姓名")).toHaveValue(member.name);
      await fillText(page, "姓名", nameA);
      await saveAndShow(page, "/members");
      const [row] = await sql<{ name: string }>("select name from members where id = $1", [member.id]);
      expect(row.name).toBe(nameA);
    });

    await test.step("B changes the contact on its stale form: refused, one message, nothing saved", async () => {
      await fillText(pageB, "联系方式", `139${tag}`);
      await saveButton(pageB).click();
      const alert = pageB.getByRole("alert").filter({ hasText: "你的修改未保存" });
      await expect(alert).toContainText(/该记录已被 李敏（组织部） 于 \d+月\d+日 \d\d:\d\d 修改，你的修改未保存。/);
      await expect(pageB).toHaveURL(new RegExp(`/members/edit/${member.id}$`));
      // The banner says it; no toast repeats it.
      await expect(pageB.locator(".ant-notification-notice")).toHaveCount(0);
      const [row] = await sql<{ name: string; contact: string | null }>("select name, contact from members where id = $1", [member.id]);
      expect(row).toEqual({ name: nameA, contact: member.contact });
    });

    await test.step("重新加载 puts A's name into B's form; B's next save keeps it", async () => {
      await pageB.getByRole("button", { name: "重新加载" }).click();
      await expect(field(pageB, "姓名")).toHaveValue(nameA);
      await expect(pageB.getByRole("alert").filter({ hasText: "你的修改未保存" })).toHaveCount(0);
      await fillText(pageB, "联系方式", `138${tag}`);
      await saveAndShow(pageB, "/members");
      const [row] = await sql<{ name: string; contact: string | null }>("select name, contact from members where id = $1", [member.id]);
      expect(row).toEqual({ name: nameA, contact: `138${tag}` });
    });

    await test.step("only the changed field was sent: the audit entry of B's save lists contact alone", async () => {
      const [entry] = await sql<{ changed_columns: string[]; actor_name: string }>(
        `select changed_columns, actor_name from audit_log where table_name = 'members' and row_id = $1 order by id desc limit 1`,
        [String(member.id)],
      );
      expect(entry.actor_name).toContain("陈静");
      expect(entry.changed_columns.filter((column) => column !== "updated_at")).toEqual(["contact"]);
    });
  } finally {
    await other.close();
  }
});
