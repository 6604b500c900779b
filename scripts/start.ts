// `npm start`: the whole product on this machine — the embedded Supabase stack, then the production build of the app.
// Runs until Ctrl-C / SIGTERM and stops every process it started.
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { build, preview, type PreviewServer } from "vite";
import { API_URL, ANON_KEY, DB_URL, DEMO_ACCOUNTS, DEMO_PASSWORD, projectRoot } from "../supabase/local/env";
import { onStopRequest } from "../supabase/local/processes";
import { startStack, type Stack } from "../supabase/local/stack";

const APP_PORT = Number(process.env.APP_PORT ?? 4173);
const outDir = resolve(projectRoot, "dist");

/** Newest modification time below the inputs of the web build: rebuild only when something changed. */
function newestInput(): number {
  const walk = (path: string): number => {
    if (!existsSync(path)) return 0;
    const stat = statSync(path);
    if (!stat.isDirectory()) return stat.mtimeMs;
    return Math.max(0, ...readdirSync(path).map((name) => walk(join(path, name))));
  };
  return Math.max(
    ...["src", "dashboards", "public", "index.html", "vite.config.ts", ".env", ".env.local", "package-lock.json"].map((p) =>
      walk(resolve(projectRoot, p)),
    ),
  );
}

async function main() {
  let server: PreviewServer | undefined;
  let stack: Stack | undefined;
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log("\n正在停止 / stopping…");
    await server?.close().catch(() => undefined);
    await stack?.stop();
    process.exit(code);
  };
  stack = await startStack({
    log: (line) => console.log(line),
    // A child of the stack crashed too often: the stack is down, so the app goes too, with one error line.
    onFatal: (message) => {
      console.error(`error: ${message}; stopped`);
      void shutdown(1);
    },
  });
  onStopRequest(() => void shutdown(0));

  try {
    const builtAt = existsSync(join(outDir, "index.html")) ? statSync(join(outDir, "index.html")).mtimeMs : 0;
    if (builtAt < newestInput()) {
      console.log("building the web app…");
      await build({ root: projectRoot, logLevel: "warn", build: { outDir, emptyOutDir: true } });
    }
    server = await preview({ root: projectRoot, build: { outDir }, preview: { port: APP_PORT, strictPort: true, host: "127.0.0.1" } });
  } catch (error) {
    console.error(`error: the web app did not start: ${(error as Error).message}`);
    await shutdown(1);
    return;
  }

  const appUrl = `http://127.0.0.1:${APP_PORT}`;
  console.log(
    [
      "",
      "基层服务型党组织建设管理平台 is running.",
      `  App:       ${appUrl}`,
      `  API:       ${API_URL}`,
      `  Database:  ${DB_URL}`,
      `  anon key:  ${ANON_KEY}`,
      "",
      `  Demo accounts (password: ${DEMO_PASSWORD}):`,
      ...DEMO_ACCOUNTS.map((a) => `    ${a.email.padEnd(26)} ${a.role}`),
      "",
      "Press Ctrl-C to stop.",
    ].join("\n"),
  );
}

main().catch((error) => {
  console.error(`error: ${(error as Error).message}`);
  process.exit(1);
});
