// 创优争先: 党建案例 (§15) and 创建卓越党支部计划 (§13).
import { BookOutlined, FlagOutlined, OrderedListOutlined, StarOutlined, TrophyOutlined } from "@ant-design/icons";
import type { ResourceProps } from "@refinedev/core";
import { lazy } from "react";
import { defineResource, type Relation, type ResourceDef } from "../crud/types";
import { CASE_RATING, CASE_STATUS, PLAN_RESULT, PLAN_STATUS } from "./excellence.enums";
import { BRANCH_EXCELLENCE, ORG_ADMIN_WRITES, SERVICE_AREA, toBranch, toBudget, toOrgUnit } from "./shared";

// Record actions load with the show page that offers them, not with the menu.
const caseStep = (name: "SubmitCase" | "RecommendCase" | "RateCase" | "ReopenCase") =>
  lazy(() => import("../pages/cases/CaseActions").then((module) => ({ default: module[name] })));
const planStep = (name: "SubmitPlan" | "ApprovePlan" | "JudgePlan") =>
  lazy(() => import("../pages/excellence-plans/PlanActions").then((module) => ({ default: module[name] })));

const thisYear = new Date().getFullYear();
const toPlan: Relation = {
  resource: "excellence_plans",
  labelField: "year",
  numericLabel: true,
  select: "id,year,branch:branches!branch_id(name)",
  format: (row) => `${String(row.year)} ${(row.branch as { name?: string } | null)?.name ?? ""}`,
};
const branchName = (record: Record<string, unknown>) => (record.branch as { name?: string } | null)?.name ?? "";

export const excellenceResources: ResourceDef[] = [
  defineResource({
    name: "cases",
    route: "/cases",
    group: "excellence",
    icon: <BookOutlined />,
    titleField: "title",
    defaultSort: { field: "year", order: "desc" },
    // 提交 / 推荐 / 评定 / 重新评定, each shown to the roles and in the status where it applies.
    recordActions: [caseStep("SubmitCase"), caseStep("RecommendCase"), caseStep("RateCase"), caseStep("ReopenCase")],
    fields: [
      { name: "year", type: "number", required: true, min: 2000, max: 2100, list: true, filter: true, defaultValue: thisYear },
      // inner embed: the dashboard's drill-down filters on "branch.org_unit_id"
      { name: "branch_id", type: "relation", relation: { ...toBranch, inner: true }, required: true, list: true, filter: true },
      { name: "branch.org_unit_id", type: "relation", relation: toOrgUnit, label: "cases.fields.org_unit_id", filter: true, form: false, show: false },
      { name: "title", type: "text", required: true, maxLength: 200, list: true, search: true },
      { name: "service_area", type: "enum", enum: SERVICE_AREA, required: true, list: true, filter: true },
      { name: "summary", type: "textarea", maxLength: 5000 },
      { name: "budget_id", type: "relation", relation: { ...toBudget, unitField: "org_unit_id" }, help: "cases.help.budget" },
      // The workflow's own columns: written by the steps, never by the form.
      { name: "status", type: "enum", enum: CASE_STATUS, form: false, list: true, filter: true },
      { name: "rating", type: "enum", enum: CASE_RATING, form: false, list: true, filter: true },
      { name: "submitted_on", type: "date", form: false, list: true },
      { name: "recommended_on", type: "date", form: false },
      { name: "rated_on", type: "date", form: false, list: true },
    ],
  }),
  defineResource({
    name: "excellence_plans",
    route: "/excellence-plans",
    group: "excellence",
    icon: <FlagOutlined />,
    recordTitle: (record) => `${String(record.year ?? "")} ${branchName(record)}`,
    defaultSort: { field: "year", order: "desc" },
    recordActions: [planStep("SubmitPlan"), planStep("ApprovePlan"), planStep("JudgePlan")],
    fields: [
      { name: "year", type: "number", required: true, min: 2000, max: 2100, list: true, filter: true, defaultValue: thisYear },
      { name: "branch_id", type: "relation", relation: { ...toBranch, inner: true }, required: true, list: true, filter: true },
      { name: "branch.org_unit_id", type: "relation", relation: toOrgUnit, label: "excellence_plans.fields.org_unit_id", filter: true, form: false, show: false },
      { name: "goals", type: "textarea", required: true, maxLength: 2000 },
      { name: "entry_point", type: "textarea", maxLength: 1000 },
      { name: "breakthrough", type: "textarea", maxLength: 1000 },
      { name: "self_assessment", type: "textarea", maxLength: 2000, help: "excellence_plans.help.self_assessment" },
      { name: "status", type: "enum", enum: PLAN_STATUS, form: false, list: true, filter: true },
      { name: "result", type: "enum", enum: PLAN_RESULT, form: false, list: true, filter: true },
      { name: "submitted_on", type: "date", form: false, list: true },
      { name: "approved_on", type: "date", form: false },
      { name: "judged_on", type: "date", form: false, list: true },
    ],
    related: [{ resource: "excellence_tasks", foreignKey: "plan_id" }],
  }),
  defineResource({
    name: "excellence_tasks",
    route: "/excellence-tasks",
    group: "excellence",
    icon: <OrderedListOutlined />,
    titleField: "title",
    defaultSort: { field: "due_on", order: "asc" },
    fields: [
      { name: "plan_id", type: "relation", relation: { ...toPlan, inner: true, select: `${toPlan.select},branch_id` }, required: true, list: true, filter: true },
      { name: "plan.branch_id", type: "relation", relation: toBranch, label: "excellence_tasks.fields.branch_id", filter: true, form: false, show: false },
      { name: "title", type: "text", required: true, maxLength: 200, list: true, search: true },
      { name: "due_on", type: "date", required: true, maxYearsAhead: 2, list: true, filter: true },
      { name: "done_on", type: "date", maxYearsAhead: 0, list: true, filter: true },
      { name: "note", type: "textarea", maxLength: 1000 },
    ],
  }),
  defineResource({
    name: "branch_excellence_years",
    route: "/branch-excellence-years",
    group: "excellence",
    icon: <StarOutlined />,
    recordTitle: (record) => `${String(record.year ?? "")} ${branchName(record)}`,
    defaultSort: { field: "year", order: "desc" },
    // Written by judging a plan; 组织部 may enter earlier years by hand. The branch's current flag follows.
    access: ORG_ADMIN_WRITES,
    fields: [
      { name: "year", type: "number", required: true, min: 2000, max: 2100, list: true, filter: true, defaultValue: thisYear },
      { name: "branch_id", type: "relation", relation: { ...toBranch, inner: true }, required: true, list: true, filter: true },
      { name: "branch.org_unit_id", type: "relation", relation: toOrgUnit, label: "branch_excellence_years.fields.org_unit_id", filter: true, form: false, show: false },
      { name: "status", type: "enum", enum: BRANCH_EXCELLENCE, required: true, list: true, filter: true, defaultValue: "excellent" },
      { name: "plan_id", type: "relation", relation: toPlan, form: false, list: true },
    ],
  }),
];

/** The 案例集 page: a route of its own in this menu group (see src/pages/cases/CaseCollection.tsx). */
export const CASE_COLLECTION_ROUTE = "/case-collection";
export const excellenceMenuEntries = (translate: (key: string) => string): ResourceProps[] => [
  {
    name: "case_collection",
    list: CASE_COLLECTION_ROUTE,
    meta: { label: translate("case_collection.title"), icon: <TrophyOutlined />, parent: "group-excellence" },
  },
];
