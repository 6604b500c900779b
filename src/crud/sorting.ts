// A list's default sort, kept when antd reports no sorted column.
import type { CrudSort } from "@refinedev/core";
import type { TableProps } from "antd";

export const defaultSortOf = (resource: { defaultSort?: CrudSort }): CrudSort => resource.defaultSort ?? { field: "id", order: "desc" };

/**
 * antd hands Refine the sorted column on every page change; the default sort (`id`, or a column not shown) has
 * none, so Refine would drop it and page 2 would come in another order than page 1. When no column is sorted,
 * the default sort is put back.
 */
export function keepingDefaultSort<Row>(
  onChange: TableProps<Row>["onChange"],
  setSorters: (sorters: CrudSort[]) => void,
  defaultSort: CrudSort,
): TableProps<Row>["onChange"] {
  return (pagination, filters, sorter, extra) => {
    onChange?.(pagination, filters, sorter, extra);
    const sorted = (Array.isArray(sorter) ? sorter : [sorter]).some((column) => column?.order);
    if (!sorted) setSorters([defaultSort]);
  };
}
