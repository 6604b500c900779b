// No analytics request can run away: every analytics RPC refuses a hostile parameter (infinity, year 9999,
// a million months, NaN, a zero bucket width, a huge limit) before doing any work, with a 400, a zh-CN message
// naming the parameter, the rule analytics_parameter_range and the parameter in the hint. Called as the leader
// through the API, as the dashboards call them. (coverage_trend(p_end => 'infinity') once wrote 13 GB of temp files.)
import type { SupabaseClient } from "@supabase/supabase-js";
import { beforeAll, describe, expect, it } from "vitest";
import { signedInClient } from "../local/testing";

let leader: SupabaseClient;

beforeAll(async () => {
  leader = await signedInClient("leader@dangjian.test");
});

type Hostile = { fn: string; params: Record<string, unknown>; field: string; message: string };

const DATES = "须在 1921-07-01 到 2100-12-31 之间";
const YEARS = "须在 2000 到 2100 之间";

const hostile: Hostile[] = [
  { fn: "coverage_trend", params: { p_end: "infinity" }, field: "p_end", message: `截止日期${DATES}` },
  { fn: "coverage_trend", params: { p_end: "9999-12-31" }, field: "p_end", message: `截止日期${DATES}` },
  { fn: "coverage_trend", params: { p_end: "-infinity" }, field: "p_end", message: `截止日期${DATES}` },
  { fn: "coverage_trend", params: { p_months: 1_000_000 }, field: "p_months", message: "月数须在 1 到 240 之间" },
  { fn: "coverage_trend", params: { p_months: 0 }, field: "p_months", message: "月数须在 1 到 240 之间" },
  { fn: "coverage_by_unit_kind", params: { p_day: "infinity" }, field: "p_day", message: `统计日期${DATES}` },
  { fn: "coverage_by_kind", params: { p_day: "9999-01-01" }, field: "p_day", message: `统计日期${DATES}` },
  { fn: "coverage_summary", params: { p_day: "1900-01-01" }, field: "p_day", message: `统计日期${DATES}` },
  { fn: "uncovered_carriers", params: { p_day: "infinity" }, field: "p_day", message: `统计日期${DATES}` },
  { fn: "evaluation_distribution", params: { p_year: 2025, p_bucket_width: 0 }, field: "p_bucket_width", message: "分段宽度须在 1 到 100 之间" },
  { fn: "evaluation_distribution", params: { p_year: 2025, p_bucket_width: -5 }, field: "p_bucket_width", message: "分段宽度须在 1 到 100 之间" },
  { fn: "evaluation_distribution", params: { p_year: 9999 }, field: "p_year", message: `考核年度${YEARS}` },
  { fn: "evaluation_six_averages", params: { p_year: -2147483648 }, field: "p_year", message: `考核年度${YEARS}` },
  { fn: "evaluation_grades_by_unit", params: { p_year: 1 }, field: "p_year", message: `考核年度${YEARS}` },
  { fn: "evaluation_ranking", params: { p_year: 2025, p_limit: 2_000_000_000 }, field: "p_limit", message: "条数须在 0 到 1000 之间" },
  { fn: "evaluation_ranking", params: { p_year: 2025, p_limit: -1 }, field: "p_limit", message: "条数须在 0 到 1000 之间" },
  { fn: "evaluation_year_over_year", params: { p_year: -2147483648 }, field: "p_year", message: `考核年度${YEARS}` },
  { fn: "funds_by_unit_category", params: { p_fiscal_year: 9999 }, field: "p_fiscal_year", message: `预算年度${YEARS}` },
  { fn: "funds_by_category", params: { p_fiscal_year: 1000 }, field: "p_fiscal_year", message: `预算年度${YEARS}` },
  { fn: "funds_monthly_execution", params: { p_fiscal_year: 32767 }, field: "p_fiscal_year", message: `预算年度${YEARS}` },
  { fn: "branches_below_activity_standard", params: { p_standard: "NaN" }, field: "p_standard", message: "人均标准须在 0 到 100000 之间" },
  { fn: "branches_below_activity_standard", params: { p_standard: "Infinity" }, field: "p_standard", message: "人均标准须在 0 到 100000 之间" },
  { fn: "branches_below_activity_standard", params: { p_standard: -1 }, field: "p_standard", message: "人均标准须在 0 到 100000 之间" },
  { fn: "branches_below_activity_standard", params: { p_fiscal_year: 0 }, field: "p_fiscal_year", message: `预算年度${YEARS}` },
  { fn: "home_kpis", params: { p_day: "infinity" }, field: "p_day", message: `统计日期${DATES}` },
  { fn: "home_kpis", params: { p_fiscal_year: 9999 }, field: "p_fiscal_year", message: `预算年度${YEARS}` },
];

describe("each analytics RPC refuses a hostile parameter with a 400 and a zh-CN message on the parameter", () => {
  it.each(hostile.map((h) => [`${h.fn}(${JSON.stringify(h.params)})`, h] as const))("%s", async (_name, h) => {
    const { error, status } = await leader.rpc(h.fn, h.params);
    expect(status).toBe(400);
    expect(error).not.toBeNull();
    expect(error!.code).toBe("22023");
    expect(error!.message).toBe(h.message);
    expect(error!.details).toBe("analytics_parameter_range");
    expect(error!.hint).toBe(`field:${h.field}`);
  });

  it("covers every analytics RPC that takes a date, a count, a year, a width, a limit or a standard", () => {
    const all = [
      "coverage_by_unit_kind", "coverage_by_kind", "coverage_summary", "uncovered_carriers", "coverage_trend",
      "evaluation_distribution", "evaluation_six_averages", "evaluation_grades_by_unit", "evaluation_ranking",
      "evaluation_year_over_year", "funds_by_unit_category", "funds_by_category", "funds_monthly_execution",
      "branches_below_activity_standard", "home_kpis",
    ];
    // evaluation_trend (the 16th) takes only an org unit and a branch kind: nothing to bound.
    expect(new Set(hostile.map((h) => h.fn))).toEqual(new Set(all));
  });
});

describe("the bounds leave every sane request alone", () => {
  it.each([
    ["coverage_trend", { p_months: 240, p_end: "2100-12-31" }],
    ["coverage_trend", { p_months: 1, p_end: "1921-07-01" }],
    ["coverage_summary", {}],
    ["evaluation_distribution", { p_year: 2025, p_bucket_width: 100 }],
    ["evaluation_ranking", { p_year: 2025, p_limit: 0 }],
    ["evaluation_ranking", { p_year: 2025, p_limit: 1000 }],
    ["branches_below_activity_standard", { p_fiscal_year: 2026, p_standard: 100000 }],
    ["home_kpis", { p_day: "2026-06-30", p_fiscal_year: 2026 }],
    // null keeps its meaning (no rows for a missing end, no filter elsewhere)
    ["coverage_trend", { p_end: null }],
  ] as const)("%s(%j)", async (fn, params) => {
    const { error, status } = await leader.rpc(fn, params);
    expect(error).toBeNull();
    expect(status).toBe(200);
  });

  it("coverage_trend still gives one row per month up to the end", async () => {
    const { data, error } = await leader.rpc("coverage_trend", { p_months: 240, p_end: "2026-06-30" });
    expect(error).toBeNull();
    expect(data).toHaveLength(240);
  });
});
