// 首页: the leadership's landing page — headline figures and one small panel from each dashboard.
import { defineDashboard, defineQuery } from "../src/dashboards/spec";
import { contactPointSummary, myContactPoints, myOpenFollowUps } from "./contacts";
import { coverageByKind } from "./coverage";
import { evaluationTrend } from "./evaluation";
import { ratedCasesKpi } from "./excellence";
import { fundsMonthlyExecution } from "./funds";
import { meetingCompletionSummary } from "./life";
import { teamSummary } from "./team";

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

// 待办 (public.todos): every kind with its count for the signed-in user; today's state, whatever the year filter.
export const todos = defineQuery({
  rpc: "todos",
  columns: {
    label: { label: { zh: "事项", en: "Item" }, format: "text" },
    count: { label: { zh: "数量", en: "Count" }, format: "count" },
  },
});

const kpiParams = { p_day: { filter: "year", as: "end_of_year" }, p_fiscal_year: { filter: "year" }, p_org_unit_id: { filter: "org_unit" } } as const;
type Drill = { route: string; filters: Record<string, string | number | boolean | { filter: string }> };
const kpi = (id: string, value: keyof typeof homeKpis.columns, title: { zh: string; en: string }, x: number,
             drill: Drill, description?: { zh: string; en: string }) => ({
  id,
  title,
  kind: "kpi" as const,
  query: { source: homeKpis, params: kpiParams },
  encode: { value },
  grid: { x, y: 0, w: 4, h: 2 },
  drill,
  ...(description ? { options: { description } } : {}),
});

// Each card's figure opens the list of what it counts (in the chosen unit). Lists show today's records, so a past
// year's figure opens today's list (the captions say which figures are the year's).
const inUnit = { org_unit_id: { filter: "org_unit" } };
const drills = {
  branches: { route: "/branches", filters: { status: "active", ...inUnit } },
  members: { route: "/members", filters: {} },
  carriers: { route: "/carriers", filters: inUnit },
  secretaries: { route: "/members", filters: { branch_role: "secretary" } },
  budgets: { route: "/fund-budgets", filters: { fiscal_year: { filter: "year" }, ...inUnit } },
  // the same test as the card (todo_election_overdue is the to-do kind 换届逾期支部)
  electionsOverdue: { route: "/branches", filters: { todo_election_overdue: true, ...inUnit } },
} satisfies Record<string, Drill>;

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
    kpi("branches", "branches", { zh: "党支部", en: "Branches" }, 0, drills.branches, captions.branches),
    kpi("members", "members", { zh: "党员", en: "Members" }, 4, drills.members, captions.members),
    kpi("coverage_rate", "coverage_rate", { zh: "载体覆盖率", en: "Carrier coverage" }, 8, drills.carriers),
    kpi("senior_secretaries", "senior_title_secretary_share", { zh: "书记高级职称比例", en: "Secretaries with senior titles" }, 12,
        drills.secretaries, captions.seniorSecretaries),
    kpi("execution_rate", "execution_rate", { zh: "经费执行率", en: "Funds executed" }, 16, drills.budgets),
    kpi("elections_overdue", "elections_overdue", { zh: "换届逾期支部", en: "Elections overdue" }, 20, drills.electionsOverdue),
    // 组织生活: this year's completion of the expected meetings (dashboards/life.ts), a card of its own row.
    {
      id: "meeting_completion",
      title: { zh: "组织生活完成率", en: "Meetings held as expected" },
      kind: "kpi",
      query: { source: meetingCompletionSummary, params: { p_day: { filter: "year", as: "end_of_year" }, p_org_unit_id: { filter: "org_unit" } } },
      encode: { value: "completion_rate" },
      grid: { x: 0, y: 7, w: 6, h: 2 },
      options: {
        description: {
          zh: "所选年度截至年底 (本年度为截至今日) 已开始的各周期中, 按组织生活标准应开的会议已开的比例",
          en: "Share of the meetings the standards expect in the periods begun by the end of the chosen year (today for this year) that were held",
        },
      },
      link: { route: "/dashboards/life", label: { zh: "组织生活", en: "Meetings" } },
    },
    // 书记培训覆盖 (§18): this year's share of secretaries with the yearly standard of training hours
    {
      id: "training_coverage",
      title: { zh: "书记培训达标率", en: "Secretaries meeting the training standard" },
      kind: "kpi",
      query: { source: teamSummary, params: { p_year: { filter: "year" }, p_org_unit_id: { filter: "org_unit" } } },
      encode: { value: "training_coverage" },
      grid: { x: 6, y: 7, w: 6, h: 2 },
      options: {
        description: {
          zh: "所选年度培训学时达到年度标准 (阈值设置) 的支部书记占比; 书记为现任书记",
          en: "Share of the (current) secretaries whose training hours in the year reach the yearly standard (settings)",
        },
      },
    },
    // 案例与卓越 (§15): its own RPC, so its own panel entry.
    {
      id: "rated_cases",
      title: { zh: "已评定党建案例", en: "Cases rated" },
      kind: "kpi" as const,
      query: { source: ratedCasesKpi, params: { p_year: { filter: "year" }, p_org_unit_id: { filter: "org_unit" } } },
      encode: { value: "rated_cases" },
      grid: { x: 18, y: 7, w: 6, h: 2 },
      options: {
        description: {
          zh: "所选年度由组织部评定的党建案例 (含未获评)",
          en: "Cases of the chosen year rated by the organization department (including those not awarded)",
        },
      },
      link: { route: "/dashboards/excellence", label: { zh: "案例与卓越", en: "Cases and excellence" } },
    },
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
    // 联系点: the card for everyone; the two tables are the signed-in person's own (auth.uid()): a leader's contact
    // branches and open follow-ups, a committee member's or 组织部's own when they keep contact points, else empty.
    {
      id: "contact_points",
      title: { zh: "有联系点的支部", en: "Branches with a contact point" },
      kind: "kpi",
      query: { source: contactPointSummary, params: { p_day: { filter: "year", as: "end_of_year" }, p_org_unit_id: { filter: "org_unit" } } },
      encode: { value: "with_contact" },
      grid: { x: 12, y: 7, w: 6, h: 2 },
      options: {
        description: {
          zh: "所选年度年底 (本年度为今日) 有有效联系点 (校领导、组织部或本单位人员) 的正常支部",
          en: "Active branches with a contact point in force at the end of the chosen year (today for this year)",
        },
      },
      link: { route: "/dashboards/contacts", label: { zh: "联系点", en: "Contact points" } },
    },
    {
      id: "my_contact_points",
      title: { zh: "我的联系点", en: "My contact branches" },
      kind: "table",
      query: { source: myContactPoints, params: { p_day: { filter: "year", as: "end_of_year" } } },
      encode: { columns: ["branch_name", "org_unit_name", "started_on", "visits_this_year", "last_visited_on", "open_follow_ups"] },
      open: { route: "/contact-points", id: "contact_point_id" },
      grid: { x: 0, y: 18, w: 12, h: 5 },
    },
    {
      id: "my_open_follow_ups",
      title: { zh: "我的待跟进走访", en: "My open follow-ups" },
      kind: "table",
      query: { source: myOpenFollowUps, params: { p_day: { filter: "year", as: "end_of_year" } } },
      // half the page wide: the branch names its unit, so the unit column is left to the 联系点 dashboard
      encode: { columns: ["visited_on", "branch_name", "kind", "problems", "follow_up", "days_open"] },
      open: { route: "/visits", id: "visit_id" },
      grid: { x: 12, y: 18, w: 12, h: 5 },
    },
    {
      id: "todos",
      title: { zh: "待办", en: "To-dos" },
      kind: "todos",
      query: { source: todos },
      encode: {},
      grid: { x: 0, y: 9, w: 24, h: 9 },
      options: { description: { zh: "今日待办, 不随所选年度变化", en: "Today's to-dos, whatever the year chosen" } },
      link: { route: "/todos", label: { zh: "全部待办", en: "All to-dos" } },
    },
  ],
});
