// zh-CN and en texts of this menu area's resources and enums (merged by src/i18n/areas.ts).
import type { AreaTexts } from "../i18n/areas";

export const systemTexts: AreaTexts = {
  zhCN: {
    settings: {
      label: "阈值设置",
      fields: {
        key: "标识",
        label: "设置项",
        value: "取值",
        unit: "单位",
        min_value: "最小值",
        max_value: "最大值",
        description: "说明",
        updated_at: "修改时间",
      },
      help: { value: "修改后待办与看板立即按新值计算; 取值范围见详情" },
    },
  },
  en: {
    settings: {
      label: "Settings",
      fields: {
        key: "Key",
        label: "Setting",
        value: "Value",
        unit: "Unit",
        min_value: "Minimum",
        max_value: "Maximum",
        description: "Description",
        updated_at: "Updated",
      },
      help: { value: "To-dos and dashboards use the new value at once; see the details for the allowed range" },
    },
  },
};
