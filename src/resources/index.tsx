// The resource registry: every table the admin panel manages, declared once, one file per menu area.
// Menu, routes, access rules, list columns, filters, forms and show pages are all derived from here.
// Field limits (maxLength, max, maxYearsAhead) are the database's too (app.field_limits, migration
// 20261201000200_input_limits.sql); supabase/tests/input_limits.test.ts fails when the two disagree.
import {
  ApartmentOutlined, AuditOutlined, AccountBookOutlined, CalendarOutlined, EnvironmentOutlined, HomeOutlined, ReadOutlined,
  SettingOutlined, TeamOutlined, TrophyOutlined,
} from "@ant-design/icons";
import type { ResourceProps } from "@refinedev/core";
import type { ReactNode } from "react";
import type { MenuGroup, ResourceDef } from "../crud/types";
import { organizationResources } from "./organization";
import { coverageResources } from "./coverage";
import { partnershipResources } from "./partnership";
import { fundsResources } from "./funds";
import { lifeResources } from "./life";
import { outreachResources } from "./outreach";
import { excellenceResources } from "./excellence";
import { trainingResources } from "./training";
import { evaluationResources } from "./evaluation";
import { systemResources } from "./system";

export const resources: ResourceDef[] = [
  ...organizationResources,
  ...coverageResources,
  ...lifeResources,
  ...partnershipResources,
  ...outreachResources,
  ...excellenceResources,
  ...trainingResources,
  ...fundsResources,
  ...evaluationResources,
  ...systemResources,
];

/** Each group's icon: the collapsed menu shows only icons. */
const GROUP_ICONS: Record<MenuGroup, ReactNode> = {
  organization: <ApartmentOutlined />,
  coverage: <HomeOutlined />,
  life: <CalendarOutlined />,
  partnership: <TeamOutlined />,
  outreach: <EnvironmentOutlined />,
  excellence: <TrophyOutlined />,
  training: <ReadOutlined />,
  funds: <AccountBookOutlined />,
  evaluation: <AuditOutlined />,
  system: <SettingOutlined />,
};

/** Menu groups in the order the menu shows them. */
export const MENU_GROUPS: readonly MenuGroup[] = [
  "organization", "coverage", "life", "partnership", "outreach", "excellence", "training", "funds", "evaluation", "system",
];

const byName = new Map(resources.map((resource) => [resource.name, resource]));
export const resourceByName = (name: string): ResourceDef | undefined => byName.get(name);
export const routeOf = (name: string): string | undefined => byName.get(name)?.route;

/** Adds a declaration at run time (a test-only table, a plug-in screen); returns it for chaining. */
export function registerResource(resource: ResourceDef): ResourceDef {
  if (!byName.has(resource.name)) resources.push(resource);
  byName.set(resource.name, resource);
  return resource;
}

/**
 * Refine's `resources` prop: one parent entry per non-empty menu group, then the tables.
 * Refine shows `meta.label` as given, so labels are translated here (and rebuilt when the language changes).
 */
export function refineResources(translate: (key: string) => string, extra: ResourceProps[] = []): ResourceProps[] {
  const groups = MENU_GROUPS.filter((group) => resources.some((resource) => resource.group === group)).map(
    (group): ResourceProps => ({ name: `group-${group}`, meta: { label: translate(`menu.${group}`), icon: GROUP_ICONS[group] } }),
  );
  const tables = resources.map((resource): ResourceProps => {
    const pages = resource.pages ?? ["list", "create", "edit", "show"];
    return {
      name: resource.name,
      list: pages.includes("list") ? resource.route : undefined,
      create: pages.includes("create") ? `${resource.route}/create` : undefined,
      edit: pages.includes("edit") ? `${resource.route}/edit/:id` : undefined,
      show: pages.includes("show") ? `${resource.route}/show/:id` : undefined,
      meta: {
        label: translate(resource.label ?? `${resource.name}.label`),
        icon: resource.icon,
        parent: `group-${resource.group}`,
        hide: resource.hideInMenu,
        canDelete: pages.includes("edit"),
      },
    };
  });
  return [...extra, ...groups, ...tables];
}
