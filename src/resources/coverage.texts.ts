// zh-CN and en texts of this menu area's resources and enums (merged by src/i18n/areas.ts): the registers added
// with issue 10 (示范岗与责任区, 网络载体); carriers and coverages keep theirs in the shared dictionaries.
import type { AreaTexts } from "../i18n/areas";

export const coverageTexts: AreaTexts = {
  zhCN: {
    model_posts: {
      label: "示范岗与责任区",
      fields: {
        member_id: "党员",
        branch_id: "党支部",
        org_unit_id: "二级党组织",
        kind: "类型",
        title: "岗位名称",
        place: "地点",
        carrier_id: "所在载体",
        started_on: "设立日期",
        ended_on: "撤销日期",
        updated_at: "更新时间",
      },
      help: { carrier: "可选：该党员所在二级党组织的载体（公寓、实验室、社团等）", ended: "仍在岗的不填" },
    },
    online_channels: {
      label: "网络载体",
      fields: {
        branch_id: "党支部",
        org_unit_id: "二级党组织",
        kind: "类型",
        name: "名称",
        url: "网址",
        audience: "覆盖人数",
        updated_at: "更新时间",
      },
      help: { url: "以 http:// 或 https:// 开头的完整网址；QQ群等没有网址的可不填", audience: "关注或群成员人数" },
    },
    enums: {
      model_post_kind: { model_post: "党员示范岗", responsibility_zone: "党员责任区" },
      online_channel_kind: { wechat: "微信公众号", qq: "QQ群", yiban: "易班", weibo: "微博", website: "网站", other: "其他" },
    },
  },
  en: {
    model_posts: {
      label: "Model posts & zones",
      fields: {
        member_id: "Member",
        branch_id: "Branch",
        org_unit_id: "Org unit",
        kind: "Kind",
        title: "Post",
        place: "Place",
        carrier_id: "Carrier",
        started_on: "Set up on",
        ended_on: "Ended on",
        updated_at: "Updated",
      },
      help: { carrier: "Optional: a carrier of the member's org unit (dormitory, lab, society, ...)", ended: "Leave empty while it runs" },
    },
    online_channels: {
      label: "Online channels",
      fields: {
        branch_id: "Branch",
        org_unit_id: "Org unit",
        kind: "Kind",
        name: "Name",
        url: "Address",
        audience: "Audience",
        updated_at: "Updated",
      },
      help: { url: "A full address starting with http:// or https://; leave empty for a QQ group without one", audience: "Followers or group members" },
    },
    enums: {
      model_post_kind: { model_post: "Model post", responsibility_zone: "Responsibility zone" },
      online_channel_kind: { wechat: "WeChat account", qq: "QQ group", yiban: "Yiban", weibo: "Weibo", website: "Website", other: "Other" },
    },
  },
};
