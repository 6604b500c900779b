// The single API port, doing what Kong does in a Supabase project: route /rest/v1 and /auth/v1,
// require a known apikey, default the Authorization header to it, and answer CORS.
import http from "node:http";
import { config } from "../env";

export type GatewayOptions = {
  port: number;
  apiKeys: string[];
  upstreams: { rest: number; auth: number };
};

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

    const { rest, auth } = options.upstreams;
    const upstream = http.request(
      {
        host: "127.0.0.1",
        port: route[1] === "rest" ? rest : auth,
        method: req.method,
        path: `${route[2] ?? "/"}${url.search}`,
        headers,
      },
      (upstreamRes) => {
        res.writeHead(upstreamRes.statusCode ?? 502, { ...upstreamRes.headers, ...cors });
        upstreamRes.pipe(res);
      },
    );
    upstream.on("error", () => {
      if (!res.headersSent) sendJson(res, 503, { message: `${route[1]} service unavailable` }, cors);
      else res.destroy();
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
