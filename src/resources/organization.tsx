// 组织体系: 二级党组织, 党支部, 党员.
import { ApartmentOutlined, ClusterOutlined, TeamOutlined } from "@ant-design/icons";
import { lazy } from "react";
import { defineResource, type ResourceDef } from "../crud/types";
import { BRANCH_BASIS, BRANCH_EXCELLENCE, BRANCH_KIND, BRANCH_ROLE, BRANCH_STATUS, GENDER, MEMBER_CATEGORY, MEMBER_STATUS, ORG_ADMIN_WRITES, ORG_UNIT_CATEGORY, ORG_UNIT_KIND, PROFESSIONAL_TITLE, toBranch, toMember, toOrgUnit } from "./shared";

// Record and bulk actions load with the page that shows them, not with the menu.
const TransferBranchMembers = lazy(() => import("../pages/branches/TransferMembers").then((module) => ({ default: module.TransferBranchMembers })));
const TransferSelectedMembers = lazy(() => import("../pages/branches/TransferMembers").then((module) => ({ default: module.TransferSelectedMembers })));

export const organizationResources: ResourceDef[] = [
  defineResource({
    name: "org_units",
    route: "/org-units",
    // 导入 (public.import_rows; app.import_targets holds the same upsert key)
    import: { upsert: ["code"] },
    group: "organization",
    icon: <ApartmentOutlined />,
    titleField: "name",
    defaultSort: { field: "code", order: "asc" },
    access: ORG_ADMIN_WRITES,
    deleteCascade: "cascade.org_units",
    fields: [
      { name: "code", type: "text", required: true, maxLength: 32, list: true, search: true },
      { name: "name", type: "text", required: true, maxLength: 100, list: true, search: true },
      { name: "kind", type: "enum", enum: ORG_UNIT_KIND, required: true, list: true, filter: true },
      { name: "category", type: "enum", enum: ORG_UNIT_CATEGORY, required: true, list: true, filter: true },
      { name: "created_at", type: "datetime", form: false },
      { name: "updated_at", type: "datetime", form: false, list: true },
    ],
    related: [
      {
        resource: "branches",
        foreignKey: "org_unit_id",
        columns: ["code", "name", "kind", "status", "secretary_id"],
        countOf: { resource: "members", constraint: "members_branch_id_fkey", label: "branches.memberCount" },
      },
    ],
  }),
  defineResource({
    name: "branches",
    route: "/branches",
    // 导入 (public.import_rows; app.import_targets holds the same upsert key)
    import: { upsert: ["code"] },
    group: "organization",
    icon: <ClusterOutlined />,
    titleField: "name",
    defaultSort: { field: "code", order: "asc" },
    deleteCascade: "cascade.branches",
    // 转接党员 (public.transfer_members): before a branch is merged or dissolved its members move elsewhere.
    recordActions: [TransferBranchMembers],
    fields: [
      { name: "org_unit_id", type: "relation", relation: toOrgUnit, required: true, orgUnit: true, list: true, filter: true },
      { name: "code", type: "text", required: true, maxLength: 32, list: true, search: true },
      { name: "name", type: "text", required: true, maxLength: 100, list: true, search: true },
      { name: "kind", type: "enum", enum: BRANCH_KIND, required: true, list: true, filter: true },
      { name: "basis", type: "enum", enum: BRANCH_BASIS, required: true, filter: true, defaultValue: "other" },
      {
        name: "secretary_id",
        type: "relation",
        relation: { ...toMember, withinRecord: { column: "branch_id" } },
        form: "edit",
        list: true,
        sortable: false,
        help: "branches.help.secretary",
      },
      { name: "founded_on", type: "date", maxYearsAhead: 0, filter: true },
      { name: "last_election_on", type: "date", maxYearsAhead: 0, list: true, filter: true },
      { name: "term_years", type: "number", min: 1, max: 5, required: true, defaultValue: 3 },
      { name: "status", type: "enum", enum: BRANCH_STATUS, required: true, list: true, filter: true, defaultValue: "active" },
      { name: "excellence", type: "enum", enum: BRANCH_EXCELLENCE, required: true, list: true, filter: true, defaultValue: "none" },
      { name: "updated_at", type: "datetime", form: false },
    ],
    related: [
      { resource: "members", foreignKey: "branch_id" },
      { resource: "carrier_coverages", foreignKey: "branch_id", label: "branches.tabs.coverages" },
      { resource: "partnerships", foreignKey: "branch_id" },
      { resource: "fund_budgets", foreignKey: "branch_id", label: "branches.tabs.budgets" },
      { resource: "fund_expenditures", foreignKey: "budget.branch_id", label: "branches.tabs.expenditures" },
      { resource: "branch_evaluations", foreignKey: "branch_id" },
      { resource: "meetings", foreignKey: "branch_id" },
    ],
  }),
  defineResource({
    name: "members",
    route: "/members",
    // 导入 (public.import_rows; app.import_targets holds the same upsert key)
    import: { upsert: ["student_or_staff_no"] },
    group: "organization",
    icon: <TeamOutlined />,
    titleField: "name",
    defaultSort: { field: "id", order: "desc" },
    deleteCascade: "cascade.members",
    bulkActions: [TransferSelectedMembers],
    fields: [
      { name: "name", type: "text", required: true, maxLength: 50, list: true, search: true },
      { name: "student_or_staff_no", type: "text", required: true, maxLength: 32, list: true, search: true },
      { name: "branch_id", type: "relation", relation: { ...toBranch, inner: true, select: "id,name,org_unit_id" }, required: true, list: true, filter: true },
      { name: "branch.org_unit_id", type: "relation", relation: toOrgUnit, label: "members.fields.org_unit_id", filter: true, form: false, show: false },
      { name: "gender", type: "enum", enum: GENDER, required: true, list: true },
      { name: "category", type: "enum", enum: MEMBER_CATEGORY, required: true, list: true, filter: true },
      { name: "status", type: "enum", enum: MEMBER_STATUS, required: true, list: true, filter: true, defaultValue: "full" },
      { name: "joined_on", type: "date", maxYearsAhead: 0, list: true, filter: true },
      { name: "branch_role", type: "enum", enum: BRANCH_ROLE, required: true, list: true, filter: true, defaultValue: "member" },
      { name: "professional_title", type: "enum", enum: PROFESSIONAL_TITLE, required: true, filter: true, defaultValue: "none" },
      { name: "contact", type: "text", maxLength: 100 },
      { name: "updated_at", type: "datetime", form: false },
    ],
    related: [
      { resource: "member_posts", foreignKey: "member_id" },
      { resource: "member_reviews", foreignKey: "member_id" },
    ],
  }),

];
