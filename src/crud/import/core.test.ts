// The browser's half of an import: headings to columns, cells to values, natural-key text, the error file.
import { describe, expect, it } from "vitest";
import { i18n } from "../../i18n";
import { resources } from "../../resources";
import {
  convertCell,
  errorFileRows,
  excelSerialToDate,
  importColumns,
  instructionRows,
  matchHeadings,
  mergeErrors,
  parseDate,
  parseNumber,
  templateHeading,
  toImportRows,
  type ImportColumn,
} from "./core";
import { decodeText, parseCsv } from "./parse";

const zh = i18n.getFixedT("zh-CN");
const en = i18n.getFixedT("en");
const columnsOf = (name: string) => importColumns(resources.find((r) => r.name === name)!, zh, en);
const members = columnsOf("members");
const column = (columns: ImportColumn[], name: string) => columns.find((c) => c.name === name)!;

describe("the columns a register imports", () => {
  it("are the create form's fields, with zh-CN and en labels; required ones marked * in the template", () => {
    expect(members.map((c) => c.name)).toEqual([
      "name", "student_or_staff_no", "branch_id", "gender", "category", "status", "joined_on", "branch_role", "professional_title", "contact",
    ]);
    expect(column(members, "name").labels).toEqual(["姓名", "Name"]);
    expect(members.map(templateHeading).slice(0, 4)).toEqual(["姓名*", "学号/工号*", "所在支部*", "性别*"]);
    // edit-only (a branch's secretary) and read-only columns are not imported
    expect(columnsOf("branches").map((c) => c.name)).not.toContain("secretary_id");
    expect(columnsOf("branch_evaluations").map((c) => c.name)).not.toContain("total");
  });

  it("every importable register declares how its references are written", () => {
    for (const resource of resources.filter((r) => r.import)) {
      for (const c of importColumns(resource, zh, en).filter((c) => c.type === "relation")) {
        expect(c.key?.hint, `${resource.name}.${c.name}`).toBeTruthy();
      }
    }
  });
});

describe("heading matching", () => {
  it("by zh-CN label, en label or column name; ignoring spaces, * and bracket width; unknown headings stay unmapped", () => {
    expect(matchHeadings(["姓名*", " 学号/工号 ", "Branch", "gender", "备注", "入党日期（必填）", "入党日期"], members)).toEqual([
      "name", "student_or_staff_no", "branch_id", "gender", null, null, "joined_on",
    ]);
  });

  it("a column is taken by its first heading only", () => {
    expect(matchHeadings(["姓名", "Name"], members)).toEqual(["name", null]);
  });
});

describe("value conversion", () => {
  it("dates: Excel serials, Date cells and text as 2024-03-05, 2024/3/5, 2024.3.5, 2024年3月5日", () => {
    expect(excelSerialToDate(45356)).toBe("2024-03-05");
    expect(excelSerialToDate(1)).toBe("1900-01-01");
    expect(parseDate(45356)).toBe("2024-03-05");
    expect(parseDate(new Date(Date.UTC(2024, 2, 5)))).toBe("2024-03-05");
    for (const text of ["2024-03-05", "2024/3/5", "2024.3.5", "2024年3月5日", " 2024 年 3 月 5 日 ", "2024-03-05 00:00:00", "45356"]) {
      expect(parseDate(text), text).toBe("2024-03-05");
    }
    for (const text of ["2024-02-30", "2024-13-45", "3/5/2024", "昨天", "20240305"]) expect(parseDate(text), text).toBeNull();
    expect(convertCell(column(members, "joined_on"), "2024-13-45")).toEqual({ error: "「2024-13-45」不是有效的日期 (可写 2024-03-05、2024/3/5 或 2024年3月5日)" });
  });

  it("amounts with ¥, ￥, 元 and thousands separators; numbers", () => {
    expect(parseNumber("¥1,234.50")).toBe(1234.5);
    expect(parseNumber("￥ 12,000")).toBe(12000);
    expect(parseNumber("800元")).toBe(800);
    expect(parseNumber(" -3 ")).toBe(-3);
    expect(parseNumber(7)).toBe(7);
    expect(parseNumber("1.2.3")).toBeNull();
    expect(parseNumber("一百")).toBeNull();
    const amount = column(columnsOf("fund_expenditures"), "amount");
    expect(convertCell(amount, "¥1,234.50")).toEqual({ value: 1234.5 });
    expect(convertCell(amount, "很多")).toEqual({ error: "「很多」不是有效的金额" });
  });

  it("enum labels in Chinese and English, or the value itself", () => {
    const gender = column(members, "gender");
    expect(convertCell(gender, "女")).toEqual({ value: "female" });
    expect(convertCell(gender, "Female")).toEqual({ value: "female" });
    expect(convertCell(gender, "male")).toEqual({ value: "male" });
    expect(convertCell(column(members, "status"), "预备党员")).toEqual({ value: "probationary" });
    expect(convertCell(gender, "未知")).toEqual({ error: "「未知」不是允许的取值 (可选: 男、女)" });
  });

  it("text: trimmed, numbers as typed (a 学号 that Excel stored as a number)", () => {
    expect(convertCell(column(members, "student_or_staff_no"), 20210001)).toEqual({ value: "20210001" });
    expect(convertCell(column(members, "name"), "  张三 ")).toEqual({ value: "张三" });
    expect(convertCell(column(members, "name"), "   ")).toEqual({ empty: true });
  });
});

describe("natural-key text", () => {
  it("a simple reference is its text (branch code, 学号/工号, unit code or name, cycle year)", () => {
    expect(convertCell(column(members, "branch_id"), " DJ-001 ")).toEqual({ value: "DJ-001" });
    expect(convertCell(column(columnsOf("member_reviews"), "cycle_id"), 2026)).toEqual({ value: "2026" });
  });

  it("a carrier is unit/kind/name, the kind by its label", () => {
    const carrier = column(columnsOf("carrier_coverages"), "carrier_id");
    expect(convertCell(carrier, "机械工程学院党委 / 进公寓 / 军工路校区学生公寓1号楼")).toEqual({
      value: { org_unit_id: "机械工程学院党委", kind: "dormitory", name: "军工路校区学生公寓1号楼" },
    });
    expect(convertCell(carrier, "机械工程学院党委/进食堂/一号楼")).toEqual({ error: "「进食堂」不是允许的取值 (可选: 进公寓、进社团、进实验室、进课题组、进实践基地)" });
    expect("error" in convertCell(carrier, "只有名称")).toBe(true);
  });

  it("a budget is year/unit/branch/category; an empty branch is the unit's own budget", () => {
    const budget = column(columnsOf("fund_expenditures"), "budget_id");
    expect(convertCell(budget, "2026/机械工程学院党委//党员活动经费")).toEqual({
      value: { fiscal_year: "2026", org_unit_id: "机械工程学院党委", branch_id: null, category: "activity" },
    });
  });
});

describe("rows for the database", () => {
  it("numbers rows as the sheet does, skips empty rows, leaves empty cells out and reports unreadable ones", () => {
    const mapping = matchHeadings(["姓名", "学号/工号", "性别", "入党日期", "备注"], members);
    const { rows, errors } = toImportRows(
      [
        ["张三", "S1", "男", "2024/3/5", "x"],
        [null, "", null, null, null],
        ["李四", "S2", "女", "2024-13-45", null],
        ["王五", "S3", "", 45356, null],
      ],
      mapping,
      members,
    );
    expect(rows).toEqual([
      { _row: 2, name: "张三", student_or_staff_no: "S1", gender: "male", joined_on: "2024-03-05" },
      { _row: 4, name: "李四", student_or_staff_no: "S2", gender: "female" },
      { _row: 5, name: "王五", student_or_staff_no: "S3", joined_on: "2024-03-05" },
    ]);
    expect(errors).toEqual([{ row: 4, column: "joined_on", message: "「2024-13-45」不是有效的日期 (可写 2024-03-05、2024/3/5 或 2024年3月5日)" }]);
  });

  it("merges the browser's errors with the database's, one per cell, in row order", () => {
    const local = [{ row: 4, column: "joined_on", message: "日期不对" }];
    const remote = [
      { row: 9, column: "branch_id", message: "未找到支部「X」" },
      { row: 4, column: "joined_on", message: "必填, 不能为空" },
      { row: 4, column: "name", message: "姓名不能超过 50 个字" },
    ];
    expect(mergeErrors(local, remote)).toEqual([local[0], remote[2], remote[0]]);
  });
});

describe("the error file and the template's instructions", () => {
  it("is the uploaded rows with a 错误说明 column naming each error's column", () => {
    const rows = errorFileRows(
      ["姓名", "入党日期"],
      [["张三", "2024-13-45"], ["李四", "2024-03-05"], ["王五"]],
      [
        { row: 2, column: "joined_on", message: "不是有效的日期" },
        { row: 2, column: "name", message: "重复" },
        { row: 4, column: null, message: "无权导入" },
      ],
      members,
    );
    expect(rows).toEqual([
      ["姓名", "入党日期", "错误说明"],
      ["张三", "2024-13-45", "入党日期: 不是有效的日期；姓名: 重复"],
      ["李四", "2024-03-05", null],
      ["王五", null, "无权导入"],
    ]);
  });

  it("lists every column, whether required, every enum's allowed values and the date formats", () => {
    const rows = instructionRows(members);
    expect(rows[0]).toEqual(["列", "必填", "填写说明"]);
    expect(rows).toContainEqual(["性别", "是", "可选: 男、女"]);
    expect(rows.find((r) => r[0] === "入党日期")?.[2]).toMatch(/2024-03-05、2024\/3\/5、2024年3月5日/);
    expect(rows.find((r) => r[0] === "所在支部")?.[2]).toBe(zh("import.keys.branch"));
  });
});

describe("CSV", () => {
  it("quoted fields, CRLF, and GBK when the bytes are not UTF-8", () => {
    expect(parseCsv('姓名,备注\r\n"张,三","说""好"""\r\n李四,\n')).toEqual([["姓名", "备注"], ["张,三", '说"好"'], ["李四", ""]]);
    const gbk = new Uint8Array([0xd5, 0xc5, 0xc8, 0xfd]); // 张三 in GBK
    expect(decodeText(gbk)).toBe("张三");
    expect(decodeText(new TextEncoder().encode("\uFEFF张三"))).toBe("张三");
  });
});
