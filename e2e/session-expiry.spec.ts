// Issue 8: when the session ends while a form is open, the user signs in again in a dialog and what they
// typed is saved; nothing is lost to a trip to /login.
import { expect, test } from "@playwright/test";
import { sql } from "../supabase/local/testing";
import { field, fillText, saveButton } from "./forms";
import { expectShell, signIn } from "./helpers";

const tag = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const email = `e2e-expiry-${tag}@dangjian.test`;
const password = "expiry-pass1";
let userId: string;
let unitId: string;

test.beforeAll(async () => {
  [{ id: userId }] = await sql<{ id: string }>("select app.create_auth_user(gen_random_uuid(), $1, $2, $3)::text as id", [email, password, `过期测试${tag}`]);
  await sql("insert into public.profiles (user_id, role, display_name) values ($1, 'org_admin', $2)", [userId, `过期测试${tag}`]);
  [{ id: unitId }] = await sql<{ id: string }>(
    "insert into public.org_units (code, name, kind, category) values ($1, $2, 'party_committee', 'college') returning id::text as id",
    [`EXP-${tag}`, `过期测试学院${tag}`],
  );
});

test.afterAll(async () => {
  await sql("delete from public.org_units where id = $1", [unitId]);
  await sql("delete from auth.users where id = $1", [userId]);
});

test("an expired session is renewed in place and the typed value is saved", async ({ page }) => {
  await signIn(page, email, password);
  await expectShell(page, "org_admin");
  await page.goto(`/org-units/edit/${unitId}`);
  await expect(field(page, "名称")).toHaveValue(`过期测试学院${tag}`);
  await fillText(page, "名称", `改过的名称${tag}`);

  // The session ends behind the app's back (every session of the account signed out on the server), and the
  // token this tab holds has run out: the next request cannot be made as this user.
  await sql("delete from auth.sessions where user_id = $1", [userId]);
  await page.evaluate(() => {
    const key = Object.keys(localStorage).find((name) => /^sb-.*-auth-token$/.test(name))!;
    const session = JSON.parse(localStorage.getItem(key)!);
    localStorage.setItem(key, JSON.stringify({ ...session, expires_at: Math.floor(Date.now() / 1000) - 60 }));
  });

  await saveButton(page).click();
  const dialog = page.getByRole("dialog", { name: "登录已过期" });
  await expect(dialog).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/org-units/edit/${unitId}$`));
  await expect(dialog.getByLabel("邮箱")).toHaveValue(email);

  // A wrong password first: the dialog stays and says so.
  await dialog.getByLabel("密码").fill("wrong-password1");
  await dialog.getByRole("button", { name: /重新登录/ }).click();
  await expect(dialog.getByText("邮箱或密码不正确")).toBeVisible();

  await dialog.getByLabel("密码").fill(password);
  await dialog.getByRole("button", { name: /重新登录/ }).click();
  await expect(dialog).toBeHidden();
  // The save that was refused went through with the new session.
  await expect(page).toHaveURL(new RegExp(`/org-units/show/${unitId}$`));
  await expect.poll(async () => (await sql<{ name: string }>("select name from public.org_units where id = $1", [unitId]))[0].name).toBe(`改过的名称${tag}`);
  expect((await sql("select 1 from auth.sessions where user_id = $1", [userId])).length).toBe(1);
});
