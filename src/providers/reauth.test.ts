// Signing in again in place: the data provider waits for the dialog on a 401 and sends the refused request
// once more; without a new sign-in the 401 stands (and the auth provider sends the user to /login).
import { createClient } from "@supabase/supabase-js";
import { afterEach, describe, expect, it, vi } from "vitest";
import ws from "ws";
import { createDataProvider } from "./dataProvider";
import { finishReauthentication, reauthenticate, reauthenticating, registerReauthDialog } from "./reauth";

/** A supabase client whose server answers with the given statuses in turn (then 200), counting requests. */
function clientAnswering(statuses: number[]) {
  const requests: string[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    requests.push(`${init?.method ?? "GET"} ${String(input)}`);
    const status = statuses.shift() ?? 200;
    const body = status === 401 ? { code: "42501", message: "permission denied for table org_units", details: null, hint: null } : [{ id: 7, name: "改过的名称" }];
    return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
  };
  const client = createClient("http://127.0.0.1:9", "anon-key", {
    global: { fetch },
    auth: { persistSession: false, autoRefreshToken: false },
    realtime: { transport: ws as never },
  });
  return { client, requests };
}

let unregister: (() => void) | undefined;
afterEach(() => {
  unregister?.();
  unregister = undefined;
});

describe("the data provider on a 401", () => {
  it("sends the refused save again once the user has signed in again", async () => {
    const { client, requests } = clientAnswering([401]);
    const reauth = vi.fn(async () => true);
    const provider = createDataProvider(client, { reauthenticate: reauth });
    const { data } = await provider.update({ resource: "org_units", id: 7, variables: { name: "改过的名称" } });
    expect(data).toEqual({ id: 7, name: "改过的名称" });
    expect(reauth).toHaveBeenCalledTimes(1);
    expect(requests).toHaveLength(2);
    expect(requests[1]).toMatch(/^PATCH .*\/rest\/v1\/org_units\?/);
  });

  it("keeps the 401 when the user does not sign in again, and sends nothing more", async () => {
    const { client, requests } = clientAnswering([401, 401]);
    const provider = createDataProvider(client, { reauthenticate: async () => false });
    await expect(provider.update({ resource: "org_units", id: 7, variables: { name: "x" } })).rejects.toMatchObject({ statusCode: 401 });
    expect(requests).toHaveLength(1);
  });

  it("does not ask for other errors", async () => {
    const { client } = clientAnswering([403]);
    const reauth = vi.fn(async () => true);
    const provider = createDataProvider(client, { reauthenticate: reauth });
    await expect(provider.getList({ resource: "org_units" })).rejects.toMatchObject({ statusCode: 403 });
    expect(reauth).not.toHaveBeenCalled();
  });
});

describe("reauthenticate", () => {
  it("answers false at once when no dialog can ask (the login page)", async () => {
    await expect(reauthenticate()).resolves.toBe(false);
    expect(reauthenticating()).toBe(false);
  });

  it("asks once for every request refused meanwhile and answers them all", async () => {
    unregister = registerReauthDialog();
    const first = reauthenticate();
    const second = reauthenticate();
    expect(reauthenticating()).toBe(true);
    finishReauthentication(true);
    await expect(Promise.all([first, second])).resolves.toEqual([true, true]);
    expect(reauthenticating()).toBe(false);
  });

  it("answers false when the dialog goes away while asking", async () => {
    const unmount = registerReauthDialog();
    const pending = reauthenticate();
    unmount();
    await expect(pending).resolves.toBe(false);
  });
});
