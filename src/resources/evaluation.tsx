// 考核评议: 一报告两评议 and 定岗明责 (§8, §17).
import { AuditOutlined, CalendarOutlined, FileDoneOutlined, ProfileOutlined } from "@ant-design/icons";
import { lazy } from "react";
import { defineResource, type ResourceDef } from "../crud/types";
import { BRANCH_GRADE, CYCLE_STATUS, MEMBER_GRADE, ORG_ADMIN_WRITES, memberScopeFilters, toBranch, toCycle, toMemberWithUnit, toOrgUnit } from "./shared";

// Record and bulk actions load with the page that shows them, not with the menu.
const ReopenCycle = lazy(() => import("../pages/evaluation-cycles/ReopenCycle").then((module) => ({ default: module.ReopenCycle })));

export const evaluationResources: ResourceDef[] = [
  defineResource({
    name: "evaluation_cycles",
    route: "/evaluation-cycles",
    group: "evaluation",
    icon: <CalendarOutlined />,
    titleField: "title",
    defaultSort: { field: "year", order: "desc" },
    // Opening and closing cycles is the organization department's; a closed cycle is frozen until it reopens it.
    access: ORG_ADMIN_WRITES,
    recordActions: [ReopenCycle],
    fields: [
      { name: "year", type: "number", required: true, min: 2000, max: 2100, list: true, defaultValue: new Date().getFullYear() },
      { name: "title", type: "text", required: true, maxLength: 100, list: true, search: true },
      { name: "starts_on", type: "date", required: true, list: true },
      { name: "ends_on", type: "date", required: true, list: true },
      { name: "weight_org", type: "number", required: true, min: 0, max: 1, step: 0.05, list: true, defaultValue: 0.7 },
      { name: "weight_masses", type: "number", required: true, min: 0, max: 1, step: 0.05, list: true, defaultValue: 0.3, help: "evaluation_cycles.help.weights" },
      { name: "status", type: "enum", enum: CYCLE_STATUS, required: true, list: true, filter: true, defaultValue: "draft" },
    ],
    related: [
      { resource: "branch_evaluations", foreignKey: "cycle_id" },
      { resource: "member_reviews", foreignKey: "cycle_id" },
    ],
  }),
  defineResource({
    name: "branch_evaluations",
    route: "/branch-evaluations",
    // 导入 (public.import_rows; app.import_targets holds the same upsert key)
    import: { upsert: ["cycle_id", "branch_id"] },
    group: "evaluation",
    icon: <AuditOutlined />,
    recordTitle: (record) =>
      `${(record.cycle as { title?: string } | null)?.title ?? ""} · ${(record.branch as { name?: string } | null)?.name ?? ""}`,
    defaultSort: { field: "id", order: "desc" },
    fields: [
      // inner embeds: dashboard drill-downs filter on "cycle.year" and "branch.org_unit_id"
      { name: "cycle_id", type: "relation", relation: { ...toCycle, inner: true }, required: true, list: true, filter: true },
      { name: "branch_id", type: "relation", relation: { ...toBranch, inner: true }, required: true, list: true, filter: true },
      { name: "branch.org_unit_id", type: "relation", relation: toOrgUnit, label: "branch_evaluations.fields.org_unit_id", filter: true, form: false, show: false },
      { name: "report_submitted_on", type: "date", maxYearsAhead: 0, list: true, filter: true },
      ...(["score_leadership", "score_backbone", "score_venue", "score_carrier", "score_system", "score_performance", "satisfaction"] as const).map(
        (name) => ({ name, type: "number" as const, min: 0, max: 100, step: 1 }),
      ),
      { name: "total", type: "number", form: false, list: true },
      { name: "grade", type: "enum", enum: BRANCH_GRADE, form: false, list: true, filter: true },
    ],
  }),
  defineResource({
    name: "member_posts",
    route: "/member-posts",
    // 导入 (public.import_rows; app.import_targets holds the same upsert key)
    import: { upsert: ["member_id", "year"] },
    group: "evaluation",
    icon: <ProfileOutlined />,
    titleField: "post_title",
    defaultSort: { field: "year", order: "desc" },
    fields: [
      { name: "member_id", type: "relation", relation: toMemberWithUnit, required: true, list: true, filter: true },
      ...memberScopeFilters("member_posts"),
      { name: "year", type: "number", required: true, min: 2000, max: 2100, list: true, filter: true, defaultValue: new Date().getFullYear() },
      { name: "post_title", type: "text", required: true, maxLength: 100, list: true, search: true },
      { name: "duties", type: "textarea", maxLength: 2000 },
      { name: "targets", type: "textarea", maxLength: 2000 },
      { name: "self_review", type: "textarea", maxLength: 2000 },
      { name: "grade", type: "enum", enum: MEMBER_GRADE, list: true, filter: true },
    ],
  }),
  defineResource({
    name: "member_reviews",
    route: "/member-reviews",
    // 导入 (public.import_rows; app.import_targets holds the same upsert key)
    import: { upsert: ["cycle_id", "member_id"] },
    group: "evaluation",
    icon: <FileDoneOutlined />,
    recordTitle: (record) =>
      `${(record.cycle as { title?: string } | null)?.title ?? ""} · ${(record.member as { name?: string } | null)?.name ?? ""}`,
    defaultSort: { field: "id", order: "desc" },
    fields: [
      { name: "cycle_id", type: "relation", relation: toCycle, required: true, list: true, filter: true },
      { name: "member_id", type: "relation", relation: toMemberWithUnit, required: true, list: true, filter: true },
      ...memberScopeFilters("member_reviews"),
      { name: "grade", type: "enum", enum: MEMBER_GRADE, required: true, list: true, filter: true },
      { name: "comment", type: "textarea", maxLength: 2000 },
    ],
  }),

];
