// The resource registry: every table the admin panel manages, declared once.
// Menu, routes, access rules, list columns, filters, forms and show pages are all derived from here.
import { ApartmentOutlined } from "@ant-design/icons";
import type { ResourceProps } from "@refinedev/core";
import type { MenuGroup, ResourceDef } from "./crud/types";

export const ORG_UNIT_KINDS = ["party_committee", "general_branch", "direct_branch"] as const;
export const ORG_UNIT_CATEGORIES = ["college", "administration", "affiliated"] as const;

const orgUnits: ResourceDef = {
  name: "org_units",
  route: "/org-units",
  group: "organization",
  icon: <ApartmentOutlined />,
  titleField: "name",
  defaultSort: { field: "code", order: "asc" },
  // The first migration lets only the organization department write org units.
  access: { write: ["org_admin"] },
  fields: [
    { name: "code", type: "text", required: true, maxLength: 32, list: true, search: true },
    { name: "name", type: "text", required: true, maxLength: 100, list: true, search: true },
    { name: "kind", type: "enum", enum: { name: "org_unit_kind", values: ORG_UNIT_KINDS }, required: true, list: true, filter: true },
    { name: "category", type: "enum", enum: { name: "org_unit_category", values: ORG_UNIT_CATEGORIES }, required: true, list: true, filter: true },
    { name: "created_at", type: "datetime", form: false },
    { name: "updated_at", type: "datetime", form: false, list: true },
  ],
};

export const resources: ResourceDef[] = [orgUnits];

/** Menu groups in the order the menu shows them. */
export const MENU_GROUPS: readonly MenuGroup[] = ["organization", "coverage", "partnership", "funds", "evaluation", "system"];

const byName = new Map(resources.map((resource) => [resource.name, resource]));
export const resourceByName = (name: string): ResourceDef | undefined => byName.get(name);

/**
 * Refine's `resources` prop: one parent entry per non-empty menu group, then the tables.
 * Refine shows `meta.label` as given, so labels are translated here (and rebuilt when the language changes).
 */
export function refineResources(translate: (key: string) => string, extra: ResourceProps[] = []): ResourceProps[] {
  const groups = MENU_GROUPS.filter((group) => resources.some((resource) => resource.group === group)).map(
    (group): ResourceProps => ({ name: `group-${group}`, meta: { label: translate(`menu.${group}`) } }),
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
        canDelete: true,
      },
    };
  });
  return [...extra, ...groups, ...tables];
}
