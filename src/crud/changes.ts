// What an edit form sends: only the fields the user changed, plus the version it loaded (`updated_at`), so a save
// never restores another user's newer value of a field this user did not touch, and a stale save is refused
// (the data provider's update turns `updated_at` into a condition).

const normalized = (value: unknown) => (value === undefined || value === "" ? null : value);

/** Same value for a form field? null / undefined / "" are all "no value"; objects compare by content. */
export function sameValue(a: unknown, b: unknown): boolean {
  const x = normalized(a);
  const y = normalized(b);
  if (x === y) return true;
  if (x === null || y === null) return false;
  // A money or number field may arrive as text ("12.50") and leave as a number (12.5).
  if ((typeof x === "number" || typeof y === "number") && Number(x) === Number(y)) return true;
  if (typeof x === "object" || typeof y === "object") return JSON.stringify(x) === JSON.stringify(y);
  return false;
}

/** The submitted values that differ from the loaded record, with the loaded `updated_at` when it has one. */
export function changedValues(loaded: Record<string, unknown>, submitted: Record<string, unknown>): Record<string, unknown> {
  const changes = Object.fromEntries(Object.entries(submitted).filter(([name, value]) => name !== "updated_at" && !sameValue(loaded[name], value)));
  return loaded.updated_at != null ? { ...changes, updated_at: loaded.updated_at } : changes;
}
