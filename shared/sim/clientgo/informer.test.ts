import { describe, expect, it } from "vitest";
import type { Pod } from "../api/core-v1.ts";
import type { DeepReadonly } from "../api/meta.ts";
import { ADMIN, defaultServiceAccount, must, namespace, newTestApiServer, pod } from "../apiserver/test-fixture.ts";
import { INDEX_NAMESPACE, INDEX_NODE_NAME, Informer, namespaceIndex, SharedInformerFactory } from "./informer.ts";
import { Client } from "./client.ts";

type P = DeepReadonly<Pod>;

function recording() {
  const log: string[] = [];
  return {
    log,
    handler: {
      onAdd: (o: P) => log.push(`add ${o.metadata.name}`),
      onUpdate: (a: P, b: P) => log.push(`update ${a.metadata.name} ${a.metadata.resourceVersion}->${b.metadata.resourceVersion}`),
      onDelete: (o: P) => log.push(`delete ${o.metadata.name}`),
    },
  };
}

describe("Informer", () => {
  it("lists, then watches from the list's revision", () => {
    const { api } = newTestApiServer();
    must(api.create(ADMIN, "pods", "default", pod("a")));
    const inf = new Informer("pods");
    const rec = recording();
    inf.addEventHandler(rec.handler);
    inf.start(new Client(api, ADMIN));
    expect(rec.log).toEqual(["add a"]);
    must(api.create(ADMIN, "pods", "default", pod("b")));
    expect(inf.get("default/b")).toBeUndefined();
    api.dispatchWatches();
    expect(rec.log).toEqual(["add a", "add b"]);
    expect(inf.size).toBe(2);
  });

  it("calls update with the old and new objects, and delete with the last state", () => {
    const { api } = newTestApiServer();
    const inf = new Informer("pods");
    const rec = recording();
    inf.addEventHandler(rec.handler);
    inf.start(new Client(api, ADMIN));
    const a = must(api.create(ADMIN, "pods", "default", pod("a")));
    const b = must(api.patch(ADMIN, "pods", "default", "a", { metadata: { labels: { x: "y" } } }));
    must(api.delete(ADMIN, "pods", "default", "a"));
    api.dispatchWatches();
    const rv = Number(b.metadata.resourceVersion);
    expect(rec.log).toEqual([`add a`, `update a ${a.metadata.resourceVersion}->${rv}`, `update a ${rv}->${rv + 1}`, "delete a"]);
    expect(inf.get("default/a")).toBeUndefined();
    expect(inf.size).toBe(0);
  });

  it("lists its cache in key order and hands out the stored objects", () => {
    const { api } = newTestApiServer();
    for (const n of ["c", "a", "b"]) must(api.create(ADMIN, "pods", "default", pod(n)));
    const inf = new Informer("pods");
    inf.start(new Client(api, ADMIN));
    expect(inf.list().map((p) => p.metadata.name)).toEqual(["a", "b", "c"]);
    expect(inf.get("default/b")).toBe(must(api.get(ADMIN, "pods", "default", "b")));
  });

  it("keeps indexes current through adds, updates and deletes", () => {
    const { api } = newTestApiServer();
    must(api.create(ADMIN, "namespaces", undefined, namespace("team")));
    must(api.create(ADMIN, "serviceaccounts", "team", defaultServiceAccount("team")));
    const inf = new Informer("pods");
    inf.addIndexer(INDEX_NODE_NAME, (p) => (p.spec.nodeName ? [p.spec.nodeName] : []));
    inf.addIndexer(INDEX_NAMESPACE, namespaceIndex);
    inf.start(new Client(api, ADMIN));
    must(api.create(ADMIN, "pods", "default", pod("a")));
    must(api.create(ADMIN, "pods", "team", pod("b")));
    must(api.create(ADMIN, "pods", "default", pod("c")));
    api.dispatchWatches();
    expect(inf.byIndex(INDEX_NODE_NAME, "node-1")).toEqual([]);
    must(api.bind(ADMIN, "default", "c", "node-1"));
    must(api.bind(ADMIN, "team", "b", "node-1"));
    api.dispatchWatches();
    // In key order: default/c before team/b.
    expect(inf.byIndex(INDEX_NODE_NAME, "node-1").map((p) => p.metadata.name)).toEqual(["c", "b"]);
    expect(inf.byIndex(INDEX_NAMESPACE, "team").map((p) => p.metadata.name)).toEqual(["b"]);
    must(api.delete(ADMIN, "pods", "default", "c", { gracePeriodSeconds: 0 }));
    api.dispatchWatches();
    expect(inf.byIndex(INDEX_NODE_NAME, "node-1").map((p) => p.metadata.name)).toEqual(["b"]);
    expect(() => inf.byIndex("nope", "x")).toThrow("no index nope on pods");
  });

  it("refuses indexers once started", () => {
    const { api } = newTestApiServer();
    const inf = new Informer("pods");
    inf.start(new Client(api, ADMIN));
    expect(() => inf.addIndexer("late", () => [])).toThrow("informer for pods already started: add indexers first");
  });

  it("gives a late handler a synthetic add for each cached object, in key order", () => {
    const { api } = newTestApiServer();
    for (const n of ["b", "a"]) must(api.create(ADMIN, "pods", "default", pod(n)));
    const inf = new Informer("pods");
    inf.start(new Client(api, ADMIN));
    const rec = recording();
    inf.addEventHandler(rec.handler);
    expect(rec.log).toEqual(["add a", "add b"]);
  });

  it("starts once", () => {
    const { api } = newTestApiServer();
    must(api.create(ADMIN, "pods", "default", pod("a")));
    const inf = new Informer("pods");
    const rec = recording();
    inf.addEventHandler(rec.handler);
    inf.start(new Client(api, ADMIN));
    inf.start(new Client(api, ADMIN));
    must(api.create(ADMIN, "pods", "default", pod("b")));
    api.dispatchWatches();
    expect(rec.log).toEqual(["add a", "add b"]);
  });

  it("watches one namespace when asked", () => {
    const { api } = newTestApiServer();
    must(api.create(ADMIN, "namespaces", undefined, namespace("team")));
    must(api.create(ADMIN, "serviceaccounts", "team", defaultServiceAccount("team")));
    must(api.create(ADMIN, "pods", "team", pod("t1")));
    must(api.create(ADMIN, "pods", "default", pod("d1")));
    const inf = new Informer("pods");
    inf.start(new Client(api, ADMIN), { namespace: "team" });
    must(api.create(ADMIN, "pods", "default", pod("d2")));
    must(api.create(ADMIN, "pods", "team", pod("t2")));
    api.dispatchWatches();
    expect(inf.list().map((p) => p.metadata.name)).toEqual(["t1", "t2"]);
  });
});

describe("a node-filtered pod informer (the kubelet's)", () => {
  it("sees only its node's pods: a pod bound there arrives as an add", () => {
    const { api } = newTestApiServer();
    must(api.create(ADMIN, "pods", "default", pod("mine")));
    must(api.create(ADMIN, "pods", "default", pod("theirs")));
    must(api.bind(ADMIN, "default", "theirs", "node-2"));
    must(api.create(ADMIN, "pods", "default", pod("early")));
    must(api.bind(ADMIN, "default", "early", "node-1"));
    const inf = new Informer("pods");
    const rec = recording();
    inf.addEventHandler(rec.handler);
    inf.start(new Client(api, ADMIN), { nodeName: "node-1" });
    expect(rec.log).toEqual(["add early"]);
    must(api.bind(ADMIN, "default", "mine", "node-1"));
    api.dispatchWatches();
    expect(rec.log).toEqual(["add early", "add mine"]);
    expect(inf.list().map((p) => p.metadata.name)).toEqual(["early", "mine"]);
  });

  it("sees a pod leave its node as a delete", () => {
    const { api, etcd } = newTestApiServer();
    must(api.create(ADMIN, "pods", "default", pod("web")));
    must(api.bind(ADMIN, "default", "web", "node-1"));
    const inf = new Informer("pods");
    const rec = recording();
    inf.addEventHandler(rec.handler);
    inf.start(new Client(api, ADMIN), { nodeName: "node-1" });
    // nodeName cannot change through the API; an etcd write stands in for a restore.
    const moved = structuredClone(must(api.get(ADMIN, "pods", "default", "web")));
    moved.spec.nodeName = "node-2";
    moved.metadata.resourceVersion = String(api.revision + 1);
    etcd.put("/registry/pods/default/web", moved);
    api.dispatchWatches();
    expect(rec.log).toEqual(["add web", "delete web"]);
    expect(inf.size).toBe(0);
  });

  it("sees its pods deleted", () => {
    const { api } = newTestApiServer();
    must(api.create(ADMIN, "pods", "default", pod("web")));
    must(api.bind(ADMIN, "default", "web", "node-1"));
    const inf = new Informer("pods");
    const rec = recording();
    inf.addEventHandler(rec.handler);
    inf.start(new Client(api, ADMIN), { nodeName: "node-1" });
    must(api.delete(ADMIN, "pods", "default", "web"));
    must(api.delete(ADMIN, "pods", "default", "web", { gracePeriodSeconds: 0 }));
    api.dispatchWatches();
    expect(rec.log.map((l) => l.split(" ")[0])).toEqual(["add", "update", "update", "delete"]);
  });
});

describe("SharedInformerFactory", () => {
  it("shares one informer per resource and starts them all", () => {
    const { api } = newTestApiServer();
    must(api.create(ADMIN, "pods", "default", pod("a")));
    const factory = new SharedInformerFactory(new Client(api, ADMIN));
    const pods = factory.informer("pods");
    expect(factory.informer("pods")).toBe(pods);
    const nodes = factory.informer("nodes");
    expect(pods.size).toBe(0);
    factory.start();
    expect(pods.size).toBe(1);
    expect(nodes.size).toBe(0);
    expect(factory.informer("namespaces").size).toBe(0);
    factory.start();
    expect(factory.informer("namespaces").size).toBe(1);
  });
});
