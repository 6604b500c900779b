// The form control for one declared field. Relations query the server as the user types.
import { useSelect } from "@refinedev/antd";
import { useGetIdentity, useTranslate, type CrudFilter } from "@refinedev/core";
import { DatePicker, Input, InputNumber, Select, Switch } from "antd";
import type { Dayjs } from "dayjs";
import { enumLabel, relationColumns, relationOptionLabel } from "./fields";
import type { Identity } from "./identity";
import { dateBounds } from "./rules";
import type { FieldDef } from "./types";

type Props = {
  field: FieldDef;
  label: string;
  value?: unknown;
  onChange?: (value: unknown) => void;
  id?: string;
  disabled?: boolean;
  /** The record being edited (for choices that depend on it). */
  recordId?: unknown;
};

export function FieldInput({ field, label, disabled, recordId, ...control }: Props) {
  const t = useTranslate();
  const common = { ...(control as object), disabled, "aria-label": label };
  switch (field.type) {
    case "textarea":
      return <Input.TextArea {...common} autoSize={{ minRows: 3, maxRows: 10 }} />;
    case "number":
      return <InputNumber {...common} step={field.step} style={{ width: "100%" }} />;
    case "money":
      return <InputNumber {...common} prefix="¥" precision={2} step={100} style={{ width: "100%" }} />;
    case "date": {
      // Days outside the database's range for this column are not offered at all.
      const { min, max } = dateBounds(field);
      const disabledDate = (day: Dayjs) => day.format("YYYY-MM-DD") < min || day.format("YYYY-MM-DD") > max;
      return <DatePicker {...common} disabledDate={disabledDate} style={{ width: "100%" }} />;
    }
    case "datetime":
      return <DatePicker {...common} showTime style={{ width: "100%" }} />;
    case "boolean":
      return <Switch {...common} />;
    case "enum":
      return (
        <Select
          {...common}
          allowClear={!field.required}
          placeholder={t("form.select", { label })}
          options={field.enum!.values.map((value) => ({ value, label: enumLabel(t, field, value) }))}
        />
      );
    case "relation":
      return <RelationSelect field={field} label={label} disabled={disabled} recordId={recordId} {...control} />;
    default:
      return <Input {...common} type={field.type === "email" ? "email" : undefined} />;
  }
}

/**
 * A searchable select over the related table: the server searches, RLS limits what a role may see,
 * and a committee admin's choices are narrowed to its own unit where the table has one.
 */
export function RelationSelect({ field, label, disabled, value, onChange, id, recordId }: Props) {
  const t = useTranslate();
  const { data: identity } = useGetIdentity<Identity>();
  const relation = field.relation!;
  const scope: CrudFilter[] = [];
  if (relation.unitField && identity?.role === "committee_admin" && identity.orgUnitId != null) {
    scope.push({ field: relation.unitField, operator: "eq", value: identity.orgUnitId });
  }
  if (relation.withinRecord) {
    // No record yet (creating): nothing can be chosen.
    scope.push({ field: relation.withinRecord.column, operator: "eq", value: recordId ?? -1 });
  }
  const searchColumns = [relation.labelField, ...(relation.searchFields ?? [])];
  const { selectProps } = useSelect<Record<string, unknown>>({
    resource: relation.resource,
    optionLabel: (row) => relationOptionLabel(relation, row, t),
    optionValue: "id" as never,
    filters: scope,
    defaultValue: value == null ? undefined : (value as never),
    debounce: 300,
    pagination: { pageSize: 20, mode: "server" },
    sorters: [{ field: relation.labelField, order: relation.labelField === "fiscal_year" ? "desc" : "asc" }],
    meta: { select: relationColumns(relation) },
    onSearch: (text) => {
      const term = text.trim();
      if (!term) return [];
      // A numeric label (a fiscal year) matches exactly; text labels match by contains.
      if (relation.numericLabel) return /^\d+$/.test(term) ? [{ field: relation.labelField, operator: "eq", value: Number(term) }] : [];
      return [{ operator: "or", value: searchColumns.map((column) => ({ field: column, operator: "contains" as const, value: term })) }];
    },
  });
  return (
    <Select
      {...selectProps}
      id={id}
      aria-label={label}
      value={value as never}
      onChange={(next) => onChange?.(next ?? null)}
      disabled={disabled}
      allowClear={!field.required}
      placeholder={t("form.select", { label })}
      style={{ width: "100%" }}
    />
  );
}
