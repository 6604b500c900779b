// The first page's dashboard data, asked for as soon as the signed-in profile is known (while the app's code is
// still arriving) into the app's query cache, where the panels find it: the same query definitions as their hooks.
// Without this, a panel's request waits for the app chunk, the frame, the dashboard chunk and the first render.
import { queryClient } from "../providers/queryClient";
import { filterValues, orgUnitsQuery, ownUnitOf, panelQuery, profileQuery } from "./queries";
import { dashboardAt } from "./registry";

/** On a dashboard's route, its data; elsewhere nothing. Resolves once every request has been sent. */
export async function prefetchDashboard({ pathname, search }: { pathname: string; search: string }) {
  const spec = dashboardAt(pathname);
  if (!spec) return;
  const profile = await queryClient.fetchQuery(profileQuery);
  if (!profile) return;
  const filters = filterValues(spec, new URLSearchParams(search), ownUnitOf(profile));
  if (spec.filters.some((filter) => filter.kind === "org_unit")) void queryClient.prefetchQuery(orgUnitsQuery);
  for (const panel of spec.panels) void queryClient.prefetchQuery(panelQuery(panel, filters));
}
