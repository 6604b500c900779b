// What the generic pages derive from a declaration: labels, PostgREST selects, display values.
import { Tag } from "antd";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { formatDate, formatDateTime, formatMoney, formatNumber, numberKindOfColumn } from "./format";
import type { FieldDef, Relation, ResourceDef } from "./types";

type Translate = (key: string, options?: Record<string, unknown>) => string;

export const fieldLabelKey = (resource: ResourceDef, field: FieldDef) => field.label ?? `${resource.name}.fields.${field.name}`;

export const resourceLabelKey = (resource: ResourceDef) => resource.label ?? `${resource.name}.label`;

export const enumLabel = (t: Translate, field: Pick<FieldDef, "enum">, value: unknown) =>
  field.enum && value != null ? t(`enums.${field.enum.name}.${String(value)}`) : String(value ?? "");

export const booleanLabel = (t: Translate, field: Pick<FieldDef, "booleanLabels">, value: boolean) =>
  t(value ? (field.booleanLabels?.true ?? "common.yes") : (field.booleanLabels?.false ?? "common.no"));

/** The choices of a select filter: an enum's values, or a boolean's two (as the URL carries them: "true" / "false"). */
export function filterOptions(field: FieldDef, t: Translate): { value: string; label: string }[] {
  if (field.type === "boolean") return [true, false].map((value) => ({ value: String(value), label: booleanLabel(t, field, value) }));
  return (field.enum?.values ?? []).map((value) => ({ value, label: enumLabel(t, field, value) }));
}

/** Fields that are real columns of the table (not filters through an embed). */
export const isColumn = (field: FieldDef) => !field.name.includes(".");

/** The fields a create or edit form shows: never a computed one (the database derives it). */
export const formFields = (resource: ResourceDef, action: "create" | "edit") =>
  resource.fields.filter(
    (field) =>
      isColumn(field) && !field.computed && field.form !== false && (field.form === undefined || field.form === true || field.form === action),
  );

/** The key an embedded relation arrives under: "org_unit_id" -> "org_unit". */
export const embedAlias = (field: Pick<FieldDef, "name">) => field.name.replace(/_id$/, "");

/** Columns fetched for a related row: id, its label, whatever its format needs. */
export const relationColumns = (relation: Relation) => relation.select ?? `id,${relation.labelField}`;

/**
 * PostgREST select for a resource: its columns, its computed fields (not part of `*`), plus each relation's label,
 * embedded by foreign-key column (`org_unit:org_units!org_unit_id(id,name)`) so two relations to the same table never clash.
 */
export function selectFor(resource: ResourceDef): string {
  const computed = resource.fields.filter((field) => field.computed).map((field) => field.name);
  const embeds = resource.fields
    .filter((field) => field.type === "relation" && field.relation && isColumn(field))
    .map((field) => {
      const relation = field.relation!;
      const join = relation.inner ? "!inner" : "";
      return `${embedAlias(field)}:${relation.resource}!${field.name}${join}(${relationColumns(relation)})`;
    });
  return ["*", ...computed, ...embeds].join(",");
}

/** Computed booleans whose list filter goes through a computed relationship: field → relationship (data provider meta). */
export function filterViaOf(resource: ResourceDef): Record<string, string> | undefined {
  const entries = resource.fields.filter((field) => field.filterVia).map((field) => [field.name, field.filterVia!] as const);
  return entries.length ? Object.fromEntries(entries) : undefined;
}

export const relationRowLabel = (relation: Relation, row: Record<string, unknown>, t: Translate) =>
  relation.format ? relation.format(row, t) : String(row[relation.labelField] ?? "");

const valueAt = (row: Record<string, unknown>, path: string): unknown =>
  path.split(".").reduce<unknown>((value, key) => (value as Record<string, unknown> | null | undefined)?.[key], row);

/** A select option's label: the row's label and what tells it apart from rows with the same one (optionDetails). */
export function relationOptionLabel(relation: Relation, row: Record<string, unknown>, t: Translate): string {
  const details = (relation.optionDetails ?? []).flatMap(({ path, text }) => {
    const value = valueAt(row, path);
    if (value === null || value === undefined || value === "") return [];
    return [text ? t(text, { value }) : String(value)];
  });
  return [relationRowLabel(relation, row, t), ...details].join(" · ");
}

export function relationLabel(field: FieldDef, record: Record<string, unknown>, t: Translate) {
  const embedded = record[embedAlias(field)] as Record<string, unknown> | null | undefined;
  if (embedded) return relationRowLabel(field.relation!, embedded, t);
  return record[field.name] == null ? "" : `#${String(record[field.name])}`;
}

/** A row's name for titles and confirmations. */
export function recordTitle(resource: ResourceDef, record: Record<string, unknown>, t: Translate): string {
  if (resource.recordTitle) return resource.recordTitle(record, t);
  return String(record[resource.titleField ?? "id"] ?? record.id ?? "");
}

/** Where a resource's show page is, for links from other screens. */
export const showPath = (route: string, id: unknown) => `${route}/show/${String(id)}`;

/**
 * A value for reading. React escapes text, so user input (even "<script>") shows as typed.
 * `routeOf` turns relations into links to the related record.
 */
export function displayValue(
  field: FieldDef,
  record: Record<string, unknown>,
  t: Translate,
  language: string,
  routeOf?: (resource: string) => string | undefined,
): ReactNode {
  if (field.render) return field.render(record);
  const value = record[field.name];
  switch (field.type) {
    case "enum":
      return value == null ? "" : <Tag>{enumLabel(t, field, value)}</Tag>;
    case "relation": {
      const label = relationLabel(field, record, t);
      const route = routeOf?.(field.relation!.resource);
      return route && value != null ? <Link to={showPath(route, value)}>{label}</Link> : label;
    }
    case "money":
      return formatMoney(value);
    case "number":
      return formatNumber(value, numberKindOfColumn(field.name, field.numberKind), language);
    case "date":
      return formatDate(value, language);
    case "datetime":
      return formatDateTime(value, language);
    case "boolean":
      return value == null ? "" : <Tag>{booleanLabel(t, field, Boolean(value))}</Tag>;
    case "json":
      return value == null ? "" : JSON.stringify(value);
    default:
      return value == null ? "" : String(value);
  }
}
