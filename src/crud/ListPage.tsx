// Generic list page: server-side pagination, sorting, a debounced search box and filters, all kept in the URL.
import { DeleteButton, EditButton, getDefaultSortOrder, List, ShowButton, useTable } from "@refinedev/antd";
import { useTranslate, type CrudFilter, type LogicalFilter, type ConditionalFilter } from "@refinedev/core";
import { Button, DatePicker, Input, Select, Space, Table } from "antd";
import dayjs from "dayjs";
import { useEffect, useMemo, useRef, useState } from "react";
import { RelationSelect } from "./FieldInput";
import { displayValue, enumLabel, fieldLabelKey, resourceLabelKey, selectFor } from "./fields";
import type { FieldDef, ResourceDef } from "./types";
import { useTranslation } from "react-i18next";

const SEARCH_KEY = "search";
const SEARCH_DEBOUNCE_MS = 400;

const findFilter = (filters: CrudFilter[], field: string, operator: string) =>
  filters.find((filter): filter is LogicalFilter => "field" in filter && filter.field === field && filter.operator === operator)?.value;

export function ListPage({ resource }: { resource: ResourceDef }) {
  const t = useTranslate();
  const { i18n } = useTranslation();
  const searchFields = resource.fields.filter((field) => field.search);
  const filterFields = resource.fields.filter((field) => field.filter);

  const { tableProps, filters, setFilters, sorters, setCurrentPage } = useTable({
    resource: resource.name,
    syncWithLocation: true,
    pagination: { pageSize: 20 },
    sorters: { initial: resource.defaultSort ? [resource.defaultSort] : [{ field: "id", order: "desc" }] },
    meta: { select: selectFor(resource), count: resource.count ?? "exact" },
  });

  const applyFilters = (next: CrudFilter[]) => {
    setFilters(next, "merge");
    setCurrentPage(1);
  };

  // The search box keeps its own text and hands it to the table after a pause in typing.
  const searchFromUrl =
    ((filters.find((filter) => (filter as ConditionalFilter).key === SEARCH_KEY) as ConditionalFilter | undefined)?.value[0] as LogicalFilter | undefined)
      ?.value ?? "";
  const [searchText, setSearchText] = useState<string>(String(searchFromUrl));
  const lastSent = useRef(String(searchFromUrl));
  useEffect(() => {
    if (searchText === lastSent.current) return;
    const timer = setTimeout(() => {
      lastSent.current = searchText;
      const text = searchText.trim();
      applyFilters([
        {
          key: SEARCH_KEY,
          operator: "or",
          value: text ? searchFields.map((field) => ({ field: field.name, operator: "contains" as const, value: text })) : [],
        },
      ]);
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [searchText]);

  const columns = useMemo(
    () =>
      resource.fields
        .filter((field) => field.list)
        .map((field) => ({
          key: field.name,
          dataIndex: field.name,
          title: t(fieldLabelKey(resource, field)),
          sorter: field.sortable !== false && field.type !== "json",
          defaultSortOrder: getDefaultSortOrder(field.name, sorters),
          render: (_: unknown, record: Record<string, unknown>) => displayValue(field, record, t, i18n.language),
        })),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [resource, sorters, i18n.language],
  );

  const label = (field: FieldDef) => t(fieldLabelKey(resource, field));

  return (
    <List resource={resource.name} title={t(resourceLabelKey(resource))}>
      <Space wrap style={{ marginBottom: 16 }}>
        {searchFields.length > 0 && (
          <Input.Search
            allowClear
            aria-label={t("buttons.search")}
            placeholder={t("table.searchPlaceholder", { fields: searchFields.map(label).join(" / ") })}
            value={searchText}
            onChange={(event) => setSearchText(event.target.value)}
            onSearch={(value) => setSearchText(value)}
            style={{ width: 280 }}
          />
        )}
        {filterFields.map((field) => (
          <FilterControl key={field.name} field={field} label={label(field)} filters={filters} onChange={applyFilters} />
        ))}
        {(filters.length > 0 || searchText) && (
          <Button
            onClick={() => {
              lastSent.current = "";
              setSearchText("");
              setFilters([], "replace");
              setCurrentPage(1);
            }}
          >
            {t("buttons.reset")}
          </Button>
        )}
      </Space>
      <Table
        {...tableProps}
        rowKey="id"
        scroll={{ x: "max-content" }}
        pagination={{
          ...tableProps.pagination,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (total) => t("table.total", { total }),
        }}
      >
        {columns.map((column) => (
          <Table.Column {...column} />
        ))}
        <Table.Column
          key="actions"
          title={t("table.actions")}
          fixed="right"
          render={(_, record: Record<string, unknown>) => (
            <Space>
              <ShowButton hideText size="small" resource={resource.name} recordItemId={record.id as number} />
              <EditButton hideText size="small" resource={resource.name} recordItemId={record.id as number} />
              <DeleteButton
                hideText
                size="small"
                resource={resource.name}
                recordItemId={record.id as number}
                confirmTitle={deleteConfirmTitle(t, resource, record)}
                confirmOkText={t("buttons.delete")}
                confirmCancelText={t("buttons.cancel")}
              />
            </Space>
          )}
        />
      </Table>
    </List>
  );
}

type Translate = ReturnType<typeof useTranslate>;

export function deleteConfirmTitle(t: Translate, resource: ResourceDef, record: Record<string, unknown>) {
  const title = t("confirmDelete.title", { resource: t(resourceLabelKey(resource)), name: String(record[resource.titleField] ?? record.id) });
  const cascade = resource.deleteCascade ? t("confirmDelete.cascade", { what: t(resource.deleteCascade) }) : "";
  return `${title}${cascade}${t("confirmDelete.irreversible")}`;
}

/** One toolbar filter: a select for enums and relations, a date range for dates. */
function FilterControl({ field, label, filters, onChange }: { field: FieldDef; label: string; filters: CrudFilter[]; onChange: (filters: CrudFilter[]) => void }) {
  const t = useTranslate();
  if (field.type === "date" || field.type === "datetime") {
    const from = findFilter(filters, field.name, "gte");
    const to = findFilter(filters, field.name, "lte");
    return (
      <DatePicker.RangePicker
        aria-label={label}
        placeholder={[`${label} ${t("table.from")}`, t("table.to")]}
        value={[from ? dayjs(from) : null, to ? dayjs(to) : null]}
        onChange={(range) =>
          onChange([
            { field: field.name, operator: "gte", value: range?.[0]?.format("YYYY-MM-DD") },
            { field: field.name, operator: "lte", value: range?.[1]?.format("YYYY-MM-DD") },
          ])
        }
      />
    );
  }
  const value = findFilter(filters, field.name, "eq");
  const set = (next: unknown) => onChange([{ field: field.name, operator: "eq", value: next ?? undefined }]);
  if (field.type === "relation") {
    return (
      <div style={{ width: 200 }}>
        <RelationSelect field={{ ...field, required: false }} label={label} value={value == null ? undefined : Number(value)} onChange={set} />
      </div>
    );
  }
  return (
    <Select
      allowClear
      aria-label={label}
      placeholder={label}
      style={{ minWidth: 160 }}
      value={value ?? undefined}
      onChange={set}
      options={(field.enum?.values ?? []).map((option) => ({ value: option, label: enumLabel(t, field, option) }))}
    />
  );
}
