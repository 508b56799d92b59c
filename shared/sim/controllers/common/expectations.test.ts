import { describe, expect, it } from "vitest";
import { SimClock } from "../../kernel/clock.ts";
import { ControllerExpectations, EXPECTATIONS_TIMEOUT_MS } from "./expectations.ts";

describe("ControllerExpectations", () => {
  it("is satisfied when none were set and once every creation is observed", () => {
    const e = new ControllerExpectations(new SimClock());
    expect(e.satisfiedExpectations("default/web")).toBe(true);
    e.expectCreations("default/web", 2);
    expect(e.satisfiedExpectations("default/web")).toBe(false);
    e.creationObserved("default/web");
    expect(e.satisfiedExpectations("default/web")).toBe(false);
    e.creationObserved("default/web");
    expect(e.satisfiedExpectations("default/web")).toBe(true);
  });

  it("counts each expected deletion once, by pod key", () => {
    const e = new ControllerExpectations(new SimClock());
    e.expectDeletions("default/web", ["default/web-a", "default/web-b"]);
    e.deletionObserved("default/web", "default/web-a");
    // Seen terminating, then gone: still one deletion. Unexpected pods do not count.
    e.deletionObserved("default/web", "default/web-a");
    e.deletionObserved("default/web", "default/other");
    expect(e.satisfiedExpectations("default/web")).toBe(false);
    e.deletionObserved("default/web", "default/web-b");
    expect(e.satisfiedExpectations("default/web")).toBe(true);
  });

  it("expires after five minutes so a lost event cannot stall a controller", () => {
    const clock = new SimClock();
    const e = new ControllerExpectations(clock);
    e.expectCreations("default/web", 1);
    clock.advanceTo(EXPECTATIONS_TIMEOUT_MS);
    expect(e.satisfiedExpectations("default/web")).toBe(false);
    clock.advanceTo(EXPECTATIONS_TIMEOUT_MS + 1);
    expect(e.satisfiedExpectations("default/web")).toBe(true);
    e.deleteExpectations("default/web");
    expect(e.satisfiedExpectations("default/web")).toBe(true);
  });
});
