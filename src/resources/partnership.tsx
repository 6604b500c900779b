// 党建联建: partnerships and what they did (§6, §9, §10).
import { FlagOutlined, SolutionOutlined } from "@ant-design/icons";
import { defineResource, type ResourceDef } from "../crud/types";
import { PARTNERSHIP_MODE, PARTNERSHIP_STATUS, PARTNER_KIND, SERVICE_AREA, toBranch, toOrgUnit, toPartnership } from "./shared";

export const partnershipResources: ResourceDef[] = [
  defineResource({
    name: "partnerships",
    route: "/partnerships",
    // 导入 (public.import_rows; app.import_targets holds the same upsert key)
    import: {},
    group: "partnership",
    icon: <FlagOutlined />,
    recordTitle: (record, t) => toPartnership.format!(record, t),
    defaultSort: { field: "started_on", order: "desc" },
    deleteCascade: "cascade.partnerships",
    fields: [
      { name: "branch_id", type: "relation", relation: { ...toBranch, inner: true }, required: true, list: true, filter: true },
      { name: "branch.org_unit_id", type: "relation", relation: toOrgUnit, label: "partnerships.fields.org_unit_id", filter: true, form: false, show: false },
      { name: "mode", type: "enum", enum: PARTNERSHIP_MODE, required: true, list: true, filter: true },
      { name: "partner_kind", type: "enum", enum: PARTNER_KIND, required: true, list: true, filter: true },
      { name: "partner_name", type: "text", maxLength: 100, list: true, search: true, help: "partnerships.help.partner" },
      { name: "partner_branch_id", type: "relation", relation: { ...toBranch, unitField: undefined }, list: true },
      { name: "started_on", type: "date", required: true, maxYearsAhead: 1, list: true, filter: true },
      { name: "ended_on", type: "date", maxYearsAhead: 10 },
      { name: "status", type: "enum", enum: PARTNERSHIP_STATUS, required: true, list: true, filter: true, defaultValue: "active" },
    ],
    related: [{ resource: "partnership_activities", foreignKey: "partnership_id" }],
  }),
  defineResource({
    name: "partnership_activities",
    route: "/partnership-activities",
    // 导入 (public.import_rows; app.import_targets holds the same upsert key)
    import: {},
    group: "partnership",
    icon: <SolutionOutlined />,
    hideInMenu: true,
    titleField: "title",
    defaultSort: { field: "held_on", order: "desc" },
    fields: [
      { name: "partnership_id", type: "relation", relation: toPartnership, required: true, list: true, filter: true },
      { name: "held_on", type: "date", required: true, maxYearsAhead: 1, list: true, filter: true },
      { name: "title", type: "text", required: true, maxLength: 200, list: true, search: true },
      { name: "service_area", type: "enum", enum: SERVICE_AREA, required: true, list: true, filter: true },
      { name: "participants", type: "number", min: 0, max: 100_000, required: true, list: true, defaultValue: 0 },
      { name: "outcome", type: "textarea", maxLength: 2000 },
    ],
  }),

];
