// Issue 8: a user changes their own password from the header's user menu. The policy (8 characters, letters
// and digits) and the current password are checked; the new password then signs in, the old one no longer.
import { expect, test } from "@playwright/test";
import { anonClient, sql } from "../supabase/local/testing";
import { fieldError, fillText } from "./forms";
import { expectShell, signIn } from "./helpers";

const tag = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const email = `e2e-pw-${tag}@dangjian.test`;
const oldPassword = "old-password1";
const newPassword = "new-password2";

const canSignIn = async (password: string) => !(await anonClient().auth.signInWithPassword({ email, password })).error;

test.beforeAll(async () => {
  const [{ id }] = await sql<{ id: string }>("select app.create_auth_user(gen_random_uuid(), $1, $2, $3)::text as id", [email, oldPassword, `改密测试${tag}`]);
  await sql("insert into public.profiles (user_id, role, display_name) values ($1, 'leader', $2)", [id, `改密测试${tag}`]);
});

test.afterAll(async () => {
  await sql("delete from auth.users where email = $1", [email]);
});

test("a user changes their own password from the user menu", async ({ page }) => {
  await signIn(page, email, oldPassword);
  await expectShell(page, "leader");

  await page.getByRole("button", { name: "账号菜单" }).click();
  await page.getByRole("menuitem", { name: "修改密码" }).click();
  const dialog = page.getByRole("dialog", { name: "修改密码" });
  await expect(dialog).toBeVisible();

  // The policy, before anything is sent.
  await fillText(page, "当前密码", oldPassword);
  await fillText(page, "新密码", "onlyletters");
  await fillText(page, "确认新密码", "onlyletters");
  await dialog.getByRole("button", { name: /保\s?存/ }).click();
  await expect(fieldError(page, "新密码")).toContainText("密码至少 8 位，且须同时包含字母和数字");

  // A wrong current password: the auth service says so, on that field.
  await fillText(page, "当前密码", "not-my-password1");
  await fillText(page, "新密码", newPassword);
  await fillText(page, "确认新密码", newPassword);
  await dialog.getByRole("button", { name: /保\s?存/ }).click();
  await expect(fieldError(page, "当前密码")).toContainText("当前密码不正确");
  expect(await canSignIn(oldPassword)).toBe(true);

  await fillText(page, "当前密码", oldPassword);
  await dialog.getByRole("button", { name: /保\s?存/ }).click();
  await expect(page.getByText("密码已修改")).toBeVisible();
  await expect(dialog).toBeHidden();

  expect(await canSignIn(newPassword)).toBe(true);
  expect(await canSignIn(oldPassword)).toBe(false);
  // This device stays signed in.
  await page.reload();
  await expectShell(page, "leader");
});
