import { expect, type Page } from "@playwright/test";
import { ROLE_LABELS, type Role } from "./accounts";

/** Signs in through the login page and waits for the shell to show who is signed in. */
export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("邮箱").fill(email);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登 录" }).or(page.getByRole("button", { name: "登录" })).click();
}

export async function expectShell(page: Page, role: Role) {
  const user = page.getByTestId("current-user");
  await expect(user).toBeVisible();
  await expect(user).toContainText(ROLE_LABELS[role]);
  await expect(page.getByText("基层服务型党组织建设管理平台").first()).toBeVisible();
}
