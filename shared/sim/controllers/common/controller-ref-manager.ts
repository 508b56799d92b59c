// ControllerRefManager (pkg/controller/controller_ref_manager.go): a controller
// claims the children its selector matches. It keeps those it already controls,
// adopts matching orphans (setting itself as controllerRef) and releases children
// whose labels no longer match. Writes are merge patches carrying the cached
// resourceVersion, so a stale view fails with Conflict instead of clobbering.

import type { DeepReadonly, KubeObject, OwnerReference } from "../../api/meta.ts";
import type { ResourceName, ResourceTypes } from "../../api/resources.ts";
import type { Client } from "../../clientgo/client.ts";
import { controllerOf } from "./object-key.ts";
import { clone } from "../../kernel/equal.ts";

export interface GroupVersionKind {
  readonly apiVersion: string;
  readonly kind: string;
}

/** metav1.NewControllerRef: the owner reference a controller puts on what it creates. */
export function newControllerRef(owner: DeepReadonly<KubeObject>, gvk: GroupVersionKind): OwnerReference {
  return { apiVersion: gvk.apiVersion, kind: gvk.kind, name: owner.metadata.name!, uid: owner.metadata.uid!, controller: true, blockOwnerDeletion: true };
}

export interface ClaimOptions<R extends ResourceName> {
  readonly client: Client;
  readonly resource: R;
  readonly owner: DeepReadonly<KubeObject>;
  readonly ownerKind: GroupVersionKind;
  /** Children the owner controls plus orphans in its namespace, in a stable order. */
  readonly candidates: readonly DeepReadonly<ResourceTypes[R]>[];
  readonly match: (child: DeepReadonly<ResourceTypes[R]>) => boolean;
  /** Quorum re-read of the owner before the first adoption (RecheckDeletionTimestamp). */
  readonly canAdopt: () => boolean;
}

export interface ClaimResult<T> {
  readonly claimed: DeepReadonly<T>[];
  /** An adoption or release failed for a reason other than NotFound: sync again later. */
  readonly failed: boolean;
}

export function claimObjects<R extends ResourceName>(opts: ClaimOptions<R>): ClaimResult<ResourceTypes[R]> {
  const { client, resource, owner } = opts;
  const ownerUid = owner.metadata.uid;
  const ownerDeleting = owner.metadata.deletionTimestamp !== undefined;
  const claimed: DeepReadonly<ResourceTypes[R]>[] = [];
  let failed = false;
  let adoptionAllowed: boolean | undefined;

  const writeOwnerRefs = (child: DeepReadonly<ResourceTypes[R]>, refs: OwnerReference[]): boolean => {
    const res = client.patch(resource, child.metadata.namespace, child.metadata.name!, {
      metadata: { ownerReferences: refs.length > 0 ? refs : null, resourceVersion: child.metadata.resourceVersion },
    });
    if (res.ok || res.status.reason === "NotFound") return res.ok;
    failed = true;
    return false;
  };

  for (const child of opts.candidates) {
    const ref = controllerOf(child);
    if (ref) {
      if (ref.uid !== ownerUid) continue;
      // Already ours: keep it, even while the owner is being deleted (no write needed).
      if (opts.match(child)) {
        claimed.push(child);
        continue;
      }
      if (ownerDeleting) continue;
      const refs = ((child.metadata.ownerReferences ?? []) as OwnerReference[]).filter((r) => r.uid !== ownerUid);
      writeOwnerRefs(child, clone(refs));
      continue;
    }
    // An orphan: adopt it if it matches and neither side is going away.
    if (ownerDeleting || !opts.match(child) || child.metadata.deletionTimestamp !== undefined) continue;
    if (child.metadata.namespace !== owner.metadata.namespace) continue;
    adoptionAllowed ??= opts.canAdopt();
    if (!adoptionAllowed) {
      failed = true;
      continue;
    }
    const refs = [...clone((child.metadata.ownerReferences ?? []) as OwnerReference[]), newControllerRef(owner, opts.ownerKind)];
    if (writeOwnerRefs(child, refs)) claimed.push(child);
  }
  return { claimed, failed };
}

/** canAdopt for claimObjects: the owner, read live, is the same object and not being deleted. */
export function recheckDeletionTimestamp(client: Client, resource: ResourceName, owner: DeepReadonly<KubeObject>): () => boolean {
  return () => {
    const fresh = client.get(resource, owner.metadata.namespace, owner.metadata.name!);
    return fresh.ok && fresh.object.metadata.uid === owner.metadata.uid && fresh.object.metadata.deletionTimestamp === undefined;
  };
}
