// antd's component styles come from the stylesheet baked at build time (scripts/antdStaticStyles.ts): on the pages a
// person opens first, antd finds every style there and generates none at run time, and the page still looks
// styled (the sheet is the one the run time would have written).
import { expect, test } from "@playwright/test";
import { waitForPanels } from "./dashboards";
import home from "../dashboards/home";

// antd's own styles are scoped by the theme's hash class (:where(.css-…)); Refine's page header brings its own
const generatedStyles = (page: import("@playwright/test").Page) =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll("style[data-css-hash]"), (style) => style.innerHTML)
      .filter((css) => css.includes(":where(.css-"))
      .map((css) => css.slice(0, 120)),
  );

test("the home page, a list and a form use the baked antd stylesheet and generate no component style", async ({ page }) => {
  const sheet = page.waitForResponse((response) => /\/assets\/antd-[0-9a-f]+\.css$/.test(response.url()));
  await page.goto("/");
  expect((await sheet).ok()).toBe(true);
  await waitForPanels(page, home);
  expect(await generatedStyles(page)).toEqual([]);
  // styled by the sheet: the primary button is the party red of the theme
  await page.goto("/branches");
  await expect(page.getByRole("button", { name: /新\s?建/ })).toHaveCSS("background-color", "rgb(198, 40, 40)");
  expect(await generatedStyles(page)).toEqual([]);
  await page.goto("/branches/create");
  await expect(page.getByRole("button", { name: /保\s?存/ })).toBeVisible();
  expect(await generatedStyles(page)).toEqual([]);
});
