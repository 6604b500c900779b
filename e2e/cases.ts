// Shared by the 党建案例 specs: a case of a seeded branch in a given state, written as maintenance (the state a
// committee and its unit would have brought it to), and its removal.
import { sql } from "../supabase/local/testing";

export const CASE_YEAR = new Date().getFullYear();

/** A case of the unit's first active branch, in `status` (submitted / recommended), titled `title`. */
export async function plantCase(unitCode: string, status: "submitted" | "recommended", title: string): Promise<number> {
  const [{ id }] = await sql<{ id: number }>(
    `with m as (select set_config('app.maintenance', 'on', false) as flag)
     insert into cases (branch_id, year, title, summary, service_area, status, submitted_on, recommended_on)
     select b.id, $2, $3, '支部以“党建+专业”为抓手, 组织党员结对帮扶, 形成了可推广的做法。', 'teachers_students', $4::case_status,
            current_date - 20, case when $4 = 'recommended' then current_date - 10 end
       from m, branches b join org_units u on u.id = b.org_unit_id
      where u.code = $1 and b.status = 'active' order by b.id limit 1
     returning id::int`,
    [unitCode, CASE_YEAR, title, status],
  );
  return id;
}

export const removeCases = (title: string) =>
  sql(`with m as (select set_config('app.maintenance', 'on', false) as flag) delete from cases using m where title = $1`, [title]);
