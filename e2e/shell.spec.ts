// Issue 2: each demo account signs in, sees the shell and the org units list, and signs out.
import { expect, test } from "@playwright/test";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./accounts";
import { expectShell, signIn } from "./helpers";

for (const { email, role } of DEMO_ACCOUNTS) {
  test(`${role}: sign in, org units list, sign out`, async ({ page }) => {
    await signIn(page, email, DEMO_PASSWORD);
    await expectShell(page, role);

    await page.goto("/org-units");
    await expect(page.getByRole("heading", { name: "二级党组织" })).toBeVisible();
    const rows = page.locator(".ant-table-tbody tr.ant-table-row");
    await expect(rows.first()).toBeVisible();
    await expect(page.getByText(/共 \d+ 条/)).toBeVisible();

    const create = page.getByRole("button", { name: /新\s?建/ });
    if (role === "org_admin") await expect(create).toBeVisible();
    else await expect(create).toHaveCount(0);

    await page.getByRole("button", { name: /退出登录/ }).click();
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByLabel("邮箱")).toBeVisible();
    // Signed out for real: a protected page sends us back to sign in.
    await page.goto("/org-units");
    await expect(page).toHaveURL(/\/login/);
  });

  test(`${role}: wrong password is refused in Chinese`, async ({ page }) => {
    await signIn(page, email, `${DEMO_PASSWORD}-wrong`);
    await expect(page.getByText("邮箱或密码不正确")).toBeVisible();
    await expect(page).toHaveURL(/\/login/);
  });
}

test("a signed-out visitor of a page signs in and lands on that page", async ({ page }) => {
  await page.goto("/members?pageSize=10");
  await expect(page).toHaveURL(/\/login\?to=/);
  const { email } = DEMO_ACCOUNTS[0];
  await page.getByLabel("邮箱").fill(email);
  await page.getByLabel("密码").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: /登\s?录/ }).click();
  await expect(page).toHaveURL(/\/members\?.*pageSize=10/);
  await expect(page.locator(".ant-table-tbody tr.ant-table-row").first()).toBeVisible();
});
