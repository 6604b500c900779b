// A dashboard's queries as plain functions: each panel's rows from one RPC or view call (Postgres aggregates; the
// browser receives the result rows only), the signed-in profile, and the filter values from the URL. The hooks
// (useDashboardData.ts) and the prefetch of the first page (prefetch.ts) use the same definitions, so they share
// the query cache's entries.
import { loadProfile, type Profile } from "../providers/profile";
import { supabaseClient } from "../providers/supabaseClient";
import { queryParams, type FilterValues } from "./drill";
import type { Row } from "./options";
import { queryName, type DashboardSpec, type FilterSpec, type PanelSpec, type QuerySource } from "./spec";

export const profileQuery = {
  queryKey: ["dashboards", "profile"],
  queryFn: () => loadProfile(supabaseClient),
  staleTime: Infinity,
};

export class QueryError extends Error {
  constructor(
    readonly query: string,
    message: string,
  ) {
    super(message);
    this.name = "QueryError";
  }
}

export type PanelRows = { rows: Row[]; /** all rows the query has, when the API returned fewer (its row limit) */ total: number };

/** One RPC or view call; `withTotal` also asks for the full row count (lists can exceed the API's max rows). */
export async function fetchRows(source: QuerySource, params: Record<string, unknown>, signal?: AbortSignal, withTotal = false): Promise<PanelRows> {
  const name = queryName(source);
  const count = withTotal ? ("exact" as const) : undefined;
  let request;
  if (source.rpc) {
    request = supabaseClient.rpc(source.rpc, params, { count });
  } else {
    // a view: each parameter is an equality filter on the column of that name
    let view = supabaseClient.from(source.view!).select(Object.keys(source.columns).join(","), { count });
    for (const [column, value] of Object.entries(params)) if (value !== null && value !== undefined) view = view.eq(column, value);
    request = view;
  }
  if (signal) request = request.abortSignal(signal);
  const { data, error, count: total } = await request;
  if (error) {
    // The panel says in words that its data could not be loaded; the details are for whoever opens the console.
    console.error(`dashboard query ${name} failed:`, error);
    throw new QueryError(name, error.message);
  }
  const rows = Array.isArray(data) ? (data as Row[]) : data == null ? [] : [data as Row];
  return { rows, total: Math.max(total ?? 0, rows.length) };
}

/** The org units for the org unit filter. */
export const orgUnitsQuery = {
  queryKey: ["dashboards", "org_units"],
  queryFn: async () => {
    const { data, error } = await supabaseClient.from("org_units").select("id, name").order("code");
    if (error) throw new QueryError("org_units", error.message);
    return data as { id: number; name: string }[];
  },
  staleTime: 5 * 60_000,
};

/** A panel's query: one definition for the panel's hook and for the prefetch that may run before it (prefetch.ts). */
export function panelQuery(panel: PanelSpec, filters: FilterValues) {
  const params = queryParams(panel, filters);
  const withTotal = panel.kind === "table";
  return {
    // panels sharing a query and its parameters share one request
    queryKey: ["dashboards", queryName(panel.query.source), params, withTotal],
    queryFn: ({ signal }: { signal?: AbortSignal }) => fetchRows(panel.query.source, params, signal, withTotal),
    staleTime: 60_000,
    retry: 1,
  };
}

function defaultValue(filter: FilterSpec): string | number | null {
  if (filter.kind === "enum") return filter.default ?? null;
  if (filter.kind !== "year") return null;
  const year = new Date().getFullYear();
  if (filter.default === "previous") return year - 1;
  return typeof filter.default === "number" ? filter.default : year;
}

function parseValue(filter: FilterSpec, raw: string | null): string | number | null {
  if (raw === null || raw === "") return defaultValue(filter);
  if (filter.kind === "year" || filter.kind === "org_unit") {
    const n = Number(raw);
    return Number.isInteger(n) ? n : defaultValue(filter);
  }
  return raw in filter.options ? raw : defaultValue(filter);
}

/**
 * Filter values from the URL (?year=2025&org_unit=3&branch_kind=student), with defaults; a committee admin's org
 * unit (`ownUnit`) replaces any org unit the URL names.
 */
export function filterValues(spec: DashboardSpec, searchParams: URLSearchParams, ownUnit: number | undefined): FilterValues {
  const result: FilterValues = {};
  for (const filter of spec.filters) {
    result[filter.id] = filter.kind === "org_unit" && ownUnit !== undefined ? ownUnit : parseValue(filter, searchParams.get(filter.id));
  }
  return result;
}

/** A committee admin's own org unit, which fixes the org unit filter; undefined for the other roles. */
export const ownUnitOf = (profile: Profile | null | undefined) => (profile?.role === "committee_admin" ? (profile.orgUnitId ?? undefined) : undefined);

