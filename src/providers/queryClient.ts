// The one query cache of the app, created here rather than inside <Refine> so that the first page's data can be
// asked for before the app's code has arrived (see src/dashboards/prefetch.ts) and found in it afterwards.
import { keepPreviousData, QueryClient } from "@tanstack/react-query";

// A 4xx (RLS hid the row, a rule refused it) will not change on retry: say so at once.
const retryServerErrors = (failures: number, error: unknown) =>
  failures < 2 && ((error as { statusCode?: number })?.statusCode ?? 500) >= 500;

// Refine's own defaults (no refetch on window focus, the previous page shown while the next loads), plus the retry rule.
export const queryClient = new QueryClient({
  defaultOptions: { queries: { refetchOnWindowFocus: false, placeholderData: keepPreviousData, retry: retryServerErrors } },
});
