import { describe, expect, it } from "vitest";
import { countIn, fixUrl, todoListUrl, type TodoRow } from "./model";

const row: TodoRow = {
  kind: "no_secretary", position: 20, label: "书记空缺的支部", label_en: "Branches without a secretary", description: "",
  register: "branches", fix_path: "/branches/edit/:id", count: 3, ids: [4, 8, 9],
  by_unit: [{ org_unit_id: 1, org_unit_name: "甲", count: 2 }, { org_unit_id: 2, org_unit_name: "乙", count: 1 }],
};

describe("to-do links", () => {
  it("a kind links to its register's list filtered by its computed column, in Refine's URL format", () => {
    const url = new URL(todoListUrl("/branches", "no_secretary"), "http://x");
    expect(url.pathname).toBe("/branches");
    expect(url.searchParams.get("filters[0][field]")).toBe("todo_no_secretary");
    expect(url.searchParams.get("filters[0][operator]")).toBe("eq");
    expect(url.searchParams.get("filters[0][value]")).toBe("true");
    expect(url.searchParams.has("filters[1][field]")).toBe(false);
  });

  it("a chosen org unit narrows the list where the register has the column", () => {
    const url = new URL(todoListUrl("/branches", "no_secretary", 7, "org_unit_id"), "http://x");
    expect(url.searchParams.get("filters[1][field]")).toBe("org_unit_id");
    expect(url.searchParams.get("filters[1][value]")).toBe("7");
    expect(new URL(todoListUrl("/members", "probation_due", 7), "http://x").searchParams.has("filters[1][field]")).toBe(false);
  });

  it("a record links to where it is fixed", () => {
    expect(fixUrl(row, 8)).toBe("/branches/edit/8");
    expect(fixUrl({ fix_path: "/fund-budgets?filters[0][field]=branch_id&filters[0][operator]=eq&filters[0][value]=:id" }, 5)).toBe(
      "/fund-budgets?filters[0][field]=branch_id&filters[0][operator]=eq&filters[0][value]=5",
    );
  });

  it("counts per chosen unit come from the breakdown", () => {
    expect(countIn(row)).toBe(3);
    expect(countIn(row, 1)).toBe(2);
    expect(countIn(row, 3)).toBe(0);
    expect(countIn({ ...row, by_unit: null }, 1)).toBe(3);
  });
});
