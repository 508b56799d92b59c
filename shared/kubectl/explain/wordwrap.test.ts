import { describe, expect, it } from "vitest";
import { wrapString } from "./wordwrap.ts";

describe("wrapString (go-wordwrap v1.0.1)", () => {
  it.each([
    ["breaks at the last space that fits, dropping it", "aaa bbb ccc", 7, "aaa bbb\nccc"],
    ["keeps existing newlines and restarts the count", "aa\nbbb ccc", 7, "aa\nbbb ccc"],
    ["lets a word longer than the limit overflow", "a https://example.com/long b", 10, "a\nhttps://example.com/long\nb"],
    ["keeps trailing spaces that fit", "ab \n", 5, "ab \n"],
    ["counts runes, not bytes", "héé héé", 7, "héé héé"],
  ])("%s", (_name, input, limit, want) => {
    expect(wrapString(input, limit)).toBe(want);
  });
});
