// The one query cache of the app, created here rather than inside <Refine> so that the first page's data can be
// asked for before the app's code has arrived (see src/dashboards/prefetch.ts) and found in it afterwards.
import { keepPreviousData, notifyManager, QueryClient } from "@tanstack/react-query";

// Every query that settles in one tick notifies its components in one timer, so React renders them together. The
// default posts a timer per settled query: the menu's fifty access checks, settling at once, rendered the frame
// fifty times on the first page.
let notifications: (() => void)[] = [];
notifyManager.setScheduler((notify) => {
  notifications.push(notify);
  if (notifications.length > 1) return;
  setTimeout(() => {
    const due = notifications;
    notifications = [];
    for (const each of due) each();
  }, 0);
});

// A 4xx (RLS hid the row, a rule refused it) will not change on retry: say so at once.
const retryServerErrors = (failures: number, error: unknown) =>
  failures < 2 && ((error as { statusCode?: number })?.statusCode ?? 500) >= 500;

// Refine's own defaults (no refetch on window focus, the previous page shown while the next loads), plus the retry rule.
export const queryClient = new QueryClient({
  defaultOptions: { queries: { refetchOnWindowFocus: false, placeholderData: keepPreviousData, retry: retryServerErrors } },
});
