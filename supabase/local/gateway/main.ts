// Entry point of the gateway process the stack spawns. A process of its own, like PostgREST and auth, so that
// the API keeps answering even while the process that started the stack is busy (e.g. in a synchronous spawn).
import { startGateway } from "./server";

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

const gateway = await startGateway({
  port: Number(env("GATEWAY_PORT")),
  apiKeys: env("GATEWAY_API_KEYS").split(","),
  upstreams: { rest: Number(env("GATEWAY_REST_PORT")), auth: Number(env("GATEWAY_AUTH_PORT")) },
  upstreamTimeoutMs: process.env.GATEWAY_UPSTREAM_TIMEOUT_MS ? Number(process.env.GATEWAY_UPSTREAM_TIMEOUT_MS) : undefined,
  maxBodyBytes: process.env.GATEWAY_MAX_BODY_BYTES ? Number(process.env.GATEWAY_MAX_BODY_BYTES) : undefined,
});

const shutdown = () => void gateway.stop().finally(() => process.exit(0));
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
// The stack keeps an IPC channel open only so that this process notices when the stack is gone, and goes too.
process.on("disconnect", shutdown);
