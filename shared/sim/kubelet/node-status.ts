// The Node a kubelet registers and the status it posts (kubelet_node_status.go
// and the setters of pkg/kubelet/nodestatus): labels, capacity and allocatable,
// addresses, node info and images, and the four conditions it owns, with the
// events their transitions record.

import type { Node, NodeStatus, ResourceList, Taint } from "../api/core-v1.ts";
import type { Condition, DeepReadonly } from "../api/meta.ts";
import { bytes, formatBytes } from "../api/quantity.ts";
import { clone, deepEqual } from "../kernel/equal.ts";
import type { EventType } from "./events.ts";
import {
  nodeRebootedMessage,
  nodeStatusMessage,
  REASON_NODE_HAS_NO_DISK_PRESSURE,
  REASON_NODE_HAS_SUFFICIENT_MEMORY,
  REASON_NODE_HAS_SUFFICIENT_PID,
  REASON_NODE_READY,
  REASON_NODE_REBOOTED,
} from "./events.ts";
import type { ContainerImage } from "./images.ts";
import { podCIDR } from "./ipam.ts";

export const KUBELET_VERSION = "v1.34.10";
export const CONTAINER_RUNTIME_VERSION = "containerd://2.1.4";
export const OS_IMAGE = "Ubuntu 24.04.3 LTS";
export const KERNEL_VERSION = "6.8.0-85-generic";
export const KUBELET_PORT = 10250;
export const DEFAULT_MAX_PODS = 110;

export const LABEL_HOSTNAME = "kubernetes.io/hostname";
export const LABEL_OS = "kubernetes.io/os";
export const LABEL_ARCH = "kubernetes.io/arch";
export const LABEL_ZONE = "topology.kubernetes.io/zone";
/** Deprecated since v1.14 but still set by every kubelet. */
export const LABEL_BETA_OS = "beta.kubernetes.io/os";
export const LABEL_BETA_ARCH = "beta.kubernetes.io/arch";
/** The kubelet lets the attach/detach controller handle volumes (enableControllerAttachDetach). */
export const ANNOTATION_CONTROLLER_MANAGED_ATTACH_DETACH = "volumes.kubernetes.io/controller-managed-attach-detach";

/** A 100 GB root disk as cAdvisor reports it. */
export const EPHEMERAL_STORAGE_CAPACITY = "101430960Ki";
/** Hard eviction thresholds that allocatable sets aside: memory.available<100Mi, nodefs.available<10%. */
export const EVICTION_HARD_MEMORY_BYTES = 100 * 1024 * 1024;
export const EVICTION_HARD_NODEFS_PERCENT = 10;

export const CONDITION_MEMORY_PRESSURE = "MemoryPressure";
export const CONDITION_DISK_PRESSURE = "DiskPressure";
export const CONDITION_PID_PRESSURE = "PIDPressure";
export const CONDITION_READY = "Ready";

/** The healthy state of each kubelet-owned condition, in the order the setters run. */
export const HEALTHY_CONDITIONS = [
  { type: CONDITION_MEMORY_PRESSURE, status: "False", reason: "KubeletHasSufficientMemory", message: "kubelet has sufficient memory available", event: REASON_NODE_HAS_SUFFICIENT_MEMORY },
  { type: CONDITION_DISK_PRESSURE, status: "False", reason: "KubeletHasNoDiskPressure", message: "kubelet has no disk pressure", event: REASON_NODE_HAS_NO_DISK_PRESSURE },
  { type: CONDITION_PID_PRESSURE, status: "False", reason: "KubeletHasSufficientPID", message: "kubelet has sufficient PID available", event: REASON_NODE_HAS_SUFFICIENT_PID },
  { type: CONDITION_READY, status: "True", reason: "KubeletReady", message: "kubelet is posting ready status", event: REASON_NODE_READY },
] as const;

/** The machine a kubelet runs on. */
export interface NodeMachine {
  readonly name: string;
  readonly zone: string;
  readonly cpu: string;
  readonly memory: string;
  readonly pods: number;
  readonly labels: Readonly<Record<string, string>>;
  readonly taints: readonly Taint[];
  readonly index: number;
  readonly machineID: string;
  readonly systemUUID: string;
}

export type NodeEventSink = (type: EventType, reason: string, message: string) => void;

export function internalIP(index: number): string {
  return `10.0.0.${10 + index}`;
}

/** The labels the kubelet keeps on its Node (updateDefaultLabels), then the configured ones. */
export function nodeLabels(m: NodeMachine): Record<string, string> {
  return {
    [LABEL_BETA_ARCH]: "amd64",
    [LABEL_BETA_OS]: "linux",
    [LABEL_ARCH]: "amd64",
    [LABEL_HOSTNAME]: m.name,
    [LABEL_OS]: "linux",
    [LABEL_ZONE]: m.zone,
    ...m.labels,
  };
}

export function nodeCapacity(m: NodeMachine): ResourceList {
  return {
    cpu: m.cpu,
    "ephemeral-storage": EPHEMERAL_STORAGE_CAPACITY,
    "hugepages-1Gi": "0",
    "hugepages-2Mi": "0",
    memory: m.memory,
    pods: String(m.pods),
  };
}

/** Capacity less the hard eviction thresholds (no kube or system reservations by default). */
export function nodeAllocatable(m: NodeMachine): ResourceList {
  const disk = bytes(EPHEMERAL_STORAGE_CAPACITY);
  return {
    ...nodeCapacity(m),
    "ephemeral-storage": formatBytes(disk - Math.trunc((disk * EVICTION_HARD_NODEFS_PERCENT) / 100)),
    memory: formatBytes(bytes(m.memory) - EVICTION_HARD_MEMORY_BYTES),
  };
}

/** The Node object a kubelet registers, status included (POST /api/v1/nodes). */
export function initialNode(m: NodeMachine, status: NodeStatus): Node {
  const node: Node = {
    apiVersion: "v1",
    kind: "Node",
    metadata: { name: m.name, labels: nodeLabels(m), annotations: { [ANNOTATION_CONTROLLER_MANAGED_ATTACH_DETACH]: "true" } },
    spec: { podCIDR: podCIDR(m.index), podCIDRs: [podCIDR(m.index)] },
    status,
  };
  // --register-with-taints applies at registration only.
  if (m.taints.length > 0) node.spec.taints = m.taints.map((t) => ({ ...t }));
  return node;
}

/**
 * The status the kubelet would post now, given the one the API server holds.
 * Conditions keep lastTransitionTime unless their status changes; every one gets
 * a fresh heartbeat. Transitions, and a changed boot id, are reported to `record`.
 */
export function nodeStatus(m: NodeMachine, bootID: string, images: ContainerImage[], previous: DeepReadonly<NodeStatus> | undefined, now: string, record: NodeEventSink): NodeStatus {
  const ip = internalIP(m.index);
  const capacity = nodeCapacity(m);
  const allocatable = nodeAllocatable(m);

  const previousBoot = previous?.nodeInfo?.bootID;
  if (previousBoot !== undefined && previousBoot !== "" && previousBoot !== bootID) record("Warning", REASON_NODE_REBOOTED, nodeRebootedMessage(m.name, bootID));

  const old = previous?.conditions ?? [];
  const owned = new Set<string>(HEALTHY_CONDITIONS.map((c) => c.type));
  const conditions: Condition[] = old.filter((c) => !owned.has(c.type)).map((c) => clone(c) as Condition);
  for (const healthy of HEALTHY_CONDITIONS) {
    const before = old.find((c) => c.type === healthy.type);
    const changed = before?.status !== healthy.status;
    conditions.push({
      type: healthy.type,
      status: healthy.status,
      lastHeartbeatTime: now,
      lastTransitionTime: changed ? now : before.lastTransitionTime,
      reason: healthy.reason,
      message: healthy.message,
    });
    if (changed) record("Normal", healthy.event, nodeStatusMessage(m.name, healthy.event));
  }

  const status: NodeStatus = {
    capacity,
    allocatable,
    conditions,
    addresses: [
      { type: "InternalIP", address: ip },
      { type: "Hostname", address: m.name },
    ],
    daemonEndpoints: { kubeletEndpoint: { Port: KUBELET_PORT } },
    nodeInfo: {
      machineID: m.machineID,
      systemUUID: m.systemUUID,
      bootID,
      kernelVersion: KERNEL_VERSION,
      osImage: OS_IMAGE,
      containerRuntimeVersion: CONTAINER_RUNTIME_VERSION,
      kubeletVersion: KUBELET_VERSION,
      kubeProxyVersion: "",
      operatingSystem: "linux",
      architecture: "amd64",
    },
  };
  if (images.length > 0) status.images = images;
  return status;
}

/** nodeStatusHasChanged: equal but for the conditions' heartbeats. */
export function nodeStatusChanged(a: DeepReadonly<NodeStatus> | undefined, b: DeepReadonly<NodeStatus>): boolean {
  const strip = (s: DeepReadonly<NodeStatus> | undefined) => (s === undefined ? undefined : { ...s, conditions: s.conditions?.map(({ lastHeartbeatTime: _, ...c }) => c) });
  return !deepEqual(strip(a), strip(b));
}
