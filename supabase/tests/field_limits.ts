// The list of field limits as the migrations write it (`insert into app.field_limits (table_name, column_name,
// label, kind, max_length, max_value, years_ahead) values (…), …`: the input-limits migration, then every migration
// that adds a register), for the two tests that keep it honest: supabase/tests/input_limits.test.ts (the database
// holds exactly this list) and src/crud/limits.test.ts (the form declarations in src/resources/ say the same).
// Pure TypeScript: both the stack and the unit project import it; pass the migrations' texts in file order.
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

export function parseFieldLimits(...migrations: string[]): FieldLimit[] {
  const inserts = migrations.flatMap((sql) => [
    ...sql.matchAll(/insert into app\.field_limits \(table_name, column_name, label, kind, max_length, max_value, years_ahead\) values\n([\s\S]*?);\n/g),
  ]);
  if (inserts.length === 0) throw new Error(`no insert into app.field_limits (the full column list) in the migrations`);
  const num = (v: string) => (v === "null" ? null : Number(v));
  // A later migration may correct a label: `update app.field_limits set label = '…' where table_name = '…' and column_name = '…';`
  const relabels = migrations.flatMap((sql) => [
    ...sql.matchAll(/update app\.field_limits set label = '([^']+)' where table_name = '(\w+)' and column_name = '(\w+)';/g),
  ]);
  const labelOf = (table: string, column: string, label: string) =>
    relabels.reduce((current, m) => (m[2] === table && m[3] === column ? m[1] : current), label);
  return inserts.flatMap((insert) =>
    [...insert[1].matchAll(/\('(\w+)', '(\w+)', '([^']+)', '(text|number|date)', (null|\d+), (null|[\d.]+), (null|\d+)\)/g)].map((m) => ({
      table: m[1],
      column: m[2],
      label: labelOf(m[1], m[2], m[3]),
      kind: m[4] as FieldLimit["kind"],
      maxLength: num(m[5]),
      maxValue: num(m[6]),
      yearsAhead: num(m[7]),
    })),
  );
}
