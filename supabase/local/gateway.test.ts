// The gateway's limits, on the module itself against stub upstreams started here: a body over the limit is refused
// with 413 before reaching a service, and an upstream that hangs answers 504 after the (short, for the test) timeout.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_MAX_BODY_BYTES, startGateway } from "./gateway/server";
import { freePort } from "./processes";

const apiKey = "test-key";
const maxBodyBytes = 64 * 1024;
const upstreamTimeoutMs = 500;
let gatewayUrl = "";
let stopGateway: () => Promise<void>;
let received: { path: string; bytes: number }[] = [];
const hung: http.ServerResponse[] = [];

// REST stub: /hang never answers; anything else answers with the size of the body it got.
const rest = http.createServer((req, res) => {
  if (req.url?.startsWith("/hang")) return void hung.push(res);
  let bytes = 0;
  req.on("data", (chunk: Buffer) => (bytes += chunk.length));
  req.on("end", () => {
    received.push({ path: req.url ?? "", bytes });
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ bytes }));
  });
});

beforeAll(async () => {
  await new Promise<void>((done) => rest.listen(0, "127.0.0.1", done));
  const port = await freePort();
  const restPort = (rest.address() as AddressInfo).port;
  const gateway = await startGateway({ port, apiKeys: [apiKey], upstreams: { rest: restPort, auth: restPort }, maxBodyBytes, upstreamTimeoutMs });
  stopGateway = gateway.stop;
  gatewayUrl = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  for (const res of hung) res.destroy();
  await stopGateway?.();
  rest.closeAllConnections();
  await new Promise((done) => rest.close(done));
});

const post = (path: string, body: BodyInit, init: RequestInit = {}) =>
  fetch(`${gatewayUrl}${path}`, { method: "POST", headers: { apikey: apiKey, "content-type": "application/json" }, body, ...init });

describe("gateway limits", () => {
  it("passes a body at the limit through", async () => {
    received = [];
    const response = await post("/rest/v1/rpc/import", "x".repeat(maxBodyBytes));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ bytes: maxBodyBytes });
    expect(received).toEqual([{ path: "/rpc/import", bytes: maxBodyBytes }]);
  });

  it("refuses a body over the limit with 413 and a JSON message, without reaching the service", async () => {
    received = [];
    const response = await post("/rest/v1/rpc/import", "x".repeat(maxBodyBytes + 1));
    expect(response.status).toBe(413);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(await response.json()).toMatchObject({ code: "payload_too_large", message: expect.stringContaining("请求内容过大") });
    expect(received).toEqual([]);
  });

  it("counts a body sent without a length (chunked) too", async () => {
    received = [];
    const chunk = new TextEncoder().encode("x".repeat(16 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > maxBodyBytes * 4) return controller.close();
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const response = await post("/rest/v1/rpc/import", stream, { duplex: "half" } as RequestInit).catch((error: Error) => error);
    // Either the 413 arrives, or the gateway closed the connection while the body was still being sent; never a 200.
    if (response instanceof Error) expect(response.message).toMatch(/fetch failed|closed|reset|socket/i);
    else expect(response.status).toBe(413);
    expect(received.filter((request) => request.bytes > maxBodyBytes)).toEqual([]);
  });

  it("answers 504 when the upstream does not answer within the timeout", async () => {
    const started = Date.now();
    const response = await fetch(`${gatewayUrl}/rest/v1/hang`, { headers: { apikey: apiKey } });
    const elapsed = Date.now() - started;
    expect(response.status).toBe(504);
    expect(await response.json()).toMatchObject({ code: "upstream_timeout", message: expect.stringContaining("超时") });
    expect(elapsed).toBeGreaterThanOrEqual(upstreamTimeoutMs - 50);
  });

  it("allows several MB by default: a 10,000-row import as JSON fits", () => {
    const row = { name: "张三", gender: "male", student_no: "2026000000", branch: "计算机学院第一党支部", joined_on: "2026-01-01", phone: "13800000000" };
    const body = JSON.stringify({ rows: Array.from({ length: 10_000 }, () => row) });
    expect(body.length).toBeGreaterThan(1_000_000);
    expect(DEFAULT_MAX_BODY_BYTES).toBeGreaterThan(Buffer.byteLength(body) * 2);
  });
});
