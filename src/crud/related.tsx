// Show-page tabs: rows of other resources that point at this record, and the record's change history.
import { useTable } from "@refinedev/antd";
import { useCan, useTranslate } from "@refinedev/core";
import { PlusOutlined } from "@ant-design/icons";
import { Button, Space, Table, Tag } from "antd";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { resourceByName } from "../resources";
import { listFields, RowActions, useColumns } from "./columns";
import { AuditChanges } from "./audit";
import { selectFor } from "./fields";
import { formatDateTime } from "./format";
import { defaultSortOf, keepingDefaultSort } from "./sorting";
import type { RelatedDef, ResourceDef } from "./types";

type Row = Record<string, unknown>;

export function RelatedTable({ related, parentId }: { related: RelatedDef; parentId: unknown }) {
  const t = useTranslate();
  const resource = resourceByName(related.resource)!;
  const plainKey = !related.foreignKey.includes(".");
  const fields = related.columns
    ? related.columns.map((name) => resource.fields.find((field) => field.name === name)!).filter(Boolean)
    : listFields(resource).filter((field) => field.name !== related.foreignKey);
  const select = related.countOf ? `${selectFor(resource)},${related.countOf.resource}!${related.countOf.constraint}(count)` : selectFor(resource);

  const { tableProps, sorters, setSorters } = useTable({
    resource: resource.name,
    syncWithLocation: false,
    pagination: { pageSize: 10 },
    sorters: { initial: [defaultSortOf(resource)] },
    filters: { permanent: [{ field: related.foreignKey, operator: "eq", value: parentId }] },
    meta: { select, count: "exact" },
  });
  const columns = useColumns(resource, fields, sorters);
  if (related.countOf) {
    const { resource: child, label } = related.countOf;
    columns.push({
      key: "count",
      title: t(label),
      render: (_: unknown, record: Row) => String((record[child] as { count: number }[] | undefined)?.[0]?.count ?? 0),
    });
  }
  const { data: canCreate } = useCan({ resource: resource.name, action: "create" });
  const offerCreate = (related.canCreate ?? plainKey) && (resource.pages ?? ["create"]).includes("create") && canCreate?.can;

  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      {offerCreate && (
        <Link to={`${resource.route}/create?${related.foreignKey}=${encodeURIComponent(String(parentId))}`}>
          <Button icon={<PlusOutlined />}>{t("titles.create", { resource: t(resource.label ?? `${resource.name}.label`) })}</Button>
        </Link>
      )}
      <Table
        {...tableProps}
        onChange={keepingDefaultSort(tableProps.onChange, setSorters, defaultSortOf(resource))}
        rowKey="id"
        size="small"
        scroll={{ x: "max-content" }}
        columns={[...columns, { key: "actions", title: t("table.actions"), render: (_: unknown, record: Row) => <RowActions resource={resource} record={record} /> }]}
        pagination={{ ...tableProps.pagination, showTotal: (total) => t("table.total", { total }) }}
      />
    </Space>
  );
}

/** 变更记录: who changed what and when, from audit_log (old → new per column, labelled as on the form). */
export function HistoryTable({ resource, rowId }: { resource: ResourceDef; rowId: unknown }) {
  const t = useTranslate();
  const { i18n } = useTranslation();
  const { tableProps } = useTable({
    resource: "audit_log",
    syncWithLocation: false,
    pagination: { pageSize: 10 },
    sorters: { permanent: [{ field: "at", order: "desc" }] },
    filters: {
      permanent: [
        { field: "table_name", operator: "eq", value: resource.name },
        { field: "row_id", operator: "eq", value: String(rowId) },
      ],
    },
    meta: { select: "id,at,actor_name,action,old_values,new_values,changed_columns", count: "exact" },
  });
  return (
    <Table
      {...tableProps}
      rowKey="id"
      size="small"
      locale={{ emptyText: t("audit.empty") }}
      columns={[
        { key: "at", title: t("audit.at"), render: (_: unknown, row: Row) => formatDateTime(row.at, i18n.language) },
        { key: "actor", title: t("audit.actor"), dataIndex: "actor_name" },
        {
          key: "action",
          title: t("audit.action"),
          render: (_: unknown, row: Row) => <Tag>{t(`enums.audit_action.${String(row.action)}`)}</Tag>,
        },
        {
          key: "changes",
          title: t("audit.changes"),
          render: (_: unknown, row: Row) => <AuditChanges row={row} resource={resource} />,
        },
      ]}
    />
  );
}
