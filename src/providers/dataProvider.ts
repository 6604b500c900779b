// The one data provider: @refinedev/supabase's, with its traps fixed.
// - update/delete that RLS filtered out returns 0 rows and no error: here that is an error.
// - errors keep PostgREST's `code` and get a numeric statusCode from the HTTP status (never NaN),
//   a readable message and `errors` keyed by the field concerned (see errors.ts).
// - `or`/search values are quoted and LIKE wildcards escaped (see postgrest.ts).
// - a paged list is in a total order (the key breaks ties), so no row is shown twice or never.
// - list totals are exact unless the resource asks otherwise (`meta.count`; the list then says 约).
// - update is a compare-and-set on `updated_at` when the caller sends the value it loaded (see updateRow): a save
//   based on a stale record is refused with who changed it and when, never silently overwriting their change.
// - `meta.count: "none"` skips the count (an export's later pages: the total is known from the first).
// - `meta.aggregate`: the select holds PostgREST aggregates (`amount.sum()`) over every filtered row: no order, no
//   range (see crud/sums.ts).
// - `custom` calls RPCs: `custom({ url: "my_rpc", method: "post", payload })` or `meta.rpc`.
import type { BaseKey, BaseRecord, CrudSort, DataProvider, HttpError } from "@refinedev/core";
import { dataProvider as supabaseDataProvider } from "@refinedev/supabase";
import type { SupabaseClient } from "@supabase/supabase-js";
import { blockedWriteError, conflictError, deletedError, toHttpError, type PostgrestErrorLike } from "./errors";
import { applyFilters, filtersVia, orderColumn, type FilterTarget } from "./postgrest";

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

/**
 * The sorters, then the key as the last tie-breaker: without a total order PostgreSQL may return rows in any
 * order, so pages of a list could repeat some rows and never show others (ties on a date, or no sort at all).
 */
function applySorters(query: { order: (column: string, options: { ascending: boolean }) => unknown }, sorters: CrudSort[] = [], key?: string) {
  for (const { field, order } of sorters) query.order(orderColumn(field), { ascending: order === "asc" });
  if (key && !sorters.some((sorter) => sorter.field === key)) query.order(key, { ascending: false });
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
      const count = (meta?.count as "exact" | "planned" | "estimated" | "none" | undefined) ?? "exact";
      const via = filtersVia((meta?.select as string) ?? "*", filters, meta?.filterVia as Record<string, string> | undefined);
      const query = from(resource, meta).select(via.select, count === "none" ? {} : { count });
      applyFilters(query as unknown as FilterTarget, via.filters);
      for (const relationship of via.isNull) query.is(relationship, null);
      const paged = mode === "server" && !meta?.aggregate;
      if (!meta?.aggregate) applySorters(query, sorters, paged ? idColumn(meta) : undefined);
      if (paged) query.range((currentPage - 1) * pageSize, currentPage * pageSize - 1);
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

  /**
   * `variables.updated_at`, when present, is the version the form loaded (the database maintains the column, so
   * nobody sends it as a change): it is stripped and becomes a condition. 0 rows then means one of three things,
   * told apart by reading the row again: gone (or out of this role's sight), changed since (a conflict), or RLS
   * refused the write.
   */
  async function updateRow(resource: string, id: BaseKey, variables: unknown, meta?: Record<string, unknown>) {
    const { updated_at: loadedVersion, ...changes } = (variables ?? {}) as Record<string, unknown>;
    const select = (meta?.select as string) ?? "*";
    const checked = loadedVersion !== undefined && loadedVersion !== null;
    // Nothing changed: nothing to write (an empty PATCH would still bump updated_at and log an audit entry).
    if (Object.keys(changes).length === 0) {
      const { data } = await run(
        from(resource, meta).select(select).eq(idColumn(meta), id).maybeSingle() as unknown as PromiseLike<Result<BaseRecord>>,
        resource,
      );
      if (!data) throw deletedError();
      return data;
    }
    const query = from(resource, meta)
      .update((checked ? changes : variables) as never)
      .eq(idColumn(meta), id);
    if (checked) query.eq("updated_at", loadedVersion as string);
    const { data } = await run(query.select(select) as unknown as PromiseLike<Result<BaseRecord[]>>, resource);
    if (data?.length) return data[0];
    if (!checked) throw blockedWriteError("update");
    throw await whyNotUpdated(resource, id, String(loadedVersion), meta);
  }

  async function whyNotUpdated(resource: string, id: BaseKey, loadedVersion: string, meta?: Record<string, unknown>): Promise<HttpError> {
    const { data: current } = await run(
      from(resource, meta).select("updated_at").eq(idColumn(meta), id).maybeSingle() as unknown as PromiseLike<Result<{ updated_at: string }>>,
      resource,
    );
    if (!current) return deletedError();
    // Same server, same format: equal text is the same version (to the microsecond, which Date.parse is not).
    if (current.updated_at === loadedVersion) return blockedWriteError("update");
    // Who: the latest audit entry of the row (audit_log keeps the actor's name as it was; a committee admin
    // reads its unit's entries, which include every row it can edit). Unreadable -> say when only.
    const { data: entries } = await run(
      client
        .from("audit_log")
        .select("actor_name,at")
        .eq("table_name", resource)
        .eq("row_id", String(id))
        .order("at", { ascending: false })
        .order("id", { ascending: false })
        .limit(1) as unknown as PromiseLike<Result<{ actor_name: string; at: string }[]>>,
      "audit_log",
    ).catch(() => ({ data: [] as { actor_name: string; at: string }[] }));
    const last = entries?.[0];
    return conflictError(last?.actor_name ?? null, last?.at ?? current.updated_at);
  }

  async function deleteRow(resource: string, id: BaseKey, meta?: Record<string, unknown>) {
    const query = from(resource, meta).delete().eq(idColumn(meta), id).select("*");
    const { data } = await run(query as unknown as PromiseLike<Result<BaseRecord[]>>, resource);
    if (!data?.length) throw blockedWriteError("delete");
    return data[0];
  }
}
