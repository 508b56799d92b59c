// NodeRestriction (plugin/pkg/admission/noderestriction), which kubeadm enables:
// the Node authorizer lets every kubelet write nodes, pods and leases; this
// plugin narrows each kubelet to its own Node, the pods bound to it, and its own
// Lease in kube-node-lease.

import type { Node, Pod } from "../../api/core-v1.ts";
import type { Lease } from "../../api/coordination-v1.ts";
import { qualifiedResource } from "../../api/resources.ts";
import { deepEqual } from "../../kernel/equal.ts";
import { nodeNameOf, NODES_GROUP } from "../authentication/user.ts";
import { forbidden } from "../errors.ts";
import type { AdmissionAttributes, AdmissionPlugin } from "../types.ts";

/** The annotation that marks a kubelet's mirror of a static pod. */
export const MIRROR_POD_ANNOTATION = "kubernetes.io/config.mirror";
export const NODE_LEASE_NAMESPACE = "kube-node-lease";

/** admission.NewForbidden: the request's name, else the object's (a create has none in its URL). */
function refuse(a: AdmissionAttributes, reason: string) {
  const name = a.name || a.object?.metadata?.name || a.object?.metadata?.generateName || "Unknown";
  return forbidden(qualifiedResource(a.info), name, reason);
}

function admitPod(node: string, a: AdmissionAttributes) {
  switch (a.subresource ?? "") {
    case "":
      if (a.operation === "CREATE") {
        const annotations = (a.object as Pod).metadata.annotations ?? {};
        if (!Object.hasOwn(annotations, MIRROR_POD_ANNOTATION)) return refuse(a, `pod does not have "${MIRROR_POD_ANNOTATION}" annotation, node "${node}" can only create mirror pods`);
        if ((a.object as Pod).spec.nodeName !== node) return refuse(a, `node "${node}" can only create pods with spec.nodeName set to itself`);
        return undefined;
      }
      if (a.operation === "DELETE") {
        if ((a.oldObject as Pod | undefined)?.spec.nodeName !== node) return refuse(a, `node "${node}" can only delete pods with spec.nodeName set to itself`);
        return undefined;
      }
      return refuse(a, `unexpected operation "${a.operation}", node "${node}" can only create and delete mirror pods`);
    case "status":
      if (a.operation !== "UPDATE") return refuse(a, `unexpected operation "${a.operation}"`);
      if ((a.oldObject as Pod | undefined)?.spec.nodeName !== node) return refuse(a, `node "${node}" can only update pod status for pods with spec.nodeName set to itself`);
      return undefined;
    case "eviction":
      if ((a.object as Pod | undefined)?.spec.nodeName !== node) return refuse(a, `node ${node} can only evict pods with spec.nodeName set to itself`);
      return undefined;
    default:
      return refuse(a, `unexpected subresource "${a.subresource}"`);
  }
}

function admitNode(node: string, a: AdmissionAttributes) {
  const requested = a.operation === "CREATE" ? (a.object?.metadata.name ?? "") : a.name;
  if (requested !== node) return refuse(a, `node "${node}" is not allowed to modify node "${requested}"`);
  if (a.operation === "UPDATE" && a.subresource !== "status") {
    const taints = (n: unknown) => (n as Node | undefined)?.spec?.taints ?? [];
    if (!deepEqual(taints(a.object), taints(a.oldObject))) return refuse(a, `node "${node}" is not allowed to modify taints`);
  }
  return undefined;
}

function admitLease(node: string, a: AdmissionAttributes) {
  if (a.namespace !== NODE_LEASE_NAMESPACE) return refuse(a, `can only access leases in the "${NODE_LEASE_NAMESPACE}" system namespace`);
  const name = a.operation === "CREATE" ? ((a.object as Lease | undefined)?.metadata.name ?? "") : a.name;
  if (name !== node) return refuse(a, "can only access node lease with the same name as the requesting node");
  return undefined;
}

export const nodeRestriction: AdmissionPlugin = {
  name: "NodeRestriction",
  admit(a) {
    if (!(a.user.groups ?? []).includes(NODES_GROUP)) return undefined;
    const node = nodeNameOf(a.user);
    if (node === undefined) return refuse(a, `could not determine node from user "${a.user.name}"`);
    switch (a.info.resource) {
      case "pods":
        return admitPod(node, a);
      case "nodes":
        return admitNode(node, a);
      case "leases":
        return admitLease(node, a);
      default:
        return undefined;
    }
  },
};
