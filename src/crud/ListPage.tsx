// Generic list page: server-side pagination, sorting, a debounced search box and filters, all kept in the URL.
import { List, useTable } from "@refinedev/antd";
import { useCan, useTranslate, type ConditionalFilter, type CrudFilter, type LogicalFilter } from "@refinedev/core";
import { Button, DatePicker, Input, InputNumber, Select, Space, Table } from "antd";
import dayjs from "dayjs";
import { Suspense, useEffect, useRef, useState } from "react";
import { BulkDelete } from "./BulkDelete";
import { listFields, RowActions, useColumns } from "./columns";
import { ExportButton, ExportSelection } from "./ExportButton";
import { RelationSelect } from "./FieldInput";
import { ImportButton } from "./import/ImportButton";
import { fieldLabelKey, filterOptions, filterViaOf, resourceLabelKey, selectFor } from "./fields";
import { MoneySum } from "./MoneySum";
import { SavedViewsButtons, useViewKey } from "./SavedViews";
import { defaultSortOf, keepingDefaultSort } from "./sorting";
import type { FieldDef, ResourceDef } from "./types";

const SEARCH_KEY = "search";
const SEARCH_DEBOUNCE_MS = 400;

const findFilter = (filters: CrudFilter[], field: string, operator: string) =>
  filters.find((filter): filter is LogicalFilter => "field" in filter && filter.field === field && filter.operator === operator)?.value;

/** Opening a saved view of this same list starts the page over from the view's URL (see SavedViews.tsx). */
export function ListPage({ resource }: { resource: ResourceDef }) {
  return <ListPageContent key={useViewKey()} resource={resource} />;
}

function ListPageContent({ resource }: { resource: ResourceDef }) {
  const t = useTranslate();
  const searchFields = resource.fields.filter((field) => field.search);
  const filterFields = resource.fields.filter((field) => field.filter);
  const count = resource.count ?? "exact";

  const { tableProps, filters, setFilters, sorters, setSorters, setCurrentPage } = useTable({
    resource: resource.name,
    syncWithLocation: true,
    pagination: { pageSize: 20 },
    sorters: { initial: [defaultSortOf(resource)] },
    meta: { select: selectFor(resource), count, filterVia: filterViaOf(resource) },
  });

  const applyFilters = (next: CrudFilter[]) => {
    setFilters(next, "merge");
    setCurrentPage(1);
  };

  // The search box keeps its own text and hands it to the table after a pause in typing.
  const searchFilter = filters.find((filter) => (filter as ConditionalFilter).key === SEARCH_KEY) as ConditionalFilter | undefined;
  const searchFromUrl = String((searchFilter?.value[0] as LogicalFilter | undefined)?.value ?? "");
  const [searchText, setSearchText] = useState(searchFromUrl);
  const lastSent = useRef(searchFromUrl);
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

  // Rows chosen for a bulk action (kept across pages: a key's row is remembered from the page it was picked on).
  const [selected, setSelected] = useState<Record<string, unknown>[]>([]);
  // Bulk actions write: offered (with their selection column) only to a role that may edit this register.
  const { data: mayEdit } = useCan({ resource: resource.name, action: "edit" });
  const bulkActions = mayEdit?.can ? (resource.bulkActions ?? []) : [];
  // Deleting and exporting the selection go with every register an editor may select rows of.
  const selectable = Boolean(mayEdit?.can);
  const deletable = (resource.pages ?? ["edit"]).includes("edit");

  const columns = useColumns(resource, listFields(resource), sorters);
  const label = (field: FieldDef) => t(fieldLabelKey(resource, field));

  return (
    <List
      resource={resource.name}
      title={t(resourceLabelKey(resource))}
      headerButtons={({ defaultButtons }) => (
        <>
          {defaultButtons}
          <ImportButton resource={resource} />
        </>
      )}
    >
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
        <ExportButton resource={resource} filters={filters} sorters={sorters.length > 0 ? sorters : [defaultSortOf(resource)]} />
        <SavedViewsButtons resource={resource} />
      </Space>
      <MoneySum resource={resource} filters={filters} />
      {selectable && selected.length > 0 && (
        <Space wrap style={{ marginBottom: 16 }}>
          <span>{t("table.selected", { count: selected.length })}</span>
          {bulkActions.map((Action, index) => (
            <Suspense key={index} fallback={null}>
              <Action records={selected} onDone={() => setSelected([])} />
            </Suspense>
          ))}
          <ExportSelection resource={resource} records={selected} />
          {deletable && <BulkDelete resource={resource} records={selected} onDone={() => setSelected([])} />}
          <Button onClick={() => setSelected([])}>{t("table.clearSelection")}</Button>
        </Space>
      )}
      <Table
        {...tableProps}
        onChange={keepingDefaultSort(tableProps.onChange, setSorters, defaultSortOf(resource))}
        rowKey="id"
        rowSelection={
          selectable
            ? {
                preserveSelectedRowKeys: true,
                selectedRowKeys: selected.map((row) => row.id as number),
                onChange: (keys, rows) => {
                  const known = new Map([...selected, ...rows.filter(Boolean)].map((row) => [row.id, row]));
                  setSelected(keys.map((key) => known.get(key)).filter((row): row is Record<string, unknown> => Boolean(row)));
                },
              }
            : undefined
        }
        scroll={{ x: "max-content" }}
        columns={[
          ...columns,
          {
            key: "actions",
            title: t("table.actions"),
            fixed: "right",
            render: (_: unknown, record: Record<string, unknown>) => <RowActions resource={resource} record={record} />,
          },
        ]}
        pagination={{
          ...tableProps.pagination,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          // An estimated total is labelled as one; the default is exact.
          showTotal: (total) => t(count === "exact" ? "table.total" : "table.totalEstimated", { total }),
        }}
      />
    </List>
  );
}

/** One toolbar filter: a select for enums, booleans and relations, a date range for dates, a number for numbers. */
function FilterControl({ field, label, filters, onChange }: { field: FieldDef; label: string; filters: CrudFilter[]; onChange: (filters: CrudFilter[]) => void }) {
  const t = useTranslate();
  const set = (next: unknown) => onChange([{ field: field.name, operator: "eq", value: next ?? undefined }]);
  const value = findFilter(filters, field.name, "eq");
  switch (field.type) {
    case "date":
    case "datetime": {
      const from = findFilter(filters, field.name, "gte");
      const to = findFilter(filters, field.name, "lte");
      // A datetime's day range ends at the end of the last day.
      const end = field.type === "datetime" ? (day: dayjs.Dayjs) => day.endOf("day").toISOString() : (day: dayjs.Dayjs) => day.format("YYYY-MM-DD");
      const start = field.type === "datetime" ? (day: dayjs.Dayjs) => day.startOf("day").toISOString() : (day: dayjs.Dayjs) => day.format("YYYY-MM-DD");
      return (
        <DatePicker.RangePicker
          aria-label={label}
          placeholder={[t("table.from", { label }), t("table.to", { label })]}
          value={[from ? dayjs(from) : null, to ? dayjs(to) : null]}
          onChange={(range) =>
            onChange([
              { field: field.name, operator: "gte", value: range?.[0] ? start(range[0]) : undefined },
              { field: field.name, operator: "lte", value: range?.[1] ? end(range[1]) : undefined },
            ])
          }
        />
      );
    }
    case "relation":
      return (
        <div style={{ width: 200 }}>
          <RelationSelect field={{ ...field, required: false }} label={label} value={value == null ? undefined : Number(value)} onChange={set} />
        </div>
      );
    case "number":
      return <InputNumber aria-label={label} placeholder={label} value={value == null ? null : Number(value)} onChange={set} style={{ width: 140 }} />;
    default:
      return (
        <Select
          allowClear
          aria-label={label}
          placeholder={label}
          style={{ minWidth: 160 }}
          // the URL hands a boolean back as text: compare as text with the choices
          value={value == null ? undefined : String(value)}
          onChange={set}
          options={filterOptions(field, t)}
        />
      );
  }
}
