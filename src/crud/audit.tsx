// One audit entry read as on the form: each column by its label, values as the form shows them (enum labels,
// ¥ amounts, dates, the related row's name), old → new for an update. The record's 变更记录 tab and the audit
// log's own pages both use it, so the two never read differently.
import { useOne, useTranslate } from "@refinedev/core";
import { Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { resourceByName } from "../resources";
import { displayValue, enumLabel, fieldLabelKey, isColumn, relationColumns, relationRowLabel } from "./fields";
import type { FieldDef, ResourceDef } from "./types";

type Row = Record<string, unknown>;

const BOOKKEEPING = ["id", "created_at", "updated_at"];

/** The columns an entry is about: the changed ones of an update, every column of an insert or delete. */
export function entryColumns(row: Row): string[] {
  if (row.action === "update") return (row.changed_columns as string[] | null) ?? [];
  const values = ((row.action === "insert" ? row.new_values : row.old_values) ?? {}) as Row;
  return Object.keys(values).filter((column) => !BOOKKEEPING.includes(column));
}

function useColumnWords(resource: ResourceDef | undefined) {
  const t = useTranslate();
  const { i18n } = useTranslation();
  const fieldOf = (column: string) => resource?.fields.find((candidate) => candidate.name === column && isColumn(candidate));
  const label = (column: string) => {
    const field = fieldOf(column);
    if (field && resource) return t(fieldLabelKey(resource, field));
    // a column the declaration does not show (a key, a bookkeeping column): the dictionary may still name it
    const key = `${resource?.name ?? ""}.fields.${column}`;
    const named = t(key);
    return named !== key ? named : t("audit.otherField");
  };
  const show = (column: string, value: unknown) => {
    if (value === null || value === undefined || value === "") return "∅";
    const field = fieldOf(column);
    if (field?.type === "relation") return <RelationName field={field} id={value} />;
    if (field?.type === "enum") return enumLabel(t, field, value);
    if (field && field.type !== "json") return displayValue(field, { [column]: value }, t, i18n.language);
    return typeof value === "object" ? JSON.stringify(value) : String(value);
  };
  return { label, show };
}

/** What an entry changed, one line per column. `resource` defaults to the entry's own table. */
export function AuditChanges({ row, resource }: { row: Row; resource?: ResourceDef }) {
  const { label, show } = useColumnWords(resource ?? resourceByName(String(row.table_name)));
  const before = (row.old_values ?? {}) as Row;
  const after = (row.new_values ?? {}) as Row;
  return (
    <Space direction="vertical" size={0} data-audit-changes>
      {entryColumns(row).map((column) => (
        <Typography.Text key={column}>
          {label(column)}：
          {row.action === "update" ? (
            <>
              {show(column, before[column])} → {show(column, after[column])}
            </>
          ) : (
            show(column, row.action === "insert" ? after[column] : before[column])
          )}
        </Typography.Text>
      ))}
    </Space>
  );
}

/** The changed columns of an update by their labels (the audit list's column). */
export function ChangedColumns({ row }: { row: Row }) {
  const { label } = useColumnWords(resourceByName(String(row.table_name)));
  return <>{((row.changed_columns as string[] | null) ?? []).map(label).join("、")}</>;
}

/** The name of a related row in the history (cached per row by Refine's query client). */
function RelationName({ field, id }: { field: FieldDef; id: unknown }) {
  const t = useTranslate();
  const relation = field.relation!;
  const { result } = useOne<Record<string, unknown>>({
    resource: relation.resource,
    id: id as number,
    meta: { select: relationColumns(relation) },
    errorNotification: false,
  });
  return <>{result ? relationRowLabel(relation, result, t) : `#${String(id)}`}</>;
}

export default AuditChanges;
