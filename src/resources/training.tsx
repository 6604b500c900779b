// 队伍建设: secretary training (§18). 学校 and 校外 trainings are 组织部's to record, an org unit's own training its
// committee's (the database refuses the rest); a committee records its own members' attendance at any of them.
import { ReadOutlined, SolutionOutlined } from "@ant-design/icons";
import { defineResource, type Relation, type ResourceDef } from "../crud/types";
import { TRAINING_ORGANIZER, memberScopeFilters, toMemberWithUnit, toOrgUnit } from "./shared";

// Trainings of different years share titles (每年的示范培训班): the picker shows the day and the hours.
const toTraining: Relation = {
  resource: "trainings",
  labelField: "title",
  select: "id,title,held_on,hours",
  optionDetails: [{ path: "held_on" }, { path: "hours", text: "trainings.hoursValue" }],
};

export const trainingResources: ResourceDef[] = [
  defineResource({
    name: "trainings",
    route: "/trainings",
    group: "training",
    icon: <ReadOutlined />,
    titleField: "title",
    defaultSort: { field: "held_on", order: "desc" },
    deleteCascade: "trainings.cascade",
    // A committee reads school and external trainings (its members attend them) but edits only its unit's own.
    access: { committeeWrites: (record) => record.organizer === "unit" },
    fields: [
      { name: "title", type: "text", required: true, maxLength: 200, list: true, search: true },
      { name: "organizer", type: "enum", enum: TRAINING_ORGANIZER, required: true, list: true, filter: true, defaultValue: "unit", help: "trainings.help.organizer" },
      { name: "org_unit_id", type: "relation", relation: toOrgUnit, orgUnit: true, list: true, filter: true, help: "trainings.help.org_unit" },
      { name: "held_on", type: "date", required: true, maxYearsAhead: 1, list: true, filter: true, help: "trainings.help.held_on" },
      { name: "hours", type: "number", required: true, min: 0.5, max: 200, step: 0.5, list: true },
      { name: "updated_at", type: "datetime", form: false },
    ],
    related: [{ resource: "training_attendance", foreignKey: "training_id" }],
  }),
  defineResource({
    name: "training_attendance",
    route: "/training-attendance",
    group: "training",
    icon: <SolutionOutlined />,
    recordTitle: (record) =>
      `${(record.training as { title?: string } | null)?.title ?? ""} · ${(record.member as { name?: string } | null)?.name ?? ""}`,
    defaultSort: { field: "id", order: "desc" },
    fields: [
      { name: "training_id", type: "relation", relation: toTraining, required: true, list: true, filter: true },
      { name: "member_id", type: "relation", relation: toMemberWithUnit, required: true, list: true, filter: true },
      ...memberScopeFilters("training_attendance"),
      { name: "hours", type: "number", min: 0.5, max: 200, step: 0.5, list: true, help: "training_attendance.help.hours" },
      { name: "updated_at", type: "datetime", form: false },
    ],
  }),
];
