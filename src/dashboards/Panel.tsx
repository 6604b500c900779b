// One panel: header (title, chart/table switch, sort, exports, link), then loading / error / empty / content.
import { DownloadOutlined, FileExcelOutlined, FileImageOutlined, InfoCircleOutlined, SortDescendingOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Empty, Segmented, Skeleton, Space, Statistic, Table, Tooltip, Typography } from "antd";
import type { ECElementEvent } from "echarts/core";
import { useMemo, useState, type CSSProperties, type ReactNode } from "react";
import { Link, useNavigate } from "react-router";
import { asOfCaption, drillUrl, recordUrl, type FilterValues } from "./drill";
import { formatValue } from "./format";
import { buildChart, buildKpi, buildTable, tablePageSize, toCsv, type Row } from "./options";
import { isClickedBinding, text, valueFields, type Locale, type PanelSpec } from "./spec";
import { usePanelRows } from "./useDashboardData";
import { TodoSummary } from "../pages/todos/TodoSummary";
import type { TodoRow } from "../pages/todos/model";
import { useEChart } from "./useEChart";

const WORDS = {
  chart: { zh: "图表", en: "Chart" },
  table: { zh: "表格", en: "Table" },
  view: { zh: "显示方式", en: "View" },
  png: { zh: "导出图片", en: "Export PNG" },
  csv: { zh: "导出 CSV", en: "Export CSV" },
  xlsx: { zh: "导出 Excel", en: "Export Excel" },
  sort: { zh: "按数值排序", en: "Sort by value" },
  empty: { zh: "暂无数据", en: "No data" },
  failed: { zh: "数据未能加载", en: "The data could not be loaded" },
  failedHint: { zh: "请稍后点“重试”；仍不行请联系组织部。", en: "Try again in a moment; if it keeps failing, contact the organisation department." },
  retry: { zh: "重试", en: "Retry" },
  details: { zh: "明细", en: "Details" },
  open: { zh: "查看", en: "Open" },
  more: { zh: "查看详情", en: "More" },
  dataTable: { zh: "数据表", en: "data table" },
  todoKind: { zh: "事项", en: "Item" },
  todoCount: { zh: "数量", en: "Count" },
  truncated: { zh: "仅列出前 {shown} 条，共 {total} 条", en: "Showing the first {shown} of {total} rows" },
};

function download(filename: string, href: string) {
  const anchor = document.createElement("a");
  anchor.href = href;
  anchor.download = filename;
  anchor.click();
}

type Props = {
  dashboardId: string;
  panel: PanelSpec;
  filters: FilterValues;
  enabled: boolean;
  locale: Locale;
  style?: CSSProperties;
};

export function Panel({ dashboardId, panel, filters, enabled, locale, style }: Props) {
  const t = (key: keyof typeof WORDS) => text(WORDS[key], locale);
  const title = text(panel.title, locale);
  const query = usePanelRows(panel, filters, enabled);
  const [view, setView] = useState<"chart" | "table">(panel.kind === "table" ? "table" : "chart");
  const [sorted, setSorted] = useState(false);
  const isChart = panel.kind !== "kpi" && panel.kind !== "table" && panel.kind !== "todos";

  const rows = useMemo(() => {
    const data = query.data?.rows ?? [];
    const sortBy = panel.options?.sortBy;
    if (!sorted || !sortBy) return data;
    return [...data].sort((a, b) => Number(b[sortBy] ?? -Infinity) - Number(a[sortBy] ?? -Infinity));
  }, [query.data, sorted, panel.options?.sortBy]);

  const state = query.isPending ? "loading" : query.isError ? "error" : rows.length === 0 ? "empty" : "ready";
  const { ref: chartRef, chart } = useChartIf(isChart && view === "chart" && state === "ready", panel, rows, filters, locale);

  const exportCsv = () =>
    download(`${dashboardId}-${panel.id}.csv`, URL.createObjectURL(new Blob([toCsv(panel, rows, locale)], { type: "text/csv;charset=utf-8" })));
  // write-excel-file loads with the first export, not with the dashboard
  const exportXlsx = async () => {
    const { panelWorkbook } = await import("./xlsx");
    download(`${dashboardId}-${panel.id}.xlsx`, URL.createObjectURL(await panelWorkbook(panel, rows, locale)));
  };
  const exportPng = () => {
    const url = chart.current?.getDataURL({ type: "png", pixelRatio: 2, backgroundColor: "#fff" });
    if (url) download(`${dashboardId}-${panel.id}.png`, url);
  };

  const extra = (
    <Space size={4}>
      {isChart && (
        <Segmented
          size="small"
          aria-label={t("view")}
          value={view}
          onChange={(value) => setView(value as "chart" | "table")}
          options={[
            { value: "chart", label: t("chart") },
            { value: "table", label: t("table") },
          ]}
        />
      )}
      {panel.options?.sortBy && (
        <Tooltip title={t("sort")}>
          <Button size="small" type={sorted ? "primary" : "text"} aria-label={t("sort")} aria-pressed={sorted} icon={<SortDescendingOutlined />} onClick={() => setSorted(!sorted)} />
        </Tooltip>
      )}
      {isChart && view === "chart" && (
        <Tooltip title={t("png")}>
          <Button size="small" type="text" aria-label={t("png")} icon={<FileImageOutlined />} disabled={state !== "ready"} onClick={exportPng} />
        </Tooltip>
      )}
      {panel.kind !== "kpi" && panel.kind !== "todos" && (
        <Tooltip title={t("csv")}>
          <Button size="small" type="text" aria-label={t("csv")} icon={<DownloadOutlined />} disabled={state !== "ready"} onClick={exportCsv} />
        </Tooltip>
      )}
      {/* the table view's rows as Excel (beside the CSV); hidden in the chart view to keep narrow headers readable */}
      {(panel.kind === "table" || (isChart && view === "table")) && (
        <Tooltip title={t("xlsx")}>
          <Button size="small" type="text" aria-label={t("xlsx")} icon={<FileExcelOutlined />} disabled={state !== "ready"} onClick={() => void exportXlsx()} />
        </Tooltip>
      )}
      {panel.link && (
        <Link to={panel.link.route}>{text(panel.link.label ?? WORDS.more, locale)}</Link>
      )}
    </Space>
  );

  let body;
  if (state === "loading") body = <Skeleton active paragraph={{ rows: Math.max(1, panel.grid.h - 2) }} title={false} />;
  else if (state === "error") {
    // A person reads what failed and what to do; the function name and the server's words go to the console.
    body = (
      <Alert
        type="error"
        showIcon
        message={`${title}：${t("failed")}`}
        description={t("failedHint")}
        action={
          <Button size="small" onClick={() => void query.refetch()} loading={query.isFetching}>
            {t("retry")}
          </Button>
        }
      />
    );
  } else if (state === "empty") body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("empty")} />;
  else if (panel.kind === "todos") {
    const unit = filters.org_unit;
    body = (
      <TodoSummary
        rows={rows as unknown as TodoRow[]}
        locale={locale}
        orgUnitId={unit === null || unit === undefined || unit === "" ? null : Number(unit)}
        label={`${title} ${t("dataTable")}`}
        words={{ kind: t("todoKind"), count: t("todoCount") }}
      />
    );
  } else if (panel.kind === "kpi") {
    const kpi = buildKpi(panel, rows, locale);
    // A card with a drill-down: its figure opens the list of what it counts (换届逾期支部 46 -> those 46 branches).
    const listUrl = drillUrl(panel, rows[0], filters);
    const asOf = asOfCaption(panel, filters, locale);
    const description = panel.options?.description && text(panel.options.description, locale);
    body = (
      <>
        {listUrl ? (
          <Link to={listUrl} aria-label={`${title} ${kpi.formatted}`} data-drill>
            <Statistic value={kpi.formatted} />
          </Link>
        ) : (
          <Statistic value={kpi.formatted} aria-label={`${title} ${kpi.formatted}`} />
        )}
        {(asOf || description) && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-caption>
            {asOf}
            {description && (
              <Tooltip title={description}>
                <InfoCircleOutlined aria-label={description} style={{ marginInlineStart: 4 }} />
              </Tooltip>
            )}
          </Typography.Text>
        )}
      </>
    );
  } else if (view === "table" || panel.kind === "table") {
    const total = query.data?.total ?? rows.length;
    const truncated = total > rows.length;
    body = (
      <>
        {truncated && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 8 }}
            message={t("truncated").replace("{shown}", formatValue(rows.length, "count", locale)).replace("{total}", formatValue(total, "count", locale))}
          />
        )}
        <PanelTable
          panel={panel}
          rows={rows}
          pageSize={tablePageSize(panel, truncated)}
          filters={filters}
          locale={locale}
          label={`${title} ${t("dataTable")}`}
          detailsWord={t("details")}
          openWord={t("open")}
        />
      </>
    );
  } else body = <div ref={chartRef} role="img" aria-label={title} data-chart="pending" style={{ width: "100%", height: "100%", minHeight: 120 }} />;

  return (
    <Card
      size="small"
      title={<span title={title}>{title}</span>}
      extra={panel.kind === "kpi" ? (panel.link ? extra : undefined) : extra}
      role="region"
      aria-label={title}
      data-panel={panel.id}
      data-state={state}
      style={{ display: "flex", flexDirection: "column", minWidth: 0, ...style }}
      styles={{ body: { flex: 1, minHeight: 0, overflow: view === "table" || panel.kind === "table" || panel.kind === "todos" ? "auto" : "hidden" } }}
    >
      {body}
    </Card>
  );
}

/** The chart, when one is shown: option from the rows, a click opens the drill-down. */
function useChartIf(active: boolean, panel: PanelSpec, rows: Row[], filters: FilterValues, locale: Locale) {
  const navigate = useNavigate();
  const model = useMemo(() => (active ? buildChart(panel, rows, locale) : undefined), [active, panel, rows, locale]);
  const onClick = (event: ECElementEvent) => {
    const seriesIndex = event.seriesIndex ?? 0;
    const url = drillUrl(panel, model?.rowAt(event.dataIndex, seriesIndex), filters, model?.seriesAt(seriesIndex));
    if (url) navigate(url);
  };
  const { ref, chart } = useEChart(model?.option, panel.drill ? onClick : undefined);
  return { ref, chart };
}

type PanelTableProps = { panel: PanelSpec; rows: Row[]; pageSize: number; filters: FilterValues; locale: Locale; label: string; detailsWord: string; openWord: string };

function PanelTable({ panel, rows, pageSize, filters, locale, label, detailsWord, openWord }: PanelTableProps) {
  const model = useMemo(() => buildTable(panel, rows, locale), [panel, rows, locale]);
  const drill = panel.drill;
  // A drill-down that depends on the clicked series: with wide rows each value cell links to its own list.
  const perCell = drill !== undefined && !panel.encode.series && Object.values(drill.filters).some(isClickedBinding);
  const linkedValues = new Set(perCell ? valueFields(panel.encode) : []);
  // The row behind a table line, by its key (antd's render index counts from the top of the current page).
  const rowOf = (cells: { key: string }) => rows[Number(cells.key)];
  type TableColumn = {
    key: string;
    dataIndex: string;
    title: string;
    align?: "right";
    onHeaderCell?: () => { style: CSSProperties };
    onCell?: () => { style: CSSProperties };
    render?: (value: string, cells: { key: string }) => ReactNode;
  };
  const columns: TableColumn[] = model.columns.map((c) => ({
    key: c.key,
    dataIndex: c.key,
    title: c.title,
    align: c.numeric ? "right" : undefined,
    // numbers and short headings stay on one line; names wrap
    onHeaderCell: () => ({ style: { whiteSpace: "nowrap" } }),
    onCell: () => ({ style: c.numeric ? { whiteSpace: "nowrap" } : {} }),
    render: linkedValues.has(c.key)
      ? (value: string, cells: { key: string }) => {
          const url = drillUrl(panel, rowOf(cells), filters, c.key);
          return url ? <Link to={url}>{value}</Link> : value;
        }
      : undefined,
  }));
  // A row about one record: its first column opens that record.
  if (panel.open && columns.length > 0) {
    const first = columns[0];
    first.render = (value: string, cells: { key: string }) => {
      const url = recordUrl(panel, rowOf(cells));
      return url ? <Link to={url}>{value}</Link> : value;
    };
  }
  if (drill && !perCell) {
    columns.push({
      key: "__drill",
      dataIndex: "__drill",
      title: detailsWord,
      onHeaderCell: () => ({ style: { whiteSpace: "nowrap" } }),
      onCell: () => ({ style: { whiteSpace: "nowrap" } }),
      render: (_: string, cells: { key: string }) => {
        const row = rowOf(cells);
        const series = panel.encode.series ? String(row[panel.encode.series]) : undefined;
        const url = drillUrl(panel, row, filters, series);
        return url ? <Link to={url}>{openWord}</Link> : null;
      },
    });
  }
  return (
    <Table
      aria-label={label}
      size="small"
      columns={columns}
      dataSource={model.rows}
      // long lists page by what the card has room for; short ones show every row
      pagination={rows.length > pageSize ? { pageSize, size: "small", showSizeChanger: false, showTotal: (total) => (locale === "en" ? `${total} rows` : `共 ${total} 条`) } : false}
      style={{ fontVariantNumeric: "tabular-nums" }}
    />
  );
}
