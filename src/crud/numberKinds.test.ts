// Numbers are formatted by what they are, in lists, show pages and dashboards alike: years as written,
// quantities grouped, rates as percentages, money in yuan.
import { describe, expect, it } from "vitest";
import { formatCell, formatValue } from "../dashboards/format";
import { buildTable } from "../dashboards/options";
import type { PanelSpec } from "../dashboards/spec";
import { displayValue } from "./fields";
import { formatNumber, numberKindOfColumn } from "./format";
import type { FieldDef } from "./types";

const t = (key: string) => key;

describe("formatNumber by kind", () => {
  it("never groups a year", () => {
    expect(formatNumber(2024, "year")).toBe("2024");
    expect(formatNumber("2025", "year", "en")).toBe("2025");
  });
  it("groups quantities, keeps up to two decimals, and shows rates and money by kind", () => {
    expect(formatNumber(12345, "count")).toBe("12,345");
    expect(formatNumber(1234.5678, "decimal")).toBe("1,234.57");
    expect(formatNumber(0.853, "percent")).toBe("85.3%");
    expect(formatNumber("1234567.8", "money")).toBe("¥1,234,567.80");
  });
  it("leaves empty values empty and shows what is not a number as it came", () => {
    expect(formatNumber(null, "count")).toBe("");
    expect(formatNumber("n/a", "count")).toBe("n/a");
  });
  it("reads a column named year or *_year as a year unless declared otherwise", () => {
    expect(numberKindOfColumn("year")).toBe("year");
    expect(numberKindOfColumn("fiscal_year")).toBe("year");
    expect(numberKindOfColumn("term_years")).toBe("decimal");
    expect(numberKindOfColumn("headcount")).toBe("decimal");
    expect(numberKindOfColumn("fiscal_year", "count")).toBe("count");
  });
});

describe("lists and show pages", () => {
  const field = (name: string): FieldDef => ({ name, type: "number" }) as FieldDef;
  it("show a budget year as 2025 and a headcount as 12,345", () => {
    expect(displayValue(field("fiscal_year"), { fiscal_year: 2025 }, t, "zh-CN")).toBe("2025");
    expect(displayValue(field("year"), { year: 2024 }, t, "zh-CN")).toBe("2024");
    expect(displayValue(field("headcount"), { headcount: 12345 }, t, "zh-CN")).toBe("12,345");
  });
});

describe("dashboards", () => {
  it("format a year as a year", () => {
    expect(formatValue(2024, "year")).toBe("2024");
    expect(formatCell(2025, { label: "年度", format: "year" })).toBe("2025");
  });
  it("show an undeclared year column of a table view without grouping", () => {
    const panel = {
      id: "t",
      kind: "table",
      title: "t",
      grid: { x: 0, y: 0, w: 6, h: 4 },
      query: { source: { rpc: "x", columns: { year: { label: "年度" }, members: { label: "人数", format: "count" } } } },
      encode: { value: "members" },
    } as unknown as PanelSpec;
    const table = buildTable(panel, [{ year: 2024, members: 12345 }]);
    expect(table.rows[0]).toMatchObject({ year: "2024", members: "12,345" });
  });
});
