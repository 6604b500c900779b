// 首页: the leadership's landing page — headline figures and one small panel from each dashboard.
import { defineDashboard, defineQuery } from "../src/dashboards/spec";
import { coverageByKind } from "./coverage";
import { evaluationTrend } from "./evaluation";
import { fundsMonthlyExecution } from "./funds";

export const homeKpis = defineQuery({
  rpc: "home_kpis",
  columns: {
    branches: { label: { zh: "党支部", en: "Branches" }, format: "count" },
    members: { label: { zh: "党员", en: "Members" }, format: "count" },
    carriers: { label: { zh: "载体数", en: "Carriers" }, format: "count", hidden: true },
    covered_carriers: { label: { zh: "已覆盖载体", en: "Covered carriers" }, format: "count", hidden: true },
    coverage_rate: { label: { zh: "载体覆盖率", en: "Coverage" }, format: "percent" },
    secretaries: { label: { zh: "支部书记", en: "Secretaries" }, format: "count", hidden: true },
    senior_title_secretaries: { label: { zh: "高级职称书记", en: "Senior-title secretaries" }, format: "count", hidden: true },
    senior_title_secretary_share: { label: { zh: "书记高级职称比例", en: "Secretaries with senior titles" }, format: "percent" },
    budget: { label: { zh: "年度预算", en: "Budget" }, format: "money", hidden: true },
    spent: { label: { zh: "年度支出", en: "Spent" }, format: "money", hidden: true },
    execution_rate: { label: { zh: "经费执行率", en: "Funds executed" }, format: "percent" },
    elections_overdue: { label: { zh: "换届逾期支部", en: "Elections overdue" }, format: "count" },
  },
});

const kpiParams = { p_day: { filter: "year", as: "end_of_year" }, p_fiscal_year: { filter: "year" }, p_org_unit_id: { filter: "org_unit" } } as const;
const kpi = (id: string, value: keyof typeof homeKpis.columns, title: { zh: string; en: string }, x: number,
             description?: { zh: string; en: string }) => ({
  id,
  title,
  kind: "kpi" as const,
  query: { source: homeKpis, params: kpiParams },
  encode: { value },
  grid: { x, y: 0, w: 4, h: 2 },
  ...(description ? { options: { description } } : {}),
});

// What a card counts for the chosen year (home_kpis reads on 31 Dec of it, or today in the current year). There is
// no history of dissolution, leaving or past secretaries, so the captions say where a figure is today's.
const captions = {
  branches: {
    zh: "截至所选年度年底 (本年度为截至今日) 已成立的支部; 已合并、撤销的支部不计",
    en: "Branches founded by the end of the chosen year (today for this year); merged or dissolved ones not counted",
  },
  members: {
    zh: "截至所选年度年底 (本年度为截至今日) 已入党的党员, 按现所在支部计",
    en: "Members who had joined by the end of the chosen year (today for this year), in their current branches",
  },
  seniorSecretaries: {
    zh: "现任书记 (无历任记录), 限截至所选年度年底已成立的支部",
    en: "Current secretaries (no history of office holders) of branches founded by the end of the chosen year",
  },
};

export default defineDashboard({
  id: "home",
  title: { zh: "首页", en: "Home" },
  hideInMenu: true,
  filters: [
    { id: "year", kind: "year", from: 2024, label: { zh: "年度", en: "Year" } },
    { id: "org_unit", kind: "org_unit" },
  ],
  panels: [
    kpi("branches", "branches", { zh: "党支部", en: "Branches" }, 0, captions.branches),
    kpi("members", "members", { zh: "党员", en: "Members" }, 4, captions.members),
    kpi("coverage_rate", "coverage_rate", { zh: "载体覆盖率", en: "Carrier coverage" }, 8),
    kpi("senior_secretaries", "senior_title_secretary_share", { zh: "书记高级职称比例", en: "Secretaries with senior titles" }, 12,
        captions.seniorSecretaries),
    kpi("execution_rate", "execution_rate", { zh: "经费执行率", en: "Funds executed" }, 16),
    kpi("elections_overdue", "elections_overdue", { zh: "换届逾期支部", en: "Elections overdue" }, 20),
    {
      id: "coverage",
      title: { zh: "各类载体覆盖率", en: "Coverage by carrier kind" },
      kind: "bar",
      query: { source: coverageByKind, params: { p_day: { filter: "year", as: "end_of_year" }, p_org_unit_id: { filter: "org_unit" } } },
      encode: { x: "carrier_kind", value: "coverage_rate" },
      grid: { x: 0, y: 2, w: 8, h: 5 },
      link: { route: "/dashboards/coverage", label: { zh: "覆盖情况", en: "Coverage" } },
    },
    {
      id: "evaluation",
      title: { zh: "历年考核平均总分", en: "Average evaluation score" },
      kind: "line",
      query: { source: evaluationTrend, params: { p_org_unit_id: { filter: "org_unit" } } },
      encode: { x: "year", value: "average_total" },
      // the open cycle's average is still moving: marked 进行中, not read like a finished year
      options: { inProgress: { field: "cycle_status", value: "open" } },
      grid: { x: 8, y: 2, w: 8, h: 5 },
      link: { route: "/dashboards/evaluation", label: { zh: "考核评议", en: "Evaluation" } },
    },
    {
      id: "funds",
      title: { zh: "经费累计执行率", en: "Funds executed to date" },
      kind: "line",
      query: { source: fundsMonthlyExecution, params: { p_fiscal_year: { filter: "year" }, p_org_unit_id: { filter: "org_unit" } } },
      encode: { x: "month", value: ["cumulative_rate", "even_spend_rate"] },
      grid: { x: 16, y: 2, w: 8, h: 5 },
      link: { route: "/dashboards/funds", label: { zh: "经费保障", en: "Funds" } },
    },
  ],
});
