// The kubelet's node lease (component-helpers' lease controller): a Lease in
// kube-node-lease named after the node, owned by the Node, renewed every 10 s
// (a quarter of its 40 s duration). The node controller reads renewTime as the
// heartbeat that keeps the node alive between status reports.

import type { Lease } from "../api/coordination-v1.ts";
import type { DeepReadonly, ObjectMeta } from "../api/meta.ts";
import type { Client } from "../clientgo/client.ts";
import { clone } from "../kernel/equal.ts";

/** The Node the lease belongs to (its owner). */
type NodeRef = { readonly metadata: DeepReadonly<ObjectMeta> };

export const NODE_LEASE_NAMESPACE = "kube-node-lease";
export const NODE_LEASE_DURATION_SECONDS = 40;
/** renewInterval = 0.25 × leaseDuration. */
export const NODE_LEASE_RENEW_INTERVAL_MS = (NODE_LEASE_DURATION_SECONDS * 1000) / 4;

export class NodeLease {
  readonly #client: Client;
  readonly #nodeName: string;
  /** The lease as last written: updates carry its resourceVersion. */
  #latest: Lease | undefined;

  constructor(client: Client, nodeName: string) {
    this.#client = client;
    this.#nodeName = nodeName;
  }

  /** Creates the lease, or takes it over and renews it; `renewTime` is a MicroTime string. */
  renew(renewTime: string, node: NodeRef | undefined): void {
    // A conflict (someone else wrote it) or a vanished lease: read it afresh and try once more.
    for (let attempt = 0; attempt < 2; attempt++) {
      if (this.#latest === undefined) {
        const got = this.#client.get("leases", NODE_LEASE_NAMESPACE, this.#nodeName);
        if (!got.ok) {
          const created = this.#client.create("leases", NODE_LEASE_NAMESPACE, this.#fresh(renewTime, node));
          if (created.ok) this.#latest = created.object;
          return;
        }
        this.#latest = got.object;
      }
      const next = clone(this.#latest);
      next.spec.holderIdentity = this.#nodeName;
      next.spec.leaseDurationSeconds = NODE_LEASE_DURATION_SECONDS;
      next.spec.renewTime = renewTime;
      if (node?.metadata.uid !== undefined && (next.metadata.ownerReferences ?? []).length === 0) next.metadata.ownerReferences = [ownerRef(node)];
      const updated = this.#client.update("leases", next);
      this.#latest = updated.ok ? updated.object : undefined;
      if (updated.ok) return;
    }
  }

  #fresh(renewTime: string, node: NodeRef | undefined): Lease {
    const lease: Lease = {
      apiVersion: "coordination.k8s.io/v1",
      kind: "Lease",
      metadata: { name: this.#nodeName, namespace: NODE_LEASE_NAMESPACE },
      spec: { holderIdentity: this.#nodeName, leaseDurationSeconds: NODE_LEASE_DURATION_SECONDS, renewTime },
    };
    if (node?.metadata.uid !== undefined) lease.metadata.ownerReferences = [ownerRef(node)];
    return lease;
  }
}

function ownerRef(node: NodeRef) {
  return { apiVersion: "v1", kind: "Node", name: node.metadata.name!, uid: node.metadata.uid! };
}
