// The import dialog (loaded only when 导入 is clicked: the spreadsheet libraries stay out of the list page).
import { DownloadOutlined, InboxOutlined } from "@ant-design/icons";
import { useCustomMutation, useInvalidate, useTranslate, type HttpError } from "@refinedev/core";
import { Alert, Button, Modal, Radio, Select, Space, Spin, Steps, Table, Typography, Upload } from "antd";
import { useMemo, useRef, useState } from "react";
import { i18n } from "../../i18n";
import { resourceLabelKey } from "../fields";
import type { ResourceDef } from "../types";
import { importColumns, matchHeadings, mergeErrors, toImportRows, type Cell, type CellError, type ImportColumn } from "./core";
import { downloadBlob } from "../export";
import { errorFileBlob, templateBlob } from "./files";
import type { WorkerRequest, WorkerResponse } from "./parse.worker";

type Sheet = { fileName: string; headings: Cell[]; rows: Cell[][]; headingRow: number };
type Result = { dry_run: boolean; written: boolean; import_id: number | null; created: number; updated: number; unchanged: number; errors: CellError[] };
type Step = "file" | "mapping" | "checked" | "done";

/** Reads a file in the worker. */
function readInWorker(file: File): Promise<WorkerResponse> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL("./parse.worker.ts", import.meta.url), { type: "module" });
    worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
      resolve(event.data);
      worker.terminate();
    };
    worker.onerror = (event) => {
      resolve({ ok: false, reason: "failed", detail: event.message });
      worker.terminate();
    };
    void file.arrayBuffer().then((buffer) => worker.postMessage({ name: file.name, buffer } satisfies WorkerRequest, [buffer]));
  });
}

const PREVIEW_ROWS = 5;

export default function ImportDialog({ resource, onClose }: { resource: ResourceDef; onClose: () => void }) {
  const t = useTranslate();
  const invalidate = useInvalidate();
  const { mutateAsync } = useCustomMutation<Result>();
  const label = t(resourceLabelKey(resource));
  const columns = useMemo(() => importColumns(resource, i18n.getFixedT("zh-CN"), i18n.getFixedT("en")), [resource]);
  const columnLabel = (name: string | null) => {
    const column = columns.find((c) => c.name === name);
    return column ? (i18n.language === "en" ? column.labels[1] : column.labels[0]) : (name ?? "");
  };
  const upsertKey = resource.import?.upsert;

  const [step, setStep] = useState<Step>("file");
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [sheet, setSheet] = useState<Sheet | null>(null);
  const [mapping, setMapping] = useState<(string | null)[]>([]);
  const [mode, setMode] = useState<"insert" | "upsert">("insert");
  const [result, setResult] = useState<(Result & { errors: CellError[] }) | null>(null);
  const errorsRef = useRef<CellError[]>([]);

  const prepared = useMemo(
    () => (sheet ? toImportRows(sheet.rows, mapping, columns, sheet.headingRow) : { rows: [], errors: [] }),
    [sheet, mapping, columns],
  );
  const missing = columns.filter((c) => c.required && !mapping.includes(c.name) && !(mode === "upsert"));
  const unmatched = mapping.filter((m) => m === null).length;

  const reset = () => {
    setStep("file");
    setSheet(null);
    setResult(null);
    setProblem(null);
  };

  const onFile = async (file: File) => {
    setProblem(null);
    setBusy(t("import.reading"));
    const read = await readInWorker(file);
    setBusy(null);
    if (!read.ok) {
      setProblem(t(read.reason === "failed" ? "import.failed" : `import.${read.reason}`));
      return;
    }
    const matched = matchHeadings(read.headings, columns);
    if (matched.every((m) => m === null)) {
      setProblem(t("import.noColumns", { resource: label }));
      return;
    }
    setSheet({ fileName: file.name, headings: read.headings, rows: read.rows, headingRow: read.headingRow });
    setMapping(matched);
    setResult(null);
    setStep("mapping");
  };

  const call = async (dryRun: boolean) => {
    setProblem(null);
    setBusy(t(dryRun ? "import.checking" : "import.writing", { count: prepared.rows.length }));
    try {
      const { data } = await mutateAsync({
        url: "import_rows",
        method: "post",
        values: { p_table: resource.name, p_rows: prepared.rows, p_mode: mode, p_dry_run: dryRun, p_file_name: sheet?.fileName ?? null },
        successNotification: false,
        errorNotification: false,
      });
      const errors = mergeErrors(prepared.errors, data.errors);
      errorsRef.current = errors;
      const merged = { ...data, errors };
      setResult(merged);
      if (!dryRun && data.written) {
        setStep("done");
        await invalidate({ resource: resource.name, invalidates: ["list", "many"] });
      } else {
        setStep("checked");
      }
    } catch (cause) {
      setProblem((cause as HttpError).message ?? String(cause));
    } finally {
      setBusy(null);
    }
  };

  const downloadErrors = async () => {
    if (!sheet) return;
    const blob = await errorFileBlob(sheet.headings, sheet.rows, errorsRef.current, columns, sheet.headingRow);
    downloadBlob(blob, `${label}-错误说明.xlsx`);
  };

  const stepIndex = { file: 0, mapping: 1, checked: 2, done: 3 }[step];
  const errorRows = new Set(result?.errors.map((e) => e.row)).size;
  const canImport = step === "checked" && result && result.errors.length === 0;

  return (
    <Modal
      open
      width={960}
      title={t("import.title", { resource: label })}
      onCancel={onClose}
      maskClosable={false}
      footer={
        <Space>
          {step !== "file" && step !== "done" && <Button onClick={reset}>{t("import.restart")}</Button>}
          {step === "mapping" && (
            <Button type="primary" disabled={missing.length > 0 || prepared.rows.length === 0 || busy !== null} onClick={() => void call(true)}>
              {t("import.check")}
            </Button>
          )}
          {step === "checked" && !canImport && (
            <Button onClick={() => setStep("mapping")}>{t("import.back")}</Button>
          )}
          {canImport && (
            <Button type="primary" disabled={busy !== null} onClick={() => void call(false)}>
              {t("import.doImport")}
            </Button>
          )}
          {step === "done" && (
            <Button type="primary" onClick={onClose}>
              {t("import.close")}
            </Button>
          )}
        </Space>
      }
    >
      <Steps
        size="small"
        current={stepIndex}
        style={{ marginBottom: 16 }}
        items={[{ title: t("import.steps.file") }, { title: t("import.steps.mapping") }, { title: t("import.steps.check") }, { title: t("import.steps.result") }]}
      />
      <Spin spinning={busy !== null} tip={busy ?? undefined}>
        {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: 16 }} />}
        {step === "file" && (
          <Space direction="vertical" style={{ width: "100%" }}>
            <Space>
              <Button icon={<DownloadOutlined />} onClick={() => void templateBlob(label, columns).then((blob) => downloadBlob(blob, `${label}-导入模板.xlsx`))}>
                {t("import.template")}
              </Button>
              <Typography.Text type="secondary">{t("import.templateHelp")}</Typography.Text>
            </Space>
            <Upload.Dragger
              accept=".xlsx,.csv,.txt"
              multiple={false}
              showUploadList={false}
              beforeUpload={(file) => {
                void onFile(file);
                return Upload.LIST_IGNORE;
              }}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{t("import.upload")}</p>
              <p className="ant-upload-hint">{t("import.uploadHelp")}</p>
            </Upload.Dragger>
          </Space>
        )}
        {step === "mapping" && sheet && (
          <MappingStep
            sheet={sheet}
            columns={columns}
            mapping={mapping}
            setMapping={setMapping}
            columnLabel={columnLabel}
            rowCount={prepared.rows.length}
            unmatched={unmatched}
            missing={missing.map((c) => columnLabel(c.name))}
            mode={mode}
            setMode={setMode}
            upsertKey={upsertKey?.map(columnLabel).join(" + ")}
          />
        )}
        {step === "checked" && result && (
          <Space direction="vertical" style={{ width: "100%" }}>
            {result.errors.length === 0 ? (
              <Alert
                type="success"
                showIcon
                message={t("import.checkedOk", { count: prepared.rows.length, created: result.created, updated: result.updated, unchanged: result.unchanged })}
              />
            ) : (
              <>
                <Alert type="error" showIcon message={t("import.checkedErrors", { count: result.errors.length, rows: errorRows })} />
                <Button icon={<DownloadOutlined />} onClick={() => void downloadErrors()}>
                  {t("import.errorFile")}
                </Button>
                <Table
                  size="small"
                  rowKey={(e) => `${e.row}:${e.column}:${e.message}`}
                  dataSource={result.errors}
                  pagination={{ pageSize: 10, showSizeChanger: false }}
                  columns={[
                    { key: "row", title: t("import.row"), dataIndex: "row", width: 80 },
                    { key: "column", title: t("import.column"), render: (_, e: CellError) => columnLabel(e.column), width: 160 },
                    { key: "message", title: t("import.message"), dataIndex: "message" },
                  ]}
                />
              </>
            )}
          </Space>
        )}
        {step === "done" && result && (
          <Space direction="vertical">
            <Alert type="success" showIcon message={t("import.done", { created: result.created, updated: result.updated, unchanged: result.unchanged })} />
            {result.import_id != null && <Typography.Text type="secondary">{t("import.importId", { id: result.import_id })}</Typography.Text>}
          </Space>
        )}
      </Spin>
    </Modal>
  );
}

function MappingStep(props: {
  sheet: Sheet;
  columns: ImportColumn[];
  mapping: (string | null)[];
  setMapping: (mapping: (string | null)[]) => void;
  columnLabel: (name: string | null) => string;
  rowCount: number;
  unmatched: number;
  missing: string[];
  mode: "insert" | "upsert";
  setMode: (mode: "insert" | "upsert") => void;
  upsertKey?: string;
}) {
  const t = useTranslate();
  const { sheet, columns, mapping, setMapping, columnLabel } = props;
  const cellText = (cell: Cell) => (cell instanceof Date ? cell.toISOString().slice(0, 10) : cell == null ? "" : String(cell));
  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      <Typography.Text strong>{t("import.fileSummary", { file: sheet.fileName, count: props.rowCount })}</Typography.Text>
      {props.upsertKey && (
        <Space>
          <span>{t("import.mode")}</span>
          <Radio.Group
            value={props.mode}
            onChange={(event) => props.setMode(event.target.value)}
            options={[
              { value: "insert", label: t("import.modes.insert") },
              { value: "upsert", label: t("import.modes.upsert") },
            ]}
          />
          {props.mode === "upsert" && <Typography.Text type="secondary">{t("import.upsertHelp", { key: props.upsertKey })}</Typography.Text>}
        </Space>
      )}
      {props.missing.length > 0 && <Alert type="error" showIcon message={t("import.missingRequired", { columns: props.missing.join("、") })} />}
      {props.unmatched > 0 && <Alert type="warning" showIcon message={t("import.unmatched", { count: props.unmatched })} />}
      <Table
        size="small"
        pagination={false}
        scroll={{ y: 220 }}
        rowKey="index"
        dataSource={sheet.headings.map((heading, index) => ({ index, heading: cellText(heading) }))}
        columns={[
          { key: "heading", title: t("import.heading"), dataIndex: "heading" },
          {
            key: "field",
            title: t("import.field"),
            render: (_, row: { index: number; heading: string }) => (
              <Select
                aria-label={`${t("import.field")} ${row.heading}`}
                style={{ width: 220 }}
                value={mapping[row.index] ?? ""}
                onChange={(value: string) => setMapping(mapping.map((m, i) => (i === row.index ? value || null : m === value ? null : m)))}
                options={[
                  { value: "", label: t("import.ignore") },
                  ...columns.map((c) => ({ value: c.name, label: `${columnLabel(c.name)}${c.required ? " *" : ""}` })),
                ]}
              />
            ),
          },
        ]}
      />
      <Typography.Text type="secondary">{t("import.preview", { count: Math.min(PREVIEW_ROWS, sheet.rows.length) })}</Typography.Text>
      <Table<{ key: number; cells: Cell[] }>
        size="small"
        pagination={false}
        scroll={{ x: "max-content" }}
        rowKey="key"
        dataSource={sheet.rows.slice(0, PREVIEW_ROWS).map((cells, i) => ({ key: i, cells }))}
        columns={[
          { key: "row", title: t("import.row"), render: (_, r: { key: number }) => sheet.headingRow + 1 + r.key, width: 60 },
          ...sheet.headings.map((heading, index) => ({
            key: String(index),
            title: mapping[index] ? columnLabel(mapping[index]) : <Typography.Text type="secondary">{cellText(heading)}</Typography.Text>,
            render: (_: unknown, r: { cells: Cell[] }) => cellText(r.cells[index]),
          })),
        ]}
      />
    </Space>
  );
}
