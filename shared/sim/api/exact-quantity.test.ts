import { describe, expect, it } from "vitest";
import { addQuantity, canonicalQuantity, formatQuantity, parseQuantity, quantityMilliValue, quantityValue, ZERO_QUANTITY } from "./exact-quantity.ts";

describe("Quantity.String() (CanonicalizeBytes)", () => {
  it.each([
    ["0", "0"],
    ["100m", "100m"],
    ["1000m", "1"],
    ["4000m", "4"],
    ["0.5", "500m"],
    ["1.5", "1500m"],
    ["1000", "1k"],
    ["1500", "1500"],
    ["128Mi", "128Mi"],
    ["1024Mi", "1Gi"],
    ["1.5Gi", "1536Mi"],
    ["16393232Ki", "16393232Ki"],
    ["512", "512"],
    ["1G", "1G"],
    ["100M", "100M"],
    ["1e3", "1e3"],
  ])("%s prints as %s", (input, out) => {
    expect(canonicalQuantity(input)).toBe(out);
  });

  it("adds keeping the first non-zero format, and rounds values up", () => {
    const sum = addQuantity(addQuantity(ZERO_QUANTITY, parseQuantity("128Mi")!), parseQuantity("256Mi")!);
    expect(formatQuantity(sum)).toBe("384Mi");
    expect(quantityMilliValue(parseQuantity("0.0001")!)).toBe(1);
    expect(quantityValue(parseQuantity("1.5")!)).toBe(2);
    expect(parseQuantity("abc")).toBeUndefined();
  });
});
