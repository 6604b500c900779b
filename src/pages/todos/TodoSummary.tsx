// The to-dos as a table: each kind with its count, the count linking to the register's list filtered to exactly
// those records. The home page's 待办 panel and the top of the 待办 page.
import { Table } from "antd";
import { Link } from "react-router";
import { resourceByName } from "../../resources";
import { countIn, todoListUrl, type TodoRow } from "./model";

type Props = {
  rows: TodoRow[];
  locale: "zh" | "en";
  /** a chosen org unit (the home page's filter): its counts, and lists narrowed to it */
  orgUnitId?: number | null;
  /** the table's accessible name (the dashboards' data-table convention: "<title> 数据表") */
  label: string;
  words: { kind: string; count: string };
};

/** The register's list of a kind's records (narrowed to a unit where the register has org_unit_id). */
export function listUrlOf(row: TodoRow, orgUnitId?: number | null): string | undefined {
  const resource = resourceByName(row.register);
  if (!resource) return undefined;
  const unitColumn = resource.fields.some((field) => field.name === "org_unit_id") ? "org_unit_id" : undefined;
  return todoListUrl(resource.route, row.kind, orgUnitId, unitColumn);
}

export function TodoSummary({ rows, locale, orgUnitId, label, words }: Props) {
  const data = rows.map((row) => ({ key: row.kind, row, label: locale === "en" ? row.label_en : row.label, count: countIn(row, orgUnitId) }));
  return (
    <Table
      aria-label={label}
      size="small"
      pagination={false}
      dataSource={data}
      style={{ fontVariantNumeric: "tabular-nums" }}
      columns={[
        { key: "label", dataIndex: "label", title: words.kind },
        {
          key: "count",
          dataIndex: "count",
          title: words.count,
          align: "right",
          onCell: () => ({ style: { whiteSpace: "nowrap" } }),
          render: (count: number, { row }) => {
            const url = count > 0 ? listUrlOf(row, orgUnitId) : undefined;
            const shown = count.toLocaleString(locale === "en" ? "en-US" : "zh-CN");
            return url ? <Link to={url} data-kind={row.kind}>{shown}</Link> : shown;
          },
        },
      ]}
    />
  );
}
