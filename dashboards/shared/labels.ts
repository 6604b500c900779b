// Labels for the enum codes analytics rows carry: the app's own enum labels (src/i18n), so a kind or grade reads
// the same on a dashboard as in the registers.
import type { Text } from "../../src/dashboards/spec";
import { en } from "../../src/i18n/en";
import { zhCN } from "../../src/i18n/zh-CN";

type Labels = Record<string, Text>;
type EnumName = keyof typeof zhCN.enums;

function enumLabels(name: EnumName): Labels {
  const english = (en.enums?.[name] ?? {}) as Record<string, string | undefined>;
  return Object.fromEntries(Object.entries(zhCN.enums[name]).map(([code, zh]) => [code, { zh, en: english[code] ?? zh }]));
}

export const CARRIER_KINDS = enumLabels("carrier_kind");
export const BRANCH_KINDS = enumLabels("branch_kind");
export const BRANCH_GRADES = enumLabels("branch_grade");
export const FUND_CATEGORIES = enumLabels("fund_category");

/** 六有: the six evaluation dimensions. */
export const SIX_HAVES: Labels = {
  leadership: { zh: "领导班子", en: "Leadership" },
  backbone: { zh: "骨干队伍", en: "Backbone" },
  venue: { zh: "服务场所", en: "Venues" },
  carrier: { zh: "服务载体", en: "Carriers" },
  system: { zh: "制度机制", en: "Institutions" },
  performance: { zh: "服务业绩", en: "Service record" },
};
