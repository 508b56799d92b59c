// The STATUS and ROLES columns of `kubectl get nodes` and the Taint.ToString
// form describe prints; shared with the room's projection of nodes.

import type { Node, Taint } from "../../sim/api/core-v1.ts";
import type { DeepReadonly } from "../../sim/api/meta.ts";

type RO<T> = DeepReadonly<T>;

const LABEL_NODE_ROLE_PREFIX = "node-role.kubernetes.io/";
const NODE_LABEL_ROLE = "kubernetes.io/role";

/** findNodeRoles: node-role.kubernetes.io/<role> keys and the kubernetes.io/role value, sorted. */
export function nodeRoleList(node: RO<Node>): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata.labels ?? {})) {
    if (k.startsWith(LABEL_NODE_ROLE_PREFIX)) {
      const role = k.slice(LABEL_NODE_ROLE_PREFIX.length);
      if (role.length > 0) roles.add(role);
    } else if (k === NODE_LABEL_ROLE && v !== "") roles.add(v);
  }
  return [...roles].sort();
}

/** The ROLES cell: "control-plane", "<none>". */
export function nodeRoles(node: RO<Node>): string {
  return nodeRoleList(node).join(",") || "<none>";
}

/** The STATUS cell: Ready / NotReady (False or Unknown) / Unknown (no condition), plus ",SchedulingDisabled". */
export function nodeStatusText(node: RO<Node>): string {
  const ready = (node.status?.conditions ?? []).find((c) => c.type === "Ready");
  const status = [ready ? (ready.status === "True" ? "Ready" : "NotReady") : "Unknown"];
  if (node.spec.unschedulable) status.push("SchedulingDisabled");
  return status.join(",");
}

/** Taint.ToString(): "key=value:Effect", "key:Effect". */
export function formatTaint(t: RO<Taint>): string {
  if (!t.effect) return t.value ? `${t.key}=${t.value}:` : t.key;
  return t.value ? `${t.key}=${t.value}:${t.effect}` : `${t.key}:${t.effect}`;
}
