import { notifyManager, QueryObserver } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { queryClient } from "./queryClient";

describe("query notifications", () => {
  it("reach every component of the queries that settled in one tick in one task", async () => {
    // A listener that finds no batch open starts one; the batch closes once the task's synchronous work is done.
    let batches = 0;
    let open = false;
    const heard = () => {
      if (open) return;
      open = true;
      batches += 1;
      queueMicrotask(() => (open = false));
    };
    const settled = Promise.resolve();
    const observers = Array.from({ length: 20 }, (_, i) => new QueryObserver(queryClient, { queryKey: ["notify-test", i], queryFn: () => settled.then(() => i) }));
    // as useQuery subscribes a component: through notifyManager.batchCalls
    const unsubscribe = observers.map((observer) => observer.subscribe(notifyManager.batchCalls(heard)));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(observers.every((observer) => observer.getCurrentResult().data !== undefined)).toBe(true);
    // the fetches starting (one notification each) and settling: two ticks, not one task per query
    expect(batches).toBeLessThanOrEqual(2);
    unsubscribe.forEach((stop) => stop());
  });
});
