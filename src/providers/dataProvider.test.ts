// The data provider against a fake PostgREST: the requests it sends and what it makes of the answers.
// (supabase-js fetches maybeSingle() as a list and takes its one row, so the scripted replies are lists.)
import { createClient } from "@supabase/supabase-js";
import { describe, expect, it } from "vitest";
import { changedValues } from "../crud/changes";
import { createDataProvider } from "./dataProvider";

type Sent = { method: string; path: string; query: URLSearchParams; body: unknown; prefer: string | null };
type Reply = { status?: number; body: unknown; headers?: Record<string, string> };

/** A client whose fetch records each request and answers with the next scripted reply. */
function fakeBackend(replies: Reply[]) {
  const sent: Sent[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    const headers = new Headers(init?.headers);
    sent.push({
      method: init?.method ?? "GET",
      path: url.pathname,
      query: url.searchParams,
      body: init?.body ? JSON.parse(String(init.body)) : undefined,
      prefer: headers.get("prefer"),
    });
    const reply = replies.shift() ?? { body: [] };
    return new Response(JSON.stringify(reply.body), {
      status: reply.status ?? 200,
      headers: { "content-type": "application/json", ...reply.headers },
    });
  };
  const client = createClient("http://api.test", "anon-key", {
    auth: { persistSession: false },
    global: { fetch },
    // Never connects; Node 20 has no WebSocket for the realtime client's constructor to find.
    realtime: { transport: class {} as never },
  });
  return { sent, provider: createDataProvider(client) };
}

const LOADED = "2026-12-01T14:00:00.123456+08:00";
const NEWER = "2026-12-01T14:05:00.654321+08:00";

describe("update: compare-and-set on updated_at", () => {
  it("sends only the changes, with the loaded version as a condition, not as a value", async () => {
    const { sent, provider } = fakeBackend([{ body: [{ id: 7, name: "李四", updated_at: NEWER }] }]);
    const result = await provider.update({ resource: "members", id: 7, variables: { name: "李四", updated_at: LOADED }, meta: {} });
    expect(result.data).toMatchObject({ name: "李四" });
    expect(sent).toHaveLength(1);
    expect(sent[0].method).toBe("PATCH");
    expect(sent[0].path).toBe("/rest/v1/members");
    expect(sent[0].body).toEqual({ name: "李四" });
    expect(sent[0].query.get("id")).toBe("eq.7");
    expect(sent[0].query.get("updated_at")).toBe(`eq.${LOADED}`);
  });

  it("refuses a save based on a record changed since, naming who changed it and when", async () => {
    const { sent, provider } = fakeBackend([
      { body: [] }, // the conditional PATCH matched nothing
      { body: [{ updated_at: NEWER }] }, // the row now
      { body: [{ actor_name: "张三", at: NEWER }] }, // its latest audit entry
    ]);
    const error = await provider.update({ resource: "members", id: 7, variables: { name: "王五", updated_at: LOADED }, meta: {} }).catch((e) => e);
    expect(error).toMatchObject({ code: "CONFLICT", statusCode: 409, changedBy: "张三", changedAt: NEWER });
    expect(error.message).toMatch(/^该记录已被 张三 于 12月1日 \d\d:05 修改，你的修改未保存。$/);
    expect(sent[1].path).toBe("/rest/v1/members");
    expect(sent[1].query.get("id")).toBe("eq.7");
    expect(sent[2].path).toBe("/rest/v1/audit_log");
    expect(sent[2].query.get("table_name")).toBe("eq.members");
    expect(sent[2].query.get("row_id")).toBe("eq.7");
    expect(sent[2].query.get("order")).toBe("at.desc,id.desc");
    expect(sent[2].query.get("limit")).toBe("1");
  });

  it("says when only if the audit log names nobody the caller may read", async () => {
    const { provider } = fakeBackend([{ body: [] }, { body: [{ updated_at: NEWER }] }, { body: [] }]);
    const error = await provider.update({ resource: "members", id: 7, variables: { name: "王五", updated_at: LOADED }, meta: {} }).catch((e) => e);
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toMatch(/^该记录已在 12月1日 \d\d:05 被他人修改/);
  });

  it("says the record is gone when re-reading finds nothing", async () => {
    const { provider } = fakeBackend([{ body: [] }, { body: [] }]);
    const error = await provider.update({ resource: "members", id: 7, variables: { name: "王五", updated_at: LOADED }, meta: {} }).catch((e) => e);
    expect(error).toMatchObject({ code: "DELETED", statusCode: 404 });
    expect(error.message).toContain("已被删除");
  });

  it("is a permission refusal when the row is unchanged (RLS filtered the write)", async () => {
    const { provider } = fakeBackend([{ body: [] }, { body: [{ updated_at: LOADED }] }]);
    const error = await provider.update({ resource: "fund_budgets", id: 3, variables: { amount: 1, updated_at: LOADED }, meta: {} }).catch((e) => e);
    expect(error).toMatchObject({ code: "ZERO_ROWS", statusCode: 403 });
  });

  it("writes nothing when nothing changed", async () => {
    const { sent, provider } = fakeBackend([{ body: [{ id: 7, name: "张三", updated_at: LOADED }] }]);
    await provider.update({ resource: "members", id: 7, variables: { updated_at: LOADED }, meta: {} });
    expect(sent.map((request) => request.method)).toEqual(["GET"]);
  });

  it("without a loaded version, updates unconditionally as before", async () => {
    const { sent, provider } = fakeBackend([{ body: [{ id: 1 }] }]);
    await provider.update({ resource: "org_units", id: 1, variables: { name: "x" }, meta: {} });
    expect(sent[0].query.has("updated_at")).toBe(false);
    expect(sent[0].body).toEqual({ name: "x" });
  });
});

describe("getList", () => {
  it("asks for an exact count by default", async () => {
    const { sent, provider } = fakeBackend([{ body: [{ id: 1 }], headers: { "content-range": "0-0/8043" } }]);
    const result = await provider.getList({ resource: "members", pagination: { currentPage: 2, pageSize: 20 }, meta: {} });
    expect(result.total).toBe(8043);
    expect(sent[0].prefer).toContain("count=exact");
  });
});

describe("changedValues", () => {
  const loaded = { id: 7, name: "张三", contact: null, amount: 12.5, joined_on: "2020-01-01", updated_at: LOADED };
  it("keeps only what differs, and the loaded version", () => {
    expect(changedValues(loaded, { name: "张三", contact: undefined, amount: 12.5, joined_on: "2020-01-01" })).toEqual({ updated_at: LOADED });
    expect(changedValues(loaded, { name: "李四", contact: "", amount: "12.50", joined_on: "2021-02-02" })).toEqual({
      name: "李四",
      joined_on: "2021-02-02",
      updated_at: LOADED,
    });
  });
  it("never sends a stale updated_at from the form", () => {
    expect(changedValues(loaded, { updated_at: "1999-01-01" })).toEqual({ updated_at: LOADED });
  });
  it("adds no version for a table without one", () => {
    expect(changedValues({ id: 1, title: "a" }, { title: "b" })).toEqual({ title: "b" });
  });
});

describe("getList: a total order for paging", () => {
  const list = (sorters: { field: string; order: "asc" | "desc" }[], meta: Record<string, unknown> = {}) => {
    const backend = fakeBackend([{ body: [], headers: { "content-range": "*/0" } }]);
    return backend.provider
      .getList({ resource: "members", pagination: { currentPage: 3, pageSize: 20 }, sorters, meta })
      .then(() => backend.sent[0].query);
  };

  it("breaks ties by the key after the chosen sort, so pages never overlap", async () => {
    expect((await list([{ field: "joined_on", order: "asc" }])).get("order")).toBe("joined_on.asc,id.desc");
    expect((await list([], { idColumnName: "user_id" })).get("order")).toBe("user_id.desc");
  });

  it("adds nothing when the key is already sorted on", async () => {
    const query = await list([{ field: "id", order: "asc" }]);
    expect(query.get("order")).toBe("id.asc");
    expect(query.get("offset")).toBe("40");
  });
});
