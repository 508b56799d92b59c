// The namespace deleter (pkg/controller/namespace/deletion/
// namespaced_resources_deleter.go): for a namespace marked for deletion, mark it
// Terminating, delete everything in it (pods gracefully, dependents in the
// background), report what remains in its status conditions, and once nothing
// does, remove the "kubernetes" finalizer through the finalize subresource,
// which lets the API server delete the namespace.

import type { Namespace, Pod } from "../../api/core-v1.ts";
import type { KubeObject } from "../../api/meta.ts";
import { RESOURCES, RESOURCE_NAMES, type ResourceName } from "../../api/resources.ts";
import { FINALIZER_KUBERNETES } from "../../apiserver/registry/namespaces.ts";
import type { Client } from "../../clientgo/client.ts";
import { clone } from "../../kernel/equal.ts";
import { failingConditions, updateConditions } from "./status-conditions.ts";

/** The default wait for objects whose finalizers must run first (finalizerEstimateSeconds). */
export const FINALIZER_ESTIMATE_SECONDS = 15;

/** "Discovery": every namespaced resource the API server serves, in a fixed order. */
const NAMESPACED_RESOURCES: readonly ResourceName[] = RESOURCE_NAMES.filter((r) => RESOURCES[r].namespaced);

export type DeleteResult =
  /** Gone, not being deleted, or finalized: nothing to do. */
  | { readonly kind: "done" }
  /** ResourcesRemainingError: content is on its way out; look again later. */
  | { readonly kind: "remaining"; readonly estimateSeconds: number }
  | { readonly kind: "error"; readonly message: string };

/** ResourcesRemainingError's text. */
export const resourcesRemainingMessage = (estimate: number): string => `some content remains in the namespace, estimate ${estimate} seconds before it is removed`;

export function newNamespacedResourcesDeleter(client: Client, now: () => string): (name: string) => DeleteResult {
  /** estimateGracefulTerminationForPods: the longest grace period of a pod still running. */
  const estimatePods = (pods: readonly Pod[]): number => {
    let estimate = 0;
    for (const pod of pods) {
      if (pod.status?.phase === "Succeeded" || pod.status?.phase === "Failed") continue;
      estimate = Math.max(estimate, pod.spec.terminationGracePeriodSeconds ?? 0);
    }
    return estimate;
  };

  /** deleteAllContentForGroupVersionResource: one deletecollection, then a list of what is left. */
  const deleteResource = (resource: ResourceName, namespace: string) => {
    const none = new Map<string, number>();
    const listed = client.list(resource, namespace);
    if (!listed.ok) return { estimate: 0, remaining: 0, finalizers: none, error: listed.status.message };
    const estimate = resource === "pods" ? estimatePods(listed.object.items as readonly Pod[]) : 0;
    // OrphanDependents=false: the garbage collector removes dependents in the background.
    const deleted = client.deleteCollection(resource, namespace, { propagationPolicy: "Background" });
    if (!deleted.ok) return { estimate, remaining: 0, finalizers: none, error: deleted.status.message };
    const relisted = client.list(resource, namespace);
    if (!relisted.ok) return { estimate, remaining: 0, finalizers: none, error: relisted.status.message };
    const left = relisted.object.items as readonly KubeObject[];
    const finalizers = new Map<string, number>();
    for (const o of left) for (const f of o.metadata.finalizers ?? []) finalizers.set(f, (finalizers.get(f) ?? 0) + 1);
    if (left.length === 0) return { estimate: 0, remaining: 0, finalizers, error: undefined };
    if (estimate !== 0) return { estimate, remaining: left.length, finalizers, error: undefined };
    // Items with finalizers are normal: give the garbage collector time to finish.
    if (finalizers.size > 0) return { estimate: FINALIZER_ESTIMATE_SECONDS, remaining: left.length, finalizers, error: undefined };
    const info = RESOURCES[resource];
    return { estimate, remaining: left.length, finalizers, error: `unexpected items still remain in namespace: ${namespace} for gvr: {${info.group} ${info.version} ${info.resource}}` };
  };

  /** deleteAllContent: one pass over every resource, then the conditions it leaves. */
  const deleteAllContent = (ns: Namespace): { estimate: number; errors: string[] } => {
    const namespace = ns.metadata.name!;
    let estimate = 0;
    const remainingByResource = new Map<string, number>();
    const remainingByFinalizer = new Map<string, number>();
    const errors: string[] = [];
    for (const resource of NAMESPACED_RESOURCES) {
      const r = deleteResource(resource, namespace);
      if (r.error !== undefined) errors.push(r.error);
      estimate = Math.max(estimate, r.estimate);
      if (r.remaining > 0) {
        const info = RESOURCES[resource];
        remainingByResource.set(`${info.resource}.${info.group}`, r.remaining);
        for (const [f, n] of r.finalizers) remainingByFinalizer.set(f, (remainingByFinalizer.get(f) ?? 0) + n);
      }
    }
    // The conditions are written on every pass, so a condition that cleared says so.
    const updated = clone(ns);
    updated.status ??= {};
    const conditions = (updated.status.conditions ??= []);
    if (updateConditions(conditions, failingConditions({ remainingByResource, remainingByFinalizer, deleteErrors: errors }, now()), now())) {
      client.updateStatus("namespaces", updated);
    }
    return { estimate, errors };
  };

  return (name) => {
    const got = client.get("namespaces", undefined, name);
    if (!got.ok) return got.status.reason === "NotFound" ? { kind: "done" } : { kind: "error", message: got.status.message };
    let ns = got.object;
    if (ns.metadata.deletionTimestamp === undefined) return { kind: "done" };
    // updateNamespaceStatusFunc: the phase says Terminating before anything is removed.
    if (ns.status?.phase !== "Terminating") {
      const updated = clone(ns);
      updated.status = { ...updated.status, phase: "Terminating" };
      const r = client.updateStatus("namespaces", updated);
      if (!r.ok) return r.status.reason === "NotFound" ? { kind: "done" } : { kind: "error", message: r.status.message };
      ns = r.object;
    }
    if ((ns.spec?.finalizers ?? []).length === 0) return { kind: "done" };
    const { estimate, errors } = deleteAllContent(ns);
    if (errors.length > 0) return { kind: "error", message: errors.join(", ") };
    if (estimate > 0) return { kind: "remaining", estimateSeconds: estimate };
    // finalizeNamespace: every finalizer but ours, sorted (a set's List()).
    const latest = client.get("namespaces", undefined, name);
    if (!latest.ok) return { kind: "done" };
    const finalize = clone(latest.object);
    finalize.spec = { ...finalize.spec, finalizers: [...new Set(finalize.spec?.finalizers ?? [])].filter((f) => f !== FINALIZER_KUBERNETES).sort() };
    const r = client.finalize(finalize);
    if (!r.ok && r.status.reason !== "NotFound") return { kind: "error", message: r.status.message };
    return { kind: "done" };
  };
}
