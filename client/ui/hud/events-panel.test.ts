import { describe, expect, it } from "vitest";
import { eventRow } from "./events-panel.ts";

const notReady = { type: "Normal", reason: "NodeNotReady", object: "pod/web-64f5c8754f-4xb5j", message: "Node is not ready", count: 1, lastMs: 50_000 };

describe("eventRow", () => {
  it("ages an event as kubectl's LAST SEEN column does", () => {
    expect(eventRow(notReady, 95_000).age).toBe("45s");
    expect(eventRow(notReady, 50_000 + 192_000).age).toBe("3m12s");
    expect(eventRow(notReady, 50_000 + 95 * 60_000).age).toBe("95m");
  });

  it("tells a Warning from a Normal event by more than colour", () => {
    expect(eventRow(notReady, 50_000).warning).toBe(false);
    expect(eventRow({ ...notReady, type: "Warning", reason: "FailedScheduling" }, 50_000)).toMatchObject({ warning: true, reason: "FailedScheduling" });
  });
});
