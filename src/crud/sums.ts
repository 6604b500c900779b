// The sum of a money list's filtered rows — every row the filters select, not the page — computed by Postgres:
// PostgREST aggregates (`amount.sum()`, enabled in migration 20261202020000) over the list's own filters, through
// RLS like the list. A filter on a related row (`budget.org_unit_id`) needs its inner embed in the select;
// PostgREST groups an aggregate by the embedded columns, so the embed carries only the filtered columns (one
// group when they are equality filters, a few at most) and the groups are added up here.
import type { CrudFilter } from "@refinedev/core";
import { embedAlias, relationColumns } from "./fields";
import type { FieldDef, ResourceDef } from "./types";

export const moneyFields = (resource: ResourceDef) => resource.fields.filter((field) => field.type === "money" && !field.name.includes("."));

/** Every field a filter names, through `or` / `and` groups (the search box is an `or` of base columns). */
function filteredFields(filters: CrudFilter[]): string[] {
  return filters.flatMap((filter) => {
    if ("field" in filter) return filter.value === undefined || filter.value === null || filter.value === "" ? [] : [filter.field];
    return Array.isArray(filter.value) ? filteredFields(filter.value as CrudFilter[]) : [];
  });
}

/** `amount:amount.sum()` for each money column, plus the inner embeds the filters need. */
export function sumSelect(resource: ResourceDef, filters: CrudFilter[]): string {
  const sums = moneyFields(resource).map((field) => `${field.name}:${field.name}.sum()`);
  const byEmbed = new Map<string, Set<string>>();
  for (const path of filteredFields(filters)) {
    const [alias, ...rest] = path.split(".");
    if (rest.length === 0) continue;
    byEmbed.set(alias, (byEmbed.get(alias) ?? new Set()).add(rest.join(".")));
  }
  const embeds = [...byEmbed].flatMap(([alias, columns]) => {
    const field = resource.fields.find((candidate): candidate is FieldDef & { relation: NonNullable<FieldDef["relation"]> } =>
      candidate.type === "relation" && !!candidate.relation && !candidate.name.includes(".") && embedAlias(candidate) === alias,
    );
    if (!field) return [];
    // a path through a second embed (member.branch.org_unit_id) needs the relation's own nested select
    const nested = [...columns].some((column) => column.includes("."));
    return [`${alias}:${field.relation.resource}!${field.name}!inner(${nested ? relationColumns(field.relation) : [...columns].join(",")})`];
  });
  return [...sums, ...embeds].join(",");
}

/** The groups' sums added up, per money column, to the cent. */
export function addGroups(resource: ResourceDef, groups: Record<string, unknown>[]): Record<string, number> {
  return Object.fromEntries(
    moneyFields(resource).map((field) => [
      field.name,
      Math.round(groups.reduce((total, group) => total + Number(group[field.name] ?? 0), 0) * 100) / 100,
    ]),
  );
}
