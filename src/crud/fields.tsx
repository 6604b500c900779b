// What the generic pages derive from a field declaration: labels, PostgREST selects, display values.
import { Tag } from "antd";
import type { ReactNode } from "react";
import type { FieldDef, ResourceDef } from "./types";
import { formatDate, formatDateTime, formatMoney } from "./format";

type Translate = (key: string, options?: Record<string, unknown>) => string;

export const fieldLabelKey = (resource: ResourceDef, field: FieldDef) => field.label ?? `${resource.name}.fields.${field.name}`;

export const resourceLabelKey = (resource: ResourceDef) => resource.label ?? `${resource.name}.label`;

export const enumLabel = (t: Translate, field: FieldDef, value: unknown) =>
  field.enum && value != null ? t(`enums.${field.enum.name}.${String(value)}`) : String(value ?? "");

/** The key an embedded relation arrives under: "org_unit_id" -> "org_unit". */
export const embedAlias = (field: FieldDef) => field.name.replace(/_id$/, "");

/**
 * PostgREST select for a resource: its columns plus each relation's label, embedded by foreign-key column
 * (`org_unit:org_units!org_unit_id(id,name)`) so two relations to the same table never clash.
 */
export function selectFor(resource: ResourceDef): string {
  const embeds = resource.fields
    .filter((field) => field.type === "relation" && field.relation)
    .map((field) => `${embedAlias(field)}:${field.relation!.resource}!${field.name}(id,${field.relation!.labelField})`);
  return ["*", ...embeds].join(",");
}

export const relationLabel = (field: FieldDef, record: Record<string, unknown>) => {
  const embedded = record[embedAlias(field)] as Record<string, unknown> | null | undefined;
  return embedded ? String(embedded[field.relation!.labelField] ?? "") : record[field.name] == null ? "" : `#${String(record[field.name])}`;
};

/** A value for reading: React escapes text, so user input (even "<script>") shows as typed. */
export function displayValue(field: FieldDef, record: Record<string, unknown>, t: Translate, language: string): ReactNode {
  const value = record[field.name];
  switch (field.type) {
    case "enum":
      return value == null ? "" : <Tag>{enumLabel(t, field, value)}</Tag>;
    case "relation":
      return relationLabel(field, record);
    case "money":
      return formatMoney(value);
    case "date":
      return formatDate(value, language);
    case "datetime":
      return formatDateTime(value, language);
    case "boolean":
      return value == null ? "" : t(value ? "common.yes" : "common.no");
    case "json":
      return value == null ? "" : JSON.stringify(value);
    default:
      return value == null ? "" : String(value);
  }
}
