// The one data provider: @refinedev/supabase's, with its traps fixed.
// - update/delete that RLS filtered out returns 0 rows and no error: here that is an error.
// - errors keep PostgREST's `code` and get a numeric statusCode from the HTTP status (never NaN),
//   a readable message and `errors` keyed by the field concerned (see errors.ts).
// - `or`/search values are quoted and LIKE wildcards escaped (see postgrest.ts).
// - list totals use the count strategy the resource asks for (`meta.count`: planned/estimated on large tables).
// - `custom` calls RPCs: `custom({ url: "my_rpc", method: "post", payload })` or `meta.rpc`.
import type { BaseKey, BaseRecord, CrudSort, DataProvider, HttpError } from "@refinedev/core";
import { dataProvider as supabaseDataProvider } from "@refinedev/supabase";
import type { SupabaseClient } from "@supabase/supabase-js";
import { blockedWriteError, toHttpError, type PostgrestErrorLike } from "./errors";
import { applyFilters, orderColumn, type FilterTarget } from "./postgrest";

type Result<T> = { data: T | null; error: PostgrestErrorLike | null; status: number; count?: number | null };

/**
 * Runs a query. A 401 means the session is gone (expired or revoked): when `reauthenticate` gets the user
 * signed in again, the same query is sent once more (a PostgREST builder sends a new request each time it is
 * awaited, with the then current token), so a pending save goes through instead of being lost.
 */
async function runQuery<T>(
  query: PromiseLike<Result<T>>,
  table: string,
  reauthenticate?: () => Promise<boolean>,
): Promise<{ data: T; count?: number | null }> {
  let response = await send(query);
  if (response.error && response.status === 401 && reauthenticate && (await reauthenticate())) response = await send(query);
  if (response.error) throw toHttpError(response.error, response.status, table);
  return { data: response.data as T, count: response.count };
}

async function send<T>(query: PromiseLike<Result<T>>): Promise<Result<T>> {
  try {
    return await query;
  } catch (cause) {
    // Network failure: no HTTP status at all.
    throw { message: (cause as Error)?.message ?? "network error", statusCode: 503, code: "NETWORK" } satisfies HttpError;
  }
}

const idColumn = (meta: Record<string, unknown> | undefined) => (meta?.idColumnName as string | undefined) ?? "id";

function applySorters(query: { order: (column: string, options: { ascending: boolean }) => unknown }, sorters: CrudSort[] = []) {
  for (const { field, order } of sorters) query.order(orderColumn(field), { ascending: order === "asc" });
}

export type DataProviderOptions = {
  /** Asked when a request is refused for want of a session; true when the user signed in again. */
  reauthenticate?: () => Promise<boolean>;
};

export function createDataProvider(client: SupabaseClient, options: DataProviderOptions = {}): DataProvider {
  const base = supabaseDataProvider(client);
  const run = <T>(query: PromiseLike<Result<T>>, table: string) => runQuery(query, table, options.reauthenticate);
  const from = (resource: string, meta?: Record<string, unknown>) =>
    (meta?.schema ? client.schema(meta.schema as string) : client).from(resource);

  return {
    ...base,

    getList: async ({ resource, pagination, filters, sorters, meta }) => {
      const { currentPage = 1, pageSize = 10, mode = "server" } = pagination ?? {};
      const count = (meta?.count as "exact" | "planned" | "estimated" | undefined) ?? "exact";
      const query = from(resource, meta).select((meta?.select as string) ?? "*", { count });
      applyFilters(query as unknown as FilterTarget, filters);
      applySorters(query, sorters);
      if (mode === "server") query.range((currentPage - 1) * pageSize, currentPage * pageSize - 1);
      const { data, count: total } = await run(query as unknown as PromiseLike<Result<BaseRecord[]>>, resource);
      return { data: (data ?? []) as never[], total: total ?? data?.length ?? 0 };
    },

    getMany: async ({ resource, ids, meta }) => {
      const query = from(resource, meta).select((meta?.select as string) ?? "*").in(idColumn(meta), ids);
      const { data } = await run(query as unknown as PromiseLike<Result<BaseRecord[]>>, resource);
      return { data: (data ?? []) as never[] };
    },

    getOne: async ({ resource, id, meta }) => {
      const query = from(resource, meta).select((meta?.select as string) ?? "*").eq(idColumn(meta), id).maybeSingle();
      const { data } = await run(query as unknown as PromiseLike<Result<BaseRecord>>, resource);
      if (!data) throw toHttpError({ code: "PGRST116", message: "not found" }, 404, resource);
      return { data: data as never };
    },

    create: async ({ resource, variables, meta }) => {
      const query = from(resource, meta).insert(variables as never).select((meta?.select as string) ?? "*");
      const { data } = await run(query as unknown as PromiseLike<Result<BaseRecord[]>>, resource);
      return { data: (data ?? [])[0] as never };
    },

    update: async ({ resource, id, variables, meta }) => {
      return { data: (await updateRow(resource, id, variables, meta)) as never };
    },

    updateMany: async ({ resource, ids, variables, meta }) => {
      const rows = await Promise.all(ids.map((id) => updateRow(resource, id, variables, meta)));
      return { data: rows as never[] };
    },

    deleteOne: async ({ resource, id, meta }) => {
      return { data: (await deleteRow(resource, id, meta)) as never };
    },

    deleteMany: async ({ resource, ids, meta }) => {
      const rows = await Promise.all(ids.map((id) => deleteRow(resource, id, meta)));
      return { data: rows as never[] };
    },

    getApiUrl: () => `${(client as unknown as { supabaseUrl: string }).supabaseUrl}/rest/v1`,

    custom: async ({ url, method, payload, query, meta }) => {
      const rpc = (meta?.rpc as string | undefined) ?? url.replace(/^\/?(rest\/v1\/)?rpc\//, "");
      if (!rpc || /[/?]/.test(rpc)) throw new Error(`custom() calls RPCs only; got "${url}"`);
      const args = (payload ?? query ?? {}) as Record<string, unknown>;
      const { data } = await run(
        client.rpc(rpc, args, { get: method === "get" }) as unknown as PromiseLike<Result<unknown>>,
        rpc,
      );
      return { data: data as never };
    },
  };

  async function updateRow(resource: string, id: BaseKey, variables: unknown, meta?: Record<string, unknown>) {
    const query = from(resource, meta)
      .update(variables as never)
      .eq(idColumn(meta), id)
      .select((meta?.select as string) ?? "*");
    const { data } = await run(query as unknown as PromiseLike<Result<BaseRecord[]>>, resource);
    if (!data?.length) throw blockedWriteError("update");
    return data[0];
  }

  async function deleteRow(resource: string, id: BaseKey, meta?: Record<string, unknown>) {
    const query = from(resource, meta).delete().eq(idColumn(meta), id).select("*");
    const { data } = await run(query as unknown as PromiseLike<Result<BaseRecord[]>>, resource);
    if (!data?.length) throw blockedWriteError("delete");
    return data[0];
  }
}
