// 考核评议: the annual 一报告两评议 results per evaluation cycle (year).
import { defineDashboard, defineQuery } from "../src/dashboards/spec";
import { BRANCH_GRADES, BRANCH_KINDS } from "./shared/labels";

const unit = {
  org_unit_id: { label: "org_unit_id", hidden: true },
  org_unit_code: { label: { zh: "组织编码", en: "Code" }, hidden: true },
  org_unit_name: { label: { zh: "二级党组织", en: "Org unit" } },
} as const;
const score = (zh: string, en: string) => ({ label: { zh, en }, format: "decimal" }) as const;
const count = (zh: string, en: string) => ({ label: { zh, en }, format: "count" }) as const;

export const evaluationDistribution = defineQuery({
  rpc: "evaluation_distribution",
  columns: {
    bucket_from: { label: { zh: "分段起", en: "From" }, hidden: true },
    bucket_to: { label: { zh: "分段止", en: "To" }, hidden: true },
    label: { label: { zh: "总分分段", en: "Score range" } },
    branches: count("支部数", "Branches"),
  },
});
export const evaluationSixAverages = defineQuery({
  rpc: "evaluation_six_averages",
  columns: {
    dimension: { label: "dimension", hidden: true },
    label: { label: { zh: "六有维度", en: "Dimension" } },
    school_average: score("全校平均分", "School average"),
    unit_average: score("所选单位平均分", "Unit average"),
  },
});
export const evaluationGradesByUnit = defineQuery({
  rpc: "evaluation_grades_by_unit",
  columns: {
    ...unit,
    evaluated: count("已评支部", "Evaluated"),
    excellent: count("优秀", "Excellent"),
    good: count("良好", "Good"),
    qualified: count("合格", "Qualified"),
    unqualified: count("不合格", "Unqualified"),
    average_total: score("平均总分", "Average"),
  },
});
export const evaluationRanking = defineQuery({
  rpc: "evaluation_ranking",
  columns: {
    rank: { label: { zh: "名次", en: "Rank" }, format: "count" },
    branch_id: { label: "branch_id", hidden: true },
    branch_code: { label: { zh: "支部编码", en: "Code" }, hidden: true },
    branch_name: { label: { zh: "党支部", en: "Branch" } },
    org_unit_id: unit.org_unit_id,
    org_unit_name: unit.org_unit_name,
    total: score("总分", "Total"),
    grade: { label: { zh: "等次", en: "Grade" }, enum: BRANCH_GRADES },
  },
});
export const evaluationYearOverYear = defineQuery({
  rpc: "evaluation_year_over_year",
  columns: {
    ...unit,
    year: { label: { zh: "年度", en: "Year" }, hidden: true },
    previous_average_total: score("上年平均分", "Previous year"),
    average_total: score("本年平均分", "This year"),
    change: score("变化", "Change"),
    evaluated: count("本年已评", "Evaluated"),
    previous_year: { label: { zh: "上年", en: "Previous" }, hidden: true },
    previous_evaluated: count("上年已评", "Evaluated before"),
  },
});
export const evaluationTrend = defineQuery({
  rpc: "evaluation_trend",
  columns: {
    year: { label: { zh: "年度", en: "Year" } },
    cycle_id: { label: "cycle_id", hidden: true },
    cycle_status: { label: { zh: "周期状态", en: "Status" }, enum: { draft: { zh: "草拟", en: "Draft" }, open: { zh: "进行中", en: "Open" }, closed: { zh: "已结束", en: "Closed" } } },
    evaluated: count("已评支部", "Evaluated"),
    average_total: score("平均总分", "Average"),
    excellent_rate: { label: { zh: "优秀率", en: "Excellent share" }, format: "percent" },
  },
});

const scope = { p_year: { filter: "year" }, p_org_unit_id: { filter: "org_unit" }, p_branch_kind: { filter: "branch_kind" } } as const;
// the evaluations of one branch in the chosen cycle
const branchEvaluations = { route: "/branch-evaluations", filters: { "cycle.year": { filter: "year" }, branch_id: { column: "branch_id" } } };

export default defineDashboard({
  id: "evaluation",
  title: { zh: "考核评议", en: "Evaluation" },
  order: 2,
  filters: [
    { id: "year", kind: "year", from: 2024, default: "previous", label: { zh: "考核年度", en: "Cycle" } },
    { id: "org_unit", kind: "org_unit" },
    { id: "branch_kind", kind: "enum", label: { zh: "支部类型", en: "Branch kind" }, options: BRANCH_KINDS },
  ],
  panels: [
    {
      id: "distribution",
      title: { zh: "总分分布", en: "Score distribution" },
      kind: "bar",
      query: { source: evaluationDistribution, params: scope },
      encode: { x: "label", value: "branches" },
      grid: { x: 0, y: 0, w: 9, h: 5 },
    },
    {
      id: "six",
      title: { zh: "六有平均分", en: "Six criteria" },
      kind: "radar",
      query: { source: evaluationSixAverages, params: scope },
      encode: { x: "label", value: ["school_average", "unit_average"] },
      options: { max: 100 },
      grid: { x: 9, y: 0, w: 7, h: 5 },
    },
    {
      id: "trend",
      title: { zh: "历年平均总分", en: "Average score by year" },
      kind: "line",
      query: { source: evaluationTrend, params: { p_org_unit_id: { filter: "org_unit" }, p_branch_kind: { filter: "branch_kind" } } },
      encode: { x: "year", value: "average_total" },
      // the open cycle's average is still moving: marked 进行中, not read like a finished year
      options: { inProgress: { field: "cycle_status", value: "open" } },
      grid: { x: 16, y: 0, w: 8, h: 5 },
    },
    {
      id: "grades",
      title: { zh: "各单位考核等次", en: "Grades by unit" },
      kind: "stacked_bar",
      query: { source: evaluationGradesByUnit, params: scope },
      encode: { x: "org_unit_name", value: ["excellent", "good", "qualified", "unqualified"] },
      options: { sortBy: "average_total" },
      grid: { x: 0, y: 5, w: 24, h: 6 },
      // that unit's evaluations of that grade in the chosen cycle
      drill: {
        route: "/branch-evaluations",
        filters: { "cycle.year": { filter: "year" }, "branch.org_unit_id": { column: "org_unit_id" }, grade: { clicked: "series" } },
      },
    },
    {
      id: "top",
      title: { zh: "总分前十的支部", en: "Top ten branches" },
      kind: "table",
      query: { source: evaluationRanking, params: { ...scope, p_limit: 10, p_bottom: false } },
      encode: { columns: ["rank", "branch_name", "org_unit_name", "total", "grade"] },
      grid: { x: 0, y: 11, w: 12, h: 6 },
      drill: branchEvaluations,
    },
    {
      id: "bottom",
      title: { zh: "总分后十的支部", en: "Bottom ten branches" },
      kind: "table",
      query: { source: evaluationRanking, params: { ...scope, p_limit: 10, p_bottom: true } },
      encode: { columns: ["rank", "branch_name", "org_unit_name", "total", "grade"] },
      grid: { x: 12, y: 11, w: 12, h: 6 },
      drill: branchEvaluations,
    },
    {
      id: "year_over_year",
      title: { zh: "平均总分同比", en: "Average score, year over year" },
      kind: "bar",
      query: { source: evaluationYearOverYear, params: scope },
      encode: { x: "org_unit_name", value: ["previous_average_total", "average_total"] },
      options: { sortBy: "change" },
      grid: { x: 0, y: 17, w: 24, h: 6 },
    },
  ],
});
