// Signs in once per demo account and keeps the session for the specs of that role.
import { test as setup } from "@playwright/test";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, storageStateFor } from "./accounts";
import { expectShell, signIn } from "./helpers";

for (const { email, role } of DEMO_ACCOUNTS) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await signIn(page, email, DEMO_PASSWORD);
    await expectShell(page, role);
    await page.context().storageState({ path: storageStateFor(role) });
  });
}
