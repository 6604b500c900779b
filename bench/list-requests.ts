// The requests the generic list page sends for the large registers (select and default sort, as derived from
// their declarations by selectFor; src/crud/listRequests.test.ts keeps the two in step). Plain data, so the
// benchmarks can use it without compiling the app's JSX.
type ListRequest = { select: string; sort: { field: string; order: "asc" | "desc" } };

export const LIST_REQUESTS: Record<string, ListRequest> = {
  members: { select: "*,branch:branches!branch_id!inner(id,name,org_unit_id)", sort: { field: "id", order: "desc" } },
  fund_expenditures: {
    select:
      "*,budget:fund_budgets!budget_id!inner(id,fiscal_year,category,amount,org_unit:org_units!org_unit_id(name),branch:branches!branch_id(name),org_unit_id,branch_id)",
    sort: { field: "spent_on", order: "desc" },
  },
  member_reviews: {
    select: "*,cycle:evaluation_cycles!cycle_id(id,title),member:members!member_id!inner(id,name,branch_id,branch:branches!branch_id!inner(org_unit_id))",
    sort: { field: "id", order: "desc" },
  },
};
