import { describe, expect, it } from "vitest";
import { panel, rows } from "./__fixtures__/sample";
import { buildChart, buildKpi, buildTable, tablePageSize, toCsv, type Row } from "./options";

type Series = { type: string; name: string; encode: Record<string, string>; stack?: string; data?: unknown[] };
type Option = {
  dataset?: { dimensions: string[]; source: unknown[][] };
  series: Series[];
  xAxis?: { type: string; axisLabel?: { formatter: (v: number) => string }; data?: unknown[] };
  yAxis?: { type: string; axisLabel?: { formatter: (v: number) => string }; data?: unknown[] };
  tooltip?: { valueFormatter: (v: unknown) => string };
  radar?: { indicator: { name: string; max: number }[] };
  visualMap?: { min: number; max: number };
};
const optionOf = (p: ReturnType<typeof panel>, r: Row[] = rows, locale: "zh" | "en" = "zh") => buildChart(p, r, locale).option as unknown as Option;

describe("bar", () => {
  it("puts the category first in the dataset and encodes one series per value column", () => {
    const option = optionOf(panel({ kind: "bar" }));
    expect(option.dataset).toEqual({
      dimensions: ["category", "覆盖率"],
      source: [
        ["计算机学院", 0.8534],
        ["计算机学院", 0.5],
        ["外国语学院", 1],
      ],
    });
    expect(option.series).toHaveLength(1);
    expect(option.series[0]).toMatchObject({ type: "bar", name: "覆盖率", encode: { x: "category", y: "覆盖率" } });
    expect(option.xAxis?.type).toBe("category");
  });

  it("formats percent axis and tooltip in zh-CN with one decimal", () => {
    const option = optionOf(panel({ kind: "bar" }));
    expect(option.yAxis?.axisLabel?.formatter(0.5)).toBe("50%");
    expect(option.tooltip?.valueFormatter(0.8534)).toBe("85.3%");
  });

  it("swaps the axes when horizontal", () => {
    const option = optionOf(panel({ kind: "bar", options: { horizontal: true } }));
    expect(option.yAxis?.type).toBe("category");
    expect(option.series[0].encode).toEqual({ y: "category", x: "覆盖率" });
  });

  it("maps a clicked datum back to its row", () => {
    expect(buildChart(panel({ kind: "bar" }), rows).rowAt(2, 0)).toBe(rows[2]);
  });
});

describe("stacked_bar", () => {
  const p = panel({ kind: "stacked_bar", encode: { x: "org_unit_name", series: "kind", value: "carriers" } });

  it("pivots long rows to one series per distinct series value, labelled from the enum", () => {
    const option = optionOf(p);
    expect(option.dataset).toEqual({
      dimensions: ["category", "学生公寓", "实验室"],
      source: [
        ["计算机学院", 12, 1234],
        ["外国语学院", 8, null],
      ],
    });
    expect(option.series.map((s) => [s.name, s.stack])).toEqual([
      ["学生公寓", "total"],
      ["实验室", "total"],
    ]);
  });

  it("tells which series was clicked", () => {
    expect(buildChart(p, rows).seriesAt(1)).toBe("lab");
    expect(buildChart(panel({ kind: "stacked_bar", encode: { x: "org_unit_name", value: ["carriers", "budget"] } }), rows).seriesAt(1)).toBe("budget");
  });

  it("formats counts with thousands separators and finds the row under a segment", () => {
    const option = optionOf(p);
    expect(option.tooltip?.valueFormatter(1234)).toBe("1,234");
    expect(buildChart(p, rows).rowAt(0, 1)).toBe(rows[1]);
    expect(buildChart(p, rows).rowAt(1, 1)).toBeUndefined();
  });

  it("uses English labels for the en locale", () => {
    expect(optionOf(p, rows, "en").dataset?.dimensions).toEqual(["category", "Dormitory", "Lab"]);
  });
});

describe("line", () => {
  it("draws one line per value column with money formatting", () => {
    const trend = [
      { org_unit_name: "2025-01", budget: 1000, rate: 0.1 },
      { org_unit_name: "2025-02", budget: 2500.5, rate: 0.25 },
    ];
    const option = optionOf(panel({ kind: "line", encode: { x: "org_unit_name", value: ["budget", "rate"] }, format: "money" }), trend);
    expect(option.series.map((s) => s.type)).toEqual(["line", "line"]);
    expect(option.dataset?.source).toEqual([
      ["2025-01", 1000, 0.1],
      ["2025-02", 2500.5, 0.25],
    ]);
    expect(option.tooltip?.valueFormatter(2500.5)).toBe("¥2,500.50");
    expect(option.yAxis?.axisLabel?.formatter(120000)).toBe("¥12万");
  });
});

describe("pie", () => {
  it("names slices from the category and reads values from the dataset", () => {
    const option = optionOf(panel({ kind: "pie", encode: { x: "kind", value: "budget" } }));
    expect(option.dataset?.source).toEqual([
      ["学生公寓", 120000],
      ["实验室", 30000.5],
      ["学生公寓", 0],
    ]);
    expect(option.series[0]).toMatchObject({ type: "pie", encode: { itemName: "name", value: "value" } });
    expect(option.tooltip?.valueFormatter(30000.5)).toBe("¥30,000.50");
  });
});

describe("radar", () => {
  it("makes one indicator per category and one polygon per value column", () => {
    const scores = [
      { org_unit_name: "班子强", rate: 0.9, budget: 0.8 },
      { org_unit_name: "队伍强", rate: 0.7, budget: 0.6 },
    ];
    const option = optionOf(panel({ kind: "radar", encode: { x: "org_unit_name", value: ["rate", "budget"] }, format: "percent" }), scores);
    expect(option.radar?.indicator).toEqual([
      { name: "班子强", max: 1 },
      { name: "队伍强", max: 1 },
    ]);
    expect(option.series[0].data).toEqual([
      { name: "覆盖率", value: [0.9, 0.7] },
      { name: "预算", value: [0.8, 0.6] },
    ]);
  });

  it("leaves out a series without any value", () => {
    const scores = [{ org_unit_name: "班子强", rate: 0.9, budget: null }];
    const option = optionOf(panel({ kind: "radar", encode: { x: "org_unit_name", value: ["rate", "budget"] } }), scores);
    expect(option.series[0].data).toEqual([{ name: "覆盖率", value: [0.9] }]);
  });

  it("rounds the scale up to a whole step when values are not rates", () => {
    const option = optionOf(panel({ kind: "radar", encode: { x: "org_unit_name", value: "carriers" } }));
    expect(option.radar?.indicator[0].max).toBe(2000);
  });
});

describe("gauge", () => {
  it("shows the first row's value on a 0-1 scale for percent", () => {
    const option = optionOf(panel({ kind: "gauge", encode: { value: "rate" } }));
    const gauge = option.series[0] as unknown as { max: number; data: unknown[]; detail: { formatter: (v: number) => string } };
    expect(gauge.max).toBe(1);
    expect(gauge.data).toEqual([{ name: "覆盖率", value: 0.8534 }]);
    expect(gauge.detail.formatter(0.8534)).toBe("85.3%");
  });
});

describe("heatmap", () => {
  it("places values on two category axes with a visual map over their range", () => {
    const option = optionOf(panel({ kind: "heatmap", encode: { x: "kind", y: "org_unit_name", value: "carriers" } }));
    expect(option.dataset?.source).toEqual([
      ["学生公寓", "计算机学院", 12],
      ["实验室", "计算机学院", 1234],
      ["学生公寓", "外国语学院", 8],
    ]);
    expect(option.xAxis?.data).toEqual(["学生公寓", "实验室"]);
    expect(option.yAxis?.data).toEqual(["计算机学院", "外国语学院"]);
    expect(option.visualMap).toMatchObject({ min: 8, max: 1234 });
  });
});

describe("kpi", () => {
  it("formats the first row's value", () => {
    expect(buildKpi(panel({ kind: "kpi", encode: { value: "rate" } }), rows)).toEqual({ label: "覆盖率", value: 0.8534, formatted: "85.3%" });
    expect(buildKpi(panel({ kind: "kpi", encode: { value: "carriers" } }), [{ carriers: "12345" }]).formatted).toBe("12,345");
    expect(buildKpi(panel({ kind: "kpi", encode: { value: "rate" } }), []).formatted).toBe("—");
  });
});

describe("table", () => {
  it("has Chinese column titles, hides id columns, formats cells", () => {
    const table = buildTable(panel({ kind: "table", encode: {} }), rows);
    expect(table.columns.map((c) => c.title)).toEqual(["二级党组织", "载体类型", "载体数", "覆盖率", "预算"]);
    expect(table.columns.filter((c) => c.numeric).map((c) => c.key)).toEqual(["carriers", "rate", "budget"]);
    expect(table.rows[1]).toEqual({ key: "1", org_unit_name: "计算机学院", kind: "实验室", carriers: "1,234", rate: "50.0%", budget: "¥30,000.50" });
  });

  it("shows the listed columns in order", () => {
    const table = buildTable(panel({ kind: "table", encode: { columns: ["rate", "org_unit_name"] } }), rows);
    expect(table.columns.map((c) => c.key)).toEqual(["rate", "org_unit_name"]);
  });

  it("pages by the one-line rows its card has room for: more for a taller card, fewer under the truncation note, never under 5", () => {
    const sized = (h: number, truncated = false) => tablePageSize(panel({ kind: "table", grid: { x: 0, y: 0, w: 24, h } }), truncated);
    // 8 grid rows: 8 × 72 + 7 × 12 = 660 px; less the card's head and padding, the table's head and the pagination
    expect(sized(8)).toBe(12);
    expect(sized(6)).toBe(8);
    expect(sized(8, true)).toBe(11);
    expect(sized(2)).toBe(5);
  });
});

describe("csv", () => {
  it("starts with a BOM, has Chinese headers, enum labels and raw numbers, quotes when needed", () => {
    const csv = toCsv(panel({}), [...rows.slice(0, 1), { ...rows[0], org_unit_name: '学院,"甲"' }]);
    expect(csv.startsWith("\uFEFF单位编号,二级党组织,载体类型,载体数,覆盖率,预算\r\n")).toBe(true);
    expect(csv).toContain("\r\n1,计算机学院,学生公寓,12,0.8534,120000\r\n");
    expect(csv).toContain('1,"学院,""甲""",学生公寓');
  });
});
