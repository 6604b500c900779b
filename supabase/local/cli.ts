// `start [--reset]`: run the local stack in the foreground until Ctrl-C / SIGTERM (--reset rebuilds the
// database first). `reset`: rebuild the database from migrations + seed, then exit. A failed start prints one `error:` line and exits with code 1.
import { ANON_KEY, API_URL, DATA_DIR, DB_URL, SERVICE_ROLE_KEY } from "./env";
import { onStopRequest } from "./processes";
import { StackError, startStack, type Stack } from "./stack";

const command = process.argv[2];
const log = (line: string) => console.log(line);

function fail(error: unknown): never {
  const message = error instanceof StackError ? error.message : ((error as Error).message ?? String(error));
  console.error(`error: ${message.split("\n")[0]}`);
  if (!(error instanceof StackError) && process.env.DEBUG) console.error(error);
  process.exit(1);
}

async function start() {
  const aborter = new AbortController();
  let stack: Stack | undefined;
  onStopRequest(async (signal) => {
    if (!stack) return aborter.abort(); // start-up notices, tears down what it started and exits below
    log(`\n${signal}: stopping`);
    await stack.stop();
    log("stopped");
    process.exit(0);
  });

  const startedAt = performance.now();
  try {
    stack = await startStack({ log, signal: aborter.signal, reset: process.argv.includes("--reset") });
  } catch (error) {
    if (aborter.signal.aborted) process.exit(0);
    fail(error);
  }
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  log(
    [
      "",
      `Local Supabase is running (ready in ${seconds}s). Ctrl-C stops it.`,
      `  API URL:          ${API_URL}`,
      `  DB URL:           ${DB_URL}`,
      `  anon key:         ${ANON_KEY}`,
      `  service_role key: ${SERVICE_ROLE_KEY}`,
      `  data:             ${DATA_DIR}`,
      `  pids:             ${stack.pids().join(" ")}`,
      "",
    ].join("\n"),
  );
  if (aborter.signal.aborted) {
    await stack.stop();
    process.exit(0);
  }
}

async function reset() {
  try {
    const stack = await startStack({ reset: true, databaseOnly: true, log });
    await stack.stop();
    log(`database rebuilt from migrations and seed (${DB_URL})`);
  } catch (error) {
    fail(error);
  }
}

if (command === "start") await start();
else if (command === "reset") await reset();
else {
  console.error("usage: tsx supabase/local/cli.ts start [--reset] | reset");
  process.exit(2);
}
