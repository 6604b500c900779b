// No message a person reads names a table or a column or gives a raw status code: whatever the server said,
// the toast and the form field say in Chinese what failed and what to do.
import { describe, expect, it } from "vitest";
import { i18n } from "../i18n";
import { friendlyMessage, toHttpError } from "./errors";

const ASCII_WORD = /[A-Za-z_]{3,}|\d{3}/;

describe("error messages for people", () => {
  it.each([
    [{ code: "P0001", message: "function app.x() does not exist" }, 400],
    [{ code: "XX000", message: "internal error in relation \"branches\"" }, 500],
    [{ code: "PGRST204", message: "Could not find the 'foo' column of 'branches' in the schema cache" }, 400],
    [{ code: "57014", message: "canceling statement due to statement timeout" }, 500],
    [{ code: "08006", message: "connection failure" }, 503],
    [{ message: "Failed to fetch" }, 502],
    [{ code: "42P01", message: 'relation "public.branch" does not exist' }, 404],
    [{ code: "40P01", message: "deadlock detected" }, 409],
    [{ code: "54000", message: "index row requires 9000 bytes" }, 413],
  ])("%j (%i) becomes a Chinese sentence", (error, status) => {
    const message = toHttpError(error, status, "branches").message;
    expect(message).toMatch(/[\u4e00-\u9fff]/);
    expect(message).not.toMatch(ASCII_WORD);
  });

  it("keeps the schema's own Chinese sentence", () => {
    expect(friendlyMessage({ code: "23514", message: "考核周期「2026年度」未开放填报" }, 400)).toBe("考核周期「2026年度」未开放填报");
  });

  it("names the resource by its label in Refine's notifications, never by its table name or a status code", () => {
    for (const key of ["notifications.deleteError", "notifications.createError", "notifications.editError", "notifications.error"]) {
      const text = i18n.t(key, { resource: "党支部", statusCode: 409, lng: "zh-CN" });
      expect(text).not.toMatch(/\d|statusCode|状态码/);
    }
  });
});
