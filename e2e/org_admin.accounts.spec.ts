// Issue 4, /accounts: the organization department creates an account with a role and unit, resets its password
// and disables it, all through the admin_* database functions; each effect checked by signing in for real.
import { expect, test, type Page } from "@playwright/test";
import { anonClient, sql } from "../supabase/local/testing";
import { choose, fieldError, fillText } from "./forms";

const tag = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const email = `e2e-${tag}@dangjian.test`;

const canSignIn = async (password: string) => !(await anonClient().auth.signInWithPassword({ email, password })).error;
const modal = (page: Page) => page.locator(".ant-modal-content");
const row = (page: Page) => page.locator(".ant-table-tbody tr.ant-table-row").filter({ hasText: email });

test.afterAll(async () => {
  await sql("delete from public.profiles where user_id in (select id from auth.users where email = $1)", [email]);
  await sql("delete from auth.users where email = $1", [email]);
});

test("org_admin creates an account, resets its password and disables it", async ({ page }) => {
  test.setTimeout(120_000);
  const [unit] = await sql<{ name: string }>("select name from org_units order by id limit 1");
  await page.goto("/accounts");
  await expect(page.locator(".ant-table-tbody tr.ant-table-row").first()).toBeVisible();

  await page.getByRole("button", { name: "新建账号" }).click();
  await fillText(page, "邮箱", email);
  await fillText(page, "初始密码", "abc");
  await fillText(page, "显示名", `测试管理员${tag.slice(-3)}`);
  await choose(page, "角色", "二级党组织管理员");
  await modal(page).getByRole("button", { name: /保\s?存/ }).click();
  await expect(fieldError(page, "初始密码")).toContainText("密码至少 8 位，且须同时包含字母和数字");
  await expect(fieldError(page, "所属二级党组织")).toContainText("请选择所属二级党组织");
  await fillText(page, "初始密码", "first-secret1");
  await choose(page, "所属二级党组织", unit.name, unit.name.slice(0, 2));
  await modal(page).getByRole("button", { name: /保\s?存/ }).click();
  await expect(row(page)).toContainText("二级党组织管理员");
  await expect(row(page)).toContainText(unit.name);
  expect(await canSignIn("first-secret1")).toBe(true);

  // The same email again: the database says so on the email field.
  await page.getByRole("button", { name: "新建账号" }).click();
  await fillText(page, "邮箱", email);
  await fillText(page, "初始密码", "another-secret3");
  await fillText(page, "显示名", "重复的账号");
  await choose(page, "角色", "校领导");
  await modal(page).getByRole("button", { name: /保\s?存/ }).click();
  await expect(fieldError(page, "邮箱")).toContainText("已有账号");
  await modal(page).getByRole("button", { name: /取\s?消/ }).click();

  await row(page).getByRole("button", { name: "重置密码" }).click();
  await fillText(page, "新密码", "second-secret2");
  await modal(page).getByRole("button", { name: /保\s?存/ }).click();
  await expect(page.getByText("密码已重置")).toBeVisible();
  expect(await canSignIn("second-secret2")).toBe(true);
  expect(await canSignIn("first-secret1")).toBe(false);

  await row(page).getByRole("button", { name: /停\s?用/ }).click();
  await page.locator(".ant-popconfirm").getByRole("button", { name: /停\s?用/ }).click();
  await expect(row(page)).toContainText("已停用");
  expect(await canSignIn("second-secret2")).toBe(false);
});
