// zh-CN and en texts of this menu area's resources and enums (merged by src/i18n/areas.ts).
import type { AreaTexts } from "../i18n/areas";

export const trainingTexts: AreaTexts = {
  zhCN: {
    trainings: {
      label: "书记培训",
      fields: {
        title: "培训名称",
        organizer: "举办方",
        org_unit_id: "举办单位",
        held_on: "培训日期",
        hours: "学时",
        updated_at: "更新时间",
      },
      help: {
        organizer: "学校、校外培训由组织部登记；二级党组织登记本单位举办的培训",
        org_unit: "二级党组织举办的培训必填；学校、校外培训不填",
        held_on: "多日培训填开始日期，学时计入该年度",
      },
      cascade: "其参加记录",
      hoursValue: "{{value}}学时",
    },
    training_attendance: {
      label: "培训参加记录",
      fields: {
        training_id: "培训",
        member_id: "党员",
        branch_id: "党支部",
        org_unit_id: "二级党组织",
        hours: "获得学时",
        updated_at: "更新时间",
      },
      help: { hours: "不填即为该培训的全部学时；不能超过培训学时" },
    },
    enums: {
      training_organizer: { school: "学校", unit: "二级党组织", external: "校外" },
    },
  },
  en: {
    trainings: {
      label: "Secretary training",
      fields: {
        title: "Training",
        organizer: "Organizer",
        org_unit_id: "Org unit",
        held_on: "Held on",
        hours: "Hours",
        updated_at: "Updated",
      },
      help: {
        organizer: "School and external trainings are recorded by the organization department; a committee records its own",
        org_unit: "Required for an org unit's own training; empty for school and external ones",
        held_on: "For a course of several days, its first day; the hours count in that year",
      },
      cascade: "its attendance",
      hoursValue: "{{value}} h",
    },
    training_attendance: {
      label: "Training attendance",
      fields: {
        training_id: "Training",
        member_id: "Member",
        branch_id: "Branch",
        org_unit_id: "Org unit",
        hours: "Hours earned",
        updated_at: "Updated",
      },
      help: { hours: "Empty: all of the training's hours; never more than them" },
    },
    enums: {
      training_organizer: { school: "School", unit: "Org unit", external: "External" },
    },
  },
};
