// The garbage collector (pkg/controller/garbagecollector): deletes objects whose
// owners are gone, and carries out the two deletion policies that need help
// after the owner is marked deleted. `orphan`: strip the owner's references from
// its dependents, then drop the finalizer. `foregroundDeletion`: delete the
// dependents, and drop the finalizer once no dependent that blocks owner
// deletion is left. Background deletion needs nothing more than the first rule.
//
// Upstream keeps a graph of every object's owners and dependents; here the
// shared informers are the graph: each has an index by owner uid, so "the
// dependents of X" is one lookup per resource.

import type { DeepReadonly, KubeObject, OwnerReference } from "../../api/meta.ts";
import { RESOURCE_NAMES, apiVersionOf, resourceForKind, type ResourceInfo, type ResourceName } from "../../api/resources.ts";
import type { DeleteOptions } from "../../api/core-v1.ts";
import { INDEX_OWNER_UID, ownerUidIndex, type Informer } from "../../clientgo/informer.ts";
import { WorkQueue } from "../../clientgo/workqueue.ts";
import { deepEqual } from "../../kernel/equal.ts";
import { DONE, REQUEUE, type Controller, type ControllerDeps, type SyncResult } from "../controller.ts";
import { keyOf } from "../common/object-key.ts";

export const GARBAGE_COLLECTOR_NAME = "garbage-collector-controller";

/** metav1.FinalizerOrphanDependents and metav1.FinalizerDeleteDependents. */
export const FINALIZER_ORPHAN_DEPENDENTS = "orphan";
export const FINALIZER_DELETE_DEPENDENTS = "foregroundDeletion";

type View = DeepReadonly<KubeObject>;

interface Dependent {
  readonly resource: ResourceName;
  readonly obj: View;
}

const hasFinalizer = (o: View, f: string): boolean => (o.metadata.finalizers ?? []).includes(f);
const beingDeleted = (o: View): boolean => o.metadata.deletionTimestamp !== undefined;
const deletingDependents = (o: View): boolean => beingDeleted(o) && hasFinalizer(o, FINALIZER_DELETE_DEPENDENTS);
/** Marked for orphan or foreground deletion: the GC has work to do on it as an owner. */
const hasGcFinalizer = (o: View): boolean => beingDeleted(o) && (hasFinalizer(o, FINALIZER_ORPHAN_DEPENDENTS) || hasFinalizer(o, FINALIZER_DELETE_DEPENDENTS));

export function newGarbageCollector(deps: ControllerDeps): Controller {
  const { client } = deps;
  const queue = new WorkQueue(GARBAGE_COLLECTOR_NAME, deps.clock);
  const informers = new Map<ResourceName, Informer<ResourceName>>();
  for (const resource of RESOURCE_NAMES) {
    const inf = deps.informers.informer(resource) as Informer<ResourceName>;
    inf.addIndexer(INDEX_OWNER_UID, ownerUidIndex);
    informers.set(resource, inf);
  }

  const enqueue = (resource: ResourceName, o: View): void => queue.add(`${resource}/${keyOf(o)}`);

  /** Every object that lists `owner` among its ownerReferences, in resource then key order. */
  const dependentsOf = (owner: View): Dependent[] => {
    const out: Dependent[] = [];
    for (const [resource, inf] of informers) for (const obj of inf.byIndex(INDEX_OWNER_UID, owner.metadata.uid!)) out.push({ resource, obj: obj as View });
    return out;
  };

  /**
   * The owner a reference points to. undefined: its kind is not one we serve, so
   * it cannot be judged (left alone). { owner: undefined }: it is gone (dangling).
   * Absence in the cache is confirmed with a live read, as isDangling does.
   */
  const lookupOwner = (ref: DeepReadonly<OwnerReference>, namespace: string | undefined, confirm = true): { resource: ResourceName; owner: View | undefined } | undefined => {
    const info = resourceForKind(ref.kind) as ResourceInfo | undefined;
    if (!info || apiVersionOf(info) !== ref.apiVersion) return undefined;
    const resource = info.resource as ResourceName;
    const ns = info.namespaced ? namespace : undefined;
    const cached = informers.get(resource)!.get(ns ? `${ns}/${ref.name}` : ref.name);
    if (cached && cached.metadata.uid === ref.uid) return { resource, owner: cached as View };
    if (!confirm) return { resource, owner: undefined };
    const live = client.get(resource, ns, ref.name);
    return { resource, owner: live.ok && live.object.metadata.uid === ref.uid ? (live.object as View) : undefined };
  };

  /** Owners that wait on their dependents' deletion want to hear when one goes away. */
  const enqueueDeletingOwners = (dependent: View, refs: readonly DeepReadonly<OwnerReference>[]): void => {
    for (const ref of refs) {
      const found = lookupOwner(ref, dependent.metadata.namespace, false);
      if (found && found.owner && deletingDependents(found.owner)) enqueue(found.resource, found.owner);
    }
  };

  for (const [resource, inf] of informers) {
    inf.addEventHandler({
      onAdd: (o) => {
        if ((o.metadata.ownerReferences?.length ?? 0) > 0 || hasGcFinalizer(o)) enqueue(resource, o);
      },
      onUpdate: (old, cur) => {
        const oldRefs = old.metadata.ownerReferences ?? [];
        const curRefs = cur.metadata.ownerReferences ?? [];
        if (!deepEqual(oldRefs, curRefs)) {
          enqueue(resource, cur);
          enqueueDeletingOwners(cur, oldRefs.filter((r) => !curRefs.some((c) => c.uid === r.uid)));
        }
        // Marked for orphan or foreground deletion (or its finalizers moved on): the GC's turn.
        if (hasGcFinalizer(cur) && !(hasGcFinalizer(old) && deepEqual(old.metadata.finalizers, cur.metadata.finalizers))) enqueue(resource, cur);
      },
      onDelete: (o) => {
        for (const dep of dependentsOf(o)) enqueue(dep.resource, dep.obj);
        enqueueDeletingOwners(o, o.metadata.ownerReferences ?? []);
      },
    });
  }

  const deleteObject = (resource: ResourceName, o: View, propagationPolicy: DeleteOptions["propagationPolicy"]): boolean => {
    const res = client.delete(resource, o.metadata.namespace, o.metadata.name!, { propagationPolicy, preconditions: { uid: o.metadata.uid } });
    return res.ok || res.status.reason === "NotFound";
  };

  /**
   * Rewrites one metadata list from a fresh read, guarded by its resourceVersion
   * (upstream patches from a live GET too: the cache may trail the GC's own and
   * other controllers' writes). Gone, or replaced by a namesake, counts as done.
   */
  const patchMetadataList = (resource: ResourceName, o: View, edit: (live: KubeObject) => Record<string, unknown> | undefined): boolean => {
    const live = client.get(resource, o.metadata.namespace, o.metadata.name!);
    if (!live.ok || live.object.metadata.uid !== o.metadata.uid) return true;
    const metadata = edit(live.object);
    if (!metadata) return true;
    const res = client.patch(resource, o.metadata.namespace, o.metadata.name!, { metadata: { ...metadata, resourceVersion: live.object.metadata.resourceVersion } });
    return res.ok || res.status.reason === "NotFound";
  };

  const patchOwnerRefs = (resource: ResourceName, o: View, dropUids: ReadonlySet<string>): boolean =>
    patchMetadataList(resource, o, (live) => {
      const refs = live.metadata.ownerReferences ?? [];
      const rest = refs.filter((r) => !dropUids.has(r.uid));
      if (rest.length === refs.length) return undefined;
      return { ownerReferences: rest.length > 0 ? rest : null };
    });

  const removeFinalizer = (resource: ResourceName, o: View, finalizer: string): boolean =>
    patchMetadataList(resource, o, (live) => {
      const finalizers = live.metadata.finalizers ?? [];
      if (!finalizers.includes(finalizer)) return undefined;
      const rest = finalizers.filter((f) => f !== finalizer);
      return { finalizers: rest.length > 0 ? rest : null };
    });

  /**
   * attemptToDeleteItem for a dependent: with a live owner it stays (minus any
   * references to gone or foreground-deleting owners); without one it is deleted.
   */
  const attemptToDelete = (resource: ResourceName, o: View): boolean => {
    const refs = o.metadata.ownerReferences ?? [];
    if (refs.length === 0) return true;
    let solid = 0;
    const drop = new Set<string>();
    let waiting = 0;
    for (const ref of refs) {
      const found = lookupOwner(ref, o.metadata.namespace);
      if (!found) {
        solid++;
      } else if (!found.owner) {
        drop.add(ref.uid);
      } else if (deletingDependents(found.owner)) {
        drop.add(ref.uid);
        waiting++;
      } else {
        solid++;
      }
    }
    if (solid > 0) return drop.size === 0 || patchOwnerRefs(resource, o, drop);
    // Its owner waits in the foreground and it has dependents of its own: they go first, then it.
    if (waiting > 0 && dependentsOf(o).length > 0) return deleteObject(resource, o, "Foreground");
    if (hasFinalizer(o, FINALIZER_ORPHAN_DEPENDENTS)) return deleteObject(resource, o, "Orphan");
    if (hasFinalizer(o, FINALIZER_DELETE_DEPENDENTS)) return deleteObject(resource, o, "Foreground");
    return deleteObject(resource, o, "Background");
  };

  /** attemptToOrphan: dependents lose their reference to the owner, then the owner its finalizer. */
  const orphanDependents = (resource: ResourceName, owner: View): SyncResult => {
    const uid = new Set([owner.metadata.uid!]);
    for (const dep of dependentsOf(owner)) if (!patchOwnerRefs(dep.resource, dep.obj, uid)) return REQUEUE;
    return removeFinalizer(resource, owner, FINALIZER_ORPHAN_DEPENDENTS) ? DONE : REQUEUE;
  };

  /** processDeletingDependentsItem: delete what is not yet deleting; finish once no blocking dependent is left. */
  const processDeletingDependents = (resource: ResourceName, owner: View): SyncResult => {
    const uid = owner.metadata.uid!;
    const blocks = (d: Dependent): boolean => (d.obj.metadata.ownerReferences ?? []).some((r) => r.uid === uid && r.blockOwnerDeletion === true);
    const dependents = dependentsOf(owner);
    const blocking = dependents.filter(blocks);
    if (blocking.length === 0) return removeFinalizer(resource, owner, FINALIZER_DELETE_DEPENDENTS) ? DONE : REQUEUE;
    // Blocking dependents first: they are what the owner waits for.
    for (const dep of [...blocking, ...dependents.filter((d) => !blocks(d))]) {
      if (beingDeleted(dep.obj)) continue;
      if (!attemptToDelete(dep.resource, dep.obj)) return REQUEUE;
    }
    return DONE;
  };

  const sync = (key: string): SyncResult => {
    const slash = key.indexOf("/");
    const resource = key.slice(0, slash) as ResourceName;
    const obj = informers.get(resource)?.get(key.slice(slash + 1)) as View | undefined;
    if (!obj) return DONE;
    if (beingDeleted(obj)) {
      if (hasFinalizer(obj, FINALIZER_ORPHAN_DEPENDENTS)) return orphanDependents(resource, obj);
      if (hasFinalizer(obj, FINALIZER_DELETE_DEPENDENTS)) return processDeletingDependents(resource, obj);
      // On its way out already: its dependents are handled when it is gone.
      return DONE;
    }
    return attemptToDelete(resource, obj) ? DONE : REQUEUE;
  };

  return { name: GARBAGE_COLLECTOR_NAME, queue, sync };
}
