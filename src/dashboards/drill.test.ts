import { describe, expect, it } from "vitest";
import { panel, rows } from "./__fixtures__/sample";
import { asOfCaption, drillUrl, endOfYear, queryParams } from "./drill";

const drilled = panel({
  drill: { route: "/carriers", filters: { org_unit_id: { column: "org_unit_id" }, kind: { column: "kind" }, covered: false, year: { filter: "year" } } },
});

describe("drill-down", () => {
  it("builds the list URL in Refine's syncWithLocation filter format", () => {
    expect(drillUrl(drilled, rows[1], { year: 2025 })).toBe(
      "/carriers?filters[0][field]=org_unit_id&filters[0][operator]=eq&filters[0][value]=1" +
        "&filters[1][field]=kind&filters[1][operator]=eq&filters[1][value]=lab" +
        "&filters[2][field]=covered&filters[2][operator]=eq&filters[2][value]=false" +
        "&filters[3][field]=year&filters[3][operator]=eq&filters[3][value]=2025",
    );
  });

  it("leaves out unset filters and needs a row and a drill spec", () => {
    expect(drillUrl(drilled, rows[0], { year: null })).not.toContain("year");
    expect(drillUrl(drilled, undefined, {})).toBeUndefined();
    expect(drillUrl(panel({}), rows[0], {})).toBeUndefined();
  });

  it("binds RPC parameters to filter values, unset as null", () => {
    const p = panel({ query: { source: panel({}).query.source, params: { p_year: { filter: "year" }, p_org_unit_id: { filter: "org_unit" }, p_limit: 10 } } });
    expect(queryParams(p, { year: 2024, org_unit: null })).toEqual({ p_year: 2024, p_org_unit_id: null, p_limit: 10 });
  });

  it("passes the clicked series (a value column) to the list filter", () => {
    const grades = panel({ kind: "stacked_bar", encode: { x: "org_unit_name", value: ["carriers", "budget"] }, drill: { route: "/branch-evaluations", filters: { "branch.org_unit_id": { column: "org_unit_id" }, grade: { clicked: "series" } } } });
    expect(drillUrl(grades, rows[0], {}, "carriers")).toBe(
      "/branch-evaluations?filters[0][field]=branch.org_unit_id&filters[0][operator]=eq&filters[0][value]=1&filters[1][field]=grade&filters[1][operator]=eq&filters[1][value]=carriers",
    );
  });

  it("reads a year's state on 31 December, or today while the year runs", () => {
    const today = new Date(2026, 10, 25);
    expect(endOfYear(2025, today)).toBe("2025-12-31");
    expect(endOfYear(2026, today)).toBe("2026-11-25");
    const p = panel({ query: { source: panel({}).query.source, params: { p_day: { filter: "year", as: "end_of_year" } } } });
    expect(queryParams(p, { year: 2024 })).toEqual({ p_day: "2024-12-31" });
  });

  it("says which day a year's figure is read on: a past year's end, or today", () => {
    const today = new Date(2026, 10, 25);
    const p = panel({ query: { source: panel({}).query.source, params: { p_day: { filter: "year", as: "end_of_year" } } } });
    expect(asOfCaption(p, { year: 2025 }, "zh", today)).toBe("截至2025年底");
    expect(asOfCaption(p, { year: 2026 }, "zh", today)).toBe("截至今日");
    expect(asOfCaption(p, { year: 2025 }, "en", today)).toBe("As of the end of 2025");
    expect(asOfCaption(p, { year: null }, "zh", today)).toBeUndefined();
    expect(asOfCaption(panel({}), { year: 2025 }, "zh", today)).toBeUndefined();
  });
});
