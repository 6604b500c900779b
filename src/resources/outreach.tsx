// 联系服务: leaders' contact points and visits (§7, §14, §16).
// 组织部 assigns the leaders' contact points and records their visits; a committee keeps its own people's for its
// branches (the database refuses the rest: 20261202050000_contact_points_and_visits.sql). Names come through
// `contact_people`, which a committee may read although it cannot read the leaders' profiles.
import { AimOutlined, CommentOutlined, TeamOutlined } from "@ant-design/icons";
import { defineResource, enumOf, type Relation, type ResourceDef } from "../crud/types";
import { toBranch, toOrgUnit } from "./shared";

export const VISIT_KIND = enumOf("visit_kind", ["visit", "research", "guidance", "forum", "reception"]);
const APP_ROLE = enumOf("app_role", ["org_admin", "committee_admin", "leader"]);

/** A person a contact point or visit names; a committee's choices are its own unit's accounts. */
const toPerson: Relation = { resource: "contact_people", labelField: "display_name", unitField: "org_unit_id" };

const personName = (record: Record<string, unknown>, key: string) => (record[key] as { display_name?: string } | null)?.display_name;
const branchName = (record: Record<string, unknown>) => (record.branch as { name?: string } | null)?.name ?? "";

export const outreachResources: ResourceDef[] = [
  // The people contact points and visits name (a database view): read-only, reached from their names.
  defineResource({
    name: "contact_people",
    route: "/contact-people",
    group: "outreach",
    icon: <TeamOutlined />,
    hideInMenu: true,
    pages: ["list", "show"],
    access: { write: [] },
    history: false,
    titleField: "display_name",
    defaultSort: { field: "display_name", order: "asc" },
    fields: [
      { name: "display_name", type: "text", list: true, search: true },
      { name: "role", type: "enum", enum: APP_ROLE, list: true, filter: true },
      { name: "org_unit_id", type: "relation", relation: toOrgUnit, list: true, filter: true },
    ],
    related: [
      { resource: "contact_points", foreignKey: "contact_id", canCreate: false },
      { resource: "visits", foreignKey: "visitor_id", canCreate: false },
    ],
  }),
  defineResource({
    name: "contact_points",
    route: "/contact-points",
    group: "outreach",
    icon: <AimOutlined />,
    recordTitle: (record) => [personName(record, "contact"), branchName(record)].filter(Boolean).join(" · "),
    defaultSort: { field: "started_on", order: "desc" },
    fields: [
      { name: "contact_id", type: "relation", relation: toPerson, required: true, list: true, filter: true, help: "contact_points.help.contact" },
      { name: "branch_id", type: "relation", relation: { ...toBranch, inner: true }, required: true, list: true, filter: true },
      { name: "branch.org_unit_id", type: "relation", relation: toOrgUnit, label: "contact_points.fields.org_unit_id", filter: true, form: false, show: false },
      { name: "started_on", type: "date", required: true, maxYearsAhead: 1, list: true, filter: true },
      { name: "ended_on", type: "date", maxYearsAhead: 10, list: true },
      { name: "active", type: "boolean", computed: true, booleanLabels: { true: "contact_points.active.true", false: "contact_points.active.false" }, list: true, filter: true },
      { name: "duties", type: "textarea", maxLength: 500 },
    ],
  }),
  defineResource({
    name: "visits",
    route: "/visits",
    group: "outreach",
    icon: <CommentOutlined />,
    recordTitle: (record, t) =>
      [String(record.visited_on ?? ""), branchName(record), t(`enums.visit_kind.${String(record.kind)}`)].filter(Boolean).join(" "),
    defaultSort: { field: "visited_on", order: "desc" },
    fields: [
      { name: "visited_on", type: "date", required: true, maxYearsAhead: 0, list: true, filter: true },
      { name: "branch_id", type: "relation", relation: { ...toBranch, inner: true }, required: true, list: true, filter: true },
      { name: "branch.org_unit_id", type: "relation", relation: toOrgUnit, label: "visits.fields.org_unit_id", filter: true, form: false, show: false },
      { name: "kind", type: "enum", enum: VISIT_KIND, required: true, list: true, filter: true, defaultValue: "visit" },
      { name: "visitor_id", type: "relation", relation: toPerson, list: true, filter: true, help: "visits.help.visitor" },
      { name: "visitor_name", type: "text", maxLength: 50, list: true, search: true },
      { name: "summary", type: "textarea", maxLength: 2000 },
      { name: "problems", type: "textarea", maxLength: 2000, search: true },
      { name: "follow_up", type: "textarea", maxLength: 2000 },
      { name: "resolved_on", type: "date", maxYearsAhead: 0, list: true, help: "visits.help.resolved" },
      {
        name: "follow_up_open",
        type: "boolean",
        computed: true,
        booleanLabels: { true: "visits.followUpOpen.true", false: "visits.followUpOpen.false" },
        list: true,
        filter: true,
      },
    ],
  }),
];
