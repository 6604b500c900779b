// The shape of a resource declaration: everything the generic pages need to render a table's screens.
// Column and enum names are checked against the generated database types (src/types/database.types.ts)
// for every table those types know.
import type { ComponentType, ReactNode } from "react";
import type { ResourceAccess } from "../providers/access";
import type { Database } from "../types/database.types";

type PublicSchema = Database["public"];
type TableName = keyof PublicSchema["Tables"];
type EnumName = keyof PublicSchema["Enums"];

/** A column of table T (any string for a table the generated types do not know yet). */
export type ColumnOf<T extends string> = T extends TableName ? Extract<keyof PublicSchema["Tables"][T]["Row"], string> : string;
/** The values of Postgres enum N, in declaration order. */
export type EnumValues<N extends string> = N extends EnumName ? PublicSchema["Enums"][N] : string;

export type EnumDef = { name: string; values: readonly string[] };
export const enumOf = <N extends string>(name: N, values: readonly EnumValues<N>[]): EnumDef => ({ name, values });

export type MenuGroup =
  | "organization"
  | "coverage"
  | "life"
  | "partnership"
  | "outreach"
  | "excellence"
  | "training"
  | "funds"
  | "evaluation"
  | "system";

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

type Translate = (key: string, options?: Record<string, unknown>) => string;

export type Relation = {
  /** The target resource's table. */
  resource: string;
  /** Column shown for a related row (in selects, columns, show pages) and searched. */
  labelField: string;
  /** The related row's code (org unit / branch code, 学号/工号): an export shows it beside the name. */
  codeField?: string;
  /** Extra columns searched in the select, besides labelField. */
  searchFields?: string[];
  /** Columns to fetch for the select and the embed when `format` needs more than labelField. */
  select?: string;
  /** A label made of several columns (the row comes from `select`). */
  format?: (row: Record<string, unknown>, t: Translate) => string;
  /**
   * What tells rows with the same label apart in the select's options (not in lists and show pages): columns of
   * the related row, by path through `select` ("org_unit.name"), each optionally as an i18n key with {{value}}.
   * Shown as "name · 机械工程学院党委 · 490人".
   */
  optionDetails?: { path: string; text?: string }[];
  /** labelField is a number (a fiscal year): searched by exact value. */
  numericLabel?: boolean;
  /** Set when the target table has an org unit column: a committee admin's choices are its own unit's. */
  unitField?: string;
  /** Embed with an inner join, so the list can filter on the related row's columns ("branch.org_unit_id"). */
  inner?: boolean;
  /** Choices limited to rows whose `column` equals the edited record's id (a branch's secretary among its members). */
  withinRecord?: { column: string };
  /**
   * How a spreadsheet names a related row (the database resolves it: app.import_keys). `hint` (i18n key) says
   * what to write; `parts`: a composite key written as "part/part/part", an enum part by its label.
   */
  importKey?: { hint: string; parts?: { column: string; enum?: EnumDef }[] };
};

export type FieldDef<T extends string = string> = {
  /** The column; or "<embed>.<column>" for a filter on a related row (needs `relation.inner` on that embed). */
  name: ColumnOf<T> | `${string}.${string}`;
  type: FieldType;
  /** i18n key; default `<resource>.fields.<name>`. */
  label?: string;
  /** Postgres enum: labels from `enums.<name>.<value>`. */
  enum?: EnumDef;
  relation?: Relation;
  required?: boolean;
  /** Text: at most this many characters (the database's `<table>_<column>_length` rule says the same). */
  maxLength?: number;
  min?: number;
  max?: number;
  /**
   * Date: at most this many years after today (0: not after today); every date lies within 1921-07-01 …
   * 2100-12-31. Mirrors app.field_limits.years_ahead; src/crud/limits.test.ts keeps the two equal.
   */
  maxYearsAhead?: number;
  step?: number;
  /** Shown as a list column (default: false). */
  list?: boolean;
  /** Sortable when shown in the list (default: true). */
  sortable?: boolean;
  /** A filter control in the list toolbar (enum/relation: select; date: range; number: exact value). */
  filter?: boolean;
  /** Included in the list's search box. */
  search?: boolean;
  /** In the create/edit form (default: true); "create" / "edit": only there. */
  form?: boolean | "create" | "edit";
  /**
   * A PostgREST computed field (a SQL function over the row): fetched by name, since `*` leaves it out, and
   * read-only: never a form field, so never sent on create or update. Lists can show, sort and filter on it.
   */
  computed?: boolean;
  /**
   * For a computed boolean: the PostgREST computed relationship (a set-returning SQL function over the row, whose
   * rows exist exactly when the boolean is true) its list filter goes through. Postgres inlines such a function
   * into one join, where a scalar computed field is called once per row (see 20261202080000_covered_inlinable.sql).
   */
  filterVia?: string;
  /** Shows the value another way than its type would (lists and show pages), e.g. an audit entry's changes. */
  render?: (record: Record<string, unknown>) => import("react").ReactNode;
  /** How a number reads (default: "year" for a column named year / *_year, else grouped with up to 2 decimals). */
  numberKind?: import("./format").NumberKind;
  /** A boolean's two values as i18n keys (default `common.yes` / `common.no`). */
  booleanLabels?: { true: string; false: string };
  /** On the show page (default: true). */
  show?: boolean;
  /** The column holds the row's org unit: locked to a committee admin's own unit. */
  orgUnit?: boolean;
  /** Extra help under the form field (i18n key). */
  help?: string;
  defaultValue?: unknown;
};

export type ResourceDef<T extends string = string> = {
  /** The table (and Refine resource name). */
  name: T;
  /** Path, kebab-case of the table: "/org-units". */
  route: string;
  group: MenuGroup;
  icon: ReactNode;
  /** i18n key for the menu and titles; default `<name>.label`. */
  label?: string;
  access?: ResourceAccess;
  fields: FieldDef<T>[];
  /** Column that names a row (delete confirmation, relation labels, show title). */
  titleField?: ColumnOf<T>;
  /** A name for a row when no single column names it. */
  recordTitle?: (record: Record<string, unknown>, t: Translate) => string;
  /**
   * Count strategy for the list total (default "exact": a total people read and page through must be true).
   * Anything else is an estimate and the list says so (约).
   */
  count?: "exact" | "planned" | "estimated";
  defaultSort?: { field: ColumnOf<T>; order: "asc" | "desc" };
  /** Which generic screens exist (default: all four). */
  pages?: readonly ("list" | "create" | "edit" | "show")[];
  /** i18n key naming what else goes with a row when it is deleted. */
  deleteCascade?: string;
  /** Hidden from the menu (reached from a parent's show page). */
  hideInMenu?: boolean;
  /** Show-page tabs with related rows (see crud/related.tsx). */
  related?: RelatedDef[];
  /** Record change history tab from audit_log (default: true). */
  history?: boolean;
  /** More actions in a record's show-page header (转接党员 on a branch); each decides itself whether it applies. */
  recordActions?: ComponentType<{ record: Record<string, unknown> }>[];
  /**
   * Importable from a spreadsheet (导入 on the list; public.import_rows, which must list the table in
   * app.import_targets). `upsert`: 新增或更新 is offered, matched on the columns named (as the database does).
   */
  import?: { upsert?: readonly string[] };
  /** Actions on the rows selected in the list (the list then offers row selection); `onDone` clears the selection. */
  bulkActions?: ComponentType<{ records: Record<string, unknown>[]; onDone: () => void }>[];
};

/** Rows of another resource that point at this record, shown as a tab on its show page. */
export type RelatedDef = {
  /** The related resource (declared in the registry). */
  resource: string;
  /** Its column holding this record's id (or "<embed>.<column>" through an inner embed). */
  foreignKey: string;
  /** i18n key for the tab; default the related resource's label. */
  label?: string;
  /** Columns to show; default its list columns minus the foreign key. */
  columns?: string[];
  /** Offer "create" with the foreign key filled in (default: true when foreignKey is a plain column). */
  canCreate?: boolean;
  /** A count of each row's children, embedded by PostgREST (`members!members_branch_id_fkey(count)`). */
  countOf?: { resource: string; constraint: string; label: string };
};

export const defineResource = <T extends string>(resource: ResourceDef<T>): ResourceDef => resource as unknown as ResourceDef;
