import { describe, expect, it } from "vitest";
import { resourceByName } from "../resources";
import { relationOptionLabel, selectFor } from "./fields";

const t = (key: string, options?: Record<string, unknown>) => (key === "carriers.headcountValue" ? `${String(options?.value)}人` : key);
const carrierField = resourceByName("carrier_coverages")!.fields.find((field) => field.name === "carrier_id")!;

describe("relation option labels", () => {
  it("tell carriers with the same name apart by unit and headcount", () => {
    const row = { id: 24, name: "军工路校区学生公寓1号楼", headcount: 490, org_unit: { name: "机械工程学院党委" } };
    expect(relationOptionLabel(carrierField.relation!, row, t)).toBe("军工路校区学生公寓1号楼 · 机械工程学院党委 · 490人");
  });
  it("leave out details the row does not have", () => {
    expect(relationOptionLabel(carrierField.relation!, { id: 1, name: "甲", headcount: 0, org_unit: null }, t)).toBe("甲 · 0人");
  });
  it("fetch the columns the details need", () => {
    expect(selectFor(resourceByName("carrier_coverages")!)).toContain("carrier:carriers!carrier_id(id,name,headcount,org_unit:org_units!org_unit_id(name))");
  });
  it("are the plain label for a relation without details", () => {
    const branchField = resourceByName("members")!.fields.find((field) => field.name === "branch_id")!;
    expect(relationOptionLabel(branchField.relation!, { id: 1, name: "第一党支部" }, t)).toBe("第一党支部");
  });
});
