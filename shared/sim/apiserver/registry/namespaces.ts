// Namespace strategy (pkg/registry/core/namespace): Active on creation with the
// "kubernetes" finalizer in spec.finalizers, labelled with its own name. Its
// REST.Delete only marks it (deletionTimestamp, phase Terminating); the
// namespace controller empties it and removes the finalizer through the finalize
// subresource, and the update that leaves spec.finalizers empty deletes it
// (ShouldDeleteNamespaceDuringUpdate). Ordinary updates cannot touch
// spec.finalizers; finalize writes everything but status.

import type { Namespace } from "../../api/core-v1.ts";
import { RESOURCES } from "../../api/resources.ts";
import { clone } from "../../kernel/equal.ts";
import type { Strategy } from "../types.ts";

/** v1.FinalizerKubernetes: the namespace controller's token. */
export const FINALIZER_KUBERNETES = "kubernetes";

export const namespaceStrategy: Strategy<Namespace> = {
  info: RESOURCES.namespaces,
  hasStatus: true,
  applyDefaults(ns) {
    // NamespaceDefaultLabelName: every namespace is labelled with its own name.
    if (ns.metadata.name) ns.metadata.labels = { ...ns.metadata.labels, "kubernetes.io/metadata.name": ns.metadata.name };
  },
  prepareForCreate(ns) {
    delete ns.metadata.generation; // namespaces do not track generation
    // Finalizers the client asked for stay; the namespace controller's token is always added.
    const finalizers = ns.spec?.finalizers ?? [];
    ns.spec = { finalizers: finalizers.includes(FINALIZER_KUBERNETES) ? finalizers : [...finalizers, FINALIZER_KUBERNETES] };
    ns.status = { phase: "Active" };
  },
  prepareForUpdate(ns, old) {
    ns.spec = { ...ns.spec, finalizers: old.spec?.finalizers };
    if (ns.spec.finalizers === undefined) delete ns.spec.finalizers;
  },
  prepareForFinalizeUpdate(ns, old) {
    ns.status = clone(old.status);
    if (ns.status === undefined) delete ns.status;
  },
  deletion: {
    mark(ns, now) {
      ns.metadata.deletionTimestamp = now;
      ns.status = { ...ns.status, phase: "Terminating" };
    },
    finalizers: (ns) => ns.spec?.finalizers ?? [],
  },
  validate() {
    return [];
  },
};
