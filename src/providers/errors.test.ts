import { describe, expect, it } from "vitest";
import { blockedWriteError, fieldOfError, statusForCode, toHttpError } from "./errors";

describe("statusForCode", () => {
  it("maps PostgREST and Postgres codes to HTTP statuses, never NaN", () => {
    expect(statusForCode("PGRST301")).toBe(401);
    expect(statusForCode("42501")).toBe(403);
    expect(statusForCode("23505")).toBe(409);
    expect(statusForCode("23514")).toBe(400);
    expect(statusForCode("P0001")).toBe(400);
    expect(statusForCode("PGRST116")).toBe(406);
    expect(statusForCode(undefined)).toBe(500);
    for (const code of ["PGRST301", "42501", "23505", "23514", "P0001", "XX000", "weird"]) {
      expect(Number.isInteger(statusForCode(code))).toBe(true);
    }
  });
});

describe("fieldOfError", () => {
  it("reads the schema's hint convention first", () => {
    expect(fieldOfError({ code: "P0001", message: "超出预算", hint: "field:amount" })).toBe("amount");
    expect(fieldOfError({ code: "P0001", message: "x", hint: "请检查; field: spent_on" })).toBe("spent_on");
  });
  it("finds the column of unique, not-null, foreign-key and check violations", () => {
    expect(fieldOfError({ code: "23505", message: "duplicate key", details: "Key (code)=(X01) already exists." })).toBe("code");
    expect(fieldOfError({ code: "23505", message: "duplicate key", details: "Key (org_unit_id, code)=(1, X) already exists." })).toBe("code");
    expect(fieldOfError({ code: "23502", message: 'null value in column "name" of relation "org_units" violates not-null constraint' })).toBe("name");
    expect(fieldOfError({ code: "23503", message: "fk", details: 'Key (branch_id)=(9) is not present in table "branches".' })).toBe("branch_id");
    expect(fieldOfError({ code: "23514", message: 'new row for relation "fund_budgets" violates check constraint "fund_budgets_amount_check"' }, "fund_budgets")).toBe("amount");
  });
  it("says nothing when the error names no field", () => {
    expect(fieldOfError({ code: "42501", message: "permission denied" })).toBeUndefined();
    expect(fieldOfError({ code: "23514", message: 'violates check constraint "org_units_code_not_blank"' }, "org_units")).toBeUndefined();
  });
});

describe("toHttpError", () => {
  it("keeps the code, takes the HTTP status and puts the message on the field", () => {
    const error = toHttpError({ code: "P0001", message: "支出超出预算余额", hint: "field:amount", details: null }, 400, "fund_expenditures");
    expect(error).toMatchObject({ statusCode: 400, code: "P0001", message: "支出超出预算余额", errors: { amount: "支出超出预算余额" } });
  });
  it("falls back to the code's status when the response had none", () => {
    expect(toHttpError({ code: "23505", message: "dup", details: "Key (code)=(A) already exists." }, undefined).statusCode).toBe(409);
    expect(toHttpError({ code: "PGRST301", message: "JWT expired" }, Number.NaN).statusCode).toBe(401);
  });
  it("keeps the schema's own Chinese sentence for a rule and puts it on the hinted field", () => {
    const error = toHttpError(
      { code: "23514", message: "支出金额超出预算余额 (剩余 ¥1,234.00)", details: "fund_expenditures_within_budget", hint: "field:amount" },
      400,
      "fund_expenditures",
    );
    expect(error).toMatchObject({ statusCode: 400, code: "23514", errors: { amount: "支出金额超出预算余额 (剩余 ¥1,234.00)" } });
    expect(toHttpError({ code: "23503", message: "该支部下还有 3 条党员记录, 不能删除", details: "branches_delete_restricted" }, 409).message).toBe(
      "该支部下还有 3 条党员记录, 不能删除",
    );
  });
  it("speaks Chinese for Postgres' own messages", () => {
    const error = toHttpError({ code: "23505", message: "duplicate key value violates unique constraint", details: "Key (code)=(A) already exists." }, 409);
    expect(error.message).toBe("该值已存在，不能重复");
    expect(error.errors).toEqual({ code: "该值已存在，不能重复" });
  });
  it("reports a write RLS silently filtered as a 403 with its own code", () => {
    expect(blockedWriteError("update")).toMatchObject({ statusCode: 403, code: "ZERO_ROWS" });
    expect(blockedWriteError("delete").message).toMatch(/删除失败/);
  });
});
