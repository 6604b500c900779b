// Issue 9, import: 组织部 downloads the members template, fills 500 rows (one with an unknown branch code, one with
// a bad date), checks them and sees exactly those two errors with their row numbers, fixes them, imports, and
// the list's total grows by 500 (also counted in the database).
import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { readSheet } from "read-excel-file/node";
import writeXlsxFile from "write-excel-file/node";
import { sql } from "../supabase/local/testing";

const tag = `IM${Date.now().toString(36)}`;
let branchCodes: string[];

test.beforeAll(async () => {
  branchCodes = (await sql<{ code: string }>("select code from branches where status = 'active' order by code limit 5")).map((r) => r.code);
});

test.afterAll(async () => {
  await sql("delete from members where student_or_staff_no like $1", [`${tag}%`]);
});

const listTotal = async (page: Page) => {
  const total = page.getByText(/^共 [\d,]+ 条$/);
  await expect(total).toBeVisible({ timeout: 60_000 });
  return Number((await total.textContent())!.replace(/[^\d]/g, ""));
};

async function upload(page: Page, path: string) {
  await page.locator(".ant-modal input[type=file]").setInputFiles(path);
}

test("members: template, 500 rows, two errors by row, fixed, imported; the total grows by 500", async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  await page.goto("/members");
  const before = await listTotal(page);

  await page.getByRole("button", { name: "导入" }).click();
  const dialog = page.locator(".ant-modal");
  await expect(dialog.getByText("导入党员")).toBeVisible({ timeout: 30_000 });
  const downloading = page.waitForEvent("download");
  await dialog.getByRole("button", { name: "下载导入模板" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("党员-导入模板.xlsx");
  const templatePath = testInfo.outputPath("template.xlsx");
  await download.saveAs(templatePath);
  const headings = (await readSheet(readFileSync(templatePath)))[0] as string[];
  expect(headings).toEqual(["姓名*", "学号/工号*", "所在支部*", "性别*", "类别*", "党员身份*", "入党日期", "支部职务*", "职称*", "联系方式"]);
  const instructions = await readSheet(readFileSync(templatePath), "说明");
  expect(instructions).toContainEqual(["性别", "是", "可选: 男、女"]);

  // 500 rows as people type them: labels, dates in three forms
  const rows = (broken: boolean) =>
    Array.from({ length: 500 }, (_, i) => [
      `导入党员${i + 1}`,
      `${tag}${String(i + 1).padStart(4, "0")}`,
      broken && i === 122 ? "不存在的支部" : branchCodes[i % branchCodes.length],
      i % 2 ? "男" : "女",
      "学生",
      i % 3 ? "正式党员" : "预备党员",
      broken && i === 340 ? "2024-13-45" : ["2020/9/1", "2021年6月30日", "2019-12-01"][i % 3],
      "党员",
      "无",
      null,
    ]);
  const write = async (name: string, broken: boolean) => {
    const path = testInfo.outputPath(name);
    await writeXlsxFile([headings, ...rows(broken)] as never).toFile(path);
    return path;
  };

  await upload(page, await write("broken.xlsx", true));
  await expect(dialog.getByText("broken.xlsx: 500 行数据")).toBeVisible();
  await dialog.getByRole("button", { name: /^检\s?查$/ }).click();
  await expect(dialog.getByText("发现 2 个错误 (涉及 2 行), 没有写入任何数据; 请修改文件后重新上传")).toBeVisible({ timeout: 60_000 });
  const errorRows = dialog.locator(".ant-table-tbody tr");
  await expect(errorRows).toHaveCount(2);
  await expect(errorRows.nth(0)).toContainText("124");
  await expect(errorRows.nth(0)).toContainText("所在支部");
  await expect(errorRows.nth(0)).toContainText("未找到支部「不存在的支部」");
  await expect(errorRows.nth(1)).toContainText("342");
  await expect(errorRows.nth(1)).toContainText("入党日期");
  await expect(errorRows.nth(1)).toContainText("「2024-13-45」不是有效的日期");

  // the error file: the uploaded rows with 错误说明
  const errorDownload = page.waitForEvent("download");
  await dialog.getByRole("button", { name: "下载错误说明文件" }).click();
  const errorPath = testInfo.outputPath("errors.xlsx");
  await (await errorDownload).saveAs(errorPath);
  const errorSheet = await readSheet(readFileSync(errorPath));
  expect(errorSheet[0].at(-1)).toBe("错误说明");
  expect(errorSheet[123].at(-1)).toBe("所在支部: 未找到支部「不存在的支部」");
  expect(errorSheet.filter((r) => r.at(-1)).length).toBe(3); // heading + two rows
  expect(await sql("select 1 from members where student_or_staff_no like $1", [`${tag}%`])).toHaveLength(0);

  await dialog.getByRole("button", { name: "重新选择文件" }).click();
  await upload(page, await write("fixed.xlsx", false));
  await dialog.getByRole("button", { name: /^检\s?查$/ }).click();
  await expect(dialog.getByText(/检查通过: 500 行都可以导入 \(将新增 500 条/)).toBeVisible({ timeout: 60_000 });
  await dialog.getByRole("button", { name: /^导\s?入$/ }).click();
  await expect(dialog.getByText("导入完成: 新增 500 条, 更新 0 条, 未变 0 条")).toBeVisible({ timeout: 60_000 });
  await dialog.getByRole("button", { name: /^完\s?成$/ }).click();

  await expect.poll(() => listTotal(page)).toBe(before + 500);
  const [{ n, imports }] = await sql<{ n: number; imports: number }>(
    "select count(*)::int as n, count(distinct a.import_id)::int as imports from members m join audit_log a on a.table_name = 'members' and a.row_id = m.id::text and a.action = 'insert' where m.student_or_staff_no like $1",
    [`${tag}%`],
  );
  expect({ n, imports }).toEqual({ n: 500, imports: 1 });
});

test("a file that is not a spreadsheet gets one clear message", async ({ page }, testInfo) => {
  await page.goto("/members");
  await page.getByRole("button", { name: "导入" }).click({ timeout: 60_000 });
  const path = testInfo.outputPath("photo.png");
  const { writeFileSync } = await import("node:fs");
  writeFileSync(path, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
  await upload(page, path);
  await expect(page.locator(".ant-modal").getByText("无法读取该文件: 请选择 Excel 表格或 CSV 文件")).toBeVisible();
});
