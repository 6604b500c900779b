import { describe, expect, it } from "vitest";
import { entryColumns } from "./audit";

describe("entryColumns", () => {
  it("lists the changed columns of an update and every column but the bookkeeping ones of an insert or delete", () => {
    expect(entryColumns({ action: "update", changed_columns: ["name", "status"], old_values: { id: 1, name: "a" } })).toEqual(["name", "status"]);
    expect(entryColumns({ action: "insert", new_values: { id: 1, name: "a", kind: "x", created_at: "t", updated_at: "t" } })).toEqual(["name", "kind"]);
    expect(entryColumns({ action: "delete", old_values: { id: 1, code: "c" } })).toEqual(["code"]);
    expect(entryColumns({ action: "update", changed_columns: null })).toEqual([]);
  });
});
