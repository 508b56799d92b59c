import { describe, expect, it } from "vitest";
import type { Pod } from "../api/core-v1.ts";
import { ADMIN, deployment, must, newTestApiServer, pod, recorder } from "./test-fixture.ts";

/** An API server with pod "web" bound to node-1, and a watch on pods opened after it. */
function withScheduledPod(spec: Partial<Pod["spec"]> = {}, meta: Partial<Pod["metadata"]> = {}) {
  const t = newTestApiServer();
  must(t.api.create(ADMIN, "pods", "default", pod("web", spec, meta)));
  must(t.api.bind(ADMIN, "default", "web", "node-1"));
  t.api.dispatchWatches();
  const rec = recorder();
  t.api.watch(ADMIN, "pods", { sinceRevision: t.api.revision }, rec.handler);
  return { ...t, rec };
}

describe("graceful pod deletion", () => {
  it("marks a scheduled pod with deletionTimestamp now + 30 s and keeps it", () => {
    const { api, clock, rec } = withScheduledPod();
    clock.advanceTo(5_000);
    const before = must(api.get(ADMIN, "pods", "default", "web"));
    const deleted = must(api.delete(ADMIN, "pods", "default", "web"));
    expect(deleted.metadata.deletionTimestamp).toBe("2026-01-01T09:00:35Z");
    expect(deleted.metadata.deletionGracePeriodSeconds).toBe(30);
    expect(deleted.metadata.generation).toBe((before.metadata.generation ?? 0) + 1);
    expect(must(api.get(ADMIN, "pods", "default", "web"))).toEqual(deleted);
    api.dispatchWatches();
    expect(rec.lines).toEqual([`MODIFIED default/web rv=${deleted.metadata.resourceVersion}`]);
  });

  it("uses the pod's terminationGracePeriodSeconds, or the request's", () => {
    const { api } = withScheduledPod({ terminationGracePeriodSeconds: 5 });
    expect(must(api.delete(ADMIN, "pods", "default", "web")).metadata.deletionTimestamp).toBe("2026-01-01T09:00:05Z");
    const other = withScheduledPod();
    expect(must(other.api.delete(ADMIN, "pods", "default", "web", { gracePeriodSeconds: 10 })).metadata.deletionGracePeriodSeconds).toBe(10);
  });

  it("treats a negative grace period as 1 s", () => {
    const { api } = withScheduledPod();
    expect(must(api.delete(ADMIN, "pods", "default", "web", { gracePeriodSeconds: -5 })).metadata.deletionGracePeriodSeconds).toBe(1);
  });

  it("leaves a pending deletion alone when asked again without a shorter period", () => {
    const { api, clock } = withScheduledPod();
    const first = must(api.delete(ADMIN, "pods", "default", "web"));
    clock.advanceTo(3_000);
    const again = must(api.delete(ADMIN, "pods", "default", "web"));
    expect(again).toEqual(first);
    expect(must(api.delete(ADMIN, "pods", "default", "web", { gracePeriodSeconds: 60 }))).toEqual(first);
  });

  it("shortens a pending grace period counted from the first request", () => {
    const { api, clock } = withScheduledPod();
    must(api.delete(ADMIN, "pods", "default", "web")); // at 09:00:00, due 09:00:30
    clock.advanceTo(10_000);
    const shorter = must(api.delete(ADMIN, "pods", "default", "web", { gracePeriodSeconds: 5 }));
    expect(shorter.metadata.deletionTimestamp).toBe("2026-01-01T09:00:05Z");
    expect(shorter.metadata.deletionGracePeriodSeconds).toBe(5);
  });

  it("removes the pod on a second delete with gracePeriodSeconds 0, after a last update", () => {
    const { api, clock, rec } = withScheduledPod();
    must(api.delete(ADMIN, "pods", "default", "web"));
    clock.advanceTo(30_000);
    const rvBefore = api.revision;
    const last = must(api.delete(ADMIN, "pods", "default", "web", { gracePeriodSeconds: 0 }));
    expect(last.metadata.deletionGracePeriodSeconds).toBe(0);
    expect(last.metadata.deletionTimestamp).toBe("2026-01-01T09:00:00Z");
    expect(api.get(ADMIN, "pods", "default", "web").ok).toBe(false);
    expect(api.revision).toBe(rvBefore + 2);
    api.dispatchWatches();
    expect(rec.lines).toEqual([`MODIFIED default/web rv=${rvBefore - 0}`, `MODIFIED default/web rv=${rvBefore + 1}`, `DELETED default/web rv=${rvBefore + 2}`]);
  });

  it("deletes an unscheduled pod at once, watchers seeing it marked then gone", () => {
    const { api } = newTestApiServer();
    must(api.create(ADMIN, "pods", "default", pod("pending")));
    api.dispatchWatches();
    const rec = recorder();
    api.watch(ADMIN, "pods", { sinceRevision: api.revision }, rec.handler);
    const rv = api.revision;
    const deleted = must(api.delete(ADMIN, "pods", "default", "pending"));
    expect(deleted.metadata.deletionGracePeriodSeconds).toBe(0);
    expect(api.get(ADMIN, "pods", "default", "pending").ok).toBe(false);
    api.dispatchWatches();
    expect(rec.lines).toEqual([`MODIFIED default/pending rv=${rv + 1}`, `DELETED default/pending rv=${rv + 2}`]);
    expect(rec.events[1]!.object.metadata.deletionTimestamp).toBe("2026-01-01T09:00:00Z");
  });

  it("deletes a finished pod at once even when it is bound", () => {
    const { api } = withScheduledPod();
    must(api.patch(ADMIN, "pods", "default", "web", { status: { phase: "Succeeded" } }, "status"));
    must(api.delete(ADMIN, "pods", "default", "web"));
    expect(api.get(ADMIN, "pods", "default", "web").ok).toBe(false);
  });

  it("answers NotFound once the pod is gone", () => {
    const { api } = withScheduledPod();
    must(api.delete(ADMIN, "pods", "default", "web", { gracePeriodSeconds: 0 }));
    const r = api.delete(ADMIN, "pods", "default", "web");
    expect(r.ok ? undefined : r.status).toMatchObject({ code: 404, message: 'pods "web" not found' });
  });
});

describe("finalizers", () => {
  it("hold a deleted object until the last one is removed", () => {
    const { api } = newTestApiServer();
    must(api.create(ADMIN, "pods", "default", pod("held", {}, { finalizers: ["example.com/a", "example.com/b"] })));
    const marked = must(api.delete(ADMIN, "pods", "default", "held"));
    expect(marked.metadata.deletionTimestamp).toBe("2026-01-01T09:00:00Z");
    expect(marked.metadata.deletionGracePeriodSeconds).toBe(0);
    expect(api.get(ADMIN, "pods", "default", "held").ok).toBe(true);
    must(api.patch(ADMIN, "pods", "default", "held", { metadata: { finalizers: ["example.com/b"] } }));
    expect(api.get(ADMIN, "pods", "default", "held").ok).toBe(true);
    must(api.patch(ADMIN, "pods", "default", "held", { metadata: { finalizers: null } }));
    expect(api.get(ADMIN, "pods", "default", "held").ok).toBe(false);
  });

  it("hold a scheduled pod past its grace period until the kubelet's final delete", () => {
    const { api } = withScheduledPod({}, { finalizers: ["example.com/a"] });
    must(api.delete(ADMIN, "pods", "default", "web"));
    must(api.patch(ADMIN, "pods", "default", "web", { metadata: { finalizers: [] } }));
    // The grace period is still running: the kubelet has to stop the containers first.
    expect(api.get(ADMIN, "pods", "default", "web").ok).toBe(true);
    must(api.delete(ADMIN, "pods", "default", "web", { gracePeriodSeconds: 0 }));
    expect(api.get(ADMIN, "pods", "default", "web").ok).toBe(false);
  });

  it("hold kinds without a grace period too, marked at once", () => {
    const { api, clock } = newTestApiServer();
    const body = deployment();
    body.metadata.finalizers = ["example.com/hold"];
    must(api.create(ADMIN, "deployments", "default", body));
    clock.advanceTo(2_000);
    const marked = must(api.delete(ADMIN, "deployments", "default", "web"));
    expect(marked.metadata.deletionTimestamp).toBe("2026-01-01T09:00:02Z");
    expect(marked.metadata.deletionGracePeriodSeconds).toBe(0);
    expect(marked.metadata.generation).toBe(2);
    clock.advanceTo(9_000);
    const again = must(api.delete(ADMIN, "deployments", "default", "web"));
    expect(again.metadata.resourceVersion).toBe(marked.metadata.resourceVersion);
    must(api.patch(ADMIN, "deployments", "default", "web", { metadata: { finalizers: null } }));
    expect(api.get(ADMIN, "deployments", "default", "web").ok).toBe(false);
  });

  it("may not be added to an object being deleted", () => {
    const { api } = newTestApiServer();
    must(api.create(ADMIN, "pods", "default", pod("held", {}, { finalizers: ["example.com/a"] })));
    must(api.delete(ADMIN, "pods", "default", "held"));
    const r = api.patch(ADMIN, "pods", "default", "held", { metadata: { finalizers: ["example.com/a", "example.com/b"] } });
    expect(r.ok ? undefined : r.status.message).toBe(
      'Pod "held" is invalid: metadata.finalizers: Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{"example.com/b"}',
    );
  });

  it("are added by the Foreground and Orphan propagation policies", () => {
    const { api } = newTestApiServer();
    must(api.create(ADMIN, "deployments", "default", deployment("fg")));
    must(api.create(ADMIN, "deployments", "default", deployment("or")));
    must(api.create(ADMIN, "deployments", "default", deployment("bg")));
    expect(must(api.delete(ADMIN, "deployments", "default", "fg", { propagationPolicy: "Foreground" })).metadata.finalizers).toEqual(["foregroundDeletion"]);
    expect(must(api.delete(ADMIN, "deployments", "default", "or", { propagationPolicy: "Orphan" })).metadata.finalizers).toEqual(["orphan"]);
    must(api.delete(ADMIN, "deployments", "default", "bg", { propagationPolicy: "Background" }));
    expect(api.get(ADMIN, "deployments", "default", "fg").ok).toBe(true);
    expect(api.get(ADMIN, "deployments", "default", "or").ok).toBe(true);
    expect(api.get(ADMIN, "deployments", "default", "bg").ok).toBe(false);
  });
});

describe("delete preconditions", () => {
  it("refuse a different uid or resourceVersion with BeforeDelete's messages", () => {
    const { api } = newTestApiServer();
    const p = must(api.create(ADMIN, "pods", "default", pod("web")));
    const uid = api.delete(ADMIN, "pods", "default", "web", { preconditions: { uid: "other" } });
    expect(uid.ok ? undefined : uid.status).toMatchObject({
      code: 409,
      reason: "Conflict",
      message: `Operation cannot be fulfilled on Pod "web": the UID in the precondition (other) does not match the UID in record (${p.metadata.uid}). The object might have been deleted and then recreated`,
    });
    const rv = api.delete(ADMIN, "pods", "default", "web", { preconditions: { resourceVersion: "1" } });
    expect(rv.ok ? undefined : rv.status.message).toBe(
      `Operation cannot be fulfilled on Pod "web": the ResourceVersion in the precondition (1) does not match the ResourceVersion in record (${p.metadata.resourceVersion}). The object might have been modified`,
    );
    must(api.create(ADMIN, "deployments", "default", deployment()));
    const d = api.delete(ADMIN, "deployments", "default", "web", { preconditions: { uid: "x" } });
    expect(d.ok ? undefined : d.status.message).toMatch(/^Operation cannot be fulfilled on Deployment\.apps "web": the UID in the precondition \(x\)/);
    expect(must(api.delete(ADMIN, "pods", "default", "web", { preconditions: { uid: p.metadata.uid, resourceVersion: p.metadata.resourceVersion } })).metadata.name).toBe("web");
  });
});

describe("bind", () => {
  it("sets nodeName and PodScheduled", () => {
    const { api, clock } = newTestApiServer();
    must(api.create(ADMIN, "pods", "default", pod("web")));
    clock.advanceTo(1_500);
    const bound = must(api.bind(ADMIN, "default", "web", "node-1"));
    expect(bound.spec.nodeName).toBe("node-1");
    expect(bound.status?.conditions).toEqual([{ type: "PodScheduled", status: "True", lastProbeTime: null, lastTransitionTime: "2026-01-01T09:00:01Z" }]);
    expect(bound.metadata.generation).toBe(1);
    expect(must(api.get(ADMIN, "pods", "default", "web"))).toEqual(bound);
  });

  it("replaces an Unschedulable PodScheduled condition in place", () => {
    const { api, clock } = newTestApiServer();
    must(api.create(ADMIN, "pods", "default", pod("web")));
    must(
      api.patch(
        ADMIN,
        "pods",
        "default",
        "web",
        {
          status: {
            conditions: [
              { type: "Example", status: "True" },
              { type: "PodScheduled", status: "False", reason: "Unschedulable", message: "0/1 nodes are available: 1 Insufficient cpu.", lastProbeTime: null, lastTransitionTime: "2026-01-01T09:00:00Z" },
            ],
          },
        },
        "status",
      ),
    );
    clock.advanceTo(60_000);
    const bound = must(api.bind(ADMIN, "default", "web", "node-2"));
    expect(bound.status?.conditions).toEqual([
      { type: "Example", status: "True" },
      { type: "PodScheduled", status: "True", lastProbeTime: null, lastTransitionTime: "2026-01-01T09:01:00Z" },
    ]);
  });

  it("answers Conflict when the pod is already assigned", () => {
    const { api } = newTestApiServer();
    must(api.create(ADMIN, "pods", "default", pod("web")));
    must(api.bind(ADMIN, "default", "web", "node-1"));
    const r = api.bind(ADMIN, "default", "web", "node-2");
    expect(r.ok ? undefined : r.status).toMatchObject({
      code: 409,
      reason: "Conflict",
      message: 'Operation cannot be fulfilled on pods/binding "web": pod web is already assigned to node "node-1"',
    });
  });

  it("answers Conflict when the pod is being deleted", () => {
    const { api } = newTestApiServer();
    must(api.create(ADMIN, "pods", "default", pod("web", {}, { finalizers: ["example.com/a"] })));
    must(api.delete(ADMIN, "pods", "default", "web"));
    const r = api.bind(ADMIN, "default", "web", "node-1");
    expect(r.ok ? undefined : r.status.message).toBe('Operation cannot be fulfilled on pods/binding "web": pod web is being deleted, cannot be assigned to a host');
  });

  it("answers NotFound for a missing pod and Invalid for an empty node", () => {
    const { api } = newTestApiServer();
    const missing = api.bind(ADMIN, "default", "ghost", "node-1");
    expect(missing.ok ? undefined : missing.status.message).toBe('pods "ghost" not found');
    must(api.create(ADMIN, "pods", "default", pod("web")));
    const empty = api.bind(ADMIN, "default", "web", "");
    expect(empty.ok ? undefined : empty.status.message).toBe('Binding "web" is invalid: target.name: Required value');
  });
});

describe("evict", () => {
  it("deletes gracefully, as no disruption budget exists", () => {
    const { api } = withScheduledPod();
    const evicted = must(api.evict(ADMIN, "default", "web"));
    expect(evicted.metadata.deletionGracePeriodSeconds).toBe(30);
    const missing = api.evict(ADMIN, "default", "ghost");
    expect(missing.ok ? undefined : missing.status.message).toBe('pods "ghost" not found');
  });
});
