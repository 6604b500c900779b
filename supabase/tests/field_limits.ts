// The list of field limits as the migration writes it (`insert into app.field_limits … values (…), …`), for the
// two tests that keep it honest: supabase/tests/input_limits.test.ts (the database holds exactly this list) and
// src/crud/limits.test.ts (the form declarations in src/resources.tsx say the same). Pure TypeScript: both the
// stack and the unit project import it.
export const LIMITS_MIGRATION = "20261201000200_input_limits.sql";

export type FieldLimit = {
  table: string;
  column: string;
  label: string;
  kind: "text" | "number" | "date";
  maxLength: number | null;
  maxValue: number | null;
  yearsAhead: number | null;
};

export function parseFieldLimits(sql: string): FieldLimit[] {
  const insert = sql.match(/insert into app\.field_limits \([^)]*\) values\n([\s\S]*?);\n/);
  if (!insert) throw new Error(`no insert into app.field_limits in ${LIMITS_MIGRATION}`);
  const num = (v: string) => (v === "null" ? null : Number(v));
  return [...insert[1].matchAll(/\('(\w+)', '(\w+)', '([^']+)', '(text|number|date)', (null|\d+), (null|[\d.]+), (null|\d+)\)/g)].map((m) => ({
    table: m[1],
    column: m[2],
    label: m[3],
    kind: m[4] as FieldLimit["kind"],
    maxLength: num(m[5]),
    maxValue: num(m[6]),
    yearsAhead: num(m[7]),
  }));
}
