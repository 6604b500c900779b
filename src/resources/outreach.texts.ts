// zh-CN and en texts of this menu area's resources and enums (merged by src/i18n/areas.ts).
import type { AreaTexts } from "../i18n/areas";

export const outreachTexts: AreaTexts = {
  zhCN: {
    contact_people: {
      label: "联系人员",
      fields: { display_name: "姓名", role: "角色", org_unit_id: "所属二级党组织" },
    },
    contact_points: {
      label: "联系点",
      fields: {
        contact_id: "联系人",
        branch_id: "联系支部",
        org_unit_id: "二级党组织",
        started_on: "建立日期",
        ended_on: "结束日期",
        active: "状态",
        duties: "联系工作内容",
      },
      active: { true: "联系中", false: "已结束" },
      help: { contact: "校领导、组织部人员的联系点由组织部安排；二级党组织可为本单位人员安排本单位支部" },
    },
    visits: {
      label: "走访调研",
      fields: {
        visited_on: "走访日期",
        branch_id: "走访支部",
        org_unit_id: "二级党组织",
        kind: "形式",
        visitor_id: "走访人",
        visitor_name: "走访人姓名",
        summary: "走访内容",
        problems: "反映的问题",
        follow_up: "跟进措施",
        resolved_on: "解决日期",
        follow_up_open: "跟进情况",
      },
      followUpOpen: { true: "待跟进", false: "无待跟进" },
      help: {
        visitor: "有账号的人员在此选择；没有账号的人员（如学院党委委员）请填写下方姓名，二者选一",
        resolved: "问题解决后填写，不早于走访日期；留空表示仍待跟进",
      },
    },
    enums: {
      visit_kind: { visit: "走访", research: "调研", guidance: "指导", forum: "座谈", reception: "接待日" },
    },
  },
  en: {
    contact_people: {
      label: "People",
      fields: { display_name: "Name", role: "Role", org_unit_id: "Org unit" },
    },
    contact_points: {
      label: "Contact points",
      fields: {
        contact_id: "Contact",
        branch_id: "Branch",
        org_unit_id: "Org unit",
        started_on: "Started",
        ended_on: "Ended",
        active: "Status",
        duties: "Duties",
      },
      active: { true: "Active", false: "Ended" },
      help: { contact: "Leaders' and the department's contact points are assigned by 组织部; a unit assigns its own people to its own branches" },
    },
    visits: {
      label: "Visits",
      fields: {
        visited_on: "Date",
        branch_id: "Branch",
        org_unit_id: "Org unit",
        kind: "Kind",
        visitor_id: "Visitor",
        visitor_name: "Visitor name (no account)",
        summary: "Summary",
        problems: "Problems raised",
        follow_up: "Follow-up",
        resolved_on: "Resolved on",
        follow_up_open: "Follow-up",
      },
      followUpOpen: { true: "Open", false: "None open" },
      help: {
        visitor: "Pick a person with an account here; for someone without one, type the name below (one or the other)",
        resolved: "When the problem is solved; not before the visit; empty while the follow-up is open",
      },
    },
    enums: {
      visit_kind: { visit: "Visit", research: "Research", guidance: "Guidance", forum: "Forum", reception: "Reception day" },
    },
  },
};
