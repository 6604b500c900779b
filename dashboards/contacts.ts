// 联系点 (§7, §16): how many branches a leader keeps in contact with, how often the leaders visit, and the problems
// raised on visits that still wait for their follow-up. Read from 20261202050000_contact_points_and_visits.sql.
import { defineDashboard, defineQuery } from "../src/dashboards/spec";
import { zhCN } from "../src/i18n/zh-CN";
import { en } from "../src/i18n/en";

const unit = {
  org_unit_id: { label: "org_unit_id", hidden: true },
  org_unit_code: { label: { zh: "组织编码", en: "Code" }, hidden: true },
  org_unit_name: { label: { zh: "二级党组织", en: "Org unit" } },
} as const;
const shares = {
  branches: { label: { zh: "支部数", en: "Branches" }, format: "count" },
  with_contact: { label: { zh: "有联系点的支部", en: "With a contact point" }, format: "count" },
  with_leader_contact: { label: { zh: "有校领导联系点的支部", en: "With a leader's contact point" }, format: "count" },
  leader_contact_share: { label: { zh: "校领导联系点覆盖率", en: "Share with a leader's contact point" }, format: "percent" },
  contact_share: { label: { zh: "联系点覆盖率", en: "Share with any contact point" }, format: "percent" },
} as const;

// The visit kinds as the registers label them (src/resources/outreach.texts.ts).
const zhKinds = (zhCN.enums as Record<string, Record<string, string>>).visit_kind;
const enKinds = (en.enums as Record<string, Record<string, string>>).visit_kind;
const VISIT_KINDS = Object.fromEntries(Object.entries(zhKinds).map(([code, zh]) => [code, { zh, en: enKinds?.[code] ?? zh }]));
const visitKind = { label: { zh: "形式", en: "Kind" }, enum: VISIT_KINDS } as const;

export const contactPointSummary = defineQuery({ rpc: "contact_point_summary", columns: { ...shares } });
export const contactPointCoverage = defineQuery({ rpc: "contact_point_coverage", columns: { ...unit, ...shares } });
export const visitsByLeaderYear = defineQuery({
  rpc: "visits_by_leader_year",
  columns: {
    visitor_id: { label: "visitor_id", hidden: true },
    visitor_name: { label: { zh: "校领导", en: "Leader" } },
    year: { label: { zh: "年度", en: "Year" } },
    visits: { label: { zh: "走访次数", en: "Visits" }, format: "count" },
    with_problems: { label: { zh: "反映问题的走访", en: "Visits with problems raised" }, format: "count" },
  },
});
export const openFollowUps = defineQuery({
  rpc: "open_follow_ups",
  columns: {
    visit_id: { label: "visit_id", hidden: true },
    visited_on: { label: { zh: "走访日期", en: "Visited" }, format: "date" },
    branch_id: { label: "branch_id", hidden: true },
    branch_name: { label: { zh: "支部", en: "Branch" } },
    org_unit_id: unit.org_unit_id,
    org_unit_name: unit.org_unit_name,
    visitor: { label: { zh: "走访人", en: "Visitor" } },
    kind: visitKind,
    problems: { label: { zh: "反映的问题", en: "Problems" } },
    follow_up: { label: { zh: "跟进措施", en: "Follow-up" } },
    days_open: { label: { zh: "已过天数", en: "Days open" }, format: "count" },
  },
});
export const myContactPoints = defineQuery({
  rpc: "my_contact_points",
  columns: {
    contact_point_id: { label: "contact_point_id", hidden: true },
    branch_id: { label: "branch_id", hidden: true },
    branch_name: { label: { zh: "联系支部", en: "Branch" } },
    org_unit_name: unit.org_unit_name,
    started_on: { label: { zh: "建立日期", en: "Since" }, format: "date" },
    visits_this_year: { label: { zh: "本年度走访", en: "Visits this year" }, format: "count" },
    last_visited_on: { label: { zh: "最近走访", en: "Last visit" }, format: "date" },
    open_follow_ups: { label: { zh: "待跟进", en: "Open follow-ups" }, format: "count" },
  },
});
export const myOpenFollowUps = defineQuery({
  rpc: "my_open_follow_ups",
  columns: {
    visit_id: { label: "visit_id", hidden: true },
    visited_on: { label: { zh: "走访日期", en: "Visited" }, format: "date" },
    branch_name: { label: { zh: "支部", en: "Branch" } },
    org_unit_name: unit.org_unit_name,
    kind: visitKind,
    problems: { label: { zh: "反映的问题", en: "Problems" } },
    follow_up: { label: { zh: "跟进措施", en: "Follow-up" } },
    days_open: { label: { zh: "已过天数", en: "Days open" }, format: "count" },
  },
});

const scope = { p_day: { filter: "year", as: "end_of_year" }, p_org_unit_id: { filter: "org_unit" } } as const;

export default defineDashboard({
  id: "contacts",
  title: { zh: "联系点", en: "Contact points" },
  order: 5,
  filters: [
    { id: "year", kind: "year", from: 2024, label: { zh: "年度", en: "Year" } },
    { id: "org_unit", kind: "org_unit" },
  ],
  panels: [
    {
      id: "overall",
      title: { zh: "有校领导联系点的支部比例", en: "Branches with a leader's contact point" },
      kind: "gauge",
      query: { source: contactPointSummary, params: scope },
      encode: { value: "leader_contact_share" },
      grid: { x: 0, y: 0, w: 6, h: 4 },
      options: { description: { zh: "所选年度年底 (本年度为今日) 有效的联系点", en: "Contact points in force at the end of the chosen year (today for this year)" } },
    },
    {
      id: "by_unit",
      title: { zh: "各单位支部联系点覆盖率", en: "Branches with a contact point, by unit" },
      kind: "bar",
      query: { source: contactPointCoverage, params: scope },
      encode: { x: "org_unit_name", value: ["leader_contact_share", "contact_share"] },
      options: { sortBy: "leader_contact_share" },
      grid: { x: 6, y: 0, w: 18, h: 4 },
      // that unit's contact points in force today
      drill: { route: "/contact-points", filters: { "branch.org_unit_id": { column: "org_unit_id" }, active: true } },
    },
    {
      id: "by_leader",
      title: { zh: "校领导各年度走访次数", en: "Visits per leader and year" },
      kind: "bar",
      query: { source: visitsByLeaderYear, params: { p_from_year: 2024, p_to_year: { filter: "year" }, p_org_unit_id: { filter: "org_unit" } } },
      encode: { x: "visitor_name", series: "year", value: "visits" },
      grid: { x: 0, y: 4, w: 24, h: 5 },
      drill: { route: "/visits", filters: { visitor_id: { column: "visitor_id" }, "branch.org_unit_id": { filter: "org_unit" } } },
    },
    {
      id: "open_follow_ups",
      title: { zh: "待跟进事项", en: "Open follow-ups" },
      kind: "table",
      query: { source: openFollowUps, params: scope },
      encode: { columns: ["visited_on", "branch_name", "org_unit_name", "visitor", "kind", "problems", "follow_up", "days_open"] },
      open: { route: "/visits", id: "visit_id" },
      grid: { x: 0, y: 9, w: 24, h: 7 },
    },
  ],
});
