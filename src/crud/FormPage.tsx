// Generic create / edit page for a declared resource.
import { Create, Edit, useForm } from "@refinedev/antd";
import { useGetIdentity, useTranslate, type HttpError } from "@refinedev/core";
import { Form } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { FieldInput } from "./FieldInput";
import { fieldLabelKey, selectFor } from "./fields";
import type { Identity } from "./identity";
import { rulesFor } from "./rules";
import type { FieldDef, ResourceDef } from "./types";

// antd pickers speak dayjs; the API speaks ISO strings: convert here, at the form boundary.
const dateProps = (field: FieldDef) =>
  field.type === "date" || field.type === "datetime"
    ? {
        getValueProps: (value: unknown) => ({ value: value ? dayjs(value as string) : undefined }),
        normalize: (value: Dayjs | null) =>
          value ? (field.type === "date" ? value.format("YYYY-MM-DD") : value.toISOString()) : null,
      }
    : {};

export function FormPage({ resource, action }: { resource: ResourceDef; action: "create" | "edit" }) {
  const t = useTranslate();
  const { data: identity } = useGetIdentity<Identity>();
  const lockedUnit = identity?.role === "committee_admin" ? identity.orgUnitId : undefined;

  const { formProps, saveButtonProps, formLoading } = useForm<Record<string, unknown>, HttpError>({
    resource: resource.name,
    action,
    redirect: "show",
    warnWhenUnsavedChanges: true,
    meta: { select: selectFor(resource) },
    errorNotification: (error) => ({
      type: "error",
      message: error?.errors ? t("notifications.fixFields") : t("errors.unknown"),
      description: error?.message,
    }),
  });

  const fields = resource.fields.filter((field) => field.form !== false && (field.form !== "create" || action === "create"));
  const initialValues =
    action === "create"
      ? Object.fromEntries(
          fields
            .map((field) => [field.name, field.orgUnit && lockedUnit != null ? lockedUnit : field.defaultValue] as const)
            .filter(([, value]) => value !== undefined),
        )
      : formProps.initialValues;

  const body = (
    <Form {...formProps} initialValues={initialValues} layout="vertical" style={{ maxWidth: 720 }}>
      {fields.map((field) => {
        const label = t(fieldLabelKey(resource, field));
        return (
          <Form.Item
            key={field.name}
            name={field.name}
            label={label}
            rules={rulesFor(field, label, t)}
            valuePropName={field.type === "boolean" ? "checked" : "value"}
            extra={field.help ? t(field.help) : undefined}
            {...dateProps(field)}
          >
            <FieldInput field={field} label={label} disabled={Boolean(field.orgUnit && lockedUnit != null)} />
          </Form.Item>
        );
      })}
    </Form>
  );

  return action === "create" ? (
    <Create resource={resource.name} saveButtonProps={saveButtonProps} isLoading={formLoading}>
      {body}
    </Create>
  ) : (
    <Edit resource={resource.name} saveButtonProps={saveButtonProps} isLoading={formLoading} canDelete={false}>
      {body}
    </Edit>
  );
}
