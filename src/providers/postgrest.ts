// PostgREST filter syntax helpers. User input ends up inside `or=(...)` lists and LIKE patterns,
// where `,` `.` `:` `(` `)` `"` `\` and the wildcards `%` `_` `*` have meaning: escape them so a search
// for "a,b" or "50%" finds exactly that instead of breaking the query or matching everything.
import type { CrudFilter, LogicalFilter } from "@refinedev/core";

/** A value for a list context (`or`, `in`): always double-quoted, with `"` and `\` backslash-escaped. */
export const quoteValue = (value: unknown): string => `"${String(value).replace(/["\\]/g, "\\$&")}"`;

/**
 * Literal text for a LIKE pattern: `%`, `_` and `\` escaped for Postgres. PostgREST turns every `*` into
 * `%` with no escape for it, so a typed `*` becomes `_` (any one character): close, never broader.
 */
export const likeLiteral = (text: string): string => String(text).replace(/[\\%_]/g, "\\$&").replace(/\*/g, "_");

const LIKE_OPERATORS: Record<string, { op: string; shape: (text: string) => string }> = {
  contains: { op: "ilike", shape: (t) => `%${t}%` },
  ncontains: { op: "not.ilike", shape: (t) => `%${t}%` },
  containss: { op: "like", shape: (t) => `%${t}%` },
  ncontainss: { op: "not.like", shape: (t) => `%${t}%` },
  startswith: { op: "ilike", shape: (t) => `${t}%` },
  nstartswith: { op: "not.ilike", shape: (t) => `${t}%` },
  startswiths: { op: "like", shape: (t) => `${t}%` },
  nstartswiths: { op: "not.like", shape: (t) => `${t}%` },
  endswith: { op: "ilike", shape: (t) => `%${t}` },
  nendswith: { op: "not.ilike", shape: (t) => `%${t}` },
  endswiths: { op: "like", shape: (t) => `%${t}` },
  nendswiths: { op: "not.like", shape: (t) => `%${t}` },
};

const isEmpty = (value: unknown) => value === undefined || value === null || value === "";

/** The PostgREST operator and raw (unquoted) operand for one simple filter, or undefined for no-op filters. */
export function operatorAndOperand(filter: LogicalFilter): { op: string; operand: string } | undefined {
  const { operator, value } = filter;
  const like = LIKE_OPERATORS[operator];
  if (like) return isEmpty(value) ? undefined : { op: like.op, operand: like.shape(likeLiteral(String(value))) };
  switch (operator) {
    case "eq":
    case "ne":
    case "lt":
    case "gt":
    case "lte":
    case "gte":
      if (isEmpty(value)) return undefined;
      return { op: operator === "ne" ? "neq" : operator, operand: String(value) };
    case "in":
    case "nin": {
      const values = Array.isArray(value) ? value : [value];
      if (values.length === 0) return undefined;
      return { op: operator === "nin" ? "not.in" : "in", operand: `(${values.map(quoteValue).join(",")})` };
    }
    case "null":
      return { op: "is", operand: "null" };
    case "nnull":
      return { op: "not.is", operand: "null" };
    default:
      throw new Error(`Unsupported filter operator: ${operator}`);
  }
}

/** One `field.op.value` term of an `or=(...)` list, every scalar operand quoted. */
function orTerm(filter: CrudFilter): string | undefined {
  if (filter.operator === "or" || filter.operator === "and") {
    const inner = filter.value.map(orTerm).filter(Boolean);
    if (inner.length === 0) return undefined;
    return `${filter.operator}(${inner.join(",")})`;
  }
  const logical = filter as LogicalFilter;
  const parts = operatorAndOperand(logical);
  if (!parts) return undefined;
  const quoted = parts.op.endsWith("in") || parts.op.endsWith("is") ? parts.operand : quoteValue(parts.operand);
  return `${logical.field}.${parts.op}.${quoted}`;
}

/** The body of an `or=(...)` parameter (what supabase-js `.or()` takes), or undefined if every term is empty. */
export function orFilterString(filters: CrudFilter[]): string | undefined {
  const terms = filters.map(orTerm).filter(Boolean);
  return terms.length ? terms.join(",") : undefined;
}

/** A minimal view of a supabase-js filter builder: enough to apply filters and to test without a server. */
export interface FilterTarget {
  filter(column: string, operator: string, value: unknown): unknown;
  or(filters: string): unknown;
}

/** Applies Refine filters to a query; each top-level filter is ANDed, `or` groups are escaped terms. */
export function applyFilters(query: FilterTarget, filters: CrudFilter[] = []): void {
  for (const filter of filters) {
    if (filter.operator === "or") {
      const body = orFilterString(filter.value);
      if (body) query.or(body);
    } else if (filter.operator === "and") {
      applyFilters(query, filter.value);
    } else if (filter.operator === "between" || filter.operator === "nbetween") {
      const [from, to] = Array.isArray(filter.value) ? filter.value : [];
      if (filter.operator === "between") {
        if (from) query.filter(filter.field, "gte", from);
        if (to) query.filter(filter.field, "lte", to);
      } else if (from && to) {
        query.or(`${filter.field}.lt.${quoteValue(from)},${filter.field}.gt.${quoteValue(to)}`);
      }
    } else {
      const logical = filter as LogicalFilter;
      const parts = operatorAndOperand(logical);
      if (parts) query.filter(logical.field, parts.op, parts.operand);
    }
  }
}

/**
 * The `order` column for a sorter. "branch.name" must sort the parent rows by their to-one embed, which PostgREST
 * spells `branch(name)`; supabase-js's `referencedTable` would only reorder rows inside each embed.
 */
export const orderColumn = (field: string): string => field.split(".").reduceRight((inner, embed) => `${embed}(${inner})`);

/**
 * Filters on a computed boolean that has a computed relationship behind it (`meta.filterVia`: field → function):
 * `covered = true` becomes the embed `current_coverages!inner()` (rows with at least one), `covered = false` the
 * embed `current_coverages()` with `current_coverages=is.null` (rows with none). Postgres inlines the relationship
 * into one join; the scalar field would be called once per row. Other filters are returned untouched.
 */
export function filtersVia(
  select: string,
  filters: CrudFilter[] = [],
  via: Record<string, string> = {},
): { select: string; filters: CrudFilter[]; isNull: string[] } {
  const embeds: string[] = [];
  const isNull: string[] = [];
  const rest = filters.filter((filter) => {
    if (!("field" in filter) || filter.operator !== "eq" || !(filter.field in via)) return true;
    const value = String(filter.value);
    if (value !== "true" && value !== "false") return true;
    const relationship = via[filter.field];
    if (value === "true") embeds.push(`${relationship}!inner()`);
    else {
      embeds.push(`${relationship}()`);
      isNull.push(relationship);
    }
    return false;
  });
  return { select: [select, ...embeds].join(","), filters: rest, isNull };
}
