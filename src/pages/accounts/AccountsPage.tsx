// /accounts: the organization department creates accounts, resets passwords, disables and re-enables them,
// and changes roles. Everything goes through database functions only org_admin may call (admin_*), or the
// profiles table under RLS, so the browser never holds the service key.
import { List } from "@refinedev/antd";
import { useCustom, useCustomMutation, useGetIdentity, useTranslate, useUpdate, type HttpError } from "@refinedev/core";
import { App, Button, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, type FormInstance } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { RelationSelect } from "../../crud/FieldInput";
import { formatDateTime } from "../../crud/format";
import { passwordRule } from "../../crud/rules";
import type { Identity } from "../../crud/identity";
import type { FieldDef } from "../../crud/types";
import { ROLES, type Role } from "../../providers/profile";

type Account = {
  user_id: string;
  email: string;
  role: Role | null;
  org_unit_id: number | null;
  org_unit_name: string | null;
  display_name: string | null;
  disabled: boolean;
  last_sign_in_at: string | null;
  created_at: string;
};

const orgUnitField: FieldDef = { name: "org_unit_id", type: "relation", relation: { resource: "org_units", labelField: "name", searchFields: ["code"] } };

/** Puts a database rule's message on the form field it names (hint "field:<name>"), or says it in a toast. */
function showError(form: FormInstance, error: HttpError, fallback: (message: string) => void) {
  const fields = Object.entries(error.errors ?? {}).filter(([name]) => form.getFieldInstance(name) !== undefined);
  if (fields.length) form.setFields(fields.map(([name, message]) => ({ name, errors: [String(message)] })));
  else fallback(error.message);
}

export default function AccountsPage() {
  const t = useTranslate();
  const { i18n } = useTranslation();
  const { message } = App.useApp();
  const { data: me } = useGetIdentity<Identity>();
  const { result, query } = useCustom<Account[]>({ url: "admin_list_accounts", method: "post" });
  const { mutateAsync: call } = useCustomMutation();
  const { mutateAsync: updateProfile } = useUpdate();
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<Account | null>(null);
  const [editing, setEditing] = useState<Account | null>(null);
  const [createForm] = Form.useForm();
  const [resetForm] = Form.useForm();
  const [editForm] = Form.useForm();

  const rpc = (name: string, values: Record<string, unknown>) =>
    call({ url: name, method: "post", values, successNotification: false, errorNotification: false });

  const roleOptions = ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }));
  const label = (key: string) => t(`accounts.fields.${key}`);
  const required = (key: string) => [{ required: true, whitespace: true, message: t("form.required", { label: label(key) }) }];

  const roleAndUnit = (form: FormInstance) => (
    <>
      <Form.Item name="role" label={label("role")} rules={[{ required: true, message: t("form.select", { label: label("role") }) }]}>
        <Select options={roleOptions} aria-label={label("role")} />
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(before, after) => before.role !== after.role}>
        {() =>
          form.getFieldValue("role") === "committee_admin" && (
            <Form.Item name="org_unit_id" label={label("org_unit_id")} rules={[{ required: true, message: t("form.select", { label: label("org_unit_id") }) }]}>
              <RelationSelect field={orgUnitField} label={label("org_unit_id")} />
            </Form.Item>
          )
        }
      </Form.Item>
    </>
  );

  return (
    <List
      title={t("accounts.label")}
      headerButtons={() => (
        <Button type="primary" onClick={() => setCreating(true)}>
          {t("accounts.create")}
        </Button>
      )}
    >
      <Table<Account>
        rowKey="user_id"
        loading={query.isLoading}
        // Refine hands out {} until the first answer arrives.
        dataSource={Array.isArray(result.data) ? result.data : []}
        pagination={{ pageSize: 20, showTotal: (total) => t("table.total", { total }) }}
        scroll={{ x: "max-content" }}
        columns={[
          { key: "email", dataIndex: "email", title: label("email") },
          { key: "display_name", dataIndex: "display_name", title: label("display_name") },
          { key: "role", title: label("role"), render: (_, row) => (row.role ? <Tag color="red">{t(`roles.${row.role}`)}</Tag> : "") },
          { key: "org_unit", dataIndex: "org_unit_name", title: label("org_unit_id") },
          {
            key: "disabled",
            title: label("disabled"),
            render: (_, row) => (row.disabled ? <Tag>{t("accounts.disabledTag")}</Tag> : <Tag color="green">{t("accounts.enabled")}</Tag>),
          },
          { key: "last_sign_in_at", title: label("last_sign_in_at"), render: (_, row) => formatDateTime(row.last_sign_in_at, i18n.language) },
          {
            key: "actions",
            title: t("table.actions"),
            render: (_, row) => (
              <Space size="small">
                <Button
                  size="small"
                  onClick={() => {
                    setEditing(row);
                    editForm.setFieldsValue({ role: row.role, org_unit_id: row.org_unit_id, display_name: row.display_name });
                  }}
                >
                  {t("accounts.editProfile")}
                </Button>
                <Button size="small" onClick={() => setResetting(row)}>
                  {t("accounts.resetPassword")}
                </Button>
                {row.disabled ? (
                  <Button
                    size="small"
                    onClick={async () => {
                      await rpc("admin_set_account_disabled", { p_user_id: row.user_id, p_disabled: false }).catch((error: HttpError) => message.error(error.message));
                      message.success(t("accounts.enabledDone"));
                      query.refetch();
                    }}
                  >
                    {t("accounts.enable")}
                  </Button>
                ) : (
                  <Popconfirm
                    title={t("accounts.confirmDisable")}
                    okText={t("accounts.disable")}
                    cancelText={t("buttons.cancel")}
                    disabled={row.user_id === me?.id}
                    onConfirm={async () => {
                      try {
                        await rpc("admin_set_account_disabled", { p_user_id: row.user_id, p_disabled: true });
                        message.success(t("accounts.disabledDone"));
                        query.refetch();
                      } catch (error) {
                        message.error((error as HttpError).message);
                      }
                    }}
                  >
                    <Button size="small" danger disabled={row.user_id === me?.id}>
                      {t("accounts.disable")}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />

      <Modal
        open={creating}
        title={t("accounts.create")}
        okText={t("buttons.save")}
        cancelText={t("buttons.cancel")}
        destroyOnHidden
        onCancel={() => setCreating(false)}
        onOk={() => createForm.submit()}
      >
        <Form
          form={createForm}
          layout="vertical"
          preserve={false}
          onFinish={async (values) => {
            try {
              await rpc("admin_create_account", {
                p_email: values.email,
                p_password: values.password,
                p_role: values.role,
                p_display_name: values.display_name,
                p_org_unit_id: values.role === "committee_admin" ? values.org_unit_id : null,
              });
              message.success(t("accounts.created"));
              setCreating(false);
              query.refetch();
            } catch (error) {
              showError(createForm, error as HttpError, (text) => message.error(text));
            }
          }}
        >
          <Form.Item name="email" label={label("email")} rules={[...required("email"), { type: "email", message: t("form.pattern", { label: label("email") }) }]}>
            <Input autoComplete="off" aria-label={label("email")} />
          </Form.Item>
          <Form.Item name="password" label={label("password")} rules={[...required("password"), passwordRule(t)]}>
            <Input.Password autoComplete="new-password" aria-label={label("password")} />
          </Form.Item>
          <Form.Item name="display_name" label={label("display_name")} rules={[...required("display_name"), { max: 50, message: t("form.tooLong", { label: label("display_name"), max: 50 }) }]}>
            <Input aria-label={label("display_name")} />
          </Form.Item>
          {roleAndUnit(createForm)}
        </Form>
      </Modal>

      <Modal
        open={resetting !== null}
        title={`${t("accounts.resetPassword")}：${resetting?.email ?? ""}`}
        okText={t("buttons.save")}
        cancelText={t("buttons.cancel")}
        destroyOnHidden
        onCancel={() => setResetting(null)}
        onOk={() => resetForm.submit()}
      >
        <Form
          form={resetForm}
          layout="vertical"
          preserve={false}
          onFinish={async (values) => {
            try {
              await rpc("admin_reset_password", { p_user_id: resetting!.user_id, p_password: values.password });
              message.success(t("accounts.passwordReset"));
              setResetting(null);
            } catch (error) {
              showError(resetForm, error as HttpError, (text) => message.error(text));
            }
          }}
        >
          <Form.Item name="password" label={label("newPassword")} rules={[...required("newPassword"), passwordRule(t)]}>
            <Input.Password autoComplete="new-password" aria-label={label("newPassword")} />
          </Form.Item>
        </Form>
      </Modal>

      <Modal
        open={editing !== null}
        title={`${t("accounts.editProfile")}：${editing?.email ?? ""}`}
        okText={t("buttons.save")}
        cancelText={t("buttons.cancel")}
        destroyOnHidden
        onCancel={() => setEditing(null)}
        onOk={() => editForm.submit()}
      >
        <Form
          form={editForm}
          layout="vertical"
          onFinish={async (values) => {
            try {
              await updateProfile({
                resource: "profiles",
                id: editing!.user_id,
                values: {
                  role: values.role,
                  display_name: values.display_name,
                  org_unit_id: values.role === "committee_admin" ? values.org_unit_id : null,
                },
                meta: { idColumnName: "user_id" },
                successNotification: false,
                errorNotification: false,
              });
              message.success(t("accounts.profileSaved"));
              setEditing(null);
              query.refetch();
            } catch (error) {
              showError(editForm, error as HttpError, (text) => message.error(text));
            }
          }}
        >
          <Form.Item name="display_name" label={label("display_name")} rules={required("display_name")}>
            <Input aria-label={label("display_name")} />
          </Form.Item>
          {roleAndUnit(editForm)}
        </Form>
      </Modal>
    </List>
  );
}
