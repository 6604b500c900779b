// The rules of the people registers, each broken once through the API: zh-CN message, rule name (details), form
// field (hint) and nothing changed (refused.ts). And what the database fills in or accepts: an attendance's hours
// default to the training's, an empty address is no address, the training hours standard is a setting.
import type { PostgrestError, SupabaseClient } from "@supabase/supabase-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signedInClient } from "../local/testing";
import { createFixture, dropFixture, one, withDb, type Fixture } from "./fixture";
import { expectRefused } from "./refused";

let f: Fixture;
let admin: SupabaseClient;
let committee: SupabaseClient;
/** A unit training of A (8 h) attended by member A for 6 h; a school training (16 h). */
let unitTraining: number;
let schoolTraining: number;
let postA: number;

beforeAll(async () => {
  f = await createFixture();
  await withDb(async (db) => {
    unitTraining = await one<number>(
      db,
      "insert into public.trainings (title, organizer, org_unit_id, held_on, hours) values ($1, 'unit', $2, '2026-04-01', 8) returning id",
      [`书记培训会 ${f.tag}`, f.orgUnits.A],
    );
    schoolTraining = await one<number>(
      db,
      "insert into public.trainings (title, organizer, held_on, hours) values ($1, 'school', '2026-03-01', 16) returning id",
      [`示范培训班 ${f.tag}`],
    );
    await db.query("insert into public.training_attendance (training_id, member_id, hours) values ($1, $2, 6)", [unitTraining, f.members.A]);
    postA = await one<number>(
      db,
      "insert into public.model_posts (member_id, kind, title, started_on) values ($1, 'model_post', '宿舍党员示范岗', '2025-09-01') returning id",
      [f.members.A],
    );
  });
  admin = await signedInClient("admin@dangjian.test");
  committee = await signedInClient(f.committee.email);
});

afterAll(async () => {
  if (f) {
    await withDb((db) =>
      db.query("delete from public.trainings where org_unit_id = any($1) or title like $2", [[f.orgUnits.A, f.orgUnits.B], `%${f.tag}%`]),
    );
  }
  await dropFixture(f);
});

type Case = {
  rule: string;
  field: string;
  code?: string;
  message: string | RegExp;
  table: string;
  as?: "org_admin" | "committee_admin";
  act: (client: SupabaseClient) => PromiseLike<{ error: PostgrestError | null }>;
};

const cases: Record<string, () => Case> = {
  "model_posts_period_valid": () => ({
    rule: "model_posts_period_valid", field: "ended_on", table: "model_posts", as: "committee_admin", message: "撤销日期不能早于设立日期",
    act: (c) => c.from("model_posts").update({ ended_on: "2025-08-31" }).eq("id", postA),
  }),
  "model_posts_carrier_same_org_unit": () => ({
    rule: "model_posts_carrier_same_org_unit", field: "carrier_id", table: "model_posts", message: "所选载体须属于该党员所在的二级党组织",
    act: (c) => c.from("model_posts").insert({ member_id: f.members.A, kind: "responsibility_zone", title: "实验室安全责任区", carrier_id: f.carriers.B, started_on: "2026-01-01" }),
  }),
  "model_posts_title_length": () => ({
    rule: "model_posts_title_length", field: "title", table: "model_posts", message: "岗位名称不能超过 100 个字",
    act: (c) => c.from("model_posts").update({ title: "岗".repeat(101) }).eq("id", postA),
  }),
  "model_posts_started_on_range": () => ({
    rule: "model_posts_started_on_range", field: "started_on", table: "model_posts", message: "设立日期不能早于 1921-07-01",
    act: (c) => c.from("model_posts").update({ started_on: "1900-01-01" }).eq("id", postA),
  }),
  "online_channels_url_format (ftp)": () => ({
    rule: "online_channels_url_format", field: "url", table: "online_channels", as: "committee_admin",
    message: "网址须以 http:// 或 https:// 开头, 且为完整的网址",
    act: (c) => c.from("online_channels").insert({ branch_id: f.branches.A, kind: "website", name: "支部网站", url: "ftp://example.edu.cn/" }),
  }),
  "online_channels_url_format (script)": () => ({
    rule: "online_channels_url_format", field: "url", table: "online_channels",
    message: "网址须以 http:// 或 https:// 开头, 且为完整的网址",
    act: (c) => c.from("online_channels").insert({ branch_id: f.branches.A, kind: "other", name: "链接", url: "javascript:alert(1)" }),
  }),
  "online_channels_url_format (no host)": () => ({
    rule: "online_channels_url_format", field: "url", table: "online_channels",
    message: "网址须以 http:// 或 https:// 开头, 且为完整的网址",
    act: (c) => c.from("online_channels").insert({ branch_id: f.branches.A, kind: "weibo", name: "支部微博", url: "https://weibo" }),
  }),
  "online_channels_audience_not_negative": () => ({
    rule: "online_channels_audience_not_negative", field: "audience", table: "online_channels", message: "覆盖人数不能为负数",
    act: (c) => c.from("online_channels").insert({ branch_id: f.branches.A, kind: "qq", name: "支部党员群", audience: -1 }),
  }),
  "online_channels_audience_max": () => ({
    rule: "online_channels_audience_max", field: "audience", table: "online_channels", message: "覆盖人数不能大于 10000000",
    act: (c) => c.from("online_channels").insert({ branch_id: f.branches.A, kind: "qq", name: "支部党员群", audience: 10_000_001 }),
  }),
  "trainings_school_by_org_admin": () => ({
    rule: "trainings_school_by_org_admin", field: "organizer", table: "trainings", as: "committee_admin",
    message: "学校和校外培训由组织部登记, 二级党组织只能登记本单位举办的培训",
    act: (c) => c.from("trainings").insert({ title: "校外研修班", organizer: "external", held_on: "2026-05-01", hours: 32 }),
  }),
  "trainings_org_unit_matches_organizer (unit without unit)": () => ({
    rule: "trainings_org_unit_matches_organizer", field: "org_unit_id", table: "trainings", message: "二级党组织举办的培训须选择举办单位",
    act: (c) => c.from("trainings").insert({ title: "书记培训会", organizer: "unit", held_on: "2026-05-01", hours: 4 }),
  }),
  "trainings_org_unit_matches_organizer (school with unit)": () => ({
    rule: "trainings_org_unit_matches_organizer", field: "org_unit_id", table: "trainings",
    message: "学校和校外培训不属于某个二级党组织, 请清空举办单位",
    act: (c) => c.from("trainings").insert({ title: "示范培训班", organizer: "school", org_unit_id: f.orgUnits.A, held_on: "2026-05-01", hours: 16 }),
  }),
  "trainings_hours_positive": () => ({
    rule: "trainings_hours_positive", field: "hours", table: "trainings", as: "committee_admin", message: "学时必须大于 0",
    act: (c) => c.from("trainings").insert({ title: "书记培训会", organizer: "unit", org_unit_id: f.orgUnits.A, held_on: "2026-05-01", hours: 0 }),
  }),
  "trainings_hours_max": () => ({
    rule: "trainings_hours_max", field: "hours", table: "trainings", message: "学时不能大于 200",
    act: (c) => c.from("trainings").insert({ title: "长期研修", organizer: "school", held_on: "2026-05-01", hours: 200.5 }),
  }),
  "trainings_hours_finite": () => ({
    rule: "trainings_hours_finite", field: "hours", table: "trainings", message: "学时必须是有效的数字",
    act: (c) => c.from("trainings").insert({ title: "示范培训班", organizer: "school", held_on: "2026-05-01", hours: "NaN" }),
  }),
  "trainings_held_on_range": () => ({
    rule: "trainings_held_on_range", field: "held_on", table: "trainings", message: /^培训日期不能晚于 \d{4}-\d{2}-\d{2}$/,
    act: (c) => c.from("trainings").insert({ title: "示范培训班", organizer: "school", held_on: "2099-05-01", hours: 16 }),
  }),
  "trainings_hours_cover_attendance": () => ({
    rule: "trainings_hours_cover_attendance", field: "hours", table: "trainings", as: "committee_admin",
    message: "已有参加记录获得 6 学时, 培训学时不能少于此数",
    act: (c) => c.from("trainings").update({ hours: 5 }).eq("id", unitTraining),
  }),
  "training_attendance_member_in_unit (training moved)": () => ({
    rule: "training_attendance_member_in_unit", field: "org_unit_id", table: "trainings",
    message: "已有其他单位的党员参加记录, 不能改为该单位举办的培训",
    act: (c) => c.from("trainings").update({ org_unit_id: f.orgUnits.B }).eq("id", unitTraining),
  }),
  "training_attendance_hours_within_training": () => ({
    rule: "training_attendance_hours_within_training", field: "hours", table: "training_attendance", as: "committee_admin",
    message: "获得学时不能超过培训学时 (8 学时)",
    act: (c) => c.from("training_attendance").insert({ training_id: unitTraining, member_id: f.spareMembers.A, hours: 8.5 }),
  }),
  "training_attendance_hours_positive": () => ({
    rule: "training_attendance_hours_positive", field: "hours", table: "training_attendance", as: "committee_admin",
    message: "获得学时必须大于 0",
    act: (c) => c.from("training_attendance").insert({ training_id: unitTraining, member_id: f.spareMembers.A, hours: 0 }),
  }),
  "training_attendance_one_per_member": () => ({
    rule: "training_attendance_one_per_member", field: "member_id", code: "23505", table: "training_attendance", as: "committee_admin",
    message: "该党员已有这次培训的参加记录",
    act: (c) => c.from("training_attendance").insert({ training_id: unitTraining, member_id: f.members.A }),
  }),
  "training_attendance_member_in_unit": () => ({
    rule: "training_attendance_member_in_unit", field: "member_id", table: "training_attendance",
    message: "二级党组织举办的培训只能登记本单位的党员",
    act: (c) => c.from("training_attendance").insert({ training_id: unitTraining, member_id: f.members.B }),
  }),
};

describe("people rules", () => {
  it.each(Object.keys(cases))("%s", async (name) => {
    const c = cases[name]();
    const client = c.as === "committee_admin" ? committee : admin;
    await expectRefused(() => c.act(client), { code: c.code ?? "23514", message: c.message, rule: c.rule, field: c.field }, [c.table]);
  });
});

describe("what the database fills in", () => {
  it("an attendance without hours gets the training's hours", async () => {
    const { data, error } = await committee
      .from("training_attendance")
      .insert({ training_id: schoolTraining, member_id: f.spareMembers.A })
      .select("hours")
      .single();
    expect(error).toBeNull();
    expect(Number(data!.hours)).toBe(16);
  });

  it("an empty address is no address; a full one is kept", async () => {
    const { data, error } = await committee
      .from("online_channels")
      .insert([
        { branch_id: f.branches.A, kind: "qq", name: "支部党员群", url: "  " },
        { branch_id: f.branches.A, kind: "wechat", name: "支部公众号", url: "https://mp.weixin.qq.com/s/Ab-9?x=1#top" },
      ])
      .select("url");
    expect(error).toBeNull();
    expect(data!.map((row) => row.url)).toEqual([null, "https://mp.weixin.qq.com/s/Ab-9?x=1#top"]);
  });

  it("a committee records its unit's training and its members' attendance", async () => {
    const { data: training, error } = await committee
      .from("trainings")
      .insert({ title: `党务工作坊 ${f.tag}`, organizer: "unit", org_unit_id: f.orgUnits.A, held_on: "2026-06-10", hours: 4 })
      .select("id")
      .single();
    expect(error).toBeNull();
    const { error: attendanceError } = await committee
      .from("training_attendance")
      .insert({ training_id: training!.id, member_id: f.members.A, hours: 3.5 });
    expect(attendanceError).toBeNull();
    const hours = await withDb((db) =>
      one<string>(db, "select hours::text from public.training_attendance where training_id = $1 and member_id = $2", [training!.id, f.members.A]),
    );
    expect(hours).toBe("3.5");
  });

  it("the yearly standard is the setting training_hours_standard, 56 学时, within 1–200", async () => {
    const row = await withDb(async (db) => (await db.query("select value::text, unit, min_value::text, max_value::text from public.settings where key = 'training_hours_standard'")).rows[0]);
    expect(row).toEqual({ value: "56", unit: "学时", min_value: "1", max_value: "200" });
  });
});
