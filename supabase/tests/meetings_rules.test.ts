// 组织生活's rules, each broken once through the API (zh-CN message, rule in details, field in hint, nothing
// changed, no audit entry); the counts the database derives from attendance; and set_meeting_attendance, which
// writes a whole roster in one call, all or nothing, as the caller.
import type { PostgrestError, SupabaseClient } from "@supabase/supabase-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signedInClient } from "../local/testing";
import { createFixture, dropFixture, one, withDb, type Fixture } from "./fixture";
import { expectRefused } from "./refused";

let f: Fixture;
let admin: SupabaseClient;
let committee: SupabaseClient;
let leader: SupabaseClient;
let meetingA: number; // a 党员大会 of branch A with a roster
let emptyMeetingA: number; // a 党课 of branch A without one
let forumA: number; // unit A's 书记座谈会
let meetingB: number; // a 党员大会 of unit B
let dissolvedA: number;
let outsiderA: number; // a member of unit A's spare branch

const tables = ["meetings", "meeting_attendance", "meeting_standards"];

beforeAll(async () => {
  f = await createFixture();
  await withDb(async (db) => {
    await db.query("update public.branches set secretary_id = $1 where id = $2", [f.members.A, f.branches.A]);
    const meeting = (unit: number, branch: number | null, kind: string, day: string) =>
      one<number>(db, "insert into public.meetings (org_unit_id, branch_id, kind, held_on, title) values ($1, $2, $3, $4, '测试会议') returning id", [
        unit, branch, kind, day,
      ]);
    meetingA = await meeting(f.orgUnits.A, f.branches.A, "general_meeting", "2026-03-10");
    emptyMeetingA = await meeting(f.orgUnits.A, f.branches.A, "party_lecture", "2026-03-20");
    forumA = await meeting(f.orgUnits.A, null, "secretary_forum", "2026-04-01");
    meetingB = await meeting(f.orgUnits.B, f.branches.B, "general_meeting", "2026-03-10");
    await db.query("insert into public.meeting_attendance (meeting_id, member_id, present) values ($1, $2, true)", [meetingA, f.members.A]);
    dissolvedA = await one<number>(db, "insert into public.branches (org_unit_id, code, name, kind, status) values ($1, $2, '已撤销支部', 'student', 'dissolved') returning id", [
      f.orgUnits.A, `${f.tag}-A-X`,
    ]);
    outsiderA = await one<number>(
      db,
      "insert into public.members (branch_id, name, gender, category, student_or_staff_no) values ($1, '另一支部党员', 'male', 'student', $2) returning id",
      [f.spareBranches.A, `${f.tag}-A-O`],
    );
  });
  admin = await signedInClient("admin@dangjian.test");
  committee = await signedInClient(f.committee.email);
  leader = await signedInClient("leader@dangjian.test");
});

afterAll(async () => {
  if (f) await withDb((db) => db.query("delete from public.meetings where org_unit_id = any($1)", [[f.orgUnits.A, f.orgUnits.B]]));
  await dropFixture(f);
});

type Case = {
  rule: string;
  field: string | null;
  code?: string;
  message: string | RegExp;
  act: (c: SupabaseClient) => PromiseLike<{ error: PostgrestError | null }>;
  as?: "org_admin";
};

const meeting = (over: Record<string, unknown>) => ({
  org_unit_id: f.orgUnits.A, branch_id: f.branches.A, kind: "general_meeting", held_on: "2026-05-01", title: "新会议", ...over,
});

const cases: Record<string, () => Case> = {
  "a 书记座谈会 has no branch": () => ({
    rule: "meetings_branch_by_kind", field: "branch_id", message: "书记座谈会是二级党组织的会议, 不选择支部",
    act: (c) => c.from("meetings").insert(meeting({ kind: "secretary_forum" })),
  }),
  "a branch meeting needs a branch": () => ({
    rule: "meetings_branch_by_kind", field: "branch_id", message: "请选择召开会议的党支部",
    act: (c) => c.from("meetings").insert(meeting({ branch_id: null })),
  }),
  "the branch belongs to the unit": () => ({
    rule: "meetings_branch_in_unit", field: "branch_id", message: "所选支部不属于该二级党组织", as: "org_admin",
    act: (c) => c.from("meetings").insert(meeting({ branch_id: f.branches.B })),
  }),
  "a dissolved branch holds no new meeting": () => ({
    rule: "meetings_branch_active", field: "branch_id", message: "该支部已合并或撤销, 不能再记录组织生活",
    act: (c) => c.from("meetings").insert(meeting({ branch_id: dissolvedA })),
  }),
  "not before the branch was founded": () => ({
    rule: "meetings_after_founding", field: "held_on", message: "召开日期不能早于支部成立日期 (2015-09-01)",
    act: (c) => c.from("meetings").insert(meeting({ held_on: "2014-06-01" })),
  }),
  "not in the future": () => ({
    rule: "meetings_held_on_range", field: "held_on", message: "召开日期不能晚于今天",
    act: (c) => c.from("meetings").insert(meeting({ held_on: "2099-01-01" })),
  }),
  "title length": () => ({
    rule: "meetings_title_length", field: "title", message: "会议主题不能超过 100 个字",
    act: (c) => c.from("meetings").insert(meeting({ title: "长".repeat(101) })),
  }),
  "branch and kind fixed once attendance is recorded": () => ({
    rule: "meetings_branch_fixed", field: "branch_id", message: "已登记出勤的会议不能更改组织、支部或类型; 请先清空出勤记录",
    act: (c) => c.from("meetings").update({ branch_id: f.spareBranches.A }).eq("id", meetingA),
  }),
  "attendance only by members of the branch": () => ({
    rule: "meeting_attendance_member_of_branch", field: "member_id", message: "另一支部党员 不是召开会议的支部的党员",
    act: (c) => c.from("meeting_attendance").insert({ meeting_id: meetingA, member_id: outsiderA }),
  }),
  "a 书记座谈会 only with the unit's secretaries": () => ({
    rule: "meeting_attendance_member_of_branch", field: "member_id", message: "测试党员A2 不是本单位的支部书记, 不能登记为书记座谈会出勤",
    act: (c) => c.from("meeting_attendance").insert({ meeting_id: forumA, member_id: f.spareMembers.A }),
  }),
  "an absence needs a reason": () => ({
    rule: "meeting_attendance_absence_reason", field: "absence_reason", message: "请填写 测试党员A2 的缺席原因",
    act: (c) => c.from("meeting_attendance").insert({ meeting_id: meetingA, member_id: f.spareMembers.A, present: false, absence_reason: "  " }),
  }),
  "one row per member and meeting": () => ({
    rule: "meeting_attendance_meeting_member_key", field: "member_id", code: "23505", message: "测试党员A1 已在该会议的出勤记录中",
    act: (c) => c.from("meeting_attendance").insert({ meeting_id: meetingA, member_id: f.members.A }),
  }),
  "absence reason length": () => ({
    rule: "meeting_attendance_absence_reason_length", field: "absence_reason", message: "缺席原因不能超过 200 个字",
    act: (c) => c.from("meeting_attendance").insert({ meeting_id: meetingA, member_id: f.spareMembers.A, present: false, absence_reason: "因".repeat(201) }),
  }),
  "no branch frequency for a 书记座谈会": () => ({
    rule: "meeting_standards_branch_kind", field: "kind", message: "书记座谈会由二级党组织定期召开, 不设支部组织生活频次", as: "org_admin",
    act: (c) => c.from("meeting_standards").insert({ kind: "secretary_forum", frequency: "quarterly", per_period: 1 }),
  }),
  "one standard per kind": () => ({
    rule: "meeting_standards_kind_key", field: "kind", code: "23505", message: "该类型的组织生活标准已存在", as: "org_admin",
    act: (c) => c.from("meeting_standards").insert({ kind: "general_meeting", frequency: "monthly", per_period: 1 }),
  }),
  "per period within 1 … 10": () => ({
    rule: "meeting_standards_per_period_range", field: "per_period", message: "每期应开次数须在 1 到 10 之间", as: "org_admin",
    act: (c) => c.from("meeting_standards").update({ per_period: 0 }).eq("kind", "general_meeting"),
  }),
};

describe("组织生活 rules", () => {
  it.each(Object.keys(cases))("%s", async (name) => {
    const c = cases[name]();
    await expectRefused(() => c.act(c.as === "org_admin" ? admin : committee), { code: c.code ?? "23514", message: c.message, rule: c.rule, field: c.field }, tables);
  });
});

const counts = (id: number) =>
  withDb((db) => db.query("select expected_count, present_count, absent_count from public.meetings where id = $1", [id]).then((r) => r.rows[0]));

describe("derived counts", () => {
  it("follow the attendance and ignore what a write says", async () => {
    expect(await counts(meetingA)).toEqual({ expected_count: 1, present_count: 1, absent_count: 0 });
    const { error } = await committee.from("meetings").update({ expected_count: 99, present_count: 99, absent_count: 0, title: "改名" }).eq("id", meetingA);
    expect(error).toBeNull();
    expect(await counts(meetingA)).toEqual({ expected_count: 1, present_count: 1, absent_count: 0 });
    const inserted = await committee.from("meeting_attendance").insert({ meeting_id: meetingA, member_id: f.spareMembers.A, present: false, absence_reason: "病假" }).select("id").single();
    expect(inserted.error).toBeNull();
    expect(await counts(meetingA)).toEqual({ expected_count: 2, present_count: 1, absent_count: 1 });
    await committee.from("meeting_attendance").update({ present: true }).eq("id", inserted.data!.id);
    expect(await counts(meetingA)).toEqual({ expected_count: 2, present_count: 2, absent_count: 0 });
    await committee.from("meeting_attendance").delete().eq("id", inserted.data!.id);
    expect(await counts(meetingA)).toEqual({ expected_count: 1, present_count: 1, absent_count: 0 });
  });
});

describe("set_meeting_attendance", () => {
  const roster = (id: number) =>
    withDb((db) =>
      db.query("select member_id::int, present, absence_reason from public.meeting_attendance where meeting_id = $1 order by member_id", [id]).then((r) => r.rows),
    );

  it("writes the whole roster in one call and returns the meeting with its counts", async () => {
    const { data, error } = await committee.rpc("set_meeting_attendance", {
      p_meeting_id: emptyMeetingA,
      p_rows: [{ member_id: f.members.A, present: true }, { member_id: f.spareMembers.A, present: false, absence_reason: "外出实习" }],
    });
    expect(error).toBeNull();
    expect(data).toMatchObject({ id: emptyMeetingA, expected_count: 2, present_count: 1, absent_count: 1 });
    expect(await roster(emptyMeetingA)).toEqual([
      { member_id: f.members.A, present: true, absence_reason: null },
      { member_id: f.spareMembers.A, present: false, absence_reason: "外出实习" },
    ]);
    // A second call replaces it: one member left out, the other now present.
    const again = await committee.rpc("set_meeting_attendance", { p_meeting_id: emptyMeetingA, p_rows: [{ member_id: f.spareMembers.A, present: true }] });
    expect(again.error).toBeNull();
    expect(await roster(emptyMeetingA)).toEqual([{ member_id: f.spareMembers.A, present: true, absence_reason: null }]);
    expect(await counts(emptyMeetingA)).toEqual({ expected_count: 1, present_count: 1, absent_count: 0 });
  });

  it("writes nothing when one row breaks a rule", async () => {
    await expectRefused(
      () => committee.rpc("set_meeting_attendance", {
        p_meeting_id: emptyMeetingA,
        p_rows: [{ member_id: f.members.A, present: true }, { member_id: outsiderA, present: true }],
      }),
      { code: "23514", message: "另一支部党员 不是召开会议的支部的党员", rule: "meeting_attendance_member_of_branch", field: "member_id" },
      tables,
    );
  });

  it("refuses another unit's meeting, the leader, and a malformed or oversized roster", async () => {
    await expectRefused(() => committee.rpc("set_meeting_attendance", { p_meeting_id: meetingB, p_rows: [] }),
      { code: "P0002", message: "该组织生活记录不存在或无权查看", rule: "meeting_attendance_meeting_missing", field: null }, tables);
    await expectRefused(() => leader.rpc("set_meeting_attendance", { p_meeting_id: meetingA, p_rows: [] }),
      { code: "42501", message: "无权登记该组织生活的出勤", rule: "meeting_attendance_not_allowed", field: null }, tables);
    await expectRefused(() => committee.rpc("set_meeting_attendance", { p_meeting_id: meetingA, p_rows: { member_id: 1 } }),
      { code: "22023", message: "出勤名单格式不正确", rule: "meeting_attendance_rows", field: "p_rows" }, tables);
    const big = Array.from({ length: 2001 }, () => ({ member_id: f.members.A }));
    await expectRefused(() => committee.rpc("set_meeting_attendance", { p_meeting_id: meetingA, p_rows: big }),
      { code: "22023", message: "出勤名单人数须在 0 到 2000 之间", rule: "analytics_parameter_range", field: "p_rows" }, tables);
  });

  it("lets 组织部 record a 书记座谈会 of the unit's secretaries", async () => {
    const { data, error } = await admin.rpc("set_meeting_attendance", { p_meeting_id: forumA, p_rows: [{ member_id: f.members.A, present: true }] });
    expect(error).toBeNull();
    expect(data).toMatchObject({ expected_count: 1, present_count: 1 });
  });
});

describe("deletes", () => {
  it("a member with attendance cannot be deleted; a meeting takes its roster with it", async () => {
    await expectRefused(() => admin.from("members").delete().eq("id", f.members.A),
      { code: "23503", message: /^该党员下还有 \d+ 条组织生活出勤记录, 不能删除$/, rule: "members_delete_restricted", field: null }, ["members", ...tables]);
    const { error } = await committee.from("meetings").delete().eq("id", meetingA);
    expect(error).toBeNull();
    expect(await withDb((db) => one<number>(db, "select count(*)::int from public.meeting_attendance where meeting_id = $1", [meetingA]))).toBe(0);
  });
});
