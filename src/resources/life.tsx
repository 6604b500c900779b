// 组织生活: 支部委员会, 党员大会, 党小组会, 党课, 主题党日, 组织生活会, 书记座谈会 and attendance (§8, §14).
import { CalendarOutlined, CheckSquareOutlined, ScheduleOutlined } from "@ant-design/icons";
import { lazy } from "react";
import { defineResource, enumOf, type ResourceDef, type Relation } from "../crud/types";
import { ORG_ADMIN_WRITES, toBranch, toMember, toOrgUnit } from "./shared";

export const MEETING_KIND = enumOf("meeting_kind", [
  "branch_committee", "general_meeting", "group_meeting", "party_lecture", "theme_day", "org_life", "secretary_forum",
]);
export const MEETING_FREQUENCY = enumOf("meeting_frequency", ["monthly", "quarterly", "yearly"]);

const toMeeting: Relation = { resource: "meetings", labelField: "title", unitField: "org_unit_id" };

// 登记出勤 loads with the meeting's page: one modal, one RPC (public.set_meeting_attendance).
const RecordAttendance = lazy(() => import("../pages/meetings/RecordAttendance").then((module) => ({ default: module.RecordAttendance })));

export const lifeResources: ResourceDef[] = [
  defineResource({
    name: "meetings",
    route: "/meetings",
    group: "life",
    icon: <CalendarOutlined />,
    titleField: "title",
    defaultSort: { field: "held_on", order: "desc" },
    deleteCascade: "meetings.cascade",
    recordActions: [RecordAttendance],
    fields: [
      { name: "org_unit_id", type: "relation", relation: toOrgUnit, required: true, orgUnit: true, list: true, filter: true },
      // Empty for a 书记座谈会 (the unit's own meeting); the database says so on this field otherwise.
      { name: "branch_id", type: "relation", relation: toBranch, list: true, filter: true, help: "meetings.help.branch" },
      { name: "kind", type: "enum", enum: MEETING_KIND, required: true, list: true, filter: true },
      { name: "held_on", type: "date", required: true, maxYearsAhead: 0, list: true, filter: true },
      { name: "title", type: "text", required: true, maxLength: 100, list: true, search: true },
      { name: "host", type: "text", maxLength: 50, list: true, search: true },
      { name: "content", type: "textarea", maxLength: 4000 },
      // Derived from the attendance by the database (登记出勤 on the meeting's page).
      { name: "expected_count", type: "number", form: false, list: true },
      { name: "present_count", type: "number", form: false, list: true },
      { name: "absent_count", type: "number", form: false, list: true },
      { name: "updated_at", type: "datetime", form: false },
    ],
    related: [{ resource: "meeting_attendance", foreignKey: "meeting_id", canCreate: false }],
  }),
  defineResource({
    name: "meeting_attendance",
    route: "/meeting-attendance",
    group: "life",
    icon: <CheckSquareOutlined />,
    // Reached from a meeting's page; the roster is written there in one go.
    hideInMenu: true,
    recordTitle: (record, t) => `${String((record.member as { name?: string } | null)?.name ?? "")} ${t(record.present ? "meeting_attendance.present.true" : "meeting_attendance.present.false")}`,
    defaultSort: { field: "id", order: "asc" },
    fields: [
      { name: "meeting_id", type: "relation", relation: toMeeting, required: true, list: true, filter: true },
      { name: "member_id", type: "relation", relation: toMember, required: true, list: true, search: false },
      {
        name: "present",
        type: "boolean",
        required: true,
        list: true,
        filter: true,
        defaultValue: true,
        booleanLabels: { true: "meeting_attendance.present.true", false: "meeting_attendance.present.false" },
      },
      { name: "absence_reason", type: "text", maxLength: 200, list: true },
      { name: "updated_at", type: "datetime", form: false },
    ],
  }),
  defineResource({
    name: "meeting_standards",
    route: "/meeting-standards",
    group: "life",
    icon: <ScheduleOutlined />,
    recordTitle: (record, t) => t(`enums.meeting_kind.${String(record.kind)}`),
    defaultSort: { field: "kind", order: "asc" },
    access: ORG_ADMIN_WRITES,
    fields: [
      { name: "kind", type: "enum", enum: MEETING_KIND, required: true, list: true },
      { name: "frequency", type: "enum", enum: MEETING_FREQUENCY, required: true, list: true },
      { name: "per_period", type: "number", min: 1, max: 10, required: true, list: true, defaultValue: 1 },
      { name: "note", type: "text", maxLength: 200, list: true },
      { name: "updated_at", type: "datetime", form: false, list: true },
    ],
  }),
];
