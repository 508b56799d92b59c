import { describe, expect, it } from "vitest";
import type { Event } from "../api/core-v1.ts";
import { EVENT_TTL_SECONDS } from "./registry/events.ts";
import { ADMIN, must, newTestApiServer } from "./test-fixture.ts";

const event = (name: string): Event => ({
  apiVersion: "v1",
  kind: "Event",
  metadata: { name, namespace: "default" },
  involvedObject: { kind: "Pod", name: "web", namespace: "default" },
  reason: "Started",
  message: "Started container nginx",
  source: { component: "kubelet" },
  firstTimestamp: "2026-01-01T09:00:00Z",
  lastTimestamp: "2026-01-01T09:00:00Z",
  count: 1,
  type: "Normal",
  reportingComponent: "kubelet",
  reportingInstance: "",
});

describe("event TTL (--event-ttl 1h)", () => {
  it("is an hour", () => {
    expect(EVENT_TTL_SECONDS).toBe(3600);
  });

  it("removes an event an hour after its last write, and each write restarts the hour", () => {
    const { api, clock } = newTestApiServer();
    must(api.create(ADMIN, "events", "default", event("a")));
    must(api.create(ADMIN, "events", "default", event("b")));
    clock.advanceTo(30 * 60_000);
    must(api.patch(ADMIN, "events", "default", "b", { count: 2 }));
    clock.advanceTo(60 * 60_000);
    expect(api.get(ADMIN, "events", "default", "a").ok).toBe(false);
    expect(api.get(ADMIN, "events", "default", "b").ok).toBe(true);
    clock.advanceTo(90 * 60_000);
    expect(api.get(ADMIN, "events", "default", "b").ok).toBe(false);
  });

  it("leaves other kinds alone", () => {
    const { api, clock } = newTestApiServer();
    clock.advanceTo(2 * 60 * 60_000);
    expect(api.get(ADMIN, "namespaces", undefined, "default").ok).toBe(true);
  });
});
