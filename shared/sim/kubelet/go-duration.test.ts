import { describe, expect, it } from "vitest";
import { goDuration } from "./go-duration.ts";

describe("goDuration (time.Duration.String)", () => {
  it.each([
    [0, "0s"],
    [7, "7ms"],
    [734, "734ms"],
    [1000, "1s"],
    [1234, "1.234s"],
    [1500, "1.5s"],
    [12_050, "12.05s"],
    [60_000, "1m0s"],
    [123_004, "2m3.004s"],
    [3_600_000, "1h0m0s"],
    [3_723_500, "1h2m3.5s"],
  ])("%d ms prints %s", (ms, text) => {
    expect(goDuration(ms)).toBe(text);
  });
});
