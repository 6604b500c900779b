// The shape of a resource declaration: everything the generic pages need to render a table's screens.
import type { ReactNode } from "react";
import type { ResourceAccess } from "../providers/access";

export type MenuGroup = "organization" | "coverage" | "partnership" | "funds" | "evaluation" | "system";

export type FieldType =
  | "text"
  | "textarea"
  | "number"
  | "money"
  | "date"
  | "datetime"
  | "enum"
  | "relation"
  | "boolean"
  | "email"
  | "json";

export type Relation = {
  /** The target resource's table. */
  resource: string;
  /** Column shown for a related row (in selects, columns, show pages). */
  labelField: string;
  /** Extra columns searched in the select, besides labelField. */
  searchFields?: string[];
  /** Set when the target table is scoped to an org unit: a committee admin's choices are its own unit's. */
  unitField?: string;
};

export type FieldDef = {
  name: string;
  type: FieldType;
  /** i18n key; default `<resource>.fields.<name>`. */
  label?: string;
  /** Enum name for `enums.<enum>.<value>` labels, with its values in order. */
  enum?: { name: string; values: readonly string[] };
  relation?: Relation;
  required?: boolean;
  maxLength?: number;
  min?: number;
  max?: number;
  /** Shown as a list column (default: false). */
  list?: boolean;
  /** Sortable when shown in the list (default: true). */
  sortable?: boolean;
  /** A filter control in the list toolbar (enum/relation: select; date: range). */
  filter?: boolean;
  /** Included in the list's search box. */
  search?: boolean;
  /** In the create/edit form (default: true). "create": only when creating. */
  form?: boolean | "create";
  /** Show page (default: true). */
  show?: boolean;
  widget?: "input" | "textarea" | "password" | "select" | "number" | "date" | "switch";
  /** The column holds the org unit the row belongs to: locked to the committee admin's own unit. */
  orgUnit?: boolean;
  placeholder?: string;
  /** Extra help under the form field (i18n key). */
  help?: string;
  defaultValue?: unknown;
};

export type ResourceDef = {
  /** The table (and Refine resource name). */
  name: string;
  /** Path, kebab-case of the table: "/org-units". */
  route: string;
  group: MenuGroup;
  icon: ReactNode;
  /** i18n key for the menu and titles; default `<name>.label`. */
  label?: string;
  access?: ResourceAccess;
  fields: FieldDef[];
  /** Column that names a row (delete confirmation, relation labels, show title). */
  titleField: string;
  /** Count strategy for the list total: large tables use "estimated" (no exact count on each keystroke). */
  count?: "exact" | "planned" | "estimated";
  defaultSort?: { field: string; order: "asc" | "desc" };
  /** Which generic screens exist (default: all four). */
  pages?: readonly ("list" | "create" | "edit" | "show")[];
  /** i18n key naming what else goes with a row when it is deleted. */
  deleteCascade?: string;
  /** Hidden from the menu (reachable by route). */
  hideInMenu?: boolean;
};
