// 案例与卓越 (§13, §15): 党建案例 per unit by status and rating, 卓越党支部计划 by status, their tasks' completion,
// and the 卓越党支部 per unit over the years.
import { defineDashboard, defineQuery, type Text } from "../src/dashboards/spec";
import { excellenceTexts } from "../src/resources/excellence.texts";

type Labels = Record<string, Text>;
type EnumTexts = Record<string, Record<string, string>>;
// This area's enums read as in its registers (src/resources/excellence.texts.ts).
const enumLabels = (name: string): Labels => {
  const zh = (excellenceTexts.zhCN.enums as EnumTexts)[name];
  const en = (excellenceTexts.en.enums as EnumTexts)[name];
  return Object.fromEntries(Object.entries(zh).map(([code, label]) => [code, { zh: label, en: en[code] ?? label }]));
};
const PLAN_STATUSES = enumLabels("plan_status");

const unit = {
  org_unit_id: { label: "org_unit_id", hidden: true },
  org_unit_code: { label: { zh: "组织编码", en: "Code" }, hidden: true },
  org_unit_name: { label: { zh: "二级党组织", en: "Org unit" } },
} as const;
const count = (zh: string, en: string) => ({ label: { zh, en }, format: "count" }) as const;

export const casesByUnit = defineQuery({
  rpc: "cases_by_unit",
  columns: {
    ...unit,
    cases: count("案例数", "Cases"),
    draft: count("草稿", "Draft"),
    submitted: count("已提交", "Submitted"),
    recommended: count("已推荐", "Recommended"),
    rated: count("已评定", "Rated"),
    best: count("校级最佳案例", "Best"),
    excellent: count("优秀案例", "Excellent"),
    not_awarded: count("未获评", "Not awarded"),
  },
});
export const plansByStatus = defineQuery({
  rpc: "excellence_plans_by_status",
  columns: {
    status: { label: { zh: "计划状态", en: "Status" }, enum: PLAN_STATUSES },
    plans: count("计划数", "Plans"),
    excellent: count("评定卓越", "Excellent"),
    qualified: count("评定合格", "Qualified"),
    not_met: count("未达标", "Not met"),
  },
});
export const tasksByUnit = defineQuery({
  rpc: "excellence_tasks_by_unit",
  columns: {
    ...unit,
    plans: count("计划数", "Plans"),
    tasks: count("任务数", "Tasks"),
    done: count("已完成", "Done"),
    overdue: count("逾期未完成", "Overdue"),
    completion_rate: { label: { zh: "完成率", en: "Completion" }, format: "percent" },
  },
});
export const excellentByYear = defineQuery({
  rpc: "excellent_branches_by_year",
  columns: {
    ...unit,
    year: { label: { zh: "年度", en: "Year" } },
    excellent_branches: count("卓越党支部", "Excellent branches"),
    cultivating_branches: count("培育中", "Cultivating"),
  },
});
export const ratedCasesKpi = defineQuery({
  rpc: "rated_cases_kpi",
  columns: {
    rated_cases: count("已评定案例", "Rated cases"),
    best_cases: { ...count("校级最佳案例", "Best cases"), hidden: true },
    excellent_cases: { ...count("优秀案例", "Excellent cases"), hidden: true },
  },
});

const scope = { p_year: { filter: "year" }, p_org_unit_id: { filter: "org_unit" } } as const;
// that unit's cases of the year (and, from a segment, of that status)
const unitCases = { "branch.org_unit_id": { column: "org_unit_id" }, year: { filter: "year" } } as const;

export default defineDashboard({
  id: "excellence",
  title: { zh: "案例与卓越", en: "Cases and excellence" },
  order: 5,
  filters: [
    { id: "year", kind: "year", from: 2024, label: { zh: "年度", en: "Year" } },
    { id: "org_unit", kind: "org_unit" },
  ],
  panels: [
    {
      id: "cases_status",
      title: { zh: "各单位党建案例（按状态）", en: "Cases by unit and status" },
      kind: "stacked_bar",
      query: { source: casesByUnit, params: scope },
      encode: { x: "org_unit_name", value: ["draft", "submitted", "recommended", "rated"] },
      grid: { x: 0, y: 0, w: 24, h: 6 },
      drill: { route: "/cases", filters: { ...unitCases, status: { clicked: "series" } } },
    },
    {
      id: "cases_rating",
      title: { zh: "各单位案例评定结果", en: "Ratings by unit" },
      kind: "stacked_bar",
      query: { source: casesByUnit, params: scope },
      encode: { x: "org_unit_name", value: ["best", "excellent", "not_awarded"] },
      grid: { x: 0, y: 6, w: 14, h: 6 },
      drill: { route: "/cases", filters: { ...unitCases, status: "rated" } },
    },
    {
      id: "plans_status",
      title: { zh: "卓越党支部计划（按状态）", en: "Excellent-branch plans by status" },
      kind: "pie",
      query: { source: plansByStatus, params: scope },
      encode: { x: "status", value: "plans" },
      grid: { x: 14, y: 6, w: 10, h: 6 },
      drill: { route: "/excellence-plans", filters: { year: { filter: "year" }, status: { column: "status" } } },
    },
    {
      id: "task_completion",
      title: { zh: "计划任务完成情况", en: "Plan tasks" },
      kind: "bar",
      query: { source: tasksByUnit, params: scope },
      encode: { x: "org_unit_name", value: ["tasks", "done", "overdue"] },
      options: { sortBy: "completion_rate" },
      grid: { x: 0, y: 12, w: 24, h: 6 },
      drill: { route: "/excellence-plans", filters: { year: { filter: "year" }, "branch.org_unit_id": { column: "org_unit_id" } } },
    },
    {
      id: "excellent_by_year",
      title: { zh: "历年卓越党支部（按单位）", en: "Excellent branches by year and unit" },
      kind: "stacked_bar",
      query: { source: excellentByYear, params: { p_from: 2024, p_to: { filter: "year" }, p_org_unit_id: { filter: "org_unit" } } },
      // units along the axis, years stacked: one series per year reads (and draws) better than one per unit
      encode: { x: "org_unit_name", value: "excellent_branches", series: "year" },
      grid: { x: 0, y: 18, w: 24, h: 7 },
      drill: { route: "/branch-excellence-years", filters: { year: { column: "year" }, "branch.org_unit_id": { column: "org_unit_id" }, status: "excellent" } },
    },
  ],
});
