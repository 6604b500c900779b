// 案例集 (§15): the rated cases of a year, grouped by rating (校级最佳案例, 优秀案例, then 未获评), each with its
// branch, unit, service area and summary. It prints as a booklet (case-collection.css: no menu or header, each
// rating group on a new page, no case split across pages) and exports to .xlsx. The export is this page's own
// small one (the rows already on screen, one sheet); the generic list export lives with the list pages.
// One read through the data provider: the rated cases of the year, at most max_rows (1000) of them — about 80 a
// year at the demo scale, 800 at ten times it.
import { PrinterOutlined, DownloadOutlined } from "@ant-design/icons";
import { useList, useTranslate } from "@refinedev/core";
import { Alert, Button, Card, Empty, Select, Space, Spin, Tag, Typography } from "antd";
import { useSearchParams } from "react-router";
import { formatDate } from "../../crud/format";
import { CASE_RATING } from "../../resources/excellence.enums";
import "./case-collection.css";

type CaseRow = {
  id: number;
  year: number;
  title: string;
  summary: string | null;
  service_area: string;
  rating: string;
  rated_on: string | null;
  branch: { name: string; org_unit: { name: string } | null } | null;
};

const MAX_ROWS = 1000;
const FIRST_YEAR = 2024;
const thisYear = new Date().getFullYear();

export default function CaseCollection() {
  const t = useTranslate();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get("year")) || thisYear;
  const { result, query } = useList<CaseRow>({
    resource: "cases",
    filters: [
      { field: "year", operator: "eq", value: year },
      { field: "status", operator: "eq", value: "rated" },
    ],
    sorters: [
      { field: "rating", order: "asc" },
      { field: "id", order: "asc" },
    ],
    pagination: { mode: "off" },
    meta: { select: "id,year,title,summary,service_area,rating,rated_on,branch:branches!branch_id(name,org_unit:org_units!org_unit_id(name))" },
  });
  const rows = result?.data ?? [];
  const groups = CASE_RATING.values.map((rating) => ({ rating, cases: rows.filter((row) => row.rating === rating) }));
  const unitOf = (row: CaseRow) => row.branch?.org_unit?.name ?? "";

  const exportXlsx = async () => {
    const { default: writeXlsxFile } = await import("write-excel-file/browser");
    const heading = ["rating", "title", "branch", "org_unit", "service_area", "rated_on", "summary"].map((key) => ({
      value: t(`case_collection.columns.${key}`),
      fontWeight: "bold" as const,
    }));
    const data = [
      heading,
      ...groups.flatMap((group) =>
        group.cases.map((row) => [
          t(`enums.case_rating.${row.rating}`),
          row.title,
          row.branch?.name ?? "",
          unitOf(row),
          t(`enums.service_area.${row.service_area}`),
          row.rated_on ?? "",
          row.summary ?? "",
        ]),
      ),
    ];
    await writeXlsxFile(data, { columns: [{ width: 14 }, { width: 48 }, { width: 28 }, { width: 28 }, { width: 12 }, { width: 12 }, { width: 80 }] }).toFile(
      t("case_collection.fileName", { year }),
    );
  };

  return (
    <div className="case-collection">
      <Space className="case-collection-toolbar" wrap style={{ marginBottom: 16 }}>
        <Typography.Text>{t("case_collection.year")}</Typography.Text>
        <Select
          data-testid="case-collection-year"
          value={year}
          style={{ width: 120 }}
          options={Array.from({ length: thisYear - FIRST_YEAR + 2 }, (_, i) => thisYear + 1 - i).map((value) => ({ value, label: t("case_collection.yearOption", { year: value }) }))}
          onChange={(value) => setParams({ year: String(value) })}
        />
        <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="case-collection-print">
          {t("case_collection.print")}
        </Button>
        <Button icon={<DownloadOutlined />} onClick={exportXlsx} disabled={rows.length === 0} data-testid="case-collection-export">
          {t("case_collection.export")}
        </Button>
      </Space>
      <Typography.Title level={2} className="case-collection-title">
        {t("case_collection.heading", { year })}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t("case_collection.summary", { total: rows.length, best: groups[0].cases.length, excellent: groups[1].cases.length })}</Typography.Paragraph>
      {rows.length >= MAX_ROWS && <Alert type="warning" showIcon message={t("case_collection.truncated", { max: MAX_ROWS })} style={{ marginBottom: 16 }} />}
      {query.isLoading ? (
        <Spin />
      ) : rows.length === 0 ? (
        <Empty description={t("case_collection.empty", { year })} />
      ) : (
        groups
          .filter((group) => group.cases.length > 0)
          .map((group) => (
            <section key={group.rating} className="case-collection-group" data-testid={`case-group-${group.rating}`}>
              <Typography.Title level={3}>
                {t(`enums.case_rating.${group.rating}`)}（{group.cases.length}）
              </Typography.Title>
              {group.cases.map((row, index) => (
                <Card key={row.id} size="small" className="case-collection-item" data-testid={`case-item-${row.id}`} style={{ marginBottom: 12 }}
                  title={`${index + 1}. ${row.title}`}>
                  <Space wrap size={[8, 4]} style={{ marginBottom: 8 }}>
                    <Tag>{row.branch?.name}</Tag>
                    <Tag>{unitOf(row)}</Tag>
                    <Tag color="red">{t(`enums.service_area.${row.service_area}`)}</Tag>
                    {row.rated_on && <Typography.Text type="secondary">{t("case_collection.ratedOn", { date: formatDate(row.rated_on) })}</Typography.Text>}
                  </Space>
                  <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: "pre-wrap" }}>{row.summary}</Typography.Paragraph>
                </Card>
              ))}
            </section>
          ))
      )}
    </div>
  );
}
