// 导出: cell conversion (enum labels, money, dates as Excel dates, relations by name and code), the paging through
// the API's row limit, the written file (read back with read-excel-file), the money sum's select, bulk delete.
import type { DataProvider } from "@refinedev/core";
import { readSheet } from "read-excel-file/node";
import { describe, expect, it } from "vitest";
import { panelSheet } from "../dashboards/xlsx";
import type { PanelSpec } from "../dashboards/spec";
import { i18n } from "../i18n";
import { resourceByName } from "../resources";
import { deleteEach } from "./BulkDelete";
import {
  cellOf,
  DATE_FORMAT,
  displayWidth,
  ExportCancelled,
  exportColumns,
  exportFileName,
  exportSelectFor,
  exportWorkbook,
  fetchAllRows,
  MONEY_FORMAT,
  toSheet,
} from "./export";
import { viewQuery } from "./SavedViews";
import { addGroups, sumSelect } from "./sums";
import type { FieldDef } from "./types";

const t = i18n.getFixedT("zh-CN");
const en = i18n.getFixedT("en");
const members = resourceByName("members")!;
const expenditures = resourceByName("fund_expenditures")!;
const field = (resource: typeof members, name: string) => resource.fields.find((f) => f.name === name) as FieldDef;

const member = {
  id: 7,
  name: "张三",
  student_or_staff_no: "2023001",
  branch_id: 3,
  branch: { id: 3, name: "机械学院学生第一党支部", org_unit_id: 1, code: "JX-S01" },
  gender: "male",
  category: "student",
  status: "probationary",
  joined_on: "2024-03-05",
  branch_role: "member",
  professional_title: "none",
  contact: null,
  updated_at: "2026-11-30T06:07:08.123456+00:00",
};

describe("cell conversion", () => {
  it("enum values as their labels in the UI language", () => {
    expect(cellOf(field(members, "category"), member, t)).toEqual({ value: "学生", type: String });
    expect(cellOf(field(members, "status"), member, en)).toEqual({ value: "Probationary", type: String });
  });

  it("money as a number with the ¥ format", () => {
    const amount = field(expenditures, "amount");
    expect(cellOf(amount, { amount: "1234567.8" }, t)).toEqual({ value: 1234567.8, type: Number, format: MONEY_FORMAT });
    expect(cellOf(amount, { amount: 0 }, t)).toEqual({ value: 0, type: Number, format: MONEY_FORMAT });
    expect(MONEY_FORMAT).toContain("¥");
  });

  it("a date as the Excel date of that very day, whatever the time zone", () => {
    const cell = cellOf(field(members, "joined_on"), member, t) as { value: Date; type: unknown; format: string };
    expect(cell.type).toBe(Date);
    expect(cell.format).toBe(DATE_FORMAT);
    expect(cell.value.toISOString()).toBe("2024-03-05T00:00:00.000Z");
    // Excel's serial for 2024-03-05 is 45356: write-excel-file counts UTC days from 1899-12-30
    expect(cell.value.getTime() / 86_400_000 + 25_569).toBe(45_356);
  });

  it("a timestamp as its local wall-clock time", () => {
    const cell = cellOf(field(members, "updated_at"), member, t) as { value: Date };
    const local = new Date(member.updated_at);
    expect(cell.value.getUTCHours()).toBe(local.getHours());
    expect(cell.value.getUTCDate()).toBe(local.getDate());
  });

  it("a relation by name, with its code in the next column", () => {
    const columns = exportColumns(members, t);
    const branch = columns.findIndex((c) => c.heading === "所在支部");
    expect(branch).toBeGreaterThanOrEqual(0);
    expect(columns[branch].cell(member)).toEqual({ value: "机械学院学生第一党支部", type: String });
    expect(columns[branch + 1].heading).toBe("所在支部（支部编码）");
    expect(columns[branch + 1].cell(member)).toEqual({ value: "JX-S01", type: String });
    // no ids anywhere in the row
    expect(columns.map((c) => c.cell(member))).not.toContainEqual({ value: "3", type: String });
  });

  it("the export select fetches each relation's code", () => {
    expect(exportSelectFor(members)).toContain("branch:branches!branch_id!inner(id,name,org_unit_id,code)");
    expect(exportSelectFor(resourceByName("branches")!)).toContain("secretary:members!secretary_id(id,name,student_or_staff_no)");
  });

  it("empty values are empty cells, not 'null'", () => {
    expect(cellOf(field(members, "contact"), member, t)).toBeNull();
    expect(cellOf(field(members, "joined_on"), { ...member, joined_on: null }, t)).toBeNull();
  });

  it("headings are the declared labels; Chinese text is counted twice as wide", () => {
    const { data, widths } = toSheet(exportColumns(members, t), [member]);
    expect((data[0] as { value: string }[]).map((c) => c.value).slice(0, 3)).toEqual(["姓名", "学号/工号", "所在支部"]);
    expect(displayWidth("机械学院")).toBe(8);
    expect(displayWidth("JX-S01")).toBe(6);
    const branch = (data[0] as { value: string }[]).findIndex((c) => c.value === "所在支部");
    expect(widths[branch]).toBe(displayWidth("机械学院学生第一党支部") + 2);
  });

  it("the file name is the register's label and the minute", () => {
    expect(exportFileName("党员", new Date(2026, 11, 2, 9, 5))).toBe("党员-20261202-0905.xlsx");
  });
});

describe("the written file", () => {
  it("reads back with Chinese headings, real dates and numbers", async () => {
    const { blob, fileName } = await exportWorkbook(members, [member, { ...member, id: 8, name: "李四", joined_on: "2020-07-01" }], t, new Date(2026, 0, 1, 8, 0));
    expect(fileName).toBe("党员-20260101-0800.xlsx");
    const sheet = await readSheet(Buffer.from(await blob.arrayBuffer()));
    expect(sheet).toHaveLength(3);
    const headings = sheet[0] as string[];
    expect(headings[0]).toBe("姓名");
    const joined = headings.indexOf("入党日期");
    expect((sheet[1][joined] as unknown as Date).toISOString()).toBe("2024-03-05T00:00:00.000Z");
    expect((sheet[2][joined] as unknown as Date).toISOString()).toBe("2020-07-01T00:00:00.000Z");
    expect(sheet[2][0]).toBe("李四");
  });

  it("money reads back as a number", async () => {
    const row = { id: 1, budget_id: 2, budget: null, spent_on: "2025-05-06", amount: "1500.50", purpose: "支部活动", voucher_no: "PZ-1" };
    const { blob } = await exportWorkbook(expenditures, [row], t);
    const sheet = await readSheet(Buffer.from(await blob.arrayBuffer()));
    expect(sheet[1][(sheet[0] as string[]).indexOf("金额")]).toBe(1500.5);
  });
});

/** A provider whose getList serves `rows` the way PostgREST would, capped at `maxRows` per request. */
function fakeProvider(rows: Record<string, unknown>[], maxRows: number) {
  const calls: { currentPage: number; pageSize: number; count: unknown }[] = [];
  const provider: Pick<DataProvider, "getList"> = {
    getList: async ({ pagination, meta }) => {
      const { currentPage = 1, pageSize = 10 } = pagination ?? {};
      calls.push({ currentPage, pageSize, count: meta?.count });
      const start = (currentPage - 1) * pageSize;
      const data = rows.slice(start, start + Math.min(pageSize, maxRows));
      return { data: data as never[], total: meta?.count === "none" ? data.length : rows.length };
    },
  };
  return { provider, calls };
}

const many = (n: number) => Array.from({ length: n }, (_, i) => ({ id: i + 1 }));

describe("paging", () => {
  it("every page of the list, the exact total counted once, first", async () => {
    const { provider, calls } = fakeProvider(many(2500), 1000);
    const progress: [number, number][] = [];
    const { rows, total } = await fetchAllRows(provider, { resource: members, onProgress: (a, b) => progress.push([a, b]) });
    expect(total).toBe(2500);
    expect(rows.map((r) => r.id)).toEqual(many(2500).map((r) => r.id));
    expect(calls.map((c) => c.count)).toEqual(["exact", "none", "none"]);
    expect(progress).toEqual([[1000, 2500], [2000, 2500], [2500, 2500]]);
  });

  it("a row limit below the page size is found from the first page and paged through, nothing cut off", async () => {
    const { provider, calls } = fakeProvider(many(1234), 300);
    const { rows } = await fetchAllRows(provider, { resource: members, pageSize: 1000 });
    expect(rows).toHaveLength(1234);
    expect(new Set(rows.map((r) => r.id)).size).toBe(1234);
    expect(calls[1]).toMatchObject({ currentPage: 2, pageSize: 300 });
  });

  it("an empty list asks once", async () => {
    const { provider, calls } = fakeProvider([], 1000);
    expect((await fetchAllRows(provider, { resource: members })).rows).toEqual([]);
    expect(calls).toHaveLength(1);
  });

  it("cancel stops fetching", async () => {
    const { provider, calls } = fakeProvider(many(5000), 1000);
    const controller = new AbortController();
    const run = fetchAllRows(provider, { resource: members, signal: controller.signal, onProgress: (fetched) => fetched >= 2000 && controller.abort() });
    await expect(run).rejects.toBeInstanceOf(ExportCancelled);
    expect(calls).toHaveLength(2);
  });

  it("rows removed during the export end it at the shorter list", async () => {
    const data = many(2500);
    const { provider } = fakeProvider(data, 1000);
    const { rows, total } = await fetchAllRows(provider, { resource: members, onProgress: (fetched) => fetched === 1000 && data.splice(1800) });
    expect(total).toBe(2500);
    expect(rows).toHaveLength(1800);
  });
});

describe("money sums", () => {
  it("sums every money column, embedding only what a related-row filter needs", () => {
    expect(sumSelect(expenditures, [])).toBe("amount:amount.sum()");
    expect(
      sumSelect(expenditures, [
        { field: "budget.org_unit_id", operator: "eq", value: 1 },
        { field: "budget.branch_id", operator: "eq", value: undefined },
        { field: "spent_on", operator: "gte", value: "2025-01-01" },
      ]),
    ).toBe("amount:amount.sum(),budget:fund_budgets!budget_id!inner(org_unit_id)");
  });

  it("adds the groups up to the cent", () => {
    expect(addGroups(expenditures, [{ amount: 0.1 }, { amount: 0.2 }, { amount: "100" }])).toEqual({ amount: 100.3 });
    expect(addGroups(expenditures, [])).toEqual({ amount: 0 });
  });
});

describe("bulk delete", () => {
  it("deletes every row it may and reports each refusal with its reason", async () => {
    const rows = many(10);
    const done: number[] = [];
    const outcome = await deleteEach(
      async (row) => {
        if (Number(row.id) % 4 === 0) throw { message: "仍有党员的支部不能删除", statusCode: 409 };
      },
      rows,
      (n) => done.push(n),
    );
    expect(outcome.deleted.map((r) => r.id).sort((a, b) => Number(a) - Number(b))).toEqual([1, 2, 3, 5, 6, 7, 9, 10]);
    expect(outcome.refused).toEqual([
      { row: { id: 4 }, reason: "仍有党员的支部不能删除" },
      { row: { id: 8 }, reason: "仍有党员的支部不能删除" },
    ]);
    expect(done.at(-1)).toBe(10);
  });
});

describe("saved views", () => {
  it("keep the filters, sort and page size, not the page number", () => {
    expect(viewQuery("?pageSize=50&currentPage=3&sorters[0][field]=name&sorters[0][order]=asc")).toBe(
      "pageSize=50&sorters%5B0%5D%5Bfield%5D=name&sorters%5B0%5D%5Border%5D=asc",
    );
  });
});

describe("dashboard table export", () => {
  const panel = {
    id: "p",
    title: { zh: "各单位覆盖率", en: "Coverage" },
    kind: "bar",
    grid: { x: 0, y: 0, w: 6, h: 4 },
    encode: { category: "unit", value: "rate" },
    query: {
      source: {
        rpc: "x",
        columns: {
          unit: { label: { zh: "单位", en: "Unit" } },
          kind: { label: { zh: "类型", en: "Kind" }, enum: { lab: { zh: "实验室", en: "Lab" } } },
          rate: { label: { zh: "覆盖率", en: "Rate" }, format: "percent" },
          spent: { label: { zh: "支出", en: "Spent" }, format: "money" },
          year: { label: { zh: "年度", en: "Year" } },
        },
      },
    },
  } as unknown as PanelSpec;

  it("numbers stay numbers with their kind's format; enums as labels; Chinese headings", () => {
    const { data } = panelSheet(panel, [{ unit: "机械学院", kind: "lab", rate: 0.853, spent: "1200.5", year: 2025 }]);
    expect((data[0] as { value: string }[]).map((c) => c.value)).toEqual(["单位", "类型", "覆盖率", "支出", "年度"]);
    expect(data[1]).toEqual([
      { value: "机械学院", type: String },
      { value: "实验室", type: String },
      { value: 0.853, type: Number, format: "0.0%" },
      { value: 1200.5, type: Number, format: MONEY_FORMAT },
      { value: 2025, type: Number },
    ]);
  });
});
