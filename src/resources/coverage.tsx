// 覆盖与载体: carriers and the branches that reach them (§11); members' 示范岗 / 责任区 and branches' 网络载体 (§5, §12).
import { FlagOutlined, GlobalOutlined, HomeOutlined, LinkOutlined } from "@ant-design/icons";
import { defineResource, type ResourceDef } from "../crud/types";
import { CARRIER_KIND, COVERAGE_FORM, MODEL_POST_KIND, ONLINE_CHANNEL_KIND, memberScopeFilters, toBranch, toCarrier, toMemberWithUnit, toOrgUnit } from "./shared";

export const coverageResources: ResourceDef[] = [
  defineResource({
    name: "carriers",
    route: "/carriers",
    // 导入 (public.import_rows; app.import_targets holds the same upsert key)
    import: { upsert: ["org_unit_id", "kind", "name"] },
    group: "coverage",
    icon: <HomeOutlined />,
    titleField: "name",
    defaultSort: { field: "name", order: "asc" },
    deleteCascade: "cascade.carriers",
    fields: [
      { name: "org_unit_id", type: "relation", relation: toOrgUnit, required: true, orgUnit: true, list: true, filter: true },
      { name: "kind", type: "enum", enum: CARRIER_KIND, required: true, list: true, filter: true },
      { name: "name", type: "text", required: true, maxLength: 100, list: true, search: true },
      { name: "headcount", type: "number", min: 0, max: 100_000, required: true, list: true, defaultValue: 0 },
      // today: a current coverage by an active branch (the coverage dashboard drills down on it)
      {
        name: "covered",
        type: "boolean",
        computed: true,
        filterVia: "current_coverages",
        booleanLabels: { true: "carriers.covered.true", false: "carriers.covered.false" },
        list: true,
        filter: true,
      },
      { name: "updated_at", type: "datetime", form: false },
    ],
    related: [{ resource: "carrier_coverages", foreignKey: "carrier_id" }],
  }),
  defineResource({
    name: "carrier_coverages",
    route: "/carrier-coverages",
    // 导入 (public.import_rows; app.import_targets holds the same upsert key)
    import: {},
    group: "coverage",
    icon: <LinkOutlined />,
    hideInMenu: true,
    recordTitle: (record, t) =>
      `${(record.branch as { name?: string } | null)?.name ?? ""} → ${(record.carrier as { name?: string } | null)?.name ?? ""} ${t(`enums.coverage_form.${String(record.form)}`)}`,
    defaultSort: { field: "started_on", order: "desc" },
    fields: [
      { name: "carrier_id", type: "relation", relation: toCarrier, required: true, list: true, filter: true },
      { name: "branch_id", type: "relation", relation: toBranch, required: true, list: true, filter: true },
      { name: "form", type: "enum", enum: COVERAGE_FORM, required: true, list: true, filter: true },
      { name: "started_on", type: "date", required: true, maxYearsAhead: 1, list: true, filter: true },
      { name: "ended_on", type: "date", maxYearsAhead: 10, list: true },
    ],
  }),

  // 党员示范岗 / 党员责任区 (§12): a member's post or zone, optionally in a carrier of the member's unit.
  defineResource({
    name: "model_posts",
    route: "/model-posts",
    group: "coverage",
    icon: <FlagOutlined />,
    titleField: "title",
    defaultSort: { field: "started_on", order: "desc" },
    fields: [
      { name: "member_id", type: "relation", relation: toMemberWithUnit, required: true, list: true, filter: true },
      ...memberScopeFilters("model_posts"),
      { name: "kind", type: "enum", enum: MODEL_POST_KIND, required: true, list: true, filter: true, defaultValue: "model_post" },
      { name: "title", type: "text", required: true, maxLength: 100, list: true, search: true },
      { name: "place", type: "text", maxLength: 200, list: true, search: true },
      { name: "carrier_id", type: "relation", relation: toCarrier, list: true, filter: true, help: "model_posts.help.carrier" },
      { name: "started_on", type: "date", required: true, maxYearsAhead: 1, list: true, filter: true },
      { name: "ended_on", type: "date", maxYearsAhead: 10, list: true, help: "model_posts.help.ended" },
      { name: "updated_at", type: "datetime", form: false },
    ],
  }),
  // 网络载体 (§5, §12): a branch's WeChat account, QQ group, 易班, Weibo, website.
  defineResource({
    name: "online_channels",
    route: "/online-channels",
    group: "coverage",
    icon: <GlobalOutlined />,
    titleField: "name",
    defaultSort: { field: "id", order: "desc" },
    fields: [
      { name: "branch_id", type: "relation", relation: { ...toBranch, inner: true, select: "id,name,org_unit_id" }, required: true, list: true, filter: true },
      { name: "branch.org_unit_id", type: "relation", relation: toOrgUnit, label: "online_channels.fields.org_unit_id", filter: true, form: false, show: false },
      { name: "kind", type: "enum", enum: ONLINE_CHANNEL_KIND, required: true, list: true, filter: true },
      { name: "name", type: "text", required: true, maxLength: 100, list: true, search: true },
      { name: "url", type: "text", maxLength: 500, list: true, help: "online_channels.help.url" },
      { name: "audience", type: "number", min: 0, max: 10_000_000, required: true, list: true, defaultValue: 0, help: "online_channels.help.audience" },
      { name: "updated_at", type: "datetime", form: false },
    ],
  }),
];
