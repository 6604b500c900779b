// 队伍建设 (§18): 逐步提高支部书记高级职称比例, 加强基层党支部书记的培训. The secretaries of a year are the current
// secretaries of the active branches founded by its end (there is no history of office holders or titles); their
// hours are those of the trainings held in that year, against the yearly standard (阈值设置: 书记年度培训学时标准).
import { defineDashboard, defineQuery } from "../src/dashboards/spec";
import { BRANCH_KINDS } from "./shared/labels";

const unit = {
  org_unit_id: { label: "org_unit_id", hidden: true },
  org_unit_code: { label: { zh: "组织编码", en: "Code" }, hidden: true },
  org_unit_name: { label: { zh: "二级党组织", en: "Org unit" } },
} as const;
const count = (zh: string, en: string) => ({ label: { zh, en }, format: "count" }) as const;
const percent = (zh: string, en: string) => ({ label: { zh, en }, format: "percent" }) as const;
const hours = (zh: string, en: string) => ({ label: { zh, en }, format: "decimal" }) as const;

export const teamSummary = defineQuery({
  rpc: "team_summary",
  columns: {
    branches: count("支部数", "Branches"),
    branches_without_secretary: count("书记空缺支部", "Branches without a secretary"),
    secretaries: count("支部书记", "Secretaries"),
    senior_title_secretaries: count("高级职称书记", "Senior-title secretaries"),
    senior_title_share: percent("书记高级职称比例", "Secretaries with senior titles"),
    standard_hours: hours("年度学时标准", "Yearly standard (hours)"),
    trained_secretaries: count("参加过培训的书记", "Secretaries trained"),
    secretaries_meeting_standard: count("学时达标书记", "Secretaries meeting the standard"),
    training_coverage: percent("书记培训达标率", "Secretaries meeting the training standard"),
    average_hours: hours("书记平均学时", "Average hours"),
  },
});
export const teamByUnit = defineQuery({
  rpc: "team_by_unit",
  columns: {
    ...unit,
    branches: count("支部数", "Branches"),
    branches_without_secretary: count("书记空缺", "Vacant"),
    secretaries: count("书记数", "Secretaries"),
    senior: count("正高", "Senior"),
    associate_senior: count("副高", "Associate senior"),
    other_titles: count("中级及以下", "Intermediate or below"),
    senior_title_share: percent("高级职称比例", "Senior-title share"),
    secretaries_meeting_standard: count("学时达标", "Meeting the standard"),
    training_coverage: percent("培训达标率", "Training standard met"),
    average_hours: hours("平均学时", "Average hours"),
  },
});
export const teamTrend = defineQuery({
  rpc: "team_trend",
  columns: {
    year: { label: { zh: "年度", en: "Year" } },
    secretaries: count("书记数", "Secretaries"),
    senior_title_secretaries: count("高级职称书记", "Senior-title secretaries"),
    senior_title_share: percent("高级职称比例", "Senior-title share"),
    secretaries_meeting_standard: count("学时达标书记", "Meeting the standard"),
    training_coverage: percent("培训达标率", "Training standard met"),
    average_hours: hours("平均学时", "Average hours"),
  },
});
export const teamHoursDistribution = defineQuery({
  rpc: "team_training_hours_distribution",
  columns: {
    bucket: { label: "bucket", hidden: true },
    hours_from: { label: { zh: "学时起", en: "From" }, hidden: true },
    hours_to: { label: { zh: "学时止", en: "To" }, hidden: true },
    label: { label: { zh: "年度培训学时", en: "Hours in the year" } },
    secretaries: count("书记数", "Secretaries"),
  },
});
export const branchesWithoutSecretary = defineQuery({
  rpc: "branches_without_secretary",
  columns: {
    branch_id: { label: "branch_id", hidden: true },
    branch_code: { label: { zh: "支部编码", en: "Code" }, hidden: true },
    branch_name: { label: { zh: "党支部", en: "Branch" } },
    branch_kind: { label: { zh: "支部类型", en: "Kind" }, enum: BRANCH_KINDS },
    org_unit_id: unit.org_unit_id,
    org_unit_name: unit.org_unit_name,
    members: count("党员数", "Members"),
    last_election_on: { label: { zh: "最近换届", en: "Last election" }, format: "date" },
  },
});

const scope = { p_year: { filter: "year" }, p_org_unit_id: { filter: "org_unit" } } as const;
const captions = {
  secretaries: {
    zh: "现任书记 (无历任记录), 限截至所选年度年底已成立的正常支部; 职称为当前职称",
    en: "Current secretaries (no history of office holders) of active branches founded by the end of the year; current titles",
  },
  standard: {
    zh: "所选年度培训学时达到年度标准 (阈值设置) 的书记占比",
    en: "Share of secretaries whose hours in the year reach the yearly standard (settings)",
  },
  vacant: { zh: "正常支部中当前未指定书记的", en: "Active branches whose secretary post is vacant now" },
};
const kpi = (id: string, value: keyof typeof teamSummary.columns, title: { zh: string; en: string }, x: number,
             description: { zh: string; en: string }) => ({
  id,
  title,
  kind: "kpi" as const,
  query: { source: teamSummary, params: scope },
  encode: { value },
  grid: { x, y: 0, w: 6, h: 2 },
  options: { description },
});

export default defineDashboard({
  id: "team",
  title: { zh: "队伍建设", en: "Secretaries" },
  order: 6,
  filters: [
    { id: "year", kind: "year", from: 2024, label: { zh: "年度", en: "Year" } },
    { id: "org_unit", kind: "org_unit" },
  ],
  panels: [
    kpi("senior_share", "senior_title_share", { zh: "书记高级职称比例", en: "Secretaries with senior titles" }, 0, captions.secretaries),
    kpi("training_coverage", "training_coverage", { zh: "书记培训达标率", en: "Training standard met" }, 6, captions.standard),
    kpi("average_hours", "average_hours", { zh: "书记平均培训学时", en: "Average training hours" }, 12, captions.secretaries),
    kpi("vacant", "branches_without_secretary", { zh: "书记空缺支部", en: "Branches without a secretary" }, 18, captions.vacant),
    {
      id: "titles_by_unit",
      title: { zh: "各单位书记职称构成", en: "Secretaries' titles by unit" },
      kind: "stacked_bar",
      query: { source: teamByUnit, params: scope },
      encode: { x: "org_unit_name", value: ["senior", "associate_senior", "other_titles"] },
      options: { sortBy: "senior_title_share" },
      grid: { x: 0, y: 2, w: 16, h: 6 },
      // that unit's branches (their secretary column shows who holds the post)
      drill: { route: "/branches", filters: { org_unit_id: { column: "org_unit_id" }, status: "active" } },
    },
    {
      id: "hours_distribution",
      title: { zh: "书记年度培训学时分布", en: "Secretaries' training hours" },
      kind: "bar",
      query: { source: teamHoursDistribution, params: scope },
      encode: { x: "label", value: "secretaries" },
      grid: { x: 16, y: 2, w: 8, h: 6 },
    },
    {
      id: "trend",
      title: { zh: "历年高级职称比例与培训达标率", en: "Senior titles and training, by year" },
      kind: "line",
      query: { source: teamTrend, params: { p_from_year: 2024, p_to_year: { filter: "year" }, p_org_unit_id: { filter: "org_unit" } } },
      encode: { x: "year", value: ["senior_title_share", "training_coverage"] },
      grid: { x: 0, y: 8, w: 12, h: 5 },
    },
    {
      id: "training_by_unit",
      title: { zh: "各单位书记培训达标率", en: "Training standard met, by unit" },
      kind: "bar",
      query: { source: teamByUnit, params: scope },
      encode: { x: "org_unit_name", value: "training_coverage" },
      options: { sortBy: "training_coverage" },
      grid: { x: 12, y: 8, w: 12, h: 5 },
    },
    {
      id: "vacant_branches",
      title: { zh: "书记空缺的支部", en: "Branches without a secretary" },
      kind: "table",
      query: { source: branchesWithoutSecretary, params: scope },
      encode: { columns: ["branch_name", "branch_kind", "org_unit_name", "members", "last_election_on"] },
      open: { route: "/branches", id: "branch_id" },
      grid: { x: 0, y: 13, w: 24, h: 6 },
    },
  ],
});
