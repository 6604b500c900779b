// 删除所选: the rows selected in a list, after one confirmation. Each row is deleted on its own through the data
// provider (RLS and the database's rules decide per row, as for a single delete), so one refused row does not
// stop the rest; the result says how many were deleted and, for each refused row, the zh-CN reason.
import { DeleteOutlined } from "@ant-design/icons";
import { useDataProvider, useInvalidate, useTranslate, type HttpError } from "@refinedev/core";
import { App, Button, Typography } from "antd";
import { useState } from "react";
import { recordTitle, resourceLabelKey } from "./fields";
import type { ResourceDef } from "./types";

type Row = Record<string, unknown>;

/** At most this many deletes in flight: quick for a page of rows, gentle on a shared server. */
const PARALLEL = 4;
/** Refusals listed in the result; the count says how many there were in all. */
const LISTED = 20;

export type DeleteOutcome = { deleted: Row[]; refused: { row: Row; reason: string }[] };

/** Deletes each row, a few at a time; never throws, every failure is a refusal with its message. */
export async function deleteEach(remove: (row: Row) => Promise<unknown>, rows: Row[], onProgress?: (done: number) => void): Promise<DeleteOutcome> {
  const outcome: DeleteOutcome = { deleted: [], refused: [] };
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < rows.length) {
      const row = rows[next++];
      try {
        await remove(row);
        outcome.deleted.push(row);
      } catch (error) {
        outcome.refused.push({ row, reason: (error as HttpError)?.message ?? String(error) });
      }
      onProgress?.(++done);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, rows.length) }, worker));
  return outcome;
}

export function BulkDelete({ resource, records, onDone }: { resource: ResourceDef; records: Row[]; onDone: () => void }) {
  const t = useTranslate();
  const getProvider = useDataProvider();
  const invalidate = useInvalidate();
  const { modal, message } = App.useApp();
  const [progress, setProgress] = useState<number | null>(null);
  const label = t(resourceLabelKey(resource));

  const run = async () => {
    const provider = getProvider();
    setProgress(0);
    const outcome = await deleteEach((row) => provider.deleteOne({ resource: resource.name, id: row.id as number, meta: {} }), records, setProgress);
    setProgress(null);
    await invalidate({ resource: resource.name, invalidates: ["list", "many"] });
    if (outcome.deleted.length > 0) message.success(t("listTools.bulkDelete.deleted", { count: outcome.deleted.length, resource: label }));
    if (outcome.refused.length > 0) {
      modal.warning({
        title: t("listTools.bulkDelete.refused", { count: outcome.refused.length }),
        content: (
          <ul style={{ paddingInlineStart: 20, margin: 0 }} data-refused>
            {outcome.refused.slice(0, LISTED).map(({ row, reason }) => (
              <li key={String(row.id)}>{t("listTools.bulkDelete.refusedItem", { name: recordTitle(resource, row, t), reason })}</li>
            ))}
            {outcome.refused.length > LISTED && <li>…</li>}
          </ul>
        ),
      });
    }
    onDone();
  };

  return (
    <Button
      danger
      icon={<DeleteOutlined />}
      loading={progress !== null}
      onClick={() =>
        modal.confirm({
          title: t("listTools.bulkDelete.title", { count: records.length, resource: label }),
          content: (
            <Typography.Text>
              {resource.deleteCascade ? t("confirmDelete.cascade", { what: t(resource.deleteCascade) }) : ""}
              {t("listTools.bulkDelete.content")}
            </Typography.Text>
          ),
          okText: t("buttons.delete"),
          okButtonProps: { danger: true },
          cancelText: t("buttons.cancel"),
          onOk: run,
        })
      }
    >
      {progress !== null ? t("listTools.bulkDelete.progress", { done: progress, count: records.length }) : t("listTools.bulkDelete.button")}
    </Button>
  );
}
