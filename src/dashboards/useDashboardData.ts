// The renderer's hooks: the signed-in profile, the dashboard's filters (kept in the URL), and each panel's rows
// (the queries themselves are in queries.ts, shared with the prefetch).
import { useGetLocale } from "@refinedev/core";
import { useQuery } from "@tanstack/react-query";
import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import type { FilterValues } from "./drill";
import { filterValues, orgUnitsQuery, ownUnitOf, panelQuery, profileQuery } from "./queries";
import type { DashboardSpec, Locale, PanelSpec } from "./spec";

export function useLocale(): Locale {
  const getLocale = useGetLocale();
  return getLocale()?.startsWith("en") ? "en" : "zh";
}

export function useProfile() {
  return useQuery(profileQuery);
}

export function usePanelRows(panel: PanelSpec, filters: FilterValues, enabled: boolean) {
  return useQuery({ ...panelQuery(panel, filters), enabled });
}

export function useOrgUnits(enabled: boolean) {
  return useQuery({ ...orgUnitsQuery, enabled });
}

/**
 * The dashboard's filter values from the URL, with defaults.
 * A committee admin's org unit is fixed to its own whatever the URL says (RLS narrows the rows anyway).
 */
export function useDashboardFilters(spec: DashboardSpec) {
  const [searchParams, setSearchParams] = useSearchParams();
  const profile = useProfile();
  const ownUnit = ownUnitOf(profile.data);

  const values = useMemo(() => filterValues(spec, searchParams, ownUnit), [spec, searchParams, ownUnit]);

  const setValue = useCallback(
    (id: string, value: string | number | null) =>
      setSearchParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (value === null || value === undefined || value === "") next.delete(id);
          else next.set(id, String(value));
          return next;
        },
        { replace: true },
      ),
    [setSearchParams],
  );

  return {
    values,
    setValue,
    /** filters the user may not change */
    fixed: new Set(ownUnit !== undefined ? spec.filters.filter((f) => f.kind === "org_unit").map((f) => f.id) : []),
    ready: !profile.isPending,
  };
}
