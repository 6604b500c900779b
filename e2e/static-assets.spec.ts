// The built app's hashed files are cached for good (their names change with their content), the page itself never:
// a returning visitor's browser asks only for index.html, and a new release is picked up at once.
import { expect, test } from "@playwright/test";

test("hashed assets are immutable, index.html is revalidated", async ({ request }) => {
  const page = await request.get("/");
  expect(page.headers()["cache-control"]).toBe("no-cache");
  const scripts = [...(await page.text()).matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((match) => match[1]);
  expect(scripts.length).toBeGreaterThan(1);
  for (const path of scripts) {
    const asset = await request.get(path);
    expect(asset.status(), path).toBe(200);
    expect(asset.headers()["cache-control"], path).toBe("public, max-age=31536000, immutable");
  }
});
