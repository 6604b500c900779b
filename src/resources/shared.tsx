// Enumerations and relations the declarations share (the Postgres enums, in order).
import { formatMoney } from "../crud/money";
import { enumOf, type Relation } from "../crud/types";

// ---- enumerations (the Postgres enums, in order) ----
export const ORG_UNIT_KIND = enumOf("org_unit_kind", ["party_committee", "general_branch", "direct_branch"]);
export const ORG_UNIT_CATEGORY = enumOf("org_unit_category", ["college", "administration", "affiliated"]);
export const BRANCH_KIND = enumOf("branch_kind", ["student", "teacher", "staff", "retired", "mixed"]);
export const BRANCH_BASIS = enumOf("branch_basis", ["major", "discipline", "work_unit", "dormitory", "lab", "research_group", "practice_base", "society", "other"]);
export const BRANCH_STATUS = enumOf("branch_status", ["active", "merged", "dissolved"]);
export const BRANCH_EXCELLENCE = enumOf("branch_excellence", ["none", "cultivating", "excellent"]);
export const GENDER = enumOf("gender", ["male", "female"]);
export const MEMBER_CATEGORY = enumOf("member_category", ["student", "teacher", "staff", "retired"]);
export const MEMBER_STATUS = enumOf("member_status", ["probationary", "full"]);
export const BRANCH_ROLE = enumOf("branch_role", ["secretary", "deputy_secretary", "committee_member", "member"]);
export const PROFESSIONAL_TITLE = enumOf("professional_title", ["senior", "associate_senior", "intermediate", "junior", "none"]);
export const CARRIER_KIND = enumOf("carrier_kind", ["dormitory", "society", "lab", "research_group", "practice_base"]);
export const COVERAGE_FORM = enumOf("coverage_form", ["branch", "party_group", "responsibility_zone", "model_post", "liaison"]);
export const PARTNERSHIP_MODE = enumOf("partnership_mode", ["joint_building", "dual_pairing", "internal_pairing", "service_alliance"]);
export const PARTNER_KIND = enumOf("partner_kind", ["street", "community", "enterprise", "industry", "school", "government", "internal_branch"]);
export const PARTNERSHIP_STATUS = enumOf("partnership_status", ["active", "suspended", "ended"]);
export const SERVICE_AREA = enumOf("service_area", ["reform", "development", "teachers_students", "members", "society"]);
export const FUND_CATEGORY = enumOf("fund_category", ["activity", "fee_refund", "case_project", "training", "other"]);
export const CYCLE_STATUS = enumOf("cycle_status", ["draft", "open", "closed"]);
export const BRANCH_GRADE = enumOf("branch_grade", ["excellent", "good", "qualified", "unqualified"]);
export const MEMBER_GRADE = enumOf("member_grade", ["excellent", "qualified", "basically_qualified", "unqualified"]);
export const MODEL_POST_KIND = enumOf("model_post_kind", ["model_post", "responsibility_zone"]);
export const ONLINE_CHANNEL_KIND = enumOf("online_channel_kind", ["wechat", "qq", "yiban", "weibo", "website", "other"]);
export const TRAINING_ORGANIZER = enumOf("training_organizer", ["school", "unit", "external"]);
export const AUDIT_ACTION = enumOf("audit_action", ["insert", "update", "delete"]);
export const AUDITED_TABLE = enumOf("audited_table", [
  "org_units", "branches", "members", "carriers", "carrier_coverages", "partnerships", "partnership_activities",
  "fund_budgets", "fund_expenditures", "evaluation_cycles", "branch_evaluations", "member_posts", "member_reviews", "profiles",
  "meetings", "meeting_attendance", "meeting_standards", "model_posts", "online_channels", "trainings", "training_attendance",
  "contact_points", "visits", "cases", "excellence_plans", "excellence_tasks", "branch_excellence_years", "settings",
]);

// ---- relations, shared by the declarations ----
export const toOrgUnit: Relation = { resource: "org_units", labelField: "name", searchFields: ["code"], codeField: "code", importKey: { hint: "import.keys.org_unit" } };
export const toBranch: Relation = { resource: "branches", labelField: "name", searchFields: ["code"], codeField: "code", unitField: "org_unit_id", importKey: { hint: "import.keys.branch" } };
export const toMember: Relation = { resource: "members", labelField: "name", searchFields: ["student_or_staff_no"], codeField: "student_or_staff_no", importKey: { hint: "import.keys.member" } };
// Posts and reviews filter by the member's branch and org unit through this embed.
export const toMemberWithUnit: Relation = {
  ...toMember,
  inner: true,
  select: "id,name,branch_id,branch:branches!branch_id!inner(org_unit_id)",
};
export const memberScopeFilters = (resource: string) =>
  [
    { name: "member.branch_id", type: "relation", relation: toBranch, label: `${resource}.fields.branch_id`, filter: true, form: false, show: false },
    { name: "member.branch.org_unit_id", type: "relation", relation: toOrgUnit, label: `${resource}.fields.org_unit_id`, filter: true, form: false, show: false },
  ] as const;
// Carriers often share a name (three 军工路校区学生公寓1号楼): the picker also shows unit and headcount.
export const toCarrier: Relation = {
  resource: "carriers",
  labelField: "name",
  unitField: "org_unit_id",
  select: "id,name,headcount,org_unit:org_units!org_unit_id(name)",
  optionDetails: [{ path: "org_unit.name" }, { path: "headcount", text: "carriers.headcountValue" }],
  importKey: { hint: "import.keys.carrier", parts: [{ column: "org_unit_id" }, { column: "kind", enum: CARRIER_KIND }, { column: "name" }] },
};
export const toCycle: Relation = { resource: "evaluation_cycles", labelField: "title", importKey: { hint: "import.keys.cycle" } };
export const toPartnership: Relation = {
  resource: "partnerships",
  labelField: "partner_name",
  select: "id,partner_name,mode,branch:branches!branch_id(name),partner_branch:branches!partner_branch_id(name)",
  format: (row, t) => {
    const branch = (row.branch as { name?: string } | null)?.name ?? "";
    const partner = (row.partner_name as string | null) ?? (row.partner_branch as { name?: string } | null)?.name ?? "";
    return `${branch} ↔ ${partner}（${t(`enums.partnership_mode.${String(row.mode)}`)}）`;
  },
  importKey: { hint: "import.keys.partnership", parts: [{ column: "branch_id" }, { column: "partner_name" }] },
};
export const toBudget: Relation = {
  resource: "fund_budgets",
  labelField: "fiscal_year",
  numericLabel: true,
  select: "id,fiscal_year,category,amount,org_unit:org_units!org_unit_id(name),branch:branches!branch_id(name)",
  format: (row, t) => budgetTitle(row, t),
  importKey: {
    hint: "import.keys.budget",
    parts: [{ column: "fiscal_year" }, { column: "org_unit_id" }, { column: "branch_id" }, { column: "category", enum: FUND_CATEGORY }],
  },
};

export function budgetTitle(row: Record<string, unknown>, t: (key: string) => string) {
  const owner = (row.branch as { name?: string } | null)?.name ?? (row.org_unit as { name?: string } | null)?.name ?? "";
  return `${String(row.fiscal_year)} ${owner} ${t(`enums.fund_category.${String(row.category)}`)} ${formatMoney(row.amount)}`;
}

// Writes that only the organization department makes; everyone signed in reads.
export const ORG_ADMIN_WRITES = { write: ["org_admin"] } as const;
