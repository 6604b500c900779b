// Generic create / edit page for a declared resource.
import { Create, Edit, useForm } from "@refinedev/antd";
import { useCan, useGetIdentity, useTranslate, type HttpError } from "@refinedev/core";
import { Alert, Button, Form, Skeleton } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useSearchParams } from "react-router";
import { Forbidden } from "../pages/Forbidden";
import { isStaleRecordError } from "../providers/errors";
import { changedValues } from "./changes";
import { FieldInput } from "./FieldInput";
import { fieldLabelKey, formFields, resourceLabelKey, selectFor } from "./fields";
import type { Identity } from "./identity";
import { RecordUnavailable } from "./RecordUnavailable";
import { rulesFor } from "./rules";
import type { FieldDef, ResourceDef } from "./types";

// antd pickers speak dayjs; the API speaks ISO strings: convert here, at the form boundary.
const dateProps = (field: FieldDef) =>
  field.type === "date" || field.type === "datetime"
    ? {
        getValueProps: (value: unknown) => ({ value: value ? dayjs(value as string) : undefined }),
        normalize: (value: Dayjs | null) => (value ? (field.type === "date" ? value.format("YYYY-MM-DD") : value.toISOString()) : null),
      }
    : {};

// Empty text inputs mean "no value", not "" (a unique or a check on the column sees NULL).
const textProps = (field: FieldDef) =>
  field.type === "text" || field.type === "textarea" || field.type === "email"
    ? { normalize: (value: string | undefined) => (value === "" ? null : value) }
    : {};

/** Defaults a link can pass in the query string (`/members/create?branch_id=3` from a branch's page). */
function defaultsFromQuery(fields: FieldDef[], query: URLSearchParams) {
  const values: Record<string, unknown> = {};
  for (const field of fields) {
    const raw = query.get(field.name);
    if (raw === null) continue;
    values[field.name] = field.type === "relation" || field.type === "number" || field.type === "money" ? Number(raw) : raw;
  }
  return values;
}

export function FormPage({ resource, action }: { resource: ResourceDef; action: "create" | "edit" }) {
  const t = useTranslate();
  const [query] = useSearchParams();
  const { data: identity } = useGetIdentity<Identity>();
  const lockedUnit = identity?.role === "committee_admin" ? identity.orgUnitId : undefined;

  // A save refused because the record changed (or went) since it was loaded: said once, above the form, with a way
  // to load what is there now.
  const [stale, setStale] = useState<HttpError | null>(null);

  const { formProps, saveButtonProps, formLoading, id, query: recordQuery } = useForm<Record<string, unknown>, HttpError>({
    resource: resource.name,
    action,
    redirect: "show",
    warnWhenUnsavedChanges: true,
    meta: { select: selectFor(resource) },
    // One message per refused save: a rule the database enforced is shown on its field and the toast only says where
    // to look; anything else is the toast's one sentence; a stale record is the banner's.
    errorNotification: (error) =>
      isStaleRecordError(error)
        ? false
        : { type: "error", message: error?.errors ? t("notifications.fixFields") : (error?.message ?? t("errors.unknown")) },
    onMutationError: (error) => setStale(isStaleRecordError(error) ? error : null),
  });
  const loaded = recordQuery?.data?.data;
  // The record decides as much as the role: a committee admin may read a row RLS will not let it write.
  const { data: mayEdit } = useCan({
    resource: resource.name,
    action: "edit",
    params: { meta: { record: loaded } },
    queryOptions: { enabled: action === "edit" && Boolean(loaded) },
  });

  const fields = formFields(resource, action);
  if (action === "edit" && recordQuery?.isError) return <RecordUnavailable error={recordQuery.error} />;
  if (action === "edit" && loaded && mayEdit?.can === false) return <Forbidden />;
  // No fields to type into before the record arrives: its values would overwrite what was typed.
  const awaitingRecord = action === "edit" && !recordQuery?.data;
  const initialValues =
    action === "create"
      ? {
          ...Object.fromEntries(fields.filter((field) => field.defaultValue !== undefined).map((field) => [field.name, field.defaultValue])),
          ...defaultsFromQuery(fields, query),
          ...Object.fromEntries(fields.filter((field) => field.orgUnit && lockedUnit != null).map((field) => [field.name, lockedUnit])),
        }
      : formProps.initialValues;

  const items = fields.map((field) => {
    const label = t(fieldLabelKey(resource, field));
    return (
      <Form.Item
        key={field.name}
        name={field.name}
        label={label}
        rules={rulesFor(field, label, t)}
        valuePropName={field.type === "boolean" ? "checked" : "value"}
        extra={field.help ? t(field.help) : undefined}
        {...textProps(field)}
        {...dateProps(field)}
      >
        <FieldInput field={field} label={label} recordId={id} disabled={Boolean(field.orgUnit && lockedUnit != null)} />
      </Form.Item>
    );
  });

  const body = (
    // Named: field ids become "<table>_<column>", never clashing with other ids on the page.
    <Form
      {...formProps}
      // An edit sends what the user changed and the version it was based on (see changes.ts).
      onFinish={(values) => {
        setStale(null);
        return formProps.onFinish?.(action === "edit" && loaded ? changedValues(loaded, values) : values);
      }}
      name={resource.name}
      initialValues={initialValues}
      layout="vertical"
      style={{ maxWidth: 720 }}
      scrollToFirstError
    >
      {stale && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          message={stale.message}
          action={
            <Button
              size="small"
              onClick={async () => {
                // The form resets to the record as it now is (useForm resets on new data).
                await recordQuery?.refetch();
                setStale(null);
              }}
            >
              {t("errors.reload")}
            </Button>
          }
        />
      )}
      {awaitingRecord ? <Skeleton active paragraph={{ rows: fields.length }} /> : items}
    </Form>
  );

  const title = t(`titles.${action}`, { resource: t(resourceLabelKey(resource)) });
  return action === "create" ? (
    <Create resource={resource.name} title={title} saveButtonProps={saveButtonProps} isLoading={formLoading}>
      {body}
    </Create>
  ) : (
    <Edit resource={resource.name} title={title} saveButtonProps={saveButtonProps} isLoading={formLoading} canDelete={false}>
      {body}
    </Edit>
  );
}
