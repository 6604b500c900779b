// zh-CN and en texts of the 待办 page and the home page's 待办 panel (merged by src/i18n/areas.ts).
import type { AreaTexts } from "../../i18n/areas";

export const todosTexts: AreaTexts = {
  zhCN: {
    todos: {
      label: "待办",
      title: "待办与提醒",
      intro: "由数据库按当前数据与阈值设置实时计算; 点击数量查看筛选后的登记表, 点击记录前往处理。",
      kind: "事项",
      count: "数量",
      records: "待处理记录",
      byUnit: "各二级党组织",
      viewAll: "在列表中查看全部 {{count}} 条",
      fix: "处理",
      more: "另有 {{count}} 条, 请在列表中查看",
      none: "暂无待办",
      allDone: "没有待办事项",
      settings: "阈值设置",
    },
  },
  en: {
    todos: {
      label: "To-dos",
      title: "To-dos and reminders",
      intro: "Computed by the database from today's data and the thresholds; a count opens the filtered register, a record opens where it is fixed.",
      kind: "Item",
      count: "Count",
      records: "Records to fix",
      byUnit: "By unit",
      viewAll: "See all {{count}} in the list",
      fix: "Fix",
      more: "{{count}} more: see the list",
      none: "Nothing to do",
      allDone: "No to-dos",
      settings: "Thresholds",
    },
  },
};
