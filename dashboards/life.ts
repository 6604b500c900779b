// 组织生活 (§8, §14): how fully branches hold the meetings the standards (meeting_standards) expect of them —
// per unit and quarter, per kind, each branch's quarter 已完成 / 未完成 per kind, the branches that held nothing
// this quarter, and how many of those expected attend. The quarter status lives here (not on the branch's page)
// because it is read across branches with the year, unit and quarter filters, and the e2e reads it here.
import { defineDashboard, defineQuery } from "../src/dashboards/spec";
import { lifeTexts } from "../src/resources/life.texts";
import { BRANCH_KINDS } from "./shared/labels";

type Labels = Record<string, { zh: string; en: string }>;
const both = (zh: Record<string, unknown>, en: Record<string, unknown>): Labels =>
  Object.fromEntries(Object.entries(zh).map(([code, text]) => [code, { zh: String(text), en: String(en[code] ?? text) }]));
const kindsZh = (lifeTexts.zhCN.enums as Record<string, Record<string, string>>).meeting_kind;
const kindsEn = (lifeTexts.en.enums as Record<string, Record<string, string>>).meeting_kind;
export const MEETING_KINDS = both(kindsZh, kindsEn);
const FREQUENCIES = both(
  (lifeTexts.zhCN.enums as Record<string, Record<string, string>>).meeting_frequency,
  (lifeTexts.en.enums as Record<string, Record<string, string>>).meeting_frequency,
);
const QUARTERS: Labels = {
  Q1: { zh: "第一季度", en: "Q1" },
  Q2: { zh: "第二季度", en: "Q2" },
  Q3: { zh: "第三季度", en: "Q3" },
  Q4: { zh: "第四季度", en: "Q4" },
};
const QUARTER_FILTER: Labels = { 1: QUARTERS.Q1, 2: QUARTERS.Q2, 3: QUARTERS.Q3, 4: QUARTERS.Q4 };
const STATUS: Labels = { done: { zh: "已完成", en: "Done" }, open: { zh: "未完成", en: "Not done" } };

const unit = {
  org_unit_id: { label: "org_unit_id", hidden: true },
  org_unit_code: { label: { zh: "组织编码", en: "Code" }, hidden: true },
  org_unit_name: { label: { zh: "二级党组织", en: "Org unit" } },
} as const;
const completion = {
  expected: { label: { zh: "应开次数", en: "Expected" }, format: "count" },
  held: { label: { zh: "已开次数", en: "Held" }, format: "count" },
  completion_rate: { label: { zh: "完成率", en: "Completion" }, format: "percent" },
} as const;
const kindStatus = (kind: string) => ({ label: MEETING_KINDS[kind], enum: STATUS });

export const meetingCompletionSummary = defineQuery({ rpc: "meeting_completion_summary", columns: { ...completion } });
export const meetingCompletionByUnitQuarter = defineQuery({
  rpc: "meeting_completion_by_unit_quarter",
  columns: { ...unit, quarter: { label: { zh: "季度", en: "Quarter" }, enum: QUARTERS }, ...completion },
});
export const meetingCompletionByKind = defineQuery({
  rpc: "meeting_completion_by_kind",
  columns: {
    kind: { label: { zh: "类型", en: "Kind" }, enum: MEETING_KINDS },
    frequency: { label: { zh: "频次", en: "Frequency" }, enum: FREQUENCIES },
    ...completion,
  },
});
export const meetingQuarterStatus = defineQuery({
  rpc: "meeting_quarter_status",
  columns: {
    branch_id: { label: "branch_id", hidden: true },
    branch_code: { label: { zh: "支部编码", en: "Code" }, hidden: true },
    branch_name: { label: { zh: "党支部", en: "Branch" } },
    org_unit_id: unit.org_unit_id,
    org_unit_name: unit.org_unit_name,
    branch_committee: kindStatus("branch_committee"),
    general_meeting: kindStatus("general_meeting"),
    group_meeting: kindStatus("group_meeting"),
    party_lecture: kindStatus("party_lecture"),
    theme_day: kindStatus("theme_day"),
    org_life: kindStatus("org_life"),
    kinds_done: { label: { zh: "已完成类型", en: "Kinds done" }, format: "count" },
    kinds_due: { label: { zh: "应完成类型", en: "Kinds due" }, format: "count" },
  },
});
export const branchesWithoutMeetings = defineQuery({
  rpc: "branches_without_meetings",
  columns: {
    branch_id: { label: "branch_id", hidden: true },
    branch_code: { label: { zh: "支部编码", en: "Code" } },
    branch_name: { label: { zh: "党支部", en: "Branch" } },
    org_unit_id: unit.org_unit_id,
    org_unit_name: unit.org_unit_name,
    members: { label: { zh: "党员数", en: "Members" }, format: "count" },
    last_held_on: { label: { zh: "最近一次组织生活", en: "Last meeting" }, format: "date" },
  },
});
export const meetingAttendanceTrend = defineQuery({
  rpc: "meeting_attendance_trend",
  columns: {
    quarter_start: { label: { zh: "季度起始日", en: "Quarter start" }, format: "date", hidden: true },
    quarter_label: { label: { zh: "季度", en: "Quarter" } },
    meetings: { label: { zh: "登记出勤的会议", en: "Meetings with a roster" }, format: "count" },
    expected: { label: { zh: "应到人次", en: "Expected" }, format: "count" },
    present: { label: { zh: "实到人次", en: "Present" }, format: "count" },
    attendance_rate: { label: { zh: "出勤率", en: "Attendance" }, format: "percent" },
  },
});

const scope = { p_day: { filter: "year", as: "end_of_year" }, p_org_unit_id: { filter: "org_unit" }, p_branch_kind: { filter: "branch_kind" } } as const;
const periodNote = {
  zh: "按组织生活标准, 每个在册支部在截至统计日已开始的每个周期 (月、季、年) 应开的次数; 每期超开不抵其他周期; 年度组织生活会计入第四季度",
  en: "What each active branch owes in every period (month, quarter, year) begun by the day, per the meeting standards; extra meetings do not make up for another period; the yearly review counts in Q4",
};

export default defineDashboard({
  id: "life",
  title: { zh: "组织生活", en: "Meetings" },
  order: 4,
  filters: [
    { id: "year", kind: "year", from: 2024, label: { zh: "年度", en: "Year" } },
    { id: "org_unit", kind: "org_unit" },
    { id: "quarter", kind: "enum", label: { zh: "季度", en: "Quarter" }, options: QUARTER_FILTER },
    { id: "branch_kind", kind: "enum", label: { zh: "支部类型", en: "Branch kind" }, options: BRANCH_KINDS },
  ],
  panels: [
    {
      id: "completion_heatmap",
      title: { zh: "组织生活完成率（单位 × 季度）", en: "Completion by unit and quarter" },
      kind: "heatmap",
      query: { source: meetingCompletionByUnitQuarter, params: scope },
      encode: { x: "quarter", y: "org_unit_name", value: "completion_rate" },
      options: { description: periodNote },
      grid: { x: 0, y: 0, w: 14, h: 8 },
    },
    {
      id: "by_kind",
      title: { zh: "各类组织生活完成率（本年度）", en: "Completion by kind (year to date)" },
      kind: "bar",
      query: { source: meetingCompletionByKind, params: scope },
      encode: { x: "kind", value: "completion_rate" },
      grid: { x: 14, y: 0, w: 10, h: 4 },
      drill: { route: "/meetings", filters: { org_unit_id: { filter: "org_unit" }, kind: { column: "kind" } } },
    },
    {
      id: "attendance_trend",
      title: { zh: "出勤率趋势（近三年各季度）", en: "Attendance by quarter, three years" },
      kind: "line",
      query: { source: meetingAttendanceTrend, params: scope },
      encode: { x: "quarter_label", value: "attendance_rate" },
      grid: { x: 14, y: 4, w: 10, h: 4 },
    },
    {
      id: "quarter_status",
      title: { zh: "各支部季度完成情况（默认所选年度的当前季度）", en: "Each branch's quarter (default: the current quarter of the year)" },
      kind: "table",
      query: { source: meetingQuarterStatus, params: { ...scope, p_quarter: { filter: "quarter" } } },
      encode: {
        columns: ["branch_name", "org_unit_name", "branch_committee", "general_meeting", "group_meeting", "party_lecture", "theme_day", "org_life", "kinds_done", "kinds_due"],
      },
      open: { route: "/branches", id: "branch_id" },
      grid: { x: 0, y: 8, w: 24, h: 8 },
    },
    {
      id: "without_meetings",
      title: { zh: "本季度尚无组织生活的支部", en: "Branches with no meeting this quarter" },
      kind: "table",
      query: { source: branchesWithoutMeetings, params: scope },
      encode: { columns: ["branch_name", "branch_code", "org_unit_name", "members", "last_held_on"] },
      open: { route: "/branches", id: "branch_id" },
      grid: { x: 0, y: 16, w: 24, h: 6 },
    },
  ],
});
