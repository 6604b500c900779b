import { describe, expect, it } from "vitest";
import { destinationAfterLogin } from "./loginDestination";

describe("destinationAfterLogin", () => {
  it("returns to the page the user opened", () => {
    expect(destinationAfterLogin("?to=%2Fmembers%3Fpage%3D2")).toBe("/members?page=2");
    expect(destinationAfterLogin("")).toBe("/");
  });
  it("never leaves the site or loops back to the login page", () => {
    expect(destinationAfterLogin("?to=https%3A%2F%2Fevil.example")).toBe("/");
    expect(destinationAfterLogin("?to=%2F%2Fevil.example")).toBe("/");
    expect(destinationAfterLogin("?to=%2F%5Cevil.example")).toBe("/");
    expect(destinationAfterLogin("?to=%2Flogin")).toBe("/");
  });
});
