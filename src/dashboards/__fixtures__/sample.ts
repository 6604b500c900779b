// Fixed rows and a query source the option builder and validation tests share.
import { defineQuery, type PanelSpec } from "../spec";

export const coverageByUnit = defineQuery({
  rpc: "analytics_coverage_by_unit",
  columns: {
    org_unit_id: { label: "单位编号", hidden: true },
    org_unit_name: { label: { zh: "二级党组织", en: "Org unit" } },
    kind: { label: { zh: "载体类型", en: "Carrier kind" }, enum: { dormitory: { zh: "学生公寓", en: "Dormitory" }, lab: { zh: "实验室", en: "Lab" } } },
    carriers: { label: { zh: "载体数", en: "Carriers" }, format: "count" },
    rate: { label: { zh: "覆盖率", en: "Coverage" }, format: "percent" },
    budget: { label: { zh: "预算", en: "Budget" }, format: "money" },
  },
});

export const rows = [
  { org_unit_id: 1, org_unit_name: "计算机学院", kind: "dormitory", carriers: 12, rate: 0.8534, budget: 120000 },
  { org_unit_id: 1, org_unit_name: "计算机学院", kind: "lab", carriers: 1234, rate: 0.5, budget: 30000.5 },
  { org_unit_id: 2, org_unit_name: "外国语学院", kind: "dormitory", carriers: 8, rate: 1, budget: 0 },
];

export const panel = (overrides: Partial<PanelSpec>): PanelSpec => ({
  id: "by_unit",
  title: "各单位覆盖率",
  kind: "bar",
  query: { source: coverageByUnit, params: { p_year: { filter: "year" } } },
  encode: { x: "org_unit_name", value: "rate" },
  grid: { x: 0, y: 0, w: 12, h: 4 },
  ...overrides,
});
