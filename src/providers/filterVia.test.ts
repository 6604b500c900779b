import { describe, expect, it } from "vitest";
import { filtersVia } from "./postgrest";

const via = { covered: "current_coverages" };

describe("filtersVia", () => {
  it("turns covered = true into an inner embed of the relationship", () => {
    expect(filtersVia("*,covered", [{ field: "covered", operator: "eq", value: true }], via)).toEqual({
      select: "*,covered,current_coverages!inner()",
      filters: [],
      isNull: [],
    });
  });

  it("turns covered = false (as the URL gives it, a string) into an empty embed that must be null", () => {
    const kind = { field: "kind", operator: "eq" as const, value: "dormitory" };
    expect(filtersVia("*", [kind, { field: "covered", operator: "eq", value: "false" }], via)).toEqual({
      select: "*,current_coverages()",
      filters: [kind],
      isNull: ["current_coverages"],
    });
  });

  it("leaves every other filter, and resources without a relationship, as they were", () => {
    const filters = [
      { field: "covered", operator: "ne" as const, value: true },
      { field: "name", operator: "contains" as const, value: "楼" },
    ];
    expect(filtersVia("*", filters, via)).toEqual({ select: "*", filters, isNull: [] });
    expect(filtersVia("*", [{ field: "covered", operator: "eq", value: false }])).toEqual({
      select: "*",
      filters: [{ field: "covered", operator: "eq", value: false }],
      isNull: [],
    });
  });
});
