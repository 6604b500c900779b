// The form control for one declared field. Relations query the server as the user types.
import { useSelect } from "@refinedev/antd";
import { useGetIdentity, useTranslate, type CrudFilter } from "@refinedev/core";
import { DatePicker, Input, InputNumber, Select, Switch } from "antd";
import { enumLabel } from "./fields";
import type { FieldDef } from "./types";
import type { Identity } from "./identity";

type Props = { field: FieldDef; label: string; value?: unknown; onChange?: (value: unknown) => void; id?: string; disabled?: boolean };

export function FieldInput({ field, label, disabled, ...control }: Props) {
  const t = useTranslate();
  switch (field.type) {
    case "textarea":
      return <Input.TextArea {...(control as object)} disabled={disabled} autoSize={{ minRows: 3, maxRows: 10 }} />;
    case "number":
      return <InputNumber {...(control as object)} disabled={disabled} style={{ width: "100%" }} />;
    case "money":
      return <InputNumber {...(control as object)} disabled={disabled} prefix="¥" precision={2} step={100} style={{ width: "100%" }} />;
    case "date":
      return <DatePicker {...(control as object)} disabled={disabled} style={{ width: "100%" }} />;
    case "datetime":
      return <DatePicker {...(control as object)} disabled={disabled} showTime style={{ width: "100%" }} />;
    case "boolean":
      return <Switch {...(control as object)} disabled={disabled} />;
    case "enum":
      return (
        <Select
          {...(control as object)}
          disabled={disabled}
          allowClear={!field.required}
          placeholder={t("form.select", { label })}
          options={field.enum!.values.map((value) => ({ value, label: enumLabel(t, field, value) }))}
        />
      );
    case "relation":
      return <RelationSelect field={field} label={label} disabled={disabled} {...control} />;
    default:
      return <Input {...(control as object)} disabled={disabled} type={field.type === "email" ? "email" : undefined} />;
  }
}

/** A searchable select over the related table; the server filters (RLS keeps a committee to its own unit). */
export function RelationSelect({ field, label, disabled, value, onChange, id }: Props) {
  const t = useTranslate();
  const { data: identity } = useGetIdentity<Identity>();
  const relation = field.relation!;
  const unitScope: CrudFilter[] =
    relation.unitField && identity?.role === "committee_admin" && identity.orgUnitId != null
      ? [{ field: relation.unitField, operator: "eq", value: identity.orgUnitId }]
      : [];
  const { selectProps } = useSelect({
    resource: relation.resource,
    optionLabel: relation.labelField as never,
    optionValue: "id" as never,
    filters: unitScope,
    defaultValue: value as never,
    debounce: 300,
    pagination: { pageSize: 20, mode: "server" },
    sorters: [{ field: relation.labelField, order: "asc" }],
    onSearch: (text) =>
      text
        ? [
            {
              operator: "or",
              value: [relation.labelField, ...(relation.searchFields ?? [])].map((column) => ({ field: column, operator: "contains" as const, value: text })),
            },
          ]
        : [],
  });
  return (
    <Select
      {...selectProps}
      id={id}
      value={value as never}
      onChange={(next) => onChange?.(next ?? null)}
      disabled={disabled}
      allowClear={!field.required}
      placeholder={t("form.select", { label })}
    />
  );
}
