// Issue 12's chart layout rules, on the option the renderer hands to ECharts.
import { describe, expect, it } from "vitest";
import { buildChart } from "./options";
import type { PanelSpec } from "./spec";

const bar = (n: number, kind: "bar" | "line" = "bar"): [PanelSpec, Record<string, unknown>[]] => [
  {
    id: "p",
    kind,
    title: "p",
    grid: { x: 0, y: 0, w: 8, h: 4 },
    query: { source: { rpc: "x", columns: { name: { label: "名称" }, value: { label: "值", format: "count" } } } },
    encode: { x: "name", value: "value" },
  } as unknown as PanelSpec,
  Array.from({ length: n }, (_, i) => ({ name: `类别${i}`, value: i })),
];

const axisLabel = (panel: PanelSpec, rows: Record<string, unknown>[]) =>
  (buildChart(panel, rows).option as { xAxis: { axisLabel: Record<string, unknown> } }).xAxis.axisLabel;

describe("category labels", () => {
  it("shows every label of up to 12 categories: wrapped under few bars, slanted under more", () => {
    expect(axisLabel(...bar(5))).toMatchObject({ interval: 0, overflow: "break" });
    expect(axisLabel(...bar(12))).toMatchObject({ interval: 0, rotate: 40 });
    expect(axisLabel(...bar(12, "line"))).toMatchObject({ interval: 0 });
  });
  it("shows every n-th label beyond 12, n from the labels' size", () => {
    expect(axisLabel(...bar(30, "line"))).toEqual({ interval: "auto" });
    expect(axisLabel(...bar(200))).toEqual({ interval: "auto" });
  });
});

describe("the open evaluation cycle on a trend", () => {
  it("is marked 进行中 on its category", () => {
    const panel = {
      id: "trend",
      kind: "line",
      title: "t",
      grid: { x: 0, y: 0, w: 8, h: 4 },
      query: { source: { rpc: "evaluation_trend", columns: { year: { label: "年度" }, cycle_status: { label: "状态" }, average_total: { label: "平均分" } } } },
      encode: { x: "year", value: "average_total" },
      options: { inProgress: { field: "cycle_status", value: "open" } },
    } as unknown as PanelSpec;
    const rows = [
      { year: 2024, cycle_status: "closed", average_total: 80 },
      { year: 2026, cycle_status: "open", average_total: 70 },
    ];
    const source = (buildChart(panel, rows).option as { dataset: { source: unknown[][] } }).dataset.source;
    expect(source.map((row) => row[0])).toEqual(["2024", "2026\n进行中"]);
  });
});

describe("the heatmap", () => {
  it("labels its cells with their values", () => {
    const panel = {
      id: "h",
      kind: "heatmap",
      title: "h",
      grid: { x: 0, y: 0, w: 8, h: 4 },
      query: { source: { rpc: "x", columns: { a: { label: "a" }, b: { label: "b" }, v: { label: "v", format: "percent" } } } },
      encode: { x: "a", y: "b", value: "v" },
    } as unknown as PanelSpec;
    const rows = Array.from({ length: 100 }, (_, i) => ({ a: `a${i % 5}`, b: `b${Math.floor(i / 5)}`, v: 0.5 }));
    const series = (buildChart(panel, rows).option as { series: { label: { show: boolean } }[] }).series[0];
    expect(series.label.show).toBe(true);
  });
});
