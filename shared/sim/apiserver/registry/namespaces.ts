// Namespace strategy: Active on creation, carrying its own name as a label.

import type { Namespace } from "../../api/core-v1.ts";
import { RESOURCES } from "../../api/resources.ts";
import type { Strategy } from "../types.ts";

export const namespaceStrategy: Strategy<Namespace> = {
  info: RESOURCES.namespaces,
  hasStatus: true,
  applyDefaults(ns) {
    // NamespaceDefaultLabelName: every namespace is labelled with its own name.
    if (ns.metadata.name) ns.metadata.labels = { ...ns.metadata.labels, "kubernetes.io/metadata.name": ns.metadata.name };
  },
  prepareForCreate(ns) {
    delete ns.metadata.generation; // namespaces do not track generation
    ns.spec = { finalizers: ["kubernetes"] };
    ns.status = { phase: "Active" };
  },
  validate() {
    return [];
  },
};
