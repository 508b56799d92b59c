import { describe, expect, it } from "vitest";
import type { Event, Node } from "../api/core-v1.ts";
import { bootstrapApiServer } from "../apiserver/bootstrap.ts";
import { ADMIN, must, newTestApiServer, pod } from "../apiserver/test-fixture.ts";
import { Client } from "./client.ts";
import { AGGREGATE_INTERVAL_MS, COMBINED_PREFIX, SPAM_BURST, SPAM_REFILL_MS } from "./event-correlator.ts";
import { newEventRecorder, type EventNameSequence } from "./events.ts";

function setup() {
  const t = newTestApiServer();
  bootstrapApiServer(t.api, []);
  const client = new Client(t.api, { name: "system:kube-scheduler" });
  const sequence: EventNameSequence = { next: 0 };
  const recorder = (component = "default-scheduler", host?: string) => newEventRecorder({ component, host, client, clock: t.clock, epochMs: t.epochMs, sequence });
  const events = (): readonly Event[] => must(t.api.list(ADMIN, "events")).items;
  const web = must(t.api.create(ADMIN, "pods", "default", pod("web")));
  return { ...t, recorder, events, web };
}

describe("EventRecorder", () => {
  it("creates a core/v1 Event named <object>.<UnixNano in hex>", () => {
    const { recorder, events, web, clock, epochMs } = setup();
    clock.advanceTo(2_500);
    recorder().event(web, "Normal", "Scheduled", "Successfully assigned default/web to node-1");
    const [ev] = events();
    const nanos = BigInt(epochMs + 2_500) * 1_000_000n;
    expect(ev!.metadata.name).toBe(`web.${nanos.toString(16)}`);
    expect(ev!.metadata.name).toMatch(/^web\.[0-9a-f]{16}$/);
    expect(ev).toMatchObject({
      metadata: { namespace: "default" },
      involvedObject: { apiVersion: "v1", kind: "Pod", name: "web", namespace: "default", uid: web.metadata.uid, resourceVersion: web.metadata.resourceVersion },
      reason: "Scheduled",
      message: "Successfully assigned default/web to node-1",
      source: { component: "default-scheduler" },
      firstTimestamp: "2026-01-01T09:00:02Z",
      lastTimestamp: "2026-01-01T09:00:02Z",
      count: 1,
      type: "Normal",
      eventTime: null,
      reportingComponent: "default-scheduler",
      reportingInstance: "",
    });
  });

  it("gives events at the same instant distinct names", () => {
    const { recorder, events, web } = setup();
    const r = recorder();
    r.event(web, "Normal", "A", "one");
    r.event(web, "Normal", "B", "two");
    const names = events().map((e) => e.metadata.name);
    expect(new Set(names).size).toBe(2);
  });

  it("records the host for node components", () => {
    const { recorder, events, web } = setup();
    recorder("kubelet", "node-1").event(web, "Normal", "Pulling", 'Pulling image "nginx:1.27"');
    expect(events()[0]).toMatchObject({ source: { component: "kubelet", host: "node-1" }, reportingComponent: "kubelet", reportingInstance: "node-1" });
  });

  it("merges identical events: count++, lastTimestamp moves, same object", () => {
    const { recorder, events, web, clock } = setup();
    const r = recorder("kubelet", "node-1");
    const msg = "Back-off restarting failed container web in pod web_default(x)";
    r.event(web, "Warning", "BackOff", msg);
    clock.advanceTo(10_000);
    r.event(web, "Warning", "BackOff", msg);
    clock.advanceTo(30_000);
    r.event(web, "Warning", "BackOff", msg);
    const all = events();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ count: 3, firstTimestamp: "2026-01-01T09:00:00Z", lastTimestamp: "2026-01-01T09:00:30Z", message: msg });
  });

  it("keeps events apart that differ in reason, type or object", () => {
    const { api, recorder, events, web } = setup();
    const other = must(api.create(ADMIN, "pods", "default", pod("other")));
    const r = recorder();
    r.event(web, "Normal", "Scheduled", "m");
    r.event(web, "Warning", "Scheduled", "m");
    r.event(web, "Normal", "Other", "m");
    r.event(other, "Normal", "Scheduled", "m");
    expect(events()).toHaveLength(4);
  });

  it("puts events about cluster-scoped objects in the default namespace", () => {
    const { api, recorder, events } = setup();
    const body: Node = { apiVersion: "v1", kind: "Node", metadata: { name: "node-1" }, spec: {} };
    const node = must(api.create(ADMIN, "nodes", undefined, body));
    recorder("node-controller").event(node, "Normal", "RegisteredNode", "Node node-1 event: Registered Node node-1 in Controller");
    const [ev] = events();
    expect(ev!.metadata.namespace).toBe("default");
    expect(ev!.involvedObject.namespace).toBeUndefined();
    expect(ev!.involvedObject.kind).toBe("Node");
  });

  it("recreates an expired event under its name, count and all", () => {
    const { api, recorder, events, web, clock } = setup();
    const r = recorder();
    r.event(web, "Normal", "X", "m");
    const name = events()[0]!.metadata.name!;
    must(api.delete(ADMIN, "events", "default", name));
    clock.advanceTo(1_000);
    r.event(web, "Normal", "X", "m");
    expect(events()).toHaveLength(1);
    expect(events()[0]).toMatchObject({ metadata: { name }, count: 2, firstTimestamp: "2026-01-01T09:00:00Z", lastTimestamp: "2026-01-01T09:00:01Z" });
  });

  it("combines the 10th event that differs only by message within 10 minutes", () => {
    const { recorder, events, web, clock } = setup();
    const r = recorder();
    for (let i = 1; i <= 9; i++) r.event(web, "Warning", "FailedScheduling", `message ${i}`);
    expect(events()).toHaveLength(9);
    clock.advanceTo(1_000);
    r.event(web, "Warning", "FailedScheduling", "message 10");
    const combined = events().filter((e) => e.message.startsWith(COMBINED_PREFIX));
    expect(combined).toHaveLength(1);
    expect(combined[0]).toMatchObject({ message: "(combined from similar events): message 10", count: 1, reportingComponent: "" });
    clock.advanceTo(2_000);
    r.event(web, "Warning", "FailedScheduling", "message 11");
    const again = events().filter((e) => e.message.startsWith(COMBINED_PREFIX));
    expect(again).toHaveLength(1);
    expect(again[0]).toMatchObject({ message: "(combined from similar events): message 11", count: 2, lastTimestamp: "2026-01-01T09:00:02Z" });
    expect(events()).toHaveLength(10);
  });

  it("starts counting similar messages afresh after 10 quiet minutes", () => {
    const { recorder, events, web, clock } = setup();
    const r = recorder();
    for (let i = 1; i <= 9; i++) r.event(web, "Warning", "FailedScheduling", `message ${i}`);
    clock.advanceTo(AGGREGATE_INTERVAL_MS + 1);
    r.event(web, "Warning", "FailedScheduling", "message 10");
    expect(events().some((e) => e.message.startsWith(COMBINED_PREFIX))).toBe(false);
  });

  it("lets a source send 25 events about an object, then one per 5 minutes, still counting the dropped ones", () => {
    const { recorder, events, web, clock } = setup();
    const r = recorder("kubelet", "node-1");
    expect(SPAM_BURST).toBe(25);
    for (let i = 0; i < 30; i++) r.event(web, "Warning", "BackOff", "same");
    expect(events()[0]!.count).toBe(25);
    clock.advanceTo(SPAM_REFILL_MS - 1);
    r.event(web, "Warning", "BackOff", "same");
    expect(events()[0]!.count).toBe(25);
    clock.advanceTo(SPAM_REFILL_MS);
    r.event(web, "Warning", "BackOff", "same");
    // The 32nd occurrence is written, with every occurrence counted.
    expect(events()[0]).toMatchObject({ count: 32, lastTimestamp: "2026-01-01T09:05:00Z" });
  });

  it("is reproducible", () => {
    const run = () => {
      const { recorder, events, web, clock } = setup();
      const r = recorder();
      for (let i = 0; i < 15; i++) {
        clock.advanceTo(i * 1000);
        r.event(web, "Warning", "R", `m${i % 12}`);
      }
      return events().map((e) => [e.metadata.name, e.count, e.message]);
    };
    expect(run()).toEqual(run());
  });
});
