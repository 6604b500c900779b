// Issue 10 (§15), as a committee admin: it recommends its unit's submitted case from the case's page, but it cannot
// rate — the page offers no 评定, and the API refuses the rating with the rule's message and changes nothing.
import { expect, test } from "@playwright/test";
import { signedInClient, sql } from "../supabase/local/testing";
import { accountFor } from "./accounts";
import { plantCase, removeCases } from "./cases";

const TITLE = `e2e 推荐案例 ${process.env.APP_PORT ?? ""}`;

test.afterEach(() => removeCases(TITLE));

test("committee admin recommends its case but cannot rate it: no button, and the API refuses", async ({ page }) => {
  await removeCases(TITLE);
  // the demo committee account is U001's
  const id = await plantCase("U001", "submitted", TITLE);
  await page.goto(`/cases/show/${id}`);
  await expect(page.getByText(TITLE).first()).toBeVisible();
  await expect(page.getByTestId("case-rate")).toHaveCount(0);
  await page.getByTestId("case-recommend").click();
  await page.locator(".ant-modal-confirm").getByRole("button", { name: /^推\s?荐$/ }).click();
  await expect(page.getByText("案例已推荐")).toBeVisible();
  await expect(page.getByTestId("case-recommend")).toHaveCount(0);
  // recommended: 组织部 would rate it now; the committee still sees no 评定
  await expect(page.locator(".ant-descriptions")).toContainText("已推荐");
  await expect(page.getByTestId("case-rate")).toHaveCount(0);

  const client = await signedInClient(accountFor("committee_admin").email);
  const rpc = await client.rpc("rate_case", { p_case_id: id, p_rating: "best" });
  expect(rpc.error).toMatchObject({ code: "42501", message: "只有组织部可以评定党建案例", details: "cases_rate_org_admin_only", hint: "field:rating" });
  const update = await client.from("cases").update({ status: "rated", rating: "excellent" }).eq("id", id).select("id");
  expect(update.error).toMatchObject({ code: "42501", details: "cases_rate_org_admin_only" });
  const [row] = await sql<{ status: string; rating: string | null }>("select status::text, rating::text from cases where id = $1", [id]);
  expect(row).toEqual({ status: "recommended", rating: null });
});
