// 覆盖与载体: carriers and the branches that reach them (§11).
import { HomeOutlined, LinkOutlined } from "@ant-design/icons";
import { defineResource, type ResourceDef } from "../crud/types";
import { CARRIER_KIND, COVERAGE_FORM, toBranch, toCarrier, toOrgUnit } from "./shared";

export const coverageResources: ResourceDef[] = [
  defineResource({
    name: "carriers",
    route: "/carriers",
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

];
