// 覆盖情况: how far branches reach the carriers of §11 (进公寓、进社团、进实验室、进课题组、进实践基地).
import { defineDashboard, defineQuery } from "../src/dashboards/spec";
import { BRANCH_KINDS, CARRIER_KINDS } from "./shared/labels";

const counts = {
  carriers: { label: { zh: "载体数", en: "Carriers" }, format: "count" },
  covered: { label: { zh: "已覆盖", en: "Covered" }, format: "count" },
  uncovered: { label: { zh: "未覆盖", en: "Uncovered" }, format: "count" },
  coverage_rate: { label: { zh: "覆盖率", en: "Coverage" }, format: "percent" },
} as const;
const unit = {
  org_unit_id: { label: "org_unit_id", hidden: true },
  org_unit_code: { label: { zh: "组织编码", en: "Code" }, hidden: true },
  org_unit_name: { label: { zh: "二级党组织", en: "Org unit" } },
} as const;
const carrierKind = { label: { zh: "载体类型", en: "Carrier kind" }, enum: CARRIER_KINDS } as const;

export const coverageSummary = defineQuery({ rpc: "coverage_summary", columns: { ...counts } });
export const coverageByKind = defineQuery({ rpc: "coverage_by_kind", columns: { carrier_kind: carrierKind, ...counts } });
export const coverageByUnitKind = defineQuery({ rpc: "coverage_by_unit_kind", columns: { ...unit, carrier_kind: carrierKind, ...counts } });
export const coverageTrend = defineQuery({
  rpc: "coverage_trend",
  columns: {
    month: { label: { zh: "月份", en: "Month" }, format: "month" },
    day: { label: { zh: "统计日", en: "Day" }, format: "date", hidden: true },
    carriers: counts.carriers,
    covered: counts.covered,
    coverage_rate: counts.coverage_rate,
  },
});
export const uncoveredCarriers = defineQuery({
  rpc: "uncovered_carriers",
  columns: {
    carrier_id: { label: "carrier_id", hidden: true },
    carrier_name: { label: { zh: "载体名称", en: "Carrier" } },
    carrier_kind: carrierKind,
    headcount: { label: { zh: "人数", en: "Headcount" }, format: "count" },
    ...unit,
    last_covered_on: { label: { zh: "最近覆盖截至", en: "Last covered" }, format: "date" },
  },
});

const scope = { p_day: { filter: "year", as: "end_of_year" }, p_org_unit_id: { filter: "org_unit" }, p_branch_kind: { filter: "branch_kind" } } as const;

export default defineDashboard({
  id: "coverage",
  title: { zh: "覆盖情况", en: "Coverage" },
  order: 1,
  filters: [
    { id: "year", kind: "year", from: 2024, label: { zh: "年度", en: "Year" } },
    { id: "org_unit", kind: "org_unit" },
    { id: "branch_kind", kind: "enum", label: { zh: "支部类型", en: "Branch kind" }, options: BRANCH_KINDS },
  ],
  panels: [
    {
      id: "overall",
      title: { zh: "总体覆盖率", en: "Overall coverage" },
      kind: "gauge",
      query: { source: coverageSummary, params: scope },
      encode: { value: "coverage_rate" },
      grid: { x: 0, y: 0, w: 6, h: 4 },
    },
    {
      id: "by_kind",
      title: { zh: "各类载体覆盖率", en: "Coverage by carrier kind" },
      kind: "bar",
      query: { source: coverageByKind, params: scope },
      encode: { x: "carrier_kind", value: "coverage_rate" },
      grid: { x: 6, y: 0, w: 8, h: 4 },
      drill: { route: "/carriers", filters: { org_unit_id: { filter: "org_unit" }, kind: { column: "carrier_kind" }, covered: false } },
    },
    {
      id: "trend",
      title: { zh: "近 24 个月覆盖率趋势", en: "Coverage, last 24 months" },
      kind: "line",
      query: {
        source: coverageTrend,
        params: { p_months: 24, p_end: { filter: "year", as: "end_of_year" }, p_org_unit_id: { filter: "org_unit" }, p_branch_kind: { filter: "branch_kind" } },
      },
      encode: { x: "month", value: "coverage_rate" },
      grid: { x: 14, y: 0, w: 10, h: 4 },
    },
    {
      id: "by_unit",
      title: { zh: "各单位分类覆盖率", en: "Coverage by unit and carrier kind" },
      kind: "bar",
      query: { source: coverageByUnitKind, params: scope },
      encode: { x: "org_unit_name", series: "carrier_kind", value: "coverage_rate" },
      options: { sortBy: "coverage_rate" },
      grid: { x: 0, y: 4, w: 24, h: 6 },
      // the carriers of that unit and kind that no branch reaches
      drill: { route: "/carriers", filters: { org_unit_id: { column: "org_unit_id" }, kind: { column: "carrier_kind" }, covered: false } },
    },
    {
      id: "uncovered",
      title: { zh: "未覆盖载体清单", en: "Uncovered carriers" },
      kind: "table",
      query: {
        source: uncoveredCarriers,
        params: { p_day: { filter: "year", as: "end_of_year" }, p_org_unit_id: { filter: "org_unit" }, p_branch_kind: { filter: "branch_kind" } },
      },
      encode: { columns: ["carrier_name", "carrier_kind", "org_unit_name", "headcount", "last_covered_on"] },
      open: { route: "/carriers", id: "carrier_id" },
      grid: { x: 0, y: 10, w: 24, h: 7 },
    },
  ],
});
