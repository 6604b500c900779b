// Shared by the rule tests of issue 8's files: a write refused by a rule must carry its zh-CN message, the rule
// name (details) and the form field (hint), and leave every table it could have touched, and the audit trail,
// exactly as they were.
import type { PostgrestError } from "@supabase/supabase-js";
import { expect } from "vitest";
import { one, withDb } from "./fixture";

/** The whole table as one fingerprint: any insert, update or delete changes it. */
export const fingerprint = (table: string) =>
  withDb((db) =>
    one<string>(db, `select count(*) || ':' || md5(coalesce(string_agg(t::text, ',' order by t::text), '')) from public.${table} t`),
  );

export type Refusal = { code: string; message: string | RegExp; rule: string; field: string | null };

export async function expectRefused(
  act: () => PromiseLike<{ error: PostgrestError | null }>,
  expected: Refusal,
  tables: string[],
): Promise<void> {
  const watched = [...tables, "audit_log"];
  const before = await Promise.all(watched.map(fingerprint));
  const { error } = await act();
  expect(error, "the write should have been refused").not.toBeNull();
  expect(error!.code).toBe(expected.code);
  if (typeof expected.message === "string") expect(error!.message).toBe(expected.message);
  else expect(error!.message).toMatch(expected.message);
  expect(error!.details).toBe(expected.rule);
  expect(error!.hint).toBe(expected.field === null ? null : `field:${expected.field}`);
  expect(await Promise.all(watched.map(fingerprint))).toEqual(before);
}

/** Audit entries of one row after a given audit id, oldest first. */
export const auditSince = (afterId: number, table: string, rowId: number | string) =>
  withDb(async (db) => {
    const { rows } = await db.query(
      "select id, actor_id, action, changed_columns, old_values, new_values from public.audit_log where id > $1 and table_name = $2 and row_id = $3 order by id",
      [afterId, table, String(rowId)],
    );
    return rows as { actor_id: string | null; action: string; changed_columns: string[] | null; old_values: Record<string, unknown> | null; new_values: Record<string, unknown> | null }[];
  });

export const lastAuditId = () => withDb((db) => one<number>(db, "select coalesce(max(id), 0) from public.audit_log"));

export const ADMIN_ID = "00000000-0000-4000-8000-000000000001";
