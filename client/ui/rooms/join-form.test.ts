import { describe, expect, it } from "vitest";
import { codeProblem, nameProblem } from "./join-form.ts";

describe("join form checks", () => {
  it.each([
    ["alice", undefined],
    ["bob.smith-2", undefined],
    ["", "Enter a display name."],
    ["-alice", "A name is 1–32 letters, digits, dots, dashes or underscores, starting with a letter or digit."],
    ["a".repeat(33), "A name is 1–32 letters, digits, dots, dashes or underscores, starting with a letter or digit."],
    ["system:admin", "A name is 1–32 letters, digits, dots, dashes or underscores, starting with a letter or digit."],
  ])("name %j", (name, problem) => expect(nameProblem(name)).toBe(problem));

  it.each([
    ["ABC234", undefined],
    ["", "Enter the room's join code."],
    ["ABC23", "A join code has 6 characters."],
    ["ABC2340", "A join code has 6 characters."],
    ["ABCDE0", "A join code uses letters and digits except 0, 1, I, L and O."],
  ])("code %j", (code, problem) => expect(codeProblem(code)).toBe(problem));
});
