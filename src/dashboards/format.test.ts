import { describe, expect, it } from "vitest";
import { formatAxis, formatCell, formatValue } from "./format";

describe("formatValue (zh-CN)", () => {
  it("formats percent with one decimal, money in yuan, counts with separators", () => {
    expect(formatValue(0.8534, "percent")).toBe("85.3%");
    expect(formatValue("0.5", "percent")).toBe("50.0%");
    expect(formatValue(1234567.891, "money")).toBe("¥1,234,567.89");
    expect(formatValue(12345, "count")).toBe("12,345");
    expect(formatValue(87.25, "decimal")).toBe("87.3");
    expect(formatValue(null, "percent")).toBe("—");
  });

  it("formats months and dates in Chinese", () => {
    expect(formatValue("2025-03", "month")).toBe("2025年3月");
    expect(formatValue("2025-03-01", "month")).toBe("2025年3月");
    expect(formatValue("2025-03-09", "date")).toBe("2025/03/09");
    expect(formatValue("2025-03", "month", "en")).toBe("Mar 2025");
  });

  it("compacts axis labels", () => {
    expect(formatAxis(1_500_000, "money")).toBe("¥150万");
    expect(formatAxis(0.25, "percent")).toBe("25%");
    expect(formatAxis(12000, "count")).toBe("1.2万");
  });

  it("labels enum cells", () => {
    const column = { label: "类型", enum: { lab: { zh: "实验室", en: "Lab" } } };
    expect(formatCell("lab", column)).toBe("实验室");
    expect(formatCell("lab", column, "en")).toBe("Lab");
    expect(formatCell("other", column)).toBe("other");
  });
});
