// zh-CN and en texts of this menu area's resources and enums (merged by src/i18n/areas.ts).
import type { AreaTexts } from "../i18n/areas";

export const lifeTexts: AreaTexts = {
  zhCN: {},
  en: {},
};
