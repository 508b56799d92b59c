import { describe, expect, it } from "vitest";
import type { Deployment } from "../api/apps-v1.ts";
import { ADMIN, deployment, must, newTestApiServer, pod, recorder } from "./test-fixture.ts";

const CONFLICT = "the object has been modified; please apply your changes to the latest version and try again";

function withDeployment() {
  const t = newTestApiServer();
  const d = must(t.api.create(ADMIN, "deployments", "default", deployment()));
  return { ...t, d };
}

describe("update", () => {
  it("writes a new resourceVersion, the etcd revision of the write", () => {
    const { api, d } = withDeployment();
    const next = structuredClone(d);
    next.spec.replicas = 3;
    const updated = must(api.update(ADMIN, "deployments", "default", next));
    expect(updated.metadata.resourceVersion).toBe(String(api.revision));
    expect(Number(updated.metadata.resourceVersion)).toBe(Number(d.metadata.resourceVersion) + 1);
    expect(updated.metadata.uid).toBe(d.metadata.uid);
    expect(updated.metadata.creationTimestamp).toBe(d.metadata.creationTimestamp);
  });

  it("answers Conflict on a stale resourceVersion", () => {
    const { api, d } = withDeployment();
    const first = structuredClone(d);
    first.spec.replicas = 2;
    must(api.update(ADMIN, "deployments", "default", first));
    const stale = structuredClone(d);
    stale.spec.replicas = 5;
    const r = api.update(ADMIN, "deployments", "default", stale);
    expect(r.ok ? undefined : r.status).toEqual({
      apiVersion: "v1",
      kind: "Status",
      status: "Failure",
      code: 409,
      reason: "Conflict",
      message: `Operation cannot be fulfilled on deployments.apps "web": ${CONFLICT}`,
      details: { name: "web", group: "apps", kind: "deployments" },
    });
  });

  it("updates unconditionally without a resourceVersion", () => {
    const { api, d } = withDeployment();
    const next = structuredClone(d);
    delete next.metadata.resourceVersion;
    next.spec.replicas = 4;
    expect(must(api.update(ADMIN, "deployments", "default", next)).spec.replicas).toBe(4);
  });

  it("answers NotFound for a missing object", () => {
    const { api } = newTestApiServer();
    const r = api.update(ADMIN, "deployments", "default", deployment("ghost"));
    expect(r.ok ? undefined : r.status).toMatchObject({ code: 404, reason: "NotFound", message: 'deployments.apps "ghost" not found', details: { name: "ghost", group: "apps", kind: "deployments" } });
  });

  it("keeps uid, creationTimestamp and namespace whatever the client sends", () => {
    const { api, d } = withDeployment();
    const next = structuredClone(d);
    next.metadata.uid = "forged";
    next.metadata.creationTimestamp = "2000-01-01T00:00:00Z";
    next.metadata.labels = { app: "web", extra: "yes" };
    const updated = must(api.update(ADMIN, "deployments", "default", next));
    expect(updated.metadata.uid).toBe(d.metadata.uid);
    expect(updated.metadata.creationTimestamp).toBe(d.metadata.creationTimestamp);
    expect(updated.metadata.labels).toEqual({ app: "web", extra: "yes" });
  });

  it("writes nothing for an update that changes nothing: same resourceVersion, no watch event", () => {
    const { api, d } = withDeployment();
    api.dispatchWatches();
    const rec = recorder();
    api.watch(ADMIN, "deployments", { sinceRevision: api.revision }, rec.handler);
    const before = api.revision;
    const same = must(api.update(ADMIN, "deployments", "default", structuredClone(d)));
    expect(same.metadata.resourceVersion).toBe(d.metadata.resourceVersion);
    const patched = must(api.patch(ADMIN, "deployments", "default", "web", { spec: { replicas: 1 } }));
    expect(patched.metadata.resourceVersion).toBe(d.metadata.resourceVersion);
    expect(api.revision).toBe(before);
    expect(api.hasPendingWatchEvents()).toBe(false);
    api.dispatchWatches();
    expect(rec.lines).toEqual([]);
  });

  it("refuses to change a Deployment's selector", () => {
    const { api, d } = withDeployment();
    const next = structuredClone(d);
    next.spec.selector = { matchLabels: { app: "web", tier: "x" } };
    next.spec.template.metadata!.labels = { app: "web", tier: "x" };
    const r = api.update(ADMIN, "deployments", "default", next);
    expect(r.ok ? undefined : r.status.message).toBe(
      'Deployment.apps "web" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web", "tier":"x"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    );
  });

  it("refuses pod spec changes other than images and added tolerations", () => {
    const { api } = newTestApiServer();
    const p = must(api.create(ADMIN, "pods", "default", pod("web")));
    const image = structuredClone(p);
    image.spec.containers[0]!.image = "nginx:1.28";
    const withImage = must(api.update(ADMIN, "pods", "default", image));
    expect(withImage.spec.containers[0]!.image).toBe("nginx:1.28");
    expect(withImage.metadata.generation).toBe(2);
    const restart = structuredClone(withImage);
    restart.spec.restartPolicy = "Never";
    const r = api.update(ADMIN, "pods", "default", restart);
    expect(r.ok ? undefined : r.status.message).toBe(
      'Pod "web" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
    );
    expect(r.ok ? undefined : r.status.details?.causes?.[0]?.reason).toBe("FieldValueForbidden");
  });
});

describe("generation", () => {
  it("starts at 1 and counts spec changes only", () => {
    const { api, d } = withDeployment();
    expect(d.metadata.generation).toBe(1);
    const scaled = must(api.patch(ADMIN, "deployments", "default", "web", { spec: { replicas: 3 } }));
    expect(scaled.metadata.generation).toBe(2);
    const labelled = must(api.patch(ADMIN, "deployments", "default", "web", { metadata: { labels: { app: "web", team: "a" } } }));
    expect(labelled.metadata.generation).toBe(2);
    const status = must(api.patch(ADMIN, "deployments", "default", "web", { status: { replicas: 3, observedGeneration: 2 } }, "status"));
    expect(status.metadata.generation).toBe(2);
    expect(Number(status.metadata.resourceVersion)).toBeGreaterThan(Number(labelled.metadata.resourceVersion));
  });

  it("counts a Deployment's annotation changes too, since they are copied to its ReplicaSets", () => {
    const { api } = withDeployment();
    const annotated = must(api.patch(ADMIN, "deployments", "default", "web", { metadata: { annotations: { "kubernetes.io/change-cause": "bump" } } }));
    expect(annotated.metadata.generation).toBe(2);
  });

  it("ignores a generation sent by the client", () => {
    const { api, d } = withDeployment();
    const next = structuredClone(d);
    next.metadata.generation = 42;
    next.metadata.labels = { app: "web", x: "y" };
    expect(must(api.update(ADMIN, "deployments", "default", next)).metadata.generation).toBe(1);
  });
});

describe("status subresource", () => {
  it("keeps the stored status on a main update", () => {
    const { api, d } = withDeployment();
    const next = structuredClone(d) as Deployment;
    next.spec.replicas = 2;
    next.status = { replicas: 99 };
    const updated = must(api.update(ADMIN, "deployments", "default", next));
    expect(updated.spec.replicas).toBe(2);
    expect(updated.status).toEqual({});
  });

  it("keeps the stored spec on a status update", () => {
    const { api, d } = withDeployment();
    const next = structuredClone(d) as Deployment;
    next.spec.replicas = 7;
    next.status = { replicas: 1, observedGeneration: 1 };
    const updated = must(api.update(ADMIN, "deployments", "default", next, "status"));
    expect(updated.spec.replicas).toBe(1);
    expect(updated.status).toEqual({ replicas: 1, observedGeneration: 1 });
    expect(updated.metadata.generation).toBe(1);
  });

  it("lets a status update change annotations but not a Deployment's labels", () => {
    const { api, d } = withDeployment();
    const next = structuredClone(d) as Deployment;
    next.metadata.annotations = { "deployment.kubernetes.io/revision": "1" };
    next.metadata.labels = { app: "changed" };
    const updated = must(api.update(ADMIN, "deployments", "default", next, "status"));
    expect(updated.metadata.annotations).toEqual({ "deployment.kubernetes.io/revision": "1" });
    expect(updated.metadata.labels).toEqual({ app: "web" });
    expect(updated.metadata.generation).toBe(1);
  });

  it("keeps a pod's owner references and QOS class on a status update", () => {
    const { api } = newTestApiServer();
    const owner = { apiVersion: "apps/v1", kind: "ReplicaSet", name: "web-1", uid: "u-1", controller: true, blockOwnerDeletion: true };
    const p = must(api.create(ADMIN, "pods", "default", pod("web", {}, { ownerReferences: [owner] })));
    const next = structuredClone(p);
    next.metadata.ownerReferences = [];
    next.metadata.labels = { ready: "yes" };
    next.status = { phase: "Running" };
    const updated = must(api.update(ADMIN, "pods", "default", next, "status"));
    expect(updated.metadata.ownerReferences).toEqual([owner]);
    expect(updated.metadata.labels).toEqual({ ready: "yes" });
    expect(updated.status).toEqual({ phase: "Running", qosClass: "BestEffort" });
  });

  it("checks resourceVersion on status updates too", () => {
    const { api, d } = withDeployment();
    must(api.patch(ADMIN, "deployments", "default", "web", { spec: { replicas: 2 } }));
    const stale = structuredClone(d);
    stale.status = { replicas: 1 };
    const r = api.update(ADMIN, "deployments", "default", stale, "status");
    expect(r.ok ? undefined : r.status.reason).toBe("Conflict");
  });
});

describe("patch (JSON merge patch)", () => {
  it("merges objects, deletes keys set to null and replaces arrays", () => {
    const { api } = newTestApiServer();
    must(api.create(ADMIN, "pods", "default", pod("web", {}, { labels: { app: "web", tier: "front" }, finalizers: ["a", "b"] })));
    const patched = must(api.patch(ADMIN, "pods", "default", "web", { metadata: { labels: { tier: null, team: "x" }, finalizers: ["c"] } }));
    expect(patched.metadata.labels).toEqual({ app: "web", team: "x" });
    expect(patched.metadata.finalizers).toEqual(["c"]);
  });

  it("answers Conflict when the patch names a stale resourceVersion", () => {
    const { api } = withDeployment();
    const first = must(api.patch(ADMIN, "deployments", "default", "web", { spec: { replicas: 2 } }));
    const r = api.patch(ADMIN, "deployments", "default", "web", { metadata: { resourceVersion: "2" }, spec: { replicas: 3 } });
    expect(r.ok ? undefined : r.status.message).toBe(`Operation cannot be fulfilled on deployments.apps "web": ${CONFLICT}`);
    const fresh = api.patch(ADMIN, "deployments", "default", "web", { metadata: { resourceVersion: first.metadata.resourceVersion }, spec: { replicas: 3 } });
    expect(fresh.ok).toBe(true);
  });

  it("answers NotFound for a missing object", () => {
    const { api } = newTestApiServer();
    const r = api.patch(ADMIN, "pods", "default", "ghost", { metadata: { labels: { a: "b" } } });
    expect(r.ok ? undefined : r.status.message).toBe('pods "ghost" not found');
  });

  it("refuses to rename", () => {
    const { api } = newTestApiServer();
    must(api.create(ADMIN, "pods", "default", pod("web")));
    const r = api.patch(ADMIN, "pods", "default", "web", { metadata: { name: "other" } });
    expect(r.ok ? undefined : r.status).toMatchObject({ code: 400, reason: "BadRequest", message: "the name of the object (other) does not match the name on the URL (web)" });
  });

  it("validates the patched object", () => {
    const { api } = withDeployment();
    const r = api.patch(ADMIN, "deployments", "default", "web", { spec: { replicas: -1 } });
    expect(r.ok ? undefined : r.status.message).toBe('Deployment.apps "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0');
  });

  it("patches status through the subresource only", () => {
    const { api } = withDeployment();
    const viaMain = must(api.patch(ADMIN, "deployments", "default", "web", { status: { replicas: 5 } }));
    expect(viaMain.status).toEqual({});
    const viaStatus = must(api.patch(ADMIN, "deployments", "default", "web", { status: { replicas: 5 }, spec: { replicas: 9 } }, "status"));
    expect(viaStatus.status).toEqual({ replicas: 5 });
    expect(viaStatus.spec.replicas).toBe(1);
  });
});

describe("reads", () => {
  it("lists in key order with the store revision as resourceVersion", () => {
    const { api } = newTestApiServer();
    for (const n of ["web-2", "web-10", "api"]) must(api.create(ADMIN, "pods", "default", pod(n, {}, { labels: { app: n.startsWith("web") ? "web" : "api" } })));
    const list = must(api.list(ADMIN, "pods", "default"));
    expect(list.items.map((p) => p.metadata.name)).toEqual(["api", "web-10", "web-2"]);
    expect(list.resourceVersion).toBe(String(api.revision));
    expect(must(api.list(ADMIN, "pods", "default", { labelSelector: (l) => l.app === "web" })).items).toHaveLength(2);
    expect(must(api.list(ADMIN, "pods", "kube-system")).items).toEqual([]);
    expect(must(api.list(ADMIN, "pods")).items).toHaveLength(3);
  });

  it("answers NotFound for a missing object, named by its qualified resource", () => {
    const { api } = newTestApiServer();
    const r = api.get(ADMIN, "deployments", "default", "web");
    expect(r.ok ? undefined : r.status.message).toBe('deployments.apps "web" not found');
    const n = api.get(ADMIN, "nodes", undefined, "node-9");
    expect(n.ok ? undefined : n.status.message).toBe('nodes "node-9" not found');
  });

  it("reads namespaced objects from default when no namespace is given", () => {
    const { api } = newTestApiServer();
    must(api.create(ADMIN, "pods", "default", pod("web")));
    expect(api.get(ADMIN, "pods", undefined, "web").ok).toBe(true);
  });

  it("counts requests by verb", () => {
    const { api } = newTestApiServer();
    must(api.create(ADMIN, "pods", "default", pod("web")));
    api.list(ADMIN, "pods");
    must(api.patch(ADMIN, "pods", "default", "web", { metadata: { labels: { a: "b" } } }));
    // The fixture created the default namespace and its ServiceAccount; admission's lookups
    // (namespaces, ServiceAccounts, PriorityClasses) read storage as an informer cache would, uncounted.
    expect(api.requestCounts).toMatchObject({ create: 3, list: 1, patch: 1 });
  });
});
