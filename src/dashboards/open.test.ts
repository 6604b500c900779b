// Table panels whose rows open a record (`open`): the URL, and what the spec validator refuses.
import { describe, expect, it } from "vitest";
import coverage from "../../dashboards/coverage";
import { panel, rows } from "./__fixtures__/sample";
import { recordUrl } from "./drill";
import type { DashboardSpec } from "./spec";
import { validateDashboard } from "./validate";

const table = panel({ kind: "table", open: { route: "/org-units", id: "org_unit_id" } });
const dashboard = (p: typeof table): DashboardSpec => ({ id: "d", title: "d", filters: [{ id: "year", kind: "year", from: 2020 }], panels: [p] });

describe("table rows that open a record", () => {
  it("link to the record's show page by the declared id column", () => {
    expect(recordUrl(table, rows[1])).toBe(`/org-units/show/${String(rows[1].org_unit_id)}`);
  });
  it("link nowhere without open or without an id", () => {
    expect(recordUrl(panel({ kind: "table" }), rows[1])).toBeUndefined();
    expect(recordUrl(table, { ...rows[1], org_unit_id: null })).toBeUndefined();
  });
  it("are validated: a known id column, a route, a table panel", () => {
    expect(() => validateDashboard(dashboard(table))).not.toThrow();
    expect(() => validateDashboard(dashboard({ ...table, open: { route: "/org-units", id: "nope" } }))).toThrow(/unknown field "nope" in open.id/);
    expect(() => validateDashboard(dashboard({ ...table, open: { route: "org-units", id: "org_unit_id" } }))).toThrow(/open route must start/);
    expect(() => validateDashboard(dashboard({ ...table, kind: "bar" }))).toThrow(/open is for table panels/);
  });
  it("the uncovered-carriers list opens each carrier", () => {
    const uncovered = coverage.panels.find((p) => p.id === "uncovered")!;
    expect(recordUrl(uncovered, { carrier_id: 24, carrier_name: "军工路校区学生公寓1号楼" })).toBe("/carriers/show/24");
  });
});
