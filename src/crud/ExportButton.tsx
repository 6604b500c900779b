// 导出 on a list page: every row of the list's current query (filters, search, sort — all pages) as .xlsx,
// with a progress dialog (rows read / total) whose 取消 stops the paging. And 导出所选 for the rows selected
// for a bulk action. The work itself is in export.ts.
import { DownloadOutlined } from "@ant-design/icons";
import { useDataProvider, useTranslate, type CrudFilter, type CrudSort } from "@refinedev/core";
import { App, Button, Modal, Progress, Typography } from "antd";
import { useRef, useState } from "react";
import { downloadBlob, ExportCancelled, exportWorkbook, fetchAllRows } from "./export";
import { resourceLabelKey } from "./fields";
import type { ResourceDef } from "./types";

type Stage = { kind: "counting" } | { kind: "fetching"; fetched: number; total: number } | { kind: "writing"; total: number };

export function ExportButton({ resource, filters, sorters }: { resource: ResourceDef; filters: CrudFilter[]; sorters: CrudSort[] }) {
  const t = useTranslate();
  const getProvider = useDataProvider();
  const { message } = App.useApp();
  const [stage, setStage] = useState<Stage | null>(null);
  const abort = useRef<AbortController | null>(null);

  const run = async () => {
    const controller = new AbortController();
    abort.current = controller;
    setStage({ kind: "counting" });
    try {
      const { rows, total } = await fetchAllRows(getProvider(), {
        resource,
        filters,
        sorters,
        signal: controller.signal,
        onProgress: (fetched, count) => setStage({ kind: "fetching", fetched, total: count }),
      });
      if (rows.length === 0) {
        message.info(t("listTools.export.empty"));
        return;
      }
      setStage({ kind: "writing", total: rows.length });
      const { blob, fileName } = await exportWorkbook(resource, rows, t);
      if (controller.signal.aborted) throw new ExportCancelled();
      downloadBlob(blob, fileName);
      if (rows.length !== total) message.warning(t("listTools.export.changed", { total, count: rows.length }));
      else message.success(t("listTools.export.done", { count: rows.length }));
    } catch (error) {
      if (error instanceof ExportCancelled) message.info(t("listTools.export.cancelled"));
      else message.error(t("listTools.export.failed", { message: (error as Error)?.message ?? "" }));
    } finally {
      abort.current = null;
      setStage(null);
    }
  };

  const percent = stage?.kind === "fetching" && stage.total > 0 ? Math.floor((stage.fetched / stage.total) * 100) : stage?.kind === "writing" ? 100 : 0;
  return (
    <>
      <Button icon={<DownloadOutlined />} onClick={run} loading={stage !== null}>
        {t("listTools.export.button")}
      </Button>
      <Modal
        open={stage !== null}
        title={t("listTools.export.title", { resource: t(resourceLabelKey(resource)) })}
        closable={false}
        maskClosable={false}
        footer={
          <Button onClick={() => abort.current?.abort()} disabled={stage?.kind === "writing"}>
            {t("listTools.export.cancel")}
          </Button>
        }
      >
        <Progress percent={percent} status="active" aria-label={t("listTools.export.title", { resource: t(resourceLabelKey(resource)) })} />
        <Typography.Text data-export-progress>
          {stage?.kind === "fetching"
            ? t("listTools.export.progress", { fetched: stage.fetched.toLocaleString("zh-CN"), total: stage.total.toLocaleString("zh-CN") })
            : stage?.kind === "writing"
              ? t("listTools.export.writing")
              : t("listTools.export.counting")}
        </Typography.Text>
      </Modal>
    </>
  );
}

/** 导出所选: the rows chosen in the list, in the order they were picked (already fetched with the list's select). */
export function ExportSelection({ resource, records }: { resource: ResourceDef; records: Record<string, unknown>[] }) {
  const t = useTranslate();
  const getProvider = useDataProvider();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      // The list's rows lack the relations' codes: read the chosen rows again with the export's select.
      const { rows } = await fetchAllRows(getProvider(), {
        resource,
        filters: [{ field: "id", operator: "in", value: records.map((row) => row.id) }],
      });
      const order = new Map(records.map((row, index) => [row.id, index]));
      rows.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
      const { blob, fileName } = await exportWorkbook(resource, rows, t);
      downloadBlob(blob, fileName);
      message.success(t("listTools.export.done", { count: rows.length }));
    } catch (error) {
      message.error(t("listTools.export.failed", { message: (error as Error)?.message ?? "" }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={run}>
      {t("listTools.export.selection")}
    </Button>
  );
}
