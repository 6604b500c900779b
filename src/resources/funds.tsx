// 经费保障: budgets and expenditures (§19).
import { PayCircleOutlined, WalletOutlined } from "@ant-design/icons";
import { defineResource, type ResourceDef } from "../crud/types";
import { FUND_CATEGORY, budgetTitle, toBranch, toBudget, toOrgUnit } from "./shared";

export const fundsResources: ResourceDef[] = [
  defineResource({
    name: "fund_budgets",
    route: "/fund-budgets",
    // 导入 (public.import_rows; app.import_targets holds the same upsert key)
    import: { upsert: ["fiscal_year", "org_unit_id", "branch_id", "category"] },
    group: "funds",
    icon: <WalletOutlined />,
    recordTitle: (record, t) => budgetTitle(record, t),
    defaultSort: { field: "fiscal_year", order: "desc" },
    deleteCascade: "cascade.fund_budgets",
    // RLS (fund_budgets_update/delete): a committee reads its unit's budget from 组织部 but writes only its
    // allocations to branches.
    access: { committeeWrites: (record) => record.branch_id != null },
    fields: [
      { name: "fiscal_year", type: "number", required: true, min: 2000, max: 2100, list: true, filter: true, defaultValue: new Date().getFullYear() },
      { name: "org_unit_id", type: "relation", relation: toOrgUnit, required: true, orgUnit: true, list: true, filter: true },
      { name: "branch_id", type: "relation", relation: toBranch, list: true, filter: true, help: "fund_budgets.help.branch" },
      { name: "category", type: "enum", enum: FUND_CATEGORY, required: true, list: true, filter: true },
      { name: "amount", type: "money", required: true, max: 999_999_999_999.99, list: true },
      { name: "note", type: "textarea", maxLength: 500 },
      { name: "updated_at", type: "datetime", form: false },
    ],
    related: [{ resource: "fund_expenditures", foreignKey: "budget_id" }],
  }),
  defineResource({
    name: "fund_expenditures",
    route: "/fund-expenditures",
    // 导入 (public.import_rows; app.import_targets holds the same upsert key)
    import: {},
    group: "funds",
    icon: <PayCircleOutlined />,
    titleField: "purpose",
    defaultSort: { field: "spent_on", order: "desc" },
    fields: [
      { name: "budget_id", type: "relation", relation: { ...toBudget, inner: true, select: `${toBudget.select},org_unit_id,branch_id` }, required: true, list: true, filter: true },
      { name: "budget.org_unit_id", type: "relation", relation: toOrgUnit, label: "fund_expenditures.fields.org_unit_id", filter: true, form: false, show: false },
      { name: "budget.branch_id", type: "relation", relation: toBranch, label: "fund_expenditures.fields.branch_id", filter: true, form: false, show: false },
      { name: "spent_on", type: "date", required: true, maxYearsAhead: 0, list: true, filter: true },
      { name: "amount", type: "money", required: true, max: 999_999_999_999.99, list: true },
      { name: "purpose", type: "text", required: true, maxLength: 200, list: true, search: true },
      { name: "voucher_no", type: "text", maxLength: 50, list: true, search: true },
      { name: "updated_at", type: "datetime", form: false },
    ],
  }),

];
