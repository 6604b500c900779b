// 系统: accounts and the audit trail.
import { ControlOutlined, HistoryOutlined, ImportOutlined, UserOutlined } from "@ant-design/icons";
import { lazy, Suspense } from "react";
import { defineResource, enumOf, type ResourceDef } from "../crud/types";
import { AUDITED_TABLE, AUDIT_ACTION, ORG_ADMIN_WRITES, toOrgUnit } from "./shared";

// public.imports.mode (a text column: the two modes of public.import_rows)
const IMPORT_MODE = enumOf("import_mode", ["insert", "upsert"]);

// The audit readers load with the page that shows them, not with the menu.
const audit = () => import("../crud/audit");
const Lazy = {
  AuditChanges: (props: { row: Record<string, unknown> }) => <Suspense fallback={null}><LazyAuditChanges {...props} /></Suspense>,
  ChangedColumns: (props: { row: Record<string, unknown> }) => <Suspense fallback={null}><LazyChangedColumns {...props} /></Suspense>,
};
const LazyAuditChanges = lazy(() => audit().then((module) => ({ default: module.AuditChanges })));
const LazyChangedColumns = lazy(() => audit().then((module) => ({ default: module.ChangedColumns })));

export const systemResources: ResourceDef[] = [
  defineResource({
    name: "accounts",
    route: "/accounts",
    group: "system",
    icon: <UserOutlined />,
    // Not a table: the page (src/pages/accounts) calls the admin_* database functions.
    pages: ["list"],
    access: { read: ["org_admin"], write: ["org_admin"] },
    history: false,
    fields: [],
  }),
  defineResource({
    name: "settings",
    route: "/settings",
    group: "system",
    icon: <ControlOutlined />,
    titleField: "label",
    defaultSort: { field: "position", order: "asc" },
    // The keys come with the migrations that read them: 组织部 changes values, nobody adds or removes one.
    pages: ["list", "edit", "show"],
    access: ORG_ADMIN_WRITES,
    fields: [
      { name: "label", type: "text", form: false, list: true, search: true },
      { name: "value", type: "number", required: true, list: true, help: "settings.help.value" },
      { name: "unit", type: "text", form: false, list: true },
      { name: "min_value", type: "number", form: false },
      { name: "max_value", type: "number", form: false },
      { name: "description", type: "textarea", form: false, list: true },
      { name: "key", type: "text", form: false, show: true },
      { name: "updated_at", type: "datetime", form: false, list: true },
    ],
  }),
  defineResource({
    name: "audit_log",
    route: "/audit-log",
    group: "system",
    icon: <HistoryOutlined />,
    pages: ["list", "show"],
    access: { write: [] },
    history: false,
    recordTitle: (record, t) =>
      `${t(`${String(record.table_name)}.label`)} #${String(record.row_id)} ${t(`enums.audit_action.${String(record.action)}`)}`,
    defaultSort: { field: "at", order: "desc" },
    fields: [
      { name: "at", type: "datetime", list: true, filter: true },
      { name: "actor_name", type: "text", list: true, search: true },
      { name: "table_name", type: "enum", enum: AUDITED_TABLE, list: true, filter: true },
      { name: "row_id", type: "text", list: true, search: true },
      { name: "action", type: "enum", enum: AUDIT_ACTION, list: true, filter: true },
      // read like the record's 变更记录 tab: labels, enum labels, old → new (src/crud/audit.tsx)
      { name: "changed_columns", type: "json", list: true, sortable: false, show: false, render: (record) => <Lazy.ChangedColumns row={record} /> },
      { name: "old_values", type: "json", show: false },
      { name: "new_values", type: "json", label: "audit.changes", render: (record) => <Lazy.AuditChanges row={record} /> },
      // 导入编号: every entry one import caused (public.import_rows)
      { name: "import_id", type: "number", filter: true },
    ],
  }),
  defineResource({
    name: "imports",
    route: "/imports",
    group: "system",
    icon: <ImportOutlined />,
    pages: ["list", "show"],
    access: { write: [] },
    history: false,
    recordTitle: (record, t) => `${t("audit_log.fields.import_id")} ${String(record.id)} · ${t(`enums.audited_table.${String(record.table_name)}`)}`,
    defaultSort: { field: "created_at", order: "desc" },
    // Written by public.import_rows only; a committee reads its own unit's.
    fields: [
      { name: "created_at", type: "datetime", form: false, list: true, filter: true },
      { name: "table_name", type: "enum", enum: AUDITED_TABLE, form: false, list: true, filter: true },
      { name: "mode", type: "enum", enum: IMPORT_MODE, form: false, list: true },
      { name: "file_name", type: "text", form: false, list: true, search: true },
      { name: "actor_name", type: "text", form: false, list: true, search: true },
      { name: "org_unit_id", type: "relation", relation: toOrgUnit, form: false, list: true, filter: true },
      { name: "row_count", type: "number", form: false, list: true },
      { name: "created", type: "number", form: false, list: true },
      { name: "updated", type: "number", form: false, list: true },
      { name: "unchanged", type: "number", form: false, list: true },
    ],
    related: [{ resource: "audit_log", foreignKey: "import_id", label: "imports.tabs.audit", canCreate: false }],
  }),
];
