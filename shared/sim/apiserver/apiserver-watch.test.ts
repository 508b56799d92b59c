import { describe, expect, it } from "vitest";
import type { Pod } from "../api/core-v1.ts";
import { ADMIN, defaultServiceAccount, deployment, must, namespace, newTestApiServer, pod, recorder } from "./test-fixture.ts";

describe("watch delivery", () => {
  it("delivers nothing during the write, everything at dispatch", () => {
    const { api } = newTestApiServer();
    const rec = recorder();
    api.watch(ADMIN, "pods", { sinceRevision: api.revision }, rec.handler);
    must(api.create(ADMIN, "pods", "default", pod("a")));
    expect(rec.lines).toEqual([]);
    expect(api.hasPendingWatchEvents()).toBe(true);
    expect(api.dispatchWatches()).toBe(1);
    expect(rec.lines).toEqual([`ADDED default/a rv=${api.revision}`]);
    expect(api.hasPendingWatchEvents()).toBe(false);
    expect(api.dispatchWatches()).toBe(0);
  });

  it("delivers in revision order, and per revision in the order watches were opened", () => {
    const { api } = newTestApiServer();
    const order: string[] = [];
    const since = api.revision;
    api.watch(ADMIN, "pods", { sinceRevision: since }, (ev) => order.push(`first:${ev.type}:${ev.object.metadata.name}`));
    api.watch(ADMIN, "deployments", { sinceRevision: since }, (ev) => order.push(`deploy:${ev.type}:${ev.object.metadata.name}`));
    api.watch(ADMIN, "pods", { sinceRevision: since }, (ev) => order.push(`second:${ev.type}:${ev.object.metadata.name}`));
    must(api.create(ADMIN, "pods", "default", pod("a")));
    must(api.create(ADMIN, "deployments", "default", deployment()));
    must(api.patch(ADMIN, "pods", "default", "a", { metadata: { labels: { x: "y" } } }));
    api.dispatchWatches();
    expect(order).toEqual(["first:ADDED:a", "second:ADDED:a", "deploy:ADDED:web", "first:MODIFIED:a", "second:MODIFIED:a"]);
  });

  it("gives MODIFIED the previous object and DELETED the last state at the delete's revision", () => {
    const { api } = newTestApiServer();
    const rec = recorder();
    api.watch(ADMIN, "deployments", { sinceRevision: api.revision }, rec.handler);
    const created = must(api.create(ADMIN, "deployments", "default", deployment()));
    const scaled = must(api.patch(ADMIN, "deployments", "default", "web", { spec: { replicas: 2 } }));
    must(api.delete(ADMIN, "deployments", "default", "web"));
    api.dispatchWatches();
    expect(rec.events.map((e) => e.type)).toEqual(["ADDED", "MODIFIED", "DELETED"]);
    expect(rec.events[0]!.previous).toBeUndefined();
    expect(rec.events[1]!.previous).toEqual(created);
    expect(rec.events[1]!.object).toEqual(scaled);
    const deleted = rec.events[2]!;
    expect(deleted.revision).toBe(api.revision);
    expect(deleted.object.metadata.resourceVersion).toBe(String(api.revision));
    expect({ ...deleted.object, metadata: { ...deleted.object.metadata, resourceVersion: scaled.metadata.resourceVersion } }).toEqual(scaled);
    expect(deleted.previous).toEqual(scaled);
  });

  it("delivers writes made by handlers in the same dispatch", () => {
    const { api } = newTestApiServer();
    const seen: string[] = [];
    api.watch(ADMIN, "pods", { sinceRevision: api.revision }, (ev) => {
      seen.push(`${ev.type}:${ev.object.metadata.name}`);
      if (ev.type === "ADDED" && ev.object.metadata.name === "a") must(api.create(ADMIN, "pods", "default", pod("b")));
    });
    must(api.create(ADMIN, "pods", "default", pod("a")));
    api.dispatchWatches();
    expect(seen).toEqual(["ADDED:a", "ADDED:b"]);
    expect(api.hasPendingWatchEvents()).toBe(false);
  });

  it("filters by namespace", () => {
    const { api } = newTestApiServer();
    must(api.create(ADMIN, "namespaces", undefined, namespace("team")));
    must(api.create(ADMIN, "serviceaccounts", "team", defaultServiceAccount("team")));
    const rec = recorder();
    api.watch(ADMIN, "pods", { namespace: "team", sinceRevision: api.revision }, rec.handler);
    must(api.create(ADMIN, "pods", "default", pod("a")));
    must(api.create(ADMIN, "pods", "team", pod("b")));
    api.dispatchWatches();
    expect(rec.lines).toEqual([`ADDED team/b rv=${api.revision}`]);
  });

  it("stops delivering once stopped", () => {
    const { api } = newTestApiServer();
    const rec = recorder();
    const w = must(api.watch(ADMIN, "pods", { sinceRevision: api.revision }, rec.handler));
    w.stop();
    must(api.create(ADMIN, "pods", "default", pod("a")));
    api.dispatchWatches();
    expect(rec.lines).toEqual([]);
  });

  it("replays the events a watch opened from an older revision missed", () => {
    const { api } = newTestApiServer();
    const since = api.revision;
    must(api.create(ADMIN, "pods", "default", pod("a")));
    api.dispatchWatches();
    must(api.create(ADMIN, "pods", "default", pod("b")));
    const rec = recorder();
    api.watch(ADMIN, "pods", { sinceRevision: since }, rec.handler);
    api.watch(ADMIN, "deployments", { sinceRevision: since }, () => expect.unreachable());
    expect(api.hasPendingWatchEvents()).toBe(true);
    api.dispatchWatches();
    expect(rec.lines).toEqual([`ADDED default/a rv=${since + 1}`, `ADDED default/b rv=${since + 2}`]);
  });

  it("refuses a watch from a compacted revision with the watch cache's Expired message", () => {
    const { api, etcd } = newTestApiServer();
    for (const n of ["a", "b", "c"]) must(api.create(ADMIN, "pods", "default", pod(n)));
    expect(etcd.compact(4).ok).toBe(true);
    const r = api.watch(ADMIN, "pods", { sinceRevision: 3 }, () => {});
    expect(r.ok ? undefined : r.status).toMatchObject({ code: 410, reason: "Expired", message: "too old resource version: 3 (4)" });
    expect(api.watch(ADMIN, "pods", { sinceRevision: 4 }, () => {}).ok).toBe(true);
  });
});

describe("the nodeName index", () => {
  it("shows a pod moving onto a node to that node's watcher as ADDED, and nothing to others", () => {
    const { api } = newTestApiServer();
    must(api.create(ADMIN, "pods", "default", pod("web")));
    api.dispatchWatches();
    const node1 = recorder();
    const node2 = recorder();
    api.watch(ADMIN, "pods", { nodeName: "node-1", sinceRevision: api.revision }, node1.handler);
    api.watch(ADMIN, "pods", { nodeName: "node-2", sinceRevision: api.revision }, node2.handler);
    const bound = must(api.bind(ADMIN, "default", "web", "node-1"));
    must(api.patch(ADMIN, "pods", "default", "web", { status: { phase: "Running" } }, "status"));
    must(api.delete(ADMIN, "pods", "default", "web", { gracePeriodSeconds: 0 }));
    api.dispatchWatches();
    expect(node1.events.map((e) => e.type)).toEqual(["ADDED", "MODIFIED", "MODIFIED", "DELETED"]);
    expect(node1.events[0]!.object).toEqual(bound);
    expect(node1.events[0]!.previous).toBeUndefined();
    expect(node2.events).toEqual([]);
  });

  it("shows a pod leaving a node as DELETED with its last state there", () => {
    const { api, etcd } = newTestApiServer();
    must(api.create(ADMIN, "pods", "default", pod("web")));
    must(api.bind(ADMIN, "default", "web", "node-1"));
    api.dispatchWatches();
    const node1 = recorder();
    const node2 = recorder();
    api.watch(ADMIN, "pods", { nodeName: "node-1", sinceRevision: api.revision }, node1.handler);
    api.watch(ADMIN, "pods", { nodeName: "node-2", sinceRevision: api.revision }, node2.handler);
    // nodeName cannot change through the API; the etcd write stands in for a restore.
    const moved = structuredClone(must(api.get(ADMIN, "pods", "default", "web")));
    moved.spec.nodeName = "node-2";
    moved.metadata.resourceVersion = String(api.revision + 1);
    etcd.put("/registry/pods/default/web", moved);
    api.dispatchWatches();
    expect(node1.lines).toEqual([`DELETED default/web rv=${api.revision}`]);
    expect((node1.events[0]!.object as Pod).spec.nodeName).toBe("node-1");
    expect(node2.lines).toEqual([`ADDED default/web rv=${api.revision}`]);
  });

  it("keeps node watchers apart from the all-pods watchers", () => {
    const { api } = newTestApiServer();
    const all = recorder();
    const node1 = recorder();
    api.watch(ADMIN, "pods", { sinceRevision: api.revision }, all.handler);
    api.watch(ADMIN, "pods", { nodeName: "node-1", sinceRevision: api.revision }, node1.handler);
    must(api.create(ADMIN, "pods", "default", pod("web")));
    must(api.bind(ADMIN, "default", "web", "node-1"));
    api.dispatchWatches();
    expect(all.events.map((e) => e.type)).toEqual(["ADDED", "MODIFIED"]);
    expect(node1.events.map((e) => e.type)).toEqual(["ADDED"]);
  });
});
