// 经费保障 (§19): budgets from 组织部, allocations to branches and spending, per fiscal year.
import { defineDashboard, defineQuery } from "../src/dashboards/spec";
import { BRANCH_KINDS, FUND_CATEGORIES } from "./shared/labels";

const unit = {
  org_unit_id: { label: "org_unit_id", hidden: true },
  org_unit_code: { label: { zh: "组织编码", en: "Code" }, hidden: true },
  org_unit_name: { label: { zh: "二级党组织", en: "Org unit" } },
} as const;
const money = (zh: string, en: string) => ({ label: { zh, en }, format: "money" }) as const;
const rate = (zh: string, en: string) => ({ label: { zh, en }, format: "percent" }) as const;
const category = { label: { zh: "经费类别", en: "Category" }, enum: FUND_CATEGORIES } as const;

export const fundsByUnitCategory = defineQuery({
  rpc: "funds_by_unit_category",
  columns: {
    ...unit,
    category,
    budget: money("下达预算", "Budget"),
    allocated: money("分配到支部", "Allocated"),
    spent: money("实际支出", "Spent"),
    allocation_rate: rate("到位率", "Allocation rate"),
    execution_rate: rate("执行率", "Execution rate"),
  },
});
export const fundsByCategory = defineQuery({
  rpc: "funds_by_category",
  columns: {
    category,
    budget: money("下达预算", "Budget"),
    allocated: money("分配到支部", "Allocated"),
    spent: money("实际支出", "Spent"),
    execution_rate: rate("执行率", "Execution rate"),
  },
});
export const fundsMonthlyExecution = defineQuery({
  rpc: "funds_monthly_execution",
  columns: {
    month: { label: { zh: "月份", en: "Month" }, format: "month" },
    month_number: { label: "month_number", hidden: true },
    spent: money("当月支出", "Spent in month"),
    cumulative_spent: money("累计支出", "Spent to date"),
    budget: money("年度预算", "Budget"),
    cumulative_rate: rate("累计执行率", "Executed to date"),
    even_spend_rate: rate("均衡支出线", "Even-spend line"),
  },
});
export const branchesBelowStandard = defineQuery({
  rpc: "branches_below_activity_standard",
  columns: {
    branch_id: { label: "branch_id", hidden: true },
    branch_code: { label: { zh: "支部编码", en: "Code" }, hidden: true },
    branch_name: { label: { zh: "党支部", en: "Branch" } },
    org_unit_id: unit.org_unit_id,
    org_unit_name: unit.org_unit_name,
    members: { label: { zh: "党员数", en: "Members" }, format: "count" },
    allocated: money("活动经费", "Activity funds"),
    per_member: money("人均", "Per member"),
    standard: money("标准（人·年）", "Standard"),
    shortfall: money("缺口", "Shortfall"),
  },
});

const scope = { p_fiscal_year: { filter: "year" }, p_org_unit_id: { filter: "org_unit" }, p_branch_kind: { filter: "branch_kind" } } as const;

export default defineDashboard({
  id: "funds",
  title: { zh: "经费保障", en: "Funds" },
  order: 3,
  filters: [
    { id: "year", kind: "year", from: 2024, label: { zh: "预算年度", en: "Fiscal year" } },
    { id: "org_unit", kind: "org_unit" },
    { id: "category", kind: "enum", label: { zh: "经费类别", en: "Category" }, options: FUND_CATEGORIES, default: "activity", required: true },
    { id: "branch_kind", kind: "enum", label: { zh: "支部类型", en: "Branch kind" }, options: BRANCH_KINDS },
  ],
  panels: [
    {
      id: "by_unit",
      title: { zh: "各单位预算、分配与支出（所选类别）", en: "Budget, allocation and spending by unit" },
      kind: "bar",
      query: { source: fundsByUnitCategory, params: { ...scope, p_category: { filter: "category" } } },
      encode: { x: "org_unit_name", value: ["budget", "allocated", "spent"] },
      options: { sortBy: "execution_rate" },
      grid: { x: 0, y: 0, w: 24, h: 6 },
      // that unit's expenditures of the year and category
      drill: {
        route: "/fund-expenditures",
        filters: { "budget.fiscal_year": { filter: "year" }, "budget.org_unit_id": { column: "org_unit_id" }, "budget.category": { column: "category" } },
      },
    },
    {
      id: "monthly",
      title: { zh: "月度累计执行率与均衡支出线", en: "Cumulative execution vs even spending" },
      kind: "line",
      query: { source: fundsMonthlyExecution, params: { ...scope, p_category: { filter: "category" } } },
      encode: { x: "month", value: ["cumulative_rate", "even_spend_rate"] },
      grid: { x: 0, y: 6, w: 14, h: 5 },
    },
    {
      id: "categories",
      title: { zh: "预算类别构成", en: "Budget by category" },
      kind: "pie",
      query: { source: fundsByCategory, params: scope },
      encode: { x: "category", value: "budget" },
      grid: { x: 14, y: 6, w: 10, h: 5 },
    },
    {
      id: "execution_heatmap",
      title: { zh: "执行率（单位 × 类别）", en: "Execution rate by unit and category" },
      kind: "heatmap",
      query: { source: fundsByUnitCategory, params: { ...scope, p_category: null } },
      encode: { x: "category", y: "org_unit_name", value: "execution_rate" },
      grid: { x: 0, y: 11, w: 24, h: 8 },
      drill: {
        route: "/fund-expenditures",
        filters: { "budget.fiscal_year": { filter: "year" }, "budget.org_unit_id": { column: "org_unit_id" }, "budget.category": { column: "category" } },
      },
    },
    {
      id: "below_standard",
      title: { zh: "党员活动经费低于标准的支部", en: "Branches below the activity-fund standard" },
      kind: "table",
      query: { source: branchesBelowStandard, params: scope },
      encode: { columns: ["branch_name", "org_unit_name", "members", "allocated", "per_member", "standard", "shortfall"] },
      grid: { x: 0, y: 19, w: 24, h: 7 },
      drill: {
        route: "/fund-budgets",
        filters: { fiscal_year: { filter: "year" }, branch_id: { column: "branch_id" }, category: "activity" },
      },
    },
  ],
});
