import { describe, expect, it } from "vitest";
import { applyFilters, likeLiteral, orderColumn, orFilterString, quoteValue, type FilterTarget } from "./postgrest";

const recorder = () => {
  const calls: string[] = [];
  const target: FilterTarget = {
    filter: (column, operator, value) => calls.push(`${column}=${operator}.${String(value)}`),
    or: (filters) => calls.push(`or=(${filters})`),
  };
  return { calls, target };
};

describe("quoteValue", () => {
  it("quotes and escapes the characters PostgREST reserves in lists", () => {
    expect(quoteValue("a,b.c(d):e")).toBe('"a,b.c(d):e"');
    expect(quoteValue('say "hi"')).toBe('"say \\"hi\\""');
    expect(quoteValue("back\\slash")).toBe('"back\\\\slash"');
  });
});

describe("likeLiteral", () => {
  it("escapes LIKE wildcards so a search finds them literally", () => {
    expect(likeLiteral("50%")).toBe("50\\%");
    expect(likeLiteral("a_b")).toBe("a\\_b");
    expect(likeLiteral("c:\\x")).toBe("c:\\\\x");
  });
  it("turns * (PostgREST's alias for %) into a single-character wildcard", () => {
    expect(likeLiteral("a*b")).toBe("a_b");
  });
});

describe("orFilterString", () => {
  it("builds a search over several columns with every value quoted", () => {
    const body = orFilterString([
      { field: "name", operator: "contains", value: "计算机,学院" },
      { field: "code", operator: "contains", value: "(x)" },
    ]);
    expect(body).toBe('name.ilike."%计算机,学院%",code.ilike."%(x)%"');
  });
  it("keeps quotes and backslashes inside the quoted value escaped", () => {
    expect(orFilterString([{ field: "name", operator: "eq", value: 'a"b\\c' }])).toBe('name.eq."a\\"b\\\\c"');
  });
  it("escapes wildcards the user typed, then the backslash for the list syntax", () => {
    // % typed -> \% for LIKE -> \\% inside the quoted list value
    expect(orFilterString([{ field: "name", operator: "contains", value: "100%" }])).toBe('name.ilike."%100\\\\%%"');
  });
  it("handles in, null and nested groups, and drops empty terms", () => {
    expect(
      orFilterString([
        { field: "kind", operator: "in", value: ["a", "b,c"] },
        { field: "ended_on", operator: "null", value: true },
        { operator: "and", value: [{ field: "x", operator: "gte", value: 1 }, { field: "y", operator: "eq", value: "" }] },
        { field: "name", operator: "contains", value: "" },
      ]),
    ).toBe('kind.in.("a","b,c"),ended_on.is.null,and(x.gte."1")');
    expect(orFilterString([{ field: "name", operator: "contains", value: "" }])).toBeUndefined();
  });
});

describe("applyFilters", () => {
  it("applies simple filters, skips empty ones and ranges by gte/lte", () => {
    const { calls, target } = recorder();
    applyFilters(target, [
      { field: "kind", operator: "eq", value: "student" },
      { field: "category", operator: "eq", value: undefined },
      { field: "name", operator: "contains", value: "a_b" },
      { field: "code", operator: "ne", value: "x" },
      { field: "joined_on", operator: "between", value: ["2024-01-01", "2024-12-31"] },
      { field: "branch_id", operator: "nin", value: [1, 2] },
    ]);
    expect(calls).toEqual([
      "kind=eq.student",
      "name=ilike.%a\\_b%",
      "code=neq.x",
      "joined_on=gte.2024-01-01",
      "joined_on=lte.2024-12-31",
      'branch_id=not.in.("1","2")',
    ]);
  });
  it("sends a search as one escaped or=() and drops an empty search", () => {
    const { calls, target } = recorder();
    applyFilters(target, [
      { key: "search", operator: "or", value: [{ field: "name", operator: "contains", value: "a.b" }] },
      { key: "other", operator: "or", value: [] },
    ]);
    expect(calls).toEqual(['or=(name.ilike."%a.b%")']);
  });
  it("refuses operators it cannot express rather than ignoring them", () => {
    const { target } = recorder();
    expect(() => applyFilters(target, [{ field: "x", operator: "ina", value: [1] }])).toThrow(/Unsupported/);
  });
});

describe("orderColumn", () => {
  it("sorts parent rows by a to-one embed's column in PostgREST's related-order syntax", () => {
    expect(orderColumn("name")).toBe("name");
    expect(orderColumn("branch.name")).toBe("branch(name)");
    expect(orderColumn("budget.org_unit.name")).toBe("budget(org_unit(name))");
  });
});
