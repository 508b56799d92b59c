import { describe, expect, it } from "vitest";
import { describeInsufficient, formatAmount } from "./fit-figures.ts";

describe("fit figures", () => {
  it.each([
    ["cpu", 500, "500m"],
    ["cpu", 2000, "2"],
    ["memory", 512 * 1024 ** 2, "512Mi"],
    ["memory", 4 * 1024 ** 3, "4Gi"],
    ["memory", 1000, "1000"],
    ["pods", 110, "110"],
  ])("%s %d reads %s", (resource, value, text) => {
    expect(formatAmount(resource, value)).toBe(text);
  });

  it("says what the pod needs and what is left, or that the node is too small", () => {
    expect(describeInsufficient({ resourceName: "cpu", reason: "Insufficient cpu", requested: 500, used: 1800, capacity: 2000, unresolvable: false })).toBe("Insufficient cpu (needs 500m, 200m free)");
    expect(describeInsufficient({ resourceName: "memory", reason: "Insufficient memory", requested: 8 * 1024 ** 3, used: 0, capacity: 4 * 1024 ** 3, unresolvable: true })).toBe(
      "Insufficient memory (needs 8Gi, the node has 4Gi in all)",
    );
  });
});
