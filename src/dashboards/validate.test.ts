import { describe, expect, it } from "vitest";
import { panel } from "./__fixtures__/sample";
import { dashboardResourcesFor } from "./resources";
import type { DashboardSpec, PanelSpec } from "./spec";
import { discoverDashboards, validateDashboard } from "./validate";

const dashboard = (...panels: PanelSpec[]): DashboardSpec => ({
  id: "coverage",
  title: "覆盖情况",
  filters: [{ id: "year", kind: "year", from: 2020 }],
  panels,
});

describe("validateDashboard", () => {
  it("accepts a consistent spec", () => {
    expect(() => validateDashboard(dashboard(panel({})))).not.toThrow();
  });

  it("names an unknown field with the query's columns", () => {
    expect(() => validateDashboard(dashboard(panel({ encode: { x: "org_unit_name", value: "rate2" } })))).toThrow(
      'dashboard "coverage", panel "by_unit": unknown field "rate2" in encode.value (columns of analytics_coverage_by_unit: org_unit_id, org_unit_name, kind, carriers, rate, budget)',
    );
  });

  it("names an unknown kind", () => {
    expect(() => validateDashboard(dashboard(panel({ kind: "donut" as PanelSpec["kind"] })))).toThrow(
      /dashboard "coverage", panel "by_unit": unknown kind "donut" \(kinds: kpi, bar, stacked_bar, line, pie, radar, gauge, heatmap, table, todos\)/,
    );
  });

  it("names an unknown filter in a query parameter and in a drill-down", () => {
    expect(() => validateDashboard(dashboard(panel({ query: { source: panel({}).query.source, params: { p_unit: { filter: "org_unit" } } } })))).toThrow(
      'dashboard "coverage", panel "by_unit": unknown filter "org_unit" in query param "p_unit" (filters: year)',
    );
    expect(() => validateDashboard(dashboard(panel({ drill: { route: "/carriers", filters: { kind: { filter: "branch_kind" } } } })))).toThrow(
      'unknown filter "branch_kind" in drill filter "kind"',
    );
  });

  it("names an unknown column carried by a drill-down", () => {
    expect(() => validateDashboard(dashboard(panel({ drill: { route: "/carriers", filters: { org_unit_id: { column: "unit_id" } } } })))).toThrow(
      'panel "by_unit": unknown field "unit_id" in drill filter "org_unit_id"',
    );
  });

  it("names the encode field a kind needs", () => {
    expect(() => validateDashboard(dashboard(panel({ kind: "heatmap", encode: { x: "kind", value: "rate" } })))).toThrow(
      'panel "by_unit": kind "heatmap" needs encode.y',
    );
  });

  it("rejects duplicate panels, bad grids and bad ids", () => {
    expect(() => validateDashboard(dashboard(panel({}), panel({})))).toThrow('panel "by_unit": id used twice');
    expect(() => validateDashboard(dashboard(panel({ grid: { x: 20, y: 0, w: 6, h: 4 } })))).toThrow(/panel "by_unit": grid/);
    expect(() => validateDashboard({ ...dashboard(), id: "Coverage Page" })).toThrow(/dashboard "Coverage Page": id must match/);
  });

  it("rejects an unknown filter kind and format", () => {
    expect(() => validateDashboard({ ...dashboard(), filters: [{ id: "term", kind: "semester" } as never] })).toThrow(
      'dashboard "coverage", filter "term": unknown kind "semester"',
    );
    expect(() => validateDashboard(dashboard(panel({ format: "ratio" as never })))).toThrow('panel "by_unit": unknown format "ratio"');
  });
});

describe("discoverDashboards", () => {
  it("turns a spec file dropped into a dashboards folder into a menu entry and route", () => {
    const specs = discoverDashboards(import.meta.glob("./__fixtures__/dashboards/*.ts", { eager: true }));
    expect(specs.map((s) => s.id)).toEqual(["extra"]);
    const resources = dashboardResourcesFor(specs);
    expect(resources.map((r) => [r.name, r.list, r.meta?.label, r.meta?.parent])).toEqual([
      ["group-analytics", undefined, "数据分析", undefined],
      ["dashboard-extra", "/dashboards/extra", "新增看板", "group-analytics"],
    ]);
    expect(dashboardResourcesFor(specs, "en")[1].meta?.label).toBe("Extra dashboard");
  });

  it("requires the id to match the file name and a default export", () => {
    const extra = import.meta.glob("./__fixtures__/dashboards/*.ts", { eager: true })["./__fixtures__/dashboards/extra.ts"];
    expect(() => discoverDashboards({ "/dashboards/other.ts": extra })).toThrow('/dashboards/other.ts: dashboard id "extra" must match the file name "other"');
    expect(() => discoverDashboards({ "/dashboards/x.ts": { helper: 1 } })).toThrow("/dashboards/x.ts: the default export must be defineDashboard({...})");
  });
});
