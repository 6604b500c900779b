// A budget's show page: the generic one plus its balance (amount, allocated to branches, spent, remaining).
import { useList, useTranslate } from "@refinedev/core";
import { Card, Col, Row, Statistic } from "antd";
import { formatMoney } from "../../crud/format";
import { ShowPage } from "../../crud/ShowPage";
import { resourceByName } from "../../resources";

const sum = (rows: Record<string, unknown>[] | undefined) => (rows ?? []).reduce((total, row) => total + Number(row.amount ?? 0), 0);

function Balance({ budget }: { budget: Record<string, unknown> }) {
  const t = useTranslate();
  const isUnitBudget = budget.branch_id == null;
  // One budget has few expenditures and few allocations: fetch their amounts and add them here.
  const { result: spent } = useList({
    resource: "fund_expenditures",
    filters: [{ field: "budget_id", operator: "eq", value: budget.id }],
    pagination: { mode: "off" },
    meta: { select: "id,amount" },
  });
  const { result: allocations } = useList({
    resource: "fund_budgets",
    filters: [
      { field: "org_unit_id", operator: "eq", value: budget.org_unit_id },
      { field: "fiscal_year", operator: "eq", value: budget.fiscal_year },
      { field: "category", operator: "eq", value: budget.category },
      { field: "branch_id", operator: "nnull", value: true },
    ],
    pagination: { mode: "off" },
    meta: { select: "id,amount" },
    queryOptions: { enabled: isUnitBudget },
  });
  const amount = Number(budget.amount ?? 0);
  const spentTotal = sum(spent?.data);
  const allocated = isUnitBudget ? sum(allocations?.data) : 0;
  const remaining = amount - spentTotal - allocated;
  const stat = (key: string, value: number, testId: string) => (
    <Col xs={12} md={6}>
      <Statistic title={t(`fund_budgets.balance.${key}`)} value={value} formatter={() => <span data-testid={testId}>{formatMoney(value)}</span>} />
    </Col>
  );
  return (
    <Card size="small" style={{ marginTop: 16 }}>
      <Row gutter={16}>
        {stat("amount", amount, "budget-amount")}
        {isUnitBudget && stat("allocated", allocated, "budget-allocated")}
        {stat("spent", spentTotal, "budget-spent")}
        {stat("remaining", remaining, "budget-remaining")}
      </Row>
    </Card>
  );
}

export default function FundBudgetShow() {
  return <ShowPage resource={resourceByName("fund_budgets")!} extra={(record) => <Balance budget={record} />} />;
}
