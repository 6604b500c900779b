// The single API port, doing what Kong does in a Supabase project: route /rest/v1 and /auth/v1,
// require a known apikey, default the Authorization header to it, and answer CORS.
import http from "node:http";
import { config } from "../env";

export type GatewayOptions = {
  port: number;
  apiKeys: string[];
  upstreams: { rest: number; auth: number };
  /** An upstream that has not started answering by then gets a 504 (and its request is aborted). */
  upstreamTimeoutMs?: number;
  /** A larger request body is refused with 413 before it reaches a service. */
  maxBodyBytes?: number;
};

// Above the longest statement_timeout an API role has (8 s), so a slow query ends as PostgREST's own error.
export const DEFAULT_UPSTREAM_TIMEOUT_MS = 20_000;
// A 10,000-row Excel import sent as JSON to an RPC is a few MB; this leaves room without letting one
// request hold hundreds of MB in PostgREST's memory.
export const DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024;

const allowedHeaders =
  "authorization, apikey, content-type, x-client-info, prefer, range, accept-profile, content-profile, x-supabase-api-version, x-upsert";
const exposedHeaders = "content-range, content-profile, x-total-count, link, x-supabase-api-version";
const configuredOrigins = new Set([config.auth.site_url, ...(config.auth.additional_redirect_urls ?? [])].map(originOf));

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

/** The app's configured origins, and any local origin: this gateway only ever listens on 127.0.0.1. */
export function isAllowedOrigin(origin: string): boolean {
  return configuredOrigins.has(origin) || /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/.test(origin);
}

function corsHeaders(origin: string | undefined): Record<string, string> {
  if (!origin || !isAllowedOrigin(origin)) return {};
  return {
    "access-control-allow-origin": origin,
    "access-control-allow-credentials": "true",
    "access-control-expose-headers": exposedHeaders,
    vary: "Origin",
  };
}

function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string>) {
  res.writeHead(status, { ...headers, "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

export async function startGateway(options: GatewayOptions): Promise<{ stop(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://gateway");
    const origin = req.headers.origin;
    const cors = corsHeaders(origin);

    if (req.method === "OPTIONS" && req.headers["access-control-request-method"]) {
      if (!cors["access-control-allow-origin"]) return sendJson(res, 403, { message: "Origin not allowed" }, {});
      res.writeHead(204, {
        ...cors,
        "access-control-allow-methods": "GET, HEAD, PUT, PATCH, POST, DELETE, OPTIONS",
        "access-control-allow-headers": allowedHeaders,
        "access-control-max-age": "3600",
      });
      return res.end();
    }

    const route = /^\/(rest|auth)\/v1(\/.*)?$/.exec(url.pathname);
    if (!route) return sendJson(res, 404, { message: "no Route matched with those values" }, cors);

    const apikey = (req.headers.apikey as string | undefined) ?? url.searchParams.get("apikey") ?? undefined;
    if (!apikey) {
      return sendJson(
        res,
        401,
        { message: "No API key found in request", hint: "No `apikey` request header or url param was found." },
        cors,
      );
    }
    if (!options.apiKeys.includes(apikey)) {
      return sendJson(res, 401, { message: "Invalid API key", hint: "Double check your Supabase `anon` or `service_role` API key." }, cors);
    }

    // Like Kong's hide_credentials: the key never reaches the services (PostgREST would read ?apikey= as a filter).
    url.searchParams.delete("apikey");
    const headers: http.OutgoingHttpHeaders = { ...req.headers };
    delete headers.apikey;
    delete headers.host;
    headers.authorization ??= `Bearer ${apikey}`;
    headers["x-forwarded-for"] = req.socket.remoteAddress;
    headers["x-forwarded-host"] = req.headers.host;
    headers["x-forwarded-proto"] = "http";
    headers["x-forwarded-prefix"] = `/${route[1]}/v1`;

    const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
    const tooLarge = () => {
      // The rest of the body is read and dropped, so the client sees this answer rather than a reset.
      req.resume();
      sendJson(res, 413, { message: `请求内容过大（上限 ${Math.round(maxBodyBytes / 1024 / 1024)} MB）`, code: "payload_too_large" }, {
        ...cors,
        connection: "close",
      });
    };
    if (Number(req.headers["content-length"] ?? 0) > maxBodyBytes) return tooLarge();

    const { rest, auth } = options.upstreams;
    const service = route[1] === "rest" ? "数据服务" : "认证服务";
    const upstream = http.request(
      {
        host: "127.0.0.1",
        port: route[1] === "rest" ? rest : auth,
        method: req.method,
        path: `${route[2] ?? "/"}${url.search}`,
        headers,
      },
      (upstreamRes) => {
        clearTimeout(timer);
        res.writeHead(upstreamRes.statusCode ?? 502, { ...upstreamRes.headers, ...cors });
        upstreamRes.pipe(res);
      },
    );
    let failure: { status: number; message: string; code: string } | undefined;
    const timer = setTimeout(() => {
      failure = { status: 504, message: `${service}响应超时，请稍后重试`, code: "upstream_timeout" };
      upstream.destroy();
    }, options.upstreamTimeoutMs ?? DEFAULT_UPSTREAM_TIMEOUT_MS);
    upstream.on("error", () => {
      clearTimeout(timer);
      if (failure?.status === 413) return; // answered already
      if (res.headersSent) return res.destroy();
      const { status, message, code } = failure ?? { status: 503, message: `${service}暂不可用，请稍后重试`, code: "service_unavailable" };
      sendJson(res, status, { message, code }, cors);
    });
    // A client that goes away takes its upstream request with it (PostgREST then cancels the query).
    res.on("close", () => {
      clearTimeout(timer);
      if (!res.writableFinished) upstream.destroy();
    });
    // A body without a length (chunked) is counted as it streams.
    let received = 0;
    req.on("data", (chunk: Buffer) => {
      received += chunk.length;
      if (received > maxBodyBytes && !failure) {
        failure = { status: 413, message: "", code: "payload_too_large" };
        req.unpipe(upstream);
        upstream.destroy();
        clearTimeout(timer);
        if (!res.headersSent) tooLarge();
      }
    });
    req.pipe(upstream);
  });
  // Keep-alive sockets would hold stop() open; requests here are short.
  server.keepAliveTimeout = 5000;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, "127.0.0.1", () => resolve());
  });
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
