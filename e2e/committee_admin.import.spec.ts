// Issue 9, import: a committee admin imports carriers from a GBK-encoded CSV; the row for another unit is an
// error on that row (RLS), and nothing is written until the file holds only its own unit's rows.
import { writeFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { sql } from "../supabase/local/testing";

const tag = `IC${Date.now().toString(36)}`;
let own: string;
let other: string;

test.beforeAll(async () => {
  [{ code: own }] = await sql<{ code: string }>(
    "select o.code from org_units o join profiles p on p.org_unit_id = o.id join auth.users u on u.id = p.user_id where u.email = 'committee@dangjian.test'",
  );
  [{ code: other }] = await sql<{ code: string }>("select code from org_units where code <> $1 order by code limit 1", [own]);
});

test.afterAll(async () => {
  await sql("delete from carriers where name like $1", [`%${tag}`]);
});

// GBK bytes of a CSV, as Excel on a Chinese Windows saves it: the encoder is the decoder's table turned around.
let toGbk: Map<string, number[]> | undefined;
const gbk = (text: string) => {
  if (!toGbk) {
    toGbk = new Map();
    const decoder = new TextDecoder("gbk");
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        const char = decoder.decode(new Uint8Array([lead, trail]));
        if (char.length === 1 && char !== "\ufffd" && !toGbk.has(char)) toGbk.set(char, [lead, trail]);
      }
    }
  }
  return Buffer.from([...text].flatMap((c) => (c.charCodeAt(0) < 0x80 ? [c.charCodeAt(0)] : toGbk!.get(c)!)));
};

test("carriers from CSV: another unit's row is refused on its row, nothing written; own rows import", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const csv = (rows: string[][]) => ["所属二级党组织,载体类型,名称,人数", ...rows.map((r) => r.join(","))].join("\r\n");
  const path = testInfo.outputPath("carriers.csv");
  writeFileSync(path, gbk(csv([[own, "进实验室", `本单位实验室${tag}`, "30"], [other, "进实验室", `他单位实验室${tag}`, "20"]])));

  await page.goto("/carriers");
  await page.getByRole("button", { name: "导入" }).click({ timeout: 60_000 });
  const dialog = page.locator(".ant-modal");
  await dialog.locator("input[type=file]").setInputFiles(path);
  await expect(dialog.getByText("carriers.csv: 2 行数据")).toBeVisible();
  await dialog.getByRole("button", { name: /^检\s?查$/ }).click();
  await expect(dialog.getByText("发现 1 个错误 (涉及 1 行), 没有写入任何数据; 请修改文件后重新上传")).toBeVisible({ timeout: 30_000 });
  const row = dialog.locator(".ant-table-tbody tr");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("3");
  await expect(row).toContainText("所属二级党组织");
  await expect(row).toContainText("无权导入这一行: 只能导入本单位的记录");
  expect(await sql("select 1 from carriers where name like $1", [`%${tag}`])).toHaveLength(0);

  writeFileSync(path, gbk(csv([[own, "进实验室", `本单位实验室${tag}`, "30"]])));
  await dialog.getByRole("button", { name: "重新选择文件" }).click();
  await dialog.locator("input[type=file]").setInputFiles(path);
  await dialog.getByRole("button", { name: /^检\s?查$/ }).click();
  await dialog.getByRole("button", { name: /^导\s?入$/ }).click();
  await expect(dialog.getByText("导入完成: 新增 1 条, 更新 0 条, 未变 0 条")).toBeVisible({ timeout: 30_000 });
  expect(await sql("select headcount from carriers where name = $1", [`本单位实验室${tag}`])).toEqual([{ headcount: 30 }]);
});
