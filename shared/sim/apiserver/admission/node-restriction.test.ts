import { describe, expect, it } from "vitest";
import type { Lease } from "../../api/coordination-v1.ts";
import type { Node } from "../../api/core-v1.ts";
import { bootstrapApiServer } from "../bootstrap.ts";
import { ADMIN, must, namespace, newTestApiServer, pod } from "../test-fixture.ts";
import type { UserInfo } from "../types.ts";

const n1: UserInfo = { name: "system:node:n1", groups: ["system:nodes"] };
const node = (name: string): Node => ({ apiVersion: "v1", kind: "Node", metadata: { name }, spec: {} });
const lease = (name: string): Lease => ({ apiVersion: "coordination.k8s.io/v1", kind: "Lease", metadata: { name }, spec: { holderIdentity: name } });

function setup() {
  const t = newTestApiServer();
  bootstrapApiServer(t.api, ["kube-node-lease"]);
  must(t.api.create(ADMIN, "nodes", undefined, node("n2")));
  must(t.api.create(ADMIN, "pods", "default", pod("mine", { nodeName: "n1" })));
  must(t.api.create(ADMIN, "pods", "default", pod("theirs", { nodeName: "n2" })));
  return t;
}
const msg = (r: { ok: boolean; status?: { message: string } }): string => (r.ok ? "allowed" : r.status!.message);

describe("NodeRestriction", () => {
  it("lets a kubelet register and update only its own Node", () => {
    const t = setup();
    expect(msg(t.api.create(n1, "nodes", undefined, node("n1")))).toBe("allowed");
    expect(msg(t.api.patch(n1, "nodes", undefined, "n1", { status: { phase: "Running" } }, "status"))).toBe("allowed");
    expect(msg(t.api.patch(n1, "nodes", undefined, "n2", { status: { phase: "Running" } }, "status"))).toBe('nodes "n2" is forbidden: node "n1" is not allowed to modify node "n2"');
    expect(msg(t.api.patch(n1, "nodes", undefined, "n1", { spec: { taints: [{ key: "k", effect: "NoSchedule" }] } }))).toBe('nodes "n1" is forbidden: node "n1" is not allowed to modify taints');
  });

  it("lets a kubelet write the status of, and delete, only pods bound to it", () => {
    const t = setup();
    expect(msg(t.api.patch(n1, "pods", "default", "mine", { status: { phase: "Running" } }, "status"))).toBe("allowed");
    expect(msg(t.api.patch(n1, "pods", "default", "theirs", { status: { phase: "Running" } }, "status"))).toBe(
      'pods "theirs" is forbidden: node "n1" can only update pod status for pods with spec.nodeName set to itself',
    );
    expect(msg(t.api.delete(n1, "pods", "default", "theirs"))).toBe('pods "theirs" is forbidden: node "n1" can only delete pods with spec.nodeName set to itself');
    expect(msg(t.api.create(n1, "pods", "default", pod("new", { nodeName: "n1" })))).toBe('pods "new" is forbidden: pod does not have "kubernetes.io/config.mirror" annotation, node "n1" can only create mirror pods');
  });

  it("lets a kubelet hold only its own Lease, in kube-node-lease", () => {
    const t = setup();
    expect(msg(t.api.create(n1, "leases", "kube-node-lease", lease("n1")))).toBe("allowed");
    expect(msg(t.api.create(n1, "leases", "kube-node-lease", lease("n2")))).toBe('leases.coordination.k8s.io "n2" is forbidden: can only access node lease with the same name as the requesting node');
    must(t.api.create(ADMIN, "namespaces", undefined, namespace("other")));
    expect(msg(t.api.create(n1, "leases", "other", lease("n1")))).toBe('leases.coordination.k8s.io "n1" is forbidden: can only access leases in the "kube-node-lease" system namespace');
  });
});
