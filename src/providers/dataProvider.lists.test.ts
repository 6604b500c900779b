// The data provider's list options for export and sums: `meta.count: "none"` sends no count, `meta.aggregate`
// sends the aggregate select with the filters and neither an order nor a range.
import { createClient } from "@supabase/supabase-js";
import { describe, expect, it } from "vitest";
import { createDataProvider } from "./dataProvider";

function recording() {
  const sent: { url: URL; prefer: string | null }[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    sent.push({ url: new URL(String(input)), prefer: new Headers(init?.headers).get("prefer") });
    return new Response(JSON.stringify([{ amount: 12.5 }]), { status: 200, headers: { "content-type": "application/json" } });
  };
  const client = createClient("http://api.test", "anon-key", { auth: { persistSession: false }, global: { fetch }, realtime: { transport: class {} as never } });
  return { sent, provider: createDataProvider(client) };
}

describe("getList for exports and sums", () => {
  it("count none: a page with its range and order but no count", async () => {
    const { sent, provider } = recording();
    await provider.getList({ resource: "members", pagination: { currentPage: 3, pageSize: 1000 }, sorters: [{ field: "name", order: "asc" }], meta: { count: "none" } });
    expect(sent[0].prefer ?? "").not.toContain("count=");
    expect(sent[0].url.searchParams.get("offset")).toBe("2000");
    expect(sent[0].url.searchParams.get("order")).toBe("name.asc,id.desc");
  });

  it("aggregate: the sum select with the filters, no order, no range", async () => {
    const { sent, provider } = recording();
    const { data } = await provider.getList({
      resource: "fund_expenditures",
      pagination: { mode: "off" },
      filters: [{ field: "budget.org_unit_id", operator: "eq", value: 4 }],
      sorters: [{ field: "spent_on", order: "desc" }],
      meta: { select: "amount:amount.sum(),budget:fund_budgets!budget_id!inner(org_unit_id)", count: "none", aggregate: true },
    });
    expect(data).toEqual([{ amount: 12.5 }]);
    const params = sent[0].url.searchParams;
    expect(params.get("select")).toBe("amount:amount.sum(),budget:fund_budgets!budget_id!inner(org_unit_id)");
    expect(params.get("budget.org_unit_id")).toBe("eq.4");
    expect(params.has("order")).toBe(false);
    expect(params.has("offset") || params.has("limit")).toBe(false);
  });
});
