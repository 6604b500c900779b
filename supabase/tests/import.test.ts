// public.import_rows: one import function for every register. Rows arrive as JSON (the browser's reading of a
// spreadsheet) with references as natural keys; every row is checked by the same constraints and triggers as a
// form save, every error is reported by row, column and zh-CN message, and all rows are written or none.
// RLS applies (a committee imports only into its own unit, the leader not at all); upsert counts created,
// updated and unchanged; every audit entry of an import carries its import id.
import type { SupabaseClient } from "@supabase/supabase-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signedInClient } from "../local/testing";
import { createFixture, dropFixture, one, withDb, type Fixture } from "./fixture";
import { ADMIN_ID, fingerprint } from "./refused";

type ImportError = { row: number; column: string | null; message: string };
type Result = {
  dry_run: boolean;
  written: boolean;
  import_id: number | null;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  error_rows: number;
  errors: ImportError[];
};

let f: Fixture;
let admin: SupabaseClient;
let committee: SupabaseClient;
let leader: SupabaseClient;

const run = async (client: SupabaseClient, table: string, rows: Record<string, unknown>[], mode = "insert", dryRun = false) => {
  const { data, error } = await client.rpc("import_rows", { p_table: table, p_rows: rows, p_mode: mode, p_dry_run: dryRun, p_file_name: "测试.xlsx" });
  if (error) throw new Error(`${error.code} ${error.message}`);
  return data as Result;
};
/** Everything an import could touch, as one comparable value. */
const state = (tables: string[]) => Promise.all([...tables, "audit_log", "imports"].map(fingerprint));

/** n member rows for unit A's first branch, numbered as spreadsheet rows from 2. */
const memberRows = (n: number, prefix: string) =>
  Array.from({ length: n }, (_, i) => ({
    _row: i + 2,
    name: `导入党员${i + 1}`,
    student_or_staff_no: `${f.tag}-${prefix}${i + 1}`,
    branch_id: `${f.tag}-A-B1`,
    gender: i % 2 ? "male" : "female",
    category: "student",
    joined_on: "2022-06-01",
  }));

beforeAll(async () => {
  f = await createFixture();
  admin = await signedInClient("admin@dangjian.test");
  committee = await signedInClient(f.committee.email);
  leader = await signedInClient("leader@dangjian.test");
});

afterAll(() => dropFixture(f));

describe("all or nothing", () => {
  it("one bad row in 1,000: that row's error and nothing written", async () => {
    const rows = memberRows(1000, "AON");
    rows[637].joined_on = "2024-02-30";
    const before = await state(["members"]);
    const result = await run(admin, "members", rows);
    expect(result.errors).toEqual([{ row: 639, column: "joined_on", message: "「2024-02-30」不是有效的日期 (应为 2024-03-05 这样的日期)" }]);
    expect(result).toMatchObject({ written: false, import_id: null, rows: 1000, error_rows: 1 });
    expect(await state(["members"])).toEqual(before);
  });

  it("every error is reported, not only the first, in row order", async () => {
    const rows = memberRows(8, "ALL");
    rows[1].branch_id = "没有这个支部";
    rows[3].gender = "男的";
    rows[4].name = "长".repeat(51);
    rows[5].student_or_staff_no = `${f.tag}-A-M1`; // the fixture's member has it
    rows[6].student_or_staff_no = rows[0].student_or_staff_no; // twice in the file
    rows[7] = { ...rows[7], unknown_column: "x" } as (typeof rows)[number];
    const before = await state(["members"]);
    const result = await run(admin, "members", rows);
    expect(result.errors).toEqual([
      { row: 3, column: "branch_id", message: "未找到支部「没有这个支部」" },
      { row: 5, column: "gender", message: "「男的」不是允许的取值" },
      { row: 6, column: "name", message: "姓名不能超过 50 个字" },
      { row: 7, column: "student_or_staff_no", message: `学号/工号 ${f.tag}-A-M1 已被使用` },
      { row: 8, column: "student_or_staff_no", message: `学号/工号 ${f.tag}-ALL1 已被使用` },
      { row: 9, column: "unknown_column", message: "不是可导入的列" },
    ]);
    expect(result.error_rows).toBe(6);
    expect(await state(["members"])).toEqual(before);
  });

  it("a rule's own message and field (a trigger's app.reject) reach the error list", async () => {
    const rows = [{ _row: 2, partnership_id: { branch_id: `${f.tag}-A-B1`, partner_name: "测试社区A党总支" }, held_on: "2025-06-01", title: "共建之前的活动", service_area: "members", participants: 5 }];
    const result = await run(admin, "partnership_activities", rows);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ row: 2, column: "held_on" });
    expect(result.errors[0].message).toMatch(/共建/);
  });

  it("a dry run checks every row and writes nothing", async () => {
    const before = await state(["members"]);
    const result = await run(admin, "members", memberRows(20, "DRY"), "insert", true);
    expect(result).toMatchObject({ dry_run: true, written: false, import_id: null, created: 20, errors: [] });
    expect(await state(["members"])).toEqual(before);
  });
});

describe("access", () => {
  it("the leader may not import (42501, zh-CN)", async () => {
    const before = await state(["members"]);
    const { error } = await leader.rpc("import_rows", { p_table: "members", p_rows: memberRows(1, "LDR"), p_mode: "insert", p_dry_run: false });
    expect(error).toMatchObject({ code: "42501", message: "只有组织部或二级党组织管理员可以导入", details: "import_rows_not_allowed" });
    expect(await state(["members"])).toEqual(before);
  });

  it("a committee's row for another unit is an error on that row, and nothing is written", async () => {
    const rows = [
      { _row: 2, org_unit_id: `${f.tag}-A`, kind: "lab", name: "本单位实验室" },
      { _row: 3, org_unit_id: `${f.tag}-B`, kind: "lab", name: "他单位实验室" },
    ];
    const before = await state(["carriers"]);
    const result = await run(committee, "carriers", rows);
    expect(result.errors).toEqual([{ row: 3, column: "org_unit_id", message: "无权导入这一行: 只能导入本单位的记录" }]);
    expect(await state(["carriers"])).toEqual(before);
  });

  it("another unit's branch is not found for a committee (RLS hides it)", async () => {
    const rows = memberRows(2, "CMB");
    rows[1].branch_id = `${f.tag}-B-B1`;
    const before = await state(["members"]);
    const result = await run(committee, "members", rows);
    expect(result.errors).toEqual([{ row: 3, column: "branch_id", message: `未找到支部「${f.tag}-B-B1」` }]);
    expect(await state(["members"])).toEqual(before);
  });

  it("a committee imports its own unit's rows", async () => {
    const result = await run(committee, "members", memberRows(3, "CMW"));
    expect(result).toMatchObject({ written: true, created: 3, errors: [] });
    expect(await withDb((db) => one<number>(db, "select count(*)::int from public.members where student_or_staff_no like $1", [`${f.tag}-CMW%`]))).toBe(3);
  });
});

describe("natural keys", () => {
  it("org unit by code or by name; an ambiguous key is an error on its cell", async () => {
    // a unit whose name is unit A's code: "<tag>-A" now names two units
    await withDb((db) =>
      db.query("insert into public.org_units (code, name, kind, category) values ($1, $2, 'direct_branch', 'college')", [`${f.tag}-X`, `${f.tag}-A`]),
    );
    const rows = [
      { _row: 2, org_unit_id: `测试学院B党委 ${f.tag}`, code: `${f.tag}-NK1`, name: "按名称", kind: "student" },
      { _row: 3, org_unit_id: `${f.tag}-B`, code: `${f.tag}-NK2`, name: "按编码", kind: "student" },
      { _row: 4, org_unit_id: `${f.tag}-A`, code: `${f.tag}-NK3`, name: "不唯一", kind: "student" },
    ];
    const checked = await run(admin, "branches", rows, "insert", true);
    expect(checked.errors).toEqual([{ row: 4, column: "org_unit_id", message: `二级党组织「${f.tag}-A」不唯一 (有 2 个), 请写得更具体, 如用编码` }]);
    const written = await run(admin, "branches", rows.slice(0, 2));
    expect(written).toMatchObject({ written: true, created: 2 });
    const units = await withDb(async (db) =>
      (await db.query("select code, org_unit_id from public.branches where code like $1 order by code", [`${f.tag}-NK%`])).rows,
    );
    expect(units.map((r) => Number(r.org_unit_id))).toEqual([f.orgUnits.B, f.orgUnits.B]);
  });

  it("carrier by unit + kind + name, budget by year + unit + branch + category, cycle by year, member by 学号", async () => {
    const coverage = await run(admin, "carrier_coverages", [
      { _row: 2, carrier_id: { org_unit_id: `${f.tag}-A`, kind: "dormitory", name: `测试公寓A ${f.tag}` }, branch_id: `${f.tag}-A-B2`, form: "liaison", started_on: "2026-01-05" },
      { _row: 3, carrier_id: { org_unit_id: `${f.tag}-A`, kind: "lab", name: `测试公寓A ${f.tag}` }, branch_id: `${f.tag}-A-B2`, form: "liaison", started_on: "2026-01-05" },
    ], "insert", true);
    expect(coverage.errors).toEqual([{ row: 3, column: "carrier_id", message: "未找到对应的载体 (各部分须与已有记录一致)" }]);
    expect(coverage.created).toBe(1);

    const spent = await run(admin, "fund_expenditures", [
      { _row: 2, budget_id: { fiscal_year: 2026, org_unit_id: `${f.tag}-A`, branch_id: `${f.tag}-A-B1`, category: "activity" }, spent_on: "2026-04-01", amount: 12.5, purpose: "导入的支出" },
    ]);
    expect(spent).toMatchObject({ written: true, created: 1, errors: [] });
    expect(await withDb((db) => one<number>(db, "select budget_id from public.fund_expenditures where purpose = '导入的支出' and budget_id = $1", [f.branchBudgets.A]))).toBe(f.branchBudgets.A);

    const reviews = await run(admin, "member_reviews", [{ _row: 2, cycle_id: 2026, member_id: `${f.tag}-A-M2`, grade: "excellent" }]);
    expect(reviews).toMatchObject({ written: true, created: 1 });
    expect(await withDb((db) => one<string>(db, "select grade::text from public.member_reviews where member_id = $1 and cycle_id = $2", [f.spareMembers.A, f.openCycle]))).toBe("excellent");
  });
});

describe("upsert", () => {
  it("matches on the natural key and counts created, updated and unchanged", async () => {
    const existing = await withDb(async (db) => (await db.query("select * from public.members where id = $1", [f.members.B])).rows[0]);
    const rows = [
      // the fixture's unit A member, renamed
      { _row: 2, student_or_staff_no: `${f.tag}-A-M1`, name: "改名党员", branch_id: `${f.tag}-A-B1` },
      // unit B's member exactly as it is
      { _row: 3, student_or_staff_no: existing.student_or_staff_no, name: existing.name, gender: existing.gender, branch_id: `${f.tag}-B-B1` },
      // a new one
      { _row: 4, student_or_staff_no: `${f.tag}-UPS1`, name: "新党员", branch_id: `${f.tag}-B-B1`, gender: "male", category: "staff" },
    ];
    const result = await run(admin, "members", rows, "upsert");
    expect(result).toMatchObject({ written: true, created: 1, updated: 1, unchanged: 1, errors: [] });
    const after = await withDb(async (db) => (await db.query("select * from public.members where id = any($1) order by id", [[f.members.A, f.members.B]])).rows);
    expect(after[0]).toMatchObject({ name: "改名党员", gender: "female", category: "teacher" }); // cells left out are kept
    expect(after[1].updated_at).toEqual(existing.updated_at);
  });

  it("twice the same key in one file is an error on the second row", async () => {
    const rows = [
      { _row: 2, student_or_staff_no: `${f.tag}-UPS2`, name: "甲", branch_id: `${f.tag}-A-B1`, gender: "male", category: "staff" },
      { _row: 3, student_or_staff_no: `${f.tag}-UPS2`, name: "乙", branch_id: `${f.tag}-A-B1`, gender: "male", category: "staff" },
    ];
    const result = await run(admin, "members", rows, "upsert", true);
    expect(result.errors).toEqual([{ row: 3, column: "student_or_staff_no", message: "与第 2 行重复 (同一条记录只能出现一次)" }]);
  });

  it("is refused for a register that only takes new rows", async () => {
    const { error } = await admin.rpc("import_rows", { p_table: "fund_expenditures", p_rows: [{}], p_mode: "upsert", p_dry_run: true });
    expect(error).toMatchObject({ code: "22023", message: "该登记表只能新增, 不能按已有记录更新" });
  });
});

describe("bounds", () => {
  it("at most 20,000 rows per call, an unknown register and an empty file are refused with 22023", async () => {
    const many = Array.from({ length: 20_001 }, () => ({}));
    const tooMany = await admin.rpc("import_rows", { p_table: "members", p_rows: many, p_mode: "insert", p_dry_run: true });
    expect(tooMany.error).toMatchObject({ code: "22023", message: "一次最多导入 20,000 行 (本次 20,001 行), 请分成几个文件导入" });
    const unknown = await admin.rpc("import_rows", { p_table: "audit_log", p_rows: [{}], p_mode: "insert", p_dry_run: true });
    expect(unknown.error).toMatchObject({ code: "22023", message: "该登记表不支持导入" });
    const empty = await admin.rpc("import_rows", { p_table: "members", p_rows: [], p_mode: "insert", p_dry_run: true });
    expect(empty.error).toMatchObject({ code: "22023", message: "文件中没有数据行" });
  });
});

describe("the audit trail", () => {
  it("every entry of one import carries its import id and the importing user; the import is recorded", async () => {
    const result = await run(admin, "members", memberRows(4, "AUD"));
    expect(result).toMatchObject({ written: true, created: 4 });
    const id = result.import_id!;
    expect(id).toBeGreaterThan(0);
    const entries = await withDb(async (db) =>
      (await db.query("select actor_id, action::text, new_values ->> 'student_or_staff_no' as no from public.audit_log where import_id = $1 order by id", [id])).rows,
    );
    expect(entries).toEqual(memberRows(4, "AUD").map((r) => ({ actor_id: ADMIN_ID, action: "insert", no: r.student_or_staff_no })));
    const record = await withDb(async (db) => (await db.query("select table_name, mode, file_name, actor_id, row_count, created from public.imports where id = $1", [id])).rows[0]);
    expect(record).toEqual({ table_name: "members", mode: "insert", file_name: "测试.xlsx", actor_id: ADMIN_ID, row_count: 4, created: 4 });
    // a later edit of the same row is not part of the import
    await admin.from("members").update({ contact: "13900000000" }).eq("student_or_staff_no", `${f.tag}-AUD1`);
    expect(await withDb((db) => one<number>(db, "select count(*)::int from public.audit_log where table_name = 'members' and new_values ->> 'student_or_staff_no' = $1 and import_id is null", [`${f.tag}-AUD1`]))).toBe(1);
  });

  it("a committee reads its own imports, not 组织部's", async () => {
    const own = await run(committee, "members", memberRows(1, "CMI"));
    const { data } = await committee.from("imports").select("id");
    const ids = (data ?? []).map((r) => r.id as number);
    expect(ids).toContain(own.import_id);
    const adminImport = await withDb((db) => one<number>(db, "select max(id) from public.imports where actor_id = $1", [ADMIN_ID]));
    expect(ids).not.toContain(adminImport);
  });
});
