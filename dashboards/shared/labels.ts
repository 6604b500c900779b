// Labels for the enum codes analytics rows carry (the database enums, see the domain migration).
import type { Text } from "../../src/dashboards/spec";

type Labels = Record<string, Text>;

export const CARRIER_KINDS: Labels = {
  dormitory: { zh: "进公寓", en: "Dormitories" },
  society: { zh: "进社团", en: "Societies" },
  lab: { zh: "进实验室", en: "Labs" },
  research_group: { zh: "进课题组", en: "Research groups" },
  practice_base: { zh: "进实践基地", en: "Practice bases" },
};

export const BRANCH_KINDS: Labels = {
  student: { zh: "学生党支部", en: "Student" },
  teacher: { zh: "教师党支部", en: "Teacher" },
  staff: { zh: "教工党支部", en: "Staff" },
  retired: { zh: "离退休党支部", en: "Retired" },
  mixed: { zh: "混合党支部", en: "Mixed" },
};

export const BRANCH_GRADES: Labels = {
  excellent: { zh: "优秀", en: "Excellent" },
  good: { zh: "良好", en: "Good" },
  qualified: { zh: "合格", en: "Qualified" },
  unqualified: { zh: "不合格", en: "Unqualified" },
};

export const FUND_CATEGORIES: Labels = {
  activity: { zh: "党员活动经费", en: "Activities" },
  fee_refund: { zh: "党费返还", en: "Fee refunds" },
  case_project: { zh: "案例立项", en: "Case projects" },
  training: { zh: "书记培训", en: "Secretary training" },
  other: { zh: "其他", en: "Other" },
};

/** 六有: the six evaluation dimensions. */
export const SIX_HAVES: Labels = {
  leadership: { zh: "领导班子", en: "Leadership" },
  backbone: { zh: "骨干队伍", en: "Backbone" },
  venue: { zh: "服务场所", en: "Venues" },
  carrier: { zh: "服务载体", en: "Carriers" },
  system: { zh: "制度机制", en: "Institutions" },
  performance: { zh: "服务业绩", en: "Service record" },
};
