// The form declarations carry the database's field limits (app.field_limits, written by the migration): the same
// maxLength for every text, maxYearsAhead for every date, max for every limited number, and the same zh-CN label,
// so the form refuses before sending exactly what the database would refuse. supabase/tests/input_limits.test.ts
// checks that the database holds this very list.
import { VIEW_NAME_MAX } from "./SavedViews";
import { describe, expect, it } from "vitest";
import { LIMITS_MIGRATION, parseFieldLimits } from "../../supabase/tests/field_limits";
import { zhCN } from "../i18n/zh-CN";
import { resources } from "../resources";
import { dateBounds, EARLIEST_DATE, FINAL_DATE, rulesFor } from "./rules";
import dayjs from "dayjs";

// Every migration, in file order: registers added later bring their own rows.
const migrations = import.meta.glob<string>("../../supabase/migrations/*.sql", { query: "?raw", import: "default", eager: true });
const limits = parseFieldLimits(...Object.keys(migrations).sort().map((file) => migrations[file]));
const key = (table: string, column: string) => `${table}.${column}`;
const byKey = new Map(limits.map((l) => [key(l.table, l.column), l]));
const labels = zhCN as unknown as Record<string, { fields?: Record<string, string> }>;

describe(`form declarations vs app.field_limits (${LIMITS_MIGRATION} and later migrations)`, () => {
  it("parses the whole list", () => {
    expect(limits.length).toBeGreaterThan(40);
  });

  const declared: string[] = [];
  // Only resources with forms (the audit log is read-only).
  for (const resource of resources.filter((r) => !r.pages || r.pages.includes("create") || r.pages.includes("edit"))) {
    for (const field of resource.fields) {
      if (field.form === false || field.computed || field.name.includes(".")) continue;
      const k = key(resource.name, field.name);
      const l = byKey.get(k);
      if (field.type === "text" || field.type === "textarea") {
        it(`${k}: maxLength ${String(field.maxLength)}`, () => {
          expect(l && { kind: l.kind, maxLength: l.maxLength }).toEqual({ kind: "text", maxLength: field.maxLength });
          expect(field.maxLength).toBeDefined();
        });
      } else if (field.type === "date") {
        // (no maxYearsAhead: only the fixed range, e.g. a cycle's dates, which follow its year)
        it(`${k}: maxYearsAhead ${String(field.maxYearsAhead)}`, () => {
          expect(l && { kind: l.kind, yearsAhead: l.yearsAhead }).toEqual({ kind: "date", yearsAhead: field.maxYearsAhead ?? null });
        });
      } else if (field.type === "money" || (field.type === "number" && l)) {
        // weights (0–1) and scores (0–100) keep the range rules of their per-table triggers: no max in the list
        const rangeRule = field.type === "number" && (field.max === 1 || field.max === 100);
        it(`${k}: a valid number${rangeRule ? "" : ` ≤ ${String(field.max)}`}`, () => {
          expect(l && { kind: l.kind, maxValue: l.maxValue }).toEqual({ kind: "number", maxValue: rangeRule ? null : (field.max ?? null) });
        });
      } else {
        continue; // enums, relations, booleans; integers such as years keep their type and range rules
      }
      declared.push(k);
      it(`${k}: the database's message uses the form's label`, () => {
        expect(l?.label).toBe(labels[resource.name]?.fields?.[field.name]);
      });
    }
  }

  // Columns a declaration shows but no form writes (a setting's label and range come from its migration).
  const readOnly = resources.flatMap((r) => r.fields.filter((f) => f.form === false && !f.computed).map((f) => key(r.name, f.name)));
  it("limits nothing that no form declares or shows read-only (but the accounts page's display name, which says 50 too, and a saved view's name, query and list)", () => {
    expect(limits.map((l) => key(l.table, l.column)).filter((k) => !declared.includes(k) && !readOnly.includes(k))).toEqual([
      "profiles.display_name",
      "saved_views.resource",
      "saved_views.name",
      "saved_views.query",
    ]);
    expect(byKey.get("profiles.display_name")?.maxLength).toBe(50);
    expect(byKey.get("saved_views.name")?.maxLength).toBe(VIEW_NAME_MAX);
  });
});

describe("date rules in the form", () => {
  const t = (k: string, o?: Record<string, unknown>) => `${k} ${JSON.stringify(o ?? {})}`;
  const validate = async (rules: ReturnType<typeof rulesFor>, value: string) => {
    for (const rule of rules) {
      if (typeof rule === "object" && rule.validator) await rule.validator({} as never, value, () => undefined);
    }
  };
  const joined = resources.find((r) => r.name === "members")!.fields.find((f) => f.name === "joined_on")!;
  const ended = resources.find((r) => r.name === "carrier_coverages")!.fields.find((f) => f.name === "ended_on")!;

  it("range from 1921-07-01 to today + maxYearsAhead years, never past 2100-12-31", () => {
    const today = dayjs("2026-12-02");
    expect(dateBounds(joined, today)).toEqual({ min: EARLIEST_DATE, max: "2026-12-02" });
    expect(dateBounds(ended, today)).toEqual({ min: EARLIEST_DATE, max: "2036-12-02" });
    expect(dateBounds({ ...ended, maxYearsAhead: undefined }, today)).toEqual({ min: EARLIEST_DATE, max: FINAL_DATE });
    expect(dateBounds(ended, dayjs("2095-01-01"))).toEqual({ min: EARLIEST_DATE, max: FINAL_DATE });
  });

  it("refuse what the database refuses, with its message", async () => {
    const rules = rulesFor(joined, "入党日期", t);
    await expect(validate(rules, "2030-01-01")).rejects.toThrow("form.notAfterToday");
    await expect(validate(rules, "1900-01-01")).rejects.toThrow("form.dateTooEarly");
    await expect(validate(rules, dayjs().format("YYYY-MM-DD"))).resolves.toBeUndefined();
    await expect(validate(rulesFor(ended, "结束日期", t), "9999-01-01")).rejects.toThrow("form.dateTooLate");
  });

  it("say it as the database does", () => {
    expect(zhCN.form.tooLong).toBe("{{label}}不能超过 {{max}} 个字");
    expect(zhCN.form.notAfterToday).toBe("{{label}}不能晚于今天");
  });
});
