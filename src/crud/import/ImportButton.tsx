// 导入 on a register's list page: template → upload → column mapping → preview → 检查 (a dry run in the
// database: every error by row, column and message, with the error file) → 导入 (all rows or none) → result.
// The file is read in a Web Worker; the rows go to public.import_rows through the data provider's `custom`.
// This button is all the list page loads; the dialog (ImportDialog.tsx) comes when it is opened.
import { ImportOutlined } from "@ant-design/icons";
import { useCan, useTranslate } from "@refinedev/core";
import { Button } from "antd";
import { lazy, Suspense, useState } from "react";
import type { ResourceDef } from "../types";

const ImportDialog = lazy(() => import("./ImportDialog"));

/** The 导入 button: only for a role that may create rows of this register, only for an importable one. */
export function ImportButton({ resource }: { resource: ResourceDef }) {
  const t = useTranslate();
  const { data: mayCreate } = useCan({ resource: resource.name, action: "create" });
  const [open, setOpen] = useState(false);
  if (!resource.import || !mayCreate?.can) return null;
  return (
    <>
      <Button icon={<ImportOutlined />} onClick={() => setOpen(true)}>
        {t("import.button")}
      </Button>
      {open && (
        <Suspense fallback={null}>
          <ImportDialog resource={resource} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
