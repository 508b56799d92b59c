import { describe, expect, it } from "vitest";
import type { Namespace } from "../../api/core-v1.ts";
import { ADMIN, must, namespace, newTestApiServer } from "../test-fixture.ts";

describe("namespace registry", () => {
  it("changes spec.finalizers through the finalize subresource only", () => {
    const { api } = newTestApiServer();
    const ns = must(api.create(ADMIN, "namespaces", undefined, namespace("team-a")));
    const edited: Namespace = { ...structuredClone(ns), spec: { finalizers: [] }, metadata: { ...ns.metadata, labels: { ...ns.metadata.labels, team: "a" } } };
    const updated = must(api.update(ADMIN, "namespaces", undefined, edited));
    expect([updated.spec, updated.metadata.labels?.team]).toEqual([{ finalizers: ["kubernetes"] }, "a"]);
    const finalize: Namespace = { ...structuredClone(updated), spec: { finalizers: [] }, status: { phase: "Terminating" } };
    const finalized = must(api.update(ADMIN, "namespaces", undefined, finalize, "finalize"));
    expect([finalized.spec, finalized.status]).toEqual([{ finalizers: [] }, { phase: "Active" }]);
    const pod = api.update(ADMIN, "pods", "default", { apiVersion: "v1", kind: "Pod", metadata: { name: "x" }, spec: { containers: [] } } as never, "finalize");
    expect(pod.ok ? undefined : pod.status).toMatchObject({ code: 404, message: 'pods "x" not found' });
  });

  it("marks a namespace on the first delete, returns it on the next, and deletes it when the last finalizer goes", () => {
    const { api, clock } = newTestApiServer();
    must(api.create(ADMIN, "namespaces", undefined, namespace("team-a")));
    clock.advanceTo(3_000);
    const marked = must(api.delete(ADMIN, "namespaces", undefined, "team-a"));
    expect(marked.metadata.deletionTimestamp).toBe("2026-01-01T09:00:03Z");
    expect(marked.status).toEqual({ phase: "Terminating" });
    expect(must(api.delete(ADMIN, "namespaces", undefined, "team-a"))).toEqual(marked);
    const finalize: Namespace = { ...structuredClone(marked), spec: { finalizers: [] } };
    must(api.update(ADMIN, "namespaces", undefined, finalize, "finalize"));
    expect(api.get(ADMIN, "namespaces", undefined, "team-a").ok).toBe(false);
  });
});
