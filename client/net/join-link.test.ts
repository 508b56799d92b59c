import { describe, expect, it } from "vitest";
import { joinCodeOf, normalizeTypedCode, withJoinCode } from "./join-link.ts";

describe("joinCodeOf", () => {
  it.each([
    ["?join=ABC234", "ABC234"],
    ["?join=abc234", "ABC234"],
    ["?server=ws://x:1&join=XYZ789", "XYZ789"],
    ["?join=ABC10I", undefined],
    ["?join=ABC23", undefined],
    ["", undefined],
  ])("%s → %s", (search, code) => expect(joinCodeOf(search)).toBe(code));
});

describe("withJoinCode", () => {
  it("sets and removes the code, keeping other parameters", () => {
    expect(withJoinCode("http://h:1/?server=ws%3A%2F%2Fx", "ABC234")).toBe("/?server=ws%3A%2F%2Fx&join=ABC234");
    expect(withJoinCode("http://h:1/?join=ABC234&server=s", undefined)).toBe("/?server=s");
    expect(withJoinCode("http://h:1/?join=ABC234", "XYZ789")).toBe("/?join=XYZ789");
  });
});

describe("normalizeTypedCode", () => {
  it("upper-cases and drops spaces and dashes", () => {
    expect(normalizeTypedCode("abc-234")).toBe("ABC234");
    expect(normalizeTypedCode(" xyz 789 ")).toBe("XYZ789");
  });
});
