import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatMoney } from "./format";

describe("formatMoney", () => {
  it("shows yuan with thousands separators and two decimals, from numbers or PostgREST strings", () => {
    expect(formatMoney(1234567.8)).toBe("¥1,234,567.80");
    expect(formatMoney("50000")).toBe("¥50,000.00");
    expect(formatMoney(0)).toBe("¥0.00");
  });
  it("leaves empty values empty and odd ones as they are", () => {
    expect(formatMoney(null)).toBe("");
    expect(formatMoney("")).toBe("");
    expect(formatMoney("n/a")).toBe("n/a");
  });
});

describe("formatDate", () => {
  it("speaks Chinese by default and English when asked", () => {
    expect(formatDate("2025-05-04")).toBe("2025年5月4日");
    expect(formatDate("2025-05-04", "en")).toBe("May 4th, 2025");
  });
  it("formats date-times and ignores what is not a date", () => {
    expect(formatDateTime("2025-05-04T08:09:00")).toBe("2025年5月4日 08:09");
    expect(formatDate("not a date")).toBe("");
    expect(formatDate(null)).toBe("");
  });
});
