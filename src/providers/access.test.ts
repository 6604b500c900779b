import { describe, expect, it } from "vitest";
import { decide, type Actor, type ResourceAccess } from "./access";

const admin: Actor = { role: "org_admin", orgUnitId: null };
const committee: Actor = { role: "committee_admin", orgUnitId: 1 };
const leader: Actor = { role: "leader", orgUnitId: null };

const orgUnits: ResourceAccess = { write: ["org_admin"] };
const branches: ResourceAccess = {};
const accounts: ResourceAccess = { read: ["org_admin"], write: ["org_admin"] };
const auditLog: ResourceAccess = { write: [] };
const allowed = (actor: Actor | null, action: string, access: ResourceAccess, record?: Record<string, unknown>) =>
  decide(actor, action, access, record).can;

describe("access rules", () => {
  it("lets the organization department do everything", () => {
    for (const action of ["list", "show", "create", "edit", "delete"]) {
      expect(allowed(admin, action, orgUnits)).toBe(true);
      expect(allowed(admin, action, accounts)).toBe(true);
    }
  });
  it("keeps leaders read-only, even where a declaration would allow writes", () => {
    expect(allowed(leader, "list", branches)).toBe(true);
    expect(allowed(leader, "show", branches)).toBe(true);
    for (const action of ["create", "edit", "delete"]) expect(allowed(leader, action, { write: ["leader"] })).toBe(false);
  });
  it("hides the system group from leaders except the audit log", () => {
    expect(allowed(leader, "list", accounts)).toBe(false);
    expect(allowed(leader, "list", auditLog)).toBe(true);
    expect(allowed(leader, "delete", auditLog)).toBe(false);
  });
  it("lets a committee admin write its unit's rows, not another unit's", () => {
    expect(allowed(committee, "create", branches)).toBe(true);
    expect(allowed(committee, "edit", branches, { org_unit_id: 1 })).toBe(true);
    expect(allowed(committee, "edit", branches, { org_unit_id: 2 })).toBe(false);
    expect(allowed(committee, "delete", branches, { org_unit_id: 2 })).toBe(false);
    expect(allowed(committee, "show", branches, { org_unit_id: 2 })).toBe(true);
  });
  it("refuses a committee admin org-unit create/delete and the accounts page", () => {
    expect(allowed(committee, "create", orgUnits)).toBe(false);
    expect(allowed(committee, "delete", orgUnits)).toBe(false);
    expect(allowed(committee, "list", orgUnits)).toBe(true);
    expect(allowed(committee, "list", accounts)).toBe(false);
  });
  it("refuses everything when nobody is signed in", () => {
    expect(allowed(null, "list", branches)).toBe(false);
  });
  it("follows a declaration's narrower write scope per record (a budget from 组织部 vs a branch allocation)", () => {
    const budgets: ResourceAccess = { committeeWrites: (record) => record.branch_id != null };
    const fromOrgDepartment = { org_unit_id: 1, branch_id: null };
    const allocation = { org_unit_id: 1, branch_id: 5 };
    expect(allowed(committee, "show", budgets, fromOrgDepartment)).toBe(true);
    expect(allowed(committee, "edit", budgets, fromOrgDepartment)).toBe(false);
    expect(allowed(committee, "delete", budgets, fromOrgDepartment)).toBe(false);
    expect(allowed(committee, "edit", budgets, allocation)).toBe(true);
    expect(allowed(committee, "delete", budgets, allocation)).toBe(true);
    expect(allowed(admin, "edit", budgets, fromOrgDepartment)).toBe(true);
  });
});
