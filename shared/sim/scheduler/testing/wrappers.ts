// Builders for scheduler tests (upstream's pkg/scheduler/testing wrappers):
// nodes and pods with just the fields a case cares about, and NodeInfos holding
// given pods, so plugin tables stay one line per case.

import type { Affinity, Container, Node, Pod, ResourceList, Taint, Toleration } from "../../api/core-v1.ts";
import { NodeInfo, newPodInfo } from "../framework/node-info.ts";

export interface NodeOptions {
  readonly cpu?: string;
  readonly memory?: string;
  readonly pods?: string;
  /** Other allocatable resources (nvidia.com/gpu). */
  readonly extra?: ResourceList;
  readonly labels?: Record<string, string>;
  readonly taints?: Taint[];
  readonly unschedulable?: boolean;
}

export function makeNode(name: string, o: NodeOptions = {}): Node {
  const allocatable: ResourceList = { cpu: o.cpu ?? "4", memory: o.memory ?? "8Gi", pods: o.pods ?? "110", ...o.extra };
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: { name, labels: { "kubernetes.io/hostname": name, ...o.labels } },
    spec: { ...(o.taints ? { taints: o.taints } : {}), ...(o.unschedulable ? { unschedulable: true } : {}) },
    status: { capacity: { ...allocatable }, allocatable },
  };
}

export interface PodOptions {
  readonly namespace?: string;
  readonly uid?: string;
  /** One container's requests; `containers` gives several. */
  readonly requests?: ResourceList;
  readonly containers?: ResourceList[];
  readonly initContainers?: ResourceList[];
  readonly tolerations?: Toleration[];
  readonly nodeSelector?: Record<string, string>;
  readonly affinity?: Affinity;
  readonly nodeName?: string;
  readonly priority?: number;
  readonly preemptionPolicy?: string;
  readonly labels?: Record<string, string>;
}

const container = (name: string, requests: ResourceList | undefined): Container => ({ name, image: "registry.k8s.io/pause:3.10", ...(requests ? { resources: { requests } } : {}) });

export function makePod(name: string, o: PodOptions = {}): Pod {
  const containers = (o.containers ?? [o.requests]).map((r, i) => container(`c${i}`, r));
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace: o.namespace ?? "default", uid: o.uid ?? `uid-${name}`, ...(o.labels ? { labels: o.labels } : {}) },
    spec: {
      containers,
      ...(o.initContainers ? { initContainers: o.initContainers.map((r, i) => container(`init${i}`, r)) } : {}),
      ...(o.tolerations ? { tolerations: o.tolerations } : {}),
      ...(o.nodeSelector ? { nodeSelector: o.nodeSelector } : {}),
      ...(o.affinity ? { affinity: o.affinity } : {}),
      ...(o.nodeName ? { nodeName: o.nodeName } : {}),
      ...(o.priority !== undefined ? { priority: o.priority } : {}),
      ...(o.preemptionPolicy ? { preemptionPolicy: o.preemptionPolicy } : {}),
      schedulerName: "default-scheduler",
    },
    status: { phase: "Pending" },
  };
}

/** A NodeInfo for `node` already holding `pods`. */
export function nodeInfoWith(node: Node, pods: readonly Pod[] = []): NodeInfo {
  const info = new NodeInfo(node.metadata.name!, node);
  for (const pod of pods) info.addPod(newPodInfo(pod));
  return info;
}
