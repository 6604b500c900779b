// Issue 4: a resource declared over a test-only table gets list / create / show / edit / delete from the generic
// pages alone. The table is made here (with grants and RLS, as a migration would) and the app is built with one
// extra declaration (e2e/fixtures/declared-resource), then driven like any other register.
import { expect, test } from "@playwright/test";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { build, preview, type PreviewServer } from "vite";
import { API_URL, DEMO_PASSWORD, projectRoot } from "../supabase/local/env";
import { signedInClient, sql } from "../supabase/local/testing";
import { choose, deleteFromShowPage, fillText, pickDate, saveAndShow } from "./forms";
import { signIn } from "./helpers";

const port = Number(process.env.APP_PORT ?? 4173) + 100;
const baseURL = `http://127.0.0.1:${port}`;
let server: PreviewServer | undefined;
let outDir: string;

async function waitForTable(present: boolean) {
  const client = await signedInClient("admin@dangjian.test");
  for (let attempt = 0; attempt < 50; attempt++) {
    const { error } = await client.from("e2e_notes").select("id").limit(1);
    if (present ? !error : error) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`PostgREST did not ${present ? "see" : "drop"} e2e_notes`);
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  await sql("drop table if exists public.e2e_notes");
  await sql(`
    create table public.e2e_notes (
      id bigint generated always as identity primary key,
      title text not null check (btrim(title) <> ''),
      status text not null default 'open' check (status in ('open', 'done')),
      noted_on date,
      amount numeric(14, 2) check (amount > 0),
      org_unit_id bigint references public.org_units (id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    alter table public.e2e_notes enable row level security;
    create policy e2e_notes_signed_in on public.e2e_notes for all to authenticated using (true) with check (true);
    grant select, insert, update, delete on public.e2e_notes to authenticated;
    notify pgrst, 'reload schema';`);
  await waitForTable(true);

  outDir = mkdtempSync(join(tmpdir(), "declared-resource-"));
  process.env.VITE_SUPABASE_URL ??= API_URL;
  await build({
    root: projectRoot,
    configFile: resolve(projectRoot, "vite.config.ts"),
    logLevel: "warn",
    build: { outDir, emptyOutDir: true, rollupOptions: { input: resolve(projectRoot, "e2e/fixtures/declared-resource/index.html") } },
  });
  // Serve the fixture page as the app's index so every route falls back to it.
  cpSync(join(outDir, "e2e/fixtures/declared-resource/index.html"), join(outDir, "index.html"));
  server = await preview({
    root: projectRoot,
    configFile: resolve(projectRoot, "vite.config.ts"),
    logLevel: "warn",
    build: { outDir },
    preview: { port, strictPort: true, host: "127.0.0.1" },
  });
});

test.afterAll(async () => {
  await server?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
  await sql("drop table if exists public.e2e_notes; notify pgrst, 'reload schema';");
});

test.use({ baseURL, storageState: { cookies: [], origins: [] } });

test("a declared test-only table gets working CRUD with no page file", async ({ page }) => {
  test.setTimeout(120_000);
  const [unit] = await sql<{ name: string }>("select name from org_units order by id limit 1");
  await signIn(page, "admin@dangjian.test", DEMO_PASSWORD);
  await expect(page.getByTestId("current-user")).toBeVisible();

  await page.goto("/e2e-notes");
  await expect(page.getByRole("heading", { name: "测试便签" })).toBeVisible();
  await expect(page.locator(".ant-table-tbody .ant-empty")).toBeVisible();

  await page.getByRole("button", { name: /新\s?建/ }).click();
  await expect(page).toHaveURL(/\/e2e-notes\/create$/);
  await fillText(page, "标题", "第一条便签");
  await choose(page, "状态", "已完成");
  await pickDate(page, "日期", "2025-05-04");
  await fillText(page, "金额", "1234.5");
  await choose(page, "二级党组织", unit.name, unit.name.slice(0, 2));
  const id = await saveAndShow(page, "/e2e-notes");
  await expect(page.getByText("¥1,234.50")).toBeVisible();
  await expect(page.getByText("2025年5月4日")).toBeVisible();
  await expect(page.getByRole("link", { name: unit.name })).toBeVisible();
  const [created] = await sql<{ title: string; status: string; amount: string }>("select title, status, amount::text from e2e_notes where id = $1", [id]);
  expect(created).toEqual({ title: "第一条便签", status: "done", amount: "1234.50" });

  await page.goto("/e2e-notes");
  await expect(page.locator(".ant-table-tbody tr.ant-table-row")).toHaveCount(1);
  await choose(page, "状态", "待办");
  await expect(page.locator(".ant-table-tbody .ant-empty")).toBeVisible();

  await page.goto(`/e2e-notes/edit/${id}`);
  await fillText(page, "标题", "改过的便签");
  await saveAndShow(page, "/e2e-notes");
  await expect(page.getByText("改过的便签").first()).toBeVisible();
  expect((await sql<{ title: string }>("select title from e2e_notes where id = $1", [id]))[0].title).toBe("改过的便签");

  await deleteFromShowPage(page);
  await expect(page).toHaveURL(/\/e2e-notes$/);
  expect(await sql("select 1 from e2e_notes where id = $1", [id])).toHaveLength(0);
});
