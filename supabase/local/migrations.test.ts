// How the migration runner reads its directory and records statements (no database needed).
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { listMigrations, splitStatements } from "./database";

describe("listMigrations", () => {
  it("keeps <timestamp>_<name>.sql files in version order and ignores the rest", () => {
    const dir = mkdtempSync(join(tmpdir(), "dj-migrations-"));
    for (const file of ["20261125000200_b.sql", "20261125000100_a.sql", "README.md", "draft.sql", "20261125000300_c.sql.bak"]) {
      writeFileSync(join(dir, file), "select 1;");
    }
    expect(listMigrations(dir).map(({ version, name }) => `${version}:${name}`)).toEqual(["20261125000100:a", "20261125000200:b"]);
    expect(listMigrations(join(dir, "missing"))).toEqual([]);
  });
});

describe("splitStatements", () => {
  it("splits on top-level semicolons only", () => {
    const sql = `create table t (a text default 'x;y', "b;c" int);
-- a comment; with a semicolon
insert into t values (E'it\\'s; fine', 1); /* block; /* nested; */ comment */ select 2;`;
    expect(splitStatements(sql)).toEqual([
      `create table t (a text default 'x;y', "b;c" int)`,
      `-- a comment; with a semicolon\ninsert into t values (E'it\\'s; fine', 1)`,
      `/* block; /* nested; */ comment */ select 2`,
    ]);
  });

  it("keeps dollar-quoted bodies and BEGIN ATOMIC bodies whole", () => {
    const sql = `create function f() returns int language plpgsql as $fn$ begin perform 1; return 2; end; $fn$;
create function g() returns int language sql begin atomic select 1; select 2; end;
do $$ begin raise notice 'a;b'; end $$;`;
    const statements = splitStatements(sql);
    expect(statements).toHaveLength(3);
    expect(statements[0]).toMatch(/\$fn\$$/);
    expect(statements[1]).toMatch(/select 2; end$/);
    expect(statements[2]).toMatch(/^do \$\$/);
  });

  it("drops empty statements and a trailing comment", () => {
    expect(splitStatements("select 1;;\n\nselect 2;\n-- the end\n")).toEqual(["select 1", "select 2"]);
  });
});
