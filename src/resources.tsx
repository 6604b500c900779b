// The resource registry: every table the admin panel manages, declared once.
// Menu, routes, access rules, list columns, filters, forms and show pages are all derived from here.
// Field limits (maxLength, max, maxYearsAhead) are the database's too (app.field_limits, migration
// 20261201000200_input_limits.sql); supabase/tests/input_limits.test.ts fails when the two disagree.
import {
  ApartmentOutlined,
  AuditOutlined,
  CalendarOutlined,
  ClusterOutlined,
  FileDoneOutlined,
  FlagOutlined,
  HistoryOutlined,
  HomeOutlined,
  LinkOutlined,
  PayCircleOutlined,
  ProfileOutlined,
  SolutionOutlined,
  TeamOutlined,
  UserOutlined,
  WalletOutlined,
} from "@ant-design/icons";
import type { ResourceProps } from "@refinedev/core";
import { lazy } from "react";
import { formatMoney } from "./crud/money";
import { defineResource, enumOf, type MenuGroup, type Relation, type ResourceDef } from "./crud/types";

// Record and bulk actions load with the page that shows them, not with the menu.
const TransferBranchMembers = lazy(() => import("./pages/branches/TransferMembers").then((module) => ({ default: module.TransferBranchMembers })));
const ReopenCycle = lazy(() => import("./pages/evaluation-cycles/ReopenCycle").then((module) => ({ default: module.ReopenCycle })));
const TransferSelectedMembers = lazy(() => import("./pages/branches/TransferMembers").then((module) => ({ default: module.TransferSelectedMembers })));

// ---- enumerations (the Postgres enums, in order) ----
const ORG_UNIT_KIND = enumOf("org_unit_kind", ["party_committee", "general_branch", "direct_branch"]);
const ORG_UNIT_CATEGORY = enumOf("org_unit_category", ["college", "administration", "affiliated"]);
const BRANCH_KIND = enumOf("branch_kind", ["student", "teacher", "staff", "retired", "mixed"]);
const BRANCH_BASIS = enumOf("branch_basis", ["major", "discipline", "work_unit", "dormitory", "lab", "research_group", "practice_base", "society", "other"]);
const BRANCH_STATUS = enumOf("branch_status", ["active", "merged", "dissolved"]);
const BRANCH_EXCELLENCE = enumOf("branch_excellence", ["none", "cultivating", "excellent"]);
const GENDER = enumOf("gender", ["male", "female"]);
const MEMBER_CATEGORY = enumOf("member_category", ["student", "teacher", "staff", "retired"]);
const MEMBER_STATUS = enumOf("member_status", ["probationary", "full"]);
const BRANCH_ROLE = enumOf("branch_role", ["secretary", "deputy_secretary", "committee_member", "member"]);
const PROFESSIONAL_TITLE = enumOf("professional_title", ["senior", "associate_senior", "intermediate", "junior", "none"]);
const CARRIER_KIND = enumOf("carrier_kind", ["dormitory", "society", "lab", "research_group", "practice_base"]);
const COVERAGE_FORM = enumOf("coverage_form", ["branch", "party_group", "responsibility_zone", "model_post", "liaison"]);
const PARTNERSHIP_MODE = enumOf("partnership_mode", ["joint_building", "dual_pairing", "internal_pairing", "service_alliance"]);
const PARTNER_KIND = enumOf("partner_kind", ["street", "community", "enterprise", "industry", "school", "government", "internal_branch"]);
const PARTNERSHIP_STATUS = enumOf("partnership_status", ["active", "suspended", "ended"]);
const SERVICE_AREA = enumOf("service_area", ["reform", "development", "teachers_students", "members", "society"]);
const FUND_CATEGORY = enumOf("fund_category", ["activity", "fee_refund", "case_project", "training", "other"]);
const CYCLE_STATUS = enumOf("cycle_status", ["draft", "open", "closed"]);
const BRANCH_GRADE = enumOf("branch_grade", ["excellent", "good", "qualified", "unqualified"]);
const MEMBER_GRADE = enumOf("member_grade", ["excellent", "qualified", "basically_qualified", "unqualified"]);
const AUDIT_ACTION = enumOf("audit_action", ["insert", "update", "delete"]);
const AUDITED_TABLE = enumOf("audited_table", [
  "org_units", "branches", "members", "carriers", "carrier_coverages", "partnerships", "partnership_activities",
  "fund_budgets", "fund_expenditures", "evaluation_cycles", "branch_evaluations", "member_posts", "member_reviews", "profiles",
]);

// ---- relations, shared by the declarations ----
const toOrgUnit: Relation = { resource: "org_units", labelField: "name", searchFields: ["code"] };
const toBranch: Relation = { resource: "branches", labelField: "name", searchFields: ["code"], unitField: "org_unit_id" };
const toMember: Relation = { resource: "members", labelField: "name", searchFields: ["student_or_staff_no"] };
// Posts and reviews filter by the member's branch and org unit through this embed.
const toMemberWithUnit: Relation = {
  ...toMember,
  inner: true,
  select: "id,name,branch_id,branch:branches!branch_id!inner(org_unit_id)",
};
const memberScopeFilters = (resource: string) =>
  [
    { name: "member.branch_id", type: "relation", relation: toBranch, label: `${resource}.fields.branch_id`, filter: true, form: false, show: false },
    { name: "member.branch.org_unit_id", type: "relation", relation: toOrgUnit, label: `${resource}.fields.org_unit_id`, filter: true, form: false, show: false },
  ] as const;
// Carriers often share a name (three 军工路校区学生公寓1号楼): the picker also shows unit and headcount.
const toCarrier: Relation = {
  resource: "carriers",
  labelField: "name",
  unitField: "org_unit_id",
  select: "id,name,headcount,org_unit:org_units!org_unit_id(name)",
  optionDetails: [{ path: "org_unit.name" }, { path: "headcount", text: "carriers.headcountValue" }],
};
const toCycle: Relation = { resource: "evaluation_cycles", labelField: "title" };
const toPartnership: Relation = {
  resource: "partnerships",
  labelField: "partner_name",
  select: "id,partner_name,mode,branch:branches!branch_id(name),partner_branch:branches!partner_branch_id(name)",
  format: (row, t) => {
    const branch = (row.branch as { name?: string } | null)?.name ?? "";
    const partner = (row.partner_name as string | null) ?? (row.partner_branch as { name?: string } | null)?.name ?? "";
    return `${branch} ↔ ${partner}（${t(`enums.partnership_mode.${String(row.mode)}`)}）`;
  },
};
const toBudget: Relation = {
  resource: "fund_budgets",
  labelField: "fiscal_year",
  numericLabel: true,
  select: "id,fiscal_year,category,amount,org_unit:org_units!org_unit_id(name),branch:branches!branch_id(name)",
  format: (row, t) => budgetTitle(row, t),
};

function budgetTitle(row: Record<string, unknown>, t: (key: string) => string) {
  const owner = (row.branch as { name?: string } | null)?.name ?? (row.org_unit as { name?: string } | null)?.name ?? "";
  return `${String(row.fiscal_year)} ${owner} ${t(`enums.fund_category.${String(row.category)}`)} ${formatMoney(row.amount)}`;
}

// Writes that only the organization department makes; everyone signed in reads.
const ORG_ADMIN_WRITES = { write: ["org_admin"] } as const;

export const resources: ResourceDef[] = [
  // ─── 组织体系 ───
  defineResource({
    name: "org_units",
    route: "/org-units",
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
    ],
  }),
  defineResource({
    name: "members",
    route: "/members",
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

  // ─── 覆盖与载体 ───
  defineResource({
    name: "carriers",
    route: "/carriers",
    group: "coverage",
    icon: <HomeOutlined />,
    titleField: "name",
    defaultSort: { field: "name", order: "asc" },
    deleteCascade: "cascade.carriers",
    fields: [
      { name: "org_unit_id", type: "relation", relation: toOrgUnit, required: true, orgUnit: true, list: true, filter: true },
      { name: "kind", type: "enum", enum: CARRIER_KIND, required: true, list: true, filter: true },
      { name: "name", type: "text", required: true, maxLength: 100, list: true, search: true },
      { name: "headcount", type: "number", min: 0, max: 100_000, required: true, list: true, defaultValue: 0 },
      // today: a current coverage by an active branch (the coverage dashboard drills down on it)
      {
        name: "covered",
        type: "boolean",
        computed: true,
        booleanLabels: { true: "carriers.covered.true", false: "carriers.covered.false" },
        list: true,
        filter: true,
      },
      { name: "updated_at", type: "datetime", form: false },
    ],
    related: [{ resource: "carrier_coverages", foreignKey: "carrier_id" }],
  }),
  defineResource({
    name: "carrier_coverages",
    route: "/carrier-coverages",
    group: "coverage",
    icon: <LinkOutlined />,
    hideInMenu: true,
    recordTitle: (record, t) =>
      `${(record.branch as { name?: string } | null)?.name ?? ""} → ${(record.carrier as { name?: string } | null)?.name ?? ""} ${t(`enums.coverage_form.${String(record.form)}`)}`,
    defaultSort: { field: "started_on", order: "desc" },
    fields: [
      { name: "carrier_id", type: "relation", relation: toCarrier, required: true, list: true, filter: true },
      { name: "branch_id", type: "relation", relation: toBranch, required: true, list: true, filter: true },
      { name: "form", type: "enum", enum: COVERAGE_FORM, required: true, list: true, filter: true },
      { name: "started_on", type: "date", required: true, maxYearsAhead: 1, list: true, filter: true },
      { name: "ended_on", type: "date", maxYearsAhead: 10, list: true },
    ],
  }),

  // ─── 党建联建 ───
  defineResource({
    name: "partnerships",
    route: "/partnerships",
    group: "partnership",
    icon: <FlagOutlined />,
    recordTitle: (record, t) => toPartnership.format!(record, t),
    defaultSort: { field: "started_on", order: "desc" },
    deleteCascade: "cascade.partnerships",
    fields: [
      { name: "branch_id", type: "relation", relation: { ...toBranch, inner: true }, required: true, list: true, filter: true },
      { name: "branch.org_unit_id", type: "relation", relation: toOrgUnit, label: "partnerships.fields.org_unit_id", filter: true, form: false, show: false },
      { name: "mode", type: "enum", enum: PARTNERSHIP_MODE, required: true, list: true, filter: true },
      { name: "partner_kind", type: "enum", enum: PARTNER_KIND, required: true, list: true, filter: true },
      { name: "partner_name", type: "text", maxLength: 100, list: true, search: true, help: "partnerships.help.partner" },
      { name: "partner_branch_id", type: "relation", relation: { ...toBranch, unitField: undefined }, list: true },
      { name: "started_on", type: "date", required: true, maxYearsAhead: 1, list: true, filter: true },
      { name: "ended_on", type: "date", maxYearsAhead: 10 },
      { name: "status", type: "enum", enum: PARTNERSHIP_STATUS, required: true, list: true, filter: true, defaultValue: "active" },
    ],
    related: [{ resource: "partnership_activities", foreignKey: "partnership_id" }],
  }),
  defineResource({
    name: "partnership_activities",
    route: "/partnership-activities",
    group: "partnership",
    icon: <SolutionOutlined />,
    hideInMenu: true,
    titleField: "title",
    defaultSort: { field: "held_on", order: "desc" },
    fields: [
      { name: "partnership_id", type: "relation", relation: toPartnership, required: true, list: true, filter: true },
      { name: "held_on", type: "date", required: true, maxYearsAhead: 1, list: true, filter: true },
      { name: "title", type: "text", required: true, maxLength: 200, list: true, search: true },
      { name: "service_area", type: "enum", enum: SERVICE_AREA, required: true, list: true, filter: true },
      { name: "participants", type: "number", min: 0, max: 100_000, required: true, list: true, defaultValue: 0 },
      { name: "outcome", type: "textarea", maxLength: 2000 },
    ],
  }),

  // ─── 经费保障 ───
  defineResource({
    name: "fund_budgets",
    route: "/fund-budgets",
    group: "funds",
    icon: <WalletOutlined />,
    recordTitle: (record, t) => budgetTitle(record, t),
    defaultSort: { field: "fiscal_year", order: "desc" },
    deleteCascade: "cascade.fund_budgets",
    // RLS (fund_budgets_update/delete): a committee reads its unit's budget from 组织部 but writes only its
    // allocations to branches.
    access: { committeeWrites: (record) => record.branch_id != null },
    fields: [
      { name: "fiscal_year", type: "number", required: true, min: 2000, max: 2100, list: true, filter: true, defaultValue: new Date().getFullYear() },
      { name: "org_unit_id", type: "relation", relation: toOrgUnit, required: true, orgUnit: true, list: true, filter: true },
      { name: "branch_id", type: "relation", relation: toBranch, list: true, filter: true, help: "fund_budgets.help.branch" },
      { name: "category", type: "enum", enum: FUND_CATEGORY, required: true, list: true, filter: true },
      { name: "amount", type: "money", required: true, max: 999_999_999_999.99, list: true },
      { name: "note", type: "textarea", maxLength: 500 },
      { name: "updated_at", type: "datetime", form: false },
    ],
    related: [{ resource: "fund_expenditures", foreignKey: "budget_id" }],
  }),
  defineResource({
    name: "fund_expenditures",
    route: "/fund-expenditures",
    group: "funds",
    icon: <PayCircleOutlined />,
    titleField: "purpose",
    defaultSort: { field: "spent_on", order: "desc" },
    fields: [
      { name: "budget_id", type: "relation", relation: { ...toBudget, inner: true, select: `${toBudget.select},org_unit_id,branch_id` }, required: true, list: true, filter: true },
      { name: "budget.org_unit_id", type: "relation", relation: toOrgUnit, label: "fund_expenditures.fields.org_unit_id", filter: true, form: false, show: false },
      { name: "budget.branch_id", type: "relation", relation: toBranch, label: "fund_expenditures.fields.branch_id", filter: true, form: false, show: false },
      { name: "spent_on", type: "date", required: true, maxYearsAhead: 0, list: true, filter: true },
      { name: "amount", type: "money", required: true, max: 999_999_999_999.99, list: true },
      { name: "purpose", type: "text", required: true, maxLength: 200, list: true, search: true },
      { name: "voucher_no", type: "text", maxLength: 50, list: true, search: true },
      { name: "updated_at", type: "datetime", form: false },
    ],
  }),

  // ─── 考核评议 ───
  defineResource({
    name: "evaluation_cycles",
    route: "/evaluation-cycles",
    group: "evaluation",
    icon: <CalendarOutlined />,
    titleField: "title",
    defaultSort: { field: "year", order: "desc" },
    // Opening and closing cycles is the organization department's; a closed cycle is frozen until it reopens it.
    access: ORG_ADMIN_WRITES,
    recordActions: [ReopenCycle],
    fields: [
      { name: "year", type: "number", required: true, min: 2000, max: 2100, list: true, defaultValue: new Date().getFullYear() },
      { name: "title", type: "text", required: true, maxLength: 100, list: true, search: true },
      { name: "starts_on", type: "date", required: true, list: true },
      { name: "ends_on", type: "date", required: true, list: true },
      { name: "weight_org", type: "number", required: true, min: 0, max: 1, step: 0.05, list: true, defaultValue: 0.7 },
      { name: "weight_masses", type: "number", required: true, min: 0, max: 1, step: 0.05, list: true, defaultValue: 0.3, help: "evaluation_cycles.help.weights" },
      { name: "status", type: "enum", enum: CYCLE_STATUS, required: true, list: true, filter: true, defaultValue: "draft" },
    ],
    related: [
      { resource: "branch_evaluations", foreignKey: "cycle_id" },
      { resource: "member_reviews", foreignKey: "cycle_id" },
    ],
  }),
  defineResource({
    name: "branch_evaluations",
    route: "/branch-evaluations",
    group: "evaluation",
    icon: <AuditOutlined />,
    recordTitle: (record) =>
      `${(record.cycle as { title?: string } | null)?.title ?? ""} · ${(record.branch as { name?: string } | null)?.name ?? ""}`,
    defaultSort: { field: "id", order: "desc" },
    fields: [
      // inner embeds: dashboard drill-downs filter on "cycle.year" and "branch.org_unit_id"
      { name: "cycle_id", type: "relation", relation: { ...toCycle, inner: true }, required: true, list: true, filter: true },
      { name: "branch_id", type: "relation", relation: { ...toBranch, inner: true }, required: true, list: true, filter: true },
      { name: "branch.org_unit_id", type: "relation", relation: toOrgUnit, label: "branch_evaluations.fields.org_unit_id", filter: true, form: false, show: false },
      { name: "report_submitted_on", type: "date", maxYearsAhead: 0, list: true, filter: true },
      ...(["score_leadership", "score_backbone", "score_venue", "score_carrier", "score_system", "score_performance", "satisfaction"] as const).map(
        (name) => ({ name, type: "number" as const, min: 0, max: 100, step: 1 }),
      ),
      { name: "total", type: "number", form: false, list: true },
      { name: "grade", type: "enum", enum: BRANCH_GRADE, form: false, list: true, filter: true },
    ],
  }),
  defineResource({
    name: "member_posts",
    route: "/member-posts",
    group: "evaluation",
    icon: <ProfileOutlined />,
    titleField: "post_title",
    defaultSort: { field: "year", order: "desc" },
    fields: [
      { name: "member_id", type: "relation", relation: toMemberWithUnit, required: true, list: true, filter: true },
      ...memberScopeFilters("member_posts"),
      { name: "year", type: "number", required: true, min: 2000, max: 2100, list: true, filter: true, defaultValue: new Date().getFullYear() },
      { name: "post_title", type: "text", required: true, maxLength: 100, list: true, search: true },
      { name: "duties", type: "textarea", maxLength: 2000 },
      { name: "targets", type: "textarea", maxLength: 2000 },
      { name: "self_review", type: "textarea", maxLength: 2000 },
      { name: "grade", type: "enum", enum: MEMBER_GRADE, list: true, filter: true },
    ],
  }),
  defineResource({
    name: "member_reviews",
    route: "/member-reviews",
    group: "evaluation",
    icon: <FileDoneOutlined />,
    recordTitle: (record) =>
      `${(record.cycle as { title?: string } | null)?.title ?? ""} · ${(record.member as { name?: string } | null)?.name ?? ""}`,
    defaultSort: { field: "id", order: "desc" },
    fields: [
      { name: "cycle_id", type: "relation", relation: toCycle, required: true, list: true, filter: true },
      { name: "member_id", type: "relation", relation: toMemberWithUnit, required: true, list: true, filter: true },
      ...memberScopeFilters("member_reviews"),
      { name: "grade", type: "enum", enum: MEMBER_GRADE, required: true, list: true, filter: true },
      { name: "comment", type: "textarea", maxLength: 2000 },
    ],
  }),

  // ─── 系统 ───
  defineResource({
    name: "accounts",
    route: "/accounts",
    group: "system",
    icon: <UserOutlined />,
    // Not a table: the page (src/pages/accounts) calls the admin_* database functions.
    pages: ["list"],
    access: { read: ["org_admin"], write: ["org_admin"] },
    history: false,
    fields: [],
  }),
  defineResource({
    name: "audit_log",
    route: "/audit-log",
    group: "system",
    icon: <HistoryOutlined />,
    pages: ["list", "show"],
    access: { write: [] },
    history: false,
    recordTitle: (record, t) =>
      `${t(`${String(record.table_name)}.label`)} #${String(record.row_id)} ${t(`enums.audit_action.${String(record.action)}`)}`,
    defaultSort: { field: "at", order: "desc" },
    fields: [
      { name: "at", type: "datetime", list: true, filter: true },
      { name: "actor_name", type: "text", list: true, search: true },
      { name: "table_name", type: "enum", enum: AUDITED_TABLE, list: true, filter: true },
      { name: "row_id", type: "text", list: true, search: true },
      { name: "action", type: "enum", enum: AUDIT_ACTION, list: true, filter: true },
      { name: "changed_columns", type: "json", list: true, sortable: false },
      { name: "old_values", type: "json" },
      { name: "new_values", type: "json" },
    ],
  }),
];

/** Menu groups in the order the menu shows them. */
export const MENU_GROUPS: readonly MenuGroup[] = ["organization", "coverage", "partnership", "funds", "evaluation", "system"];

const byName = new Map(resources.map((resource) => [resource.name, resource]));
export const resourceByName = (name: string): ResourceDef | undefined => byName.get(name);
export const routeOf = (name: string): string | undefined => byName.get(name)?.route;

/** Adds a declaration at run time (a test-only table, a plug-in screen); returns it for chaining. */
export function registerResource(resource: ResourceDef): ResourceDef {
  if (!byName.has(resource.name)) resources.push(resource);
  byName.set(resource.name, resource);
  return resource;
}

/**
 * Refine's `resources` prop: one parent entry per non-empty menu group, then the tables.
 * Refine shows `meta.label` as given, so labels are translated here (and rebuilt when the language changes).
 */
export function refineResources(translate: (key: string) => string, extra: ResourceProps[] = []): ResourceProps[] {
  const groups = MENU_GROUPS.filter((group) => resources.some((resource) => resource.group === group)).map(
    (group): ResourceProps => ({ name: `group-${group}`, meta: { label: translate(`menu.${group}`) } }),
  );
  const tables = resources.map((resource): ResourceProps => {
    const pages = resource.pages ?? ["list", "create", "edit", "show"];
    return {
      name: resource.name,
      list: pages.includes("list") ? resource.route : undefined,
      create: pages.includes("create") ? `${resource.route}/create` : undefined,
      edit: pages.includes("edit") ? `${resource.route}/edit/:id` : undefined,
      show: pages.includes("show") ? `${resource.route}/show/:id` : undefined,
      meta: {
        label: translate(resource.label ?? `${resource.name}.label`),
        icon: resource.icon,
        parent: `group-${resource.group}`,
        hide: resource.hideInMenu,
        canDelete: pages.includes("edit"),
      },
    };
  });
  return [...extra, ...groups, ...tables];
}
