// kubectl describe node (describeNode and describeNodeResource): conditions,
// capacity, system info, the non-terminated pods with their share of the
// node's allocatable resources, and the allocated totals.

import type { Lease } from "../../../sim/api/coordination-v1.ts";
import type { Container, Event, Node, Pod, ResourceList } from "../../../sim/api/core-v1.ts";
import type { DeepReadonly } from "../../../sim/api/meta.ts";
import { since, type Now } from "../age.ts";
import { ZERO_QUANTITY, addQuantity, cmpQuantity, formatQuantity, parseQuantity, quantityMilliValue, quantityValue, type Quantity } from "../quantity.ts";
import { nodeRoleList } from "../node-columns.ts";
import { describeEvents, formatTime, printAnnotationsMultiline, printLabelsMultiline, printTaintsMultiline } from "./common.ts";
import { LEVEL_0, LEVEL_1, tabbedString } from "./writer.ts";

type RO<T> = DeepReadonly<T>;
type Quantities = Map<string, Quantity>;

export const NODE_LEASE_NAMESPACE = "kube-node-lease";

function byteSort(keys: string[]): string[] {
  return keys.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function addList(into: Quantities, list: RO<ResourceList> | undefined): void {
  for (const [name, v] of Object.entries(list ?? {})) {
    const q = parseQuantity(v);
    if (!q) continue;
    const cur = into.get(name);
    into.set(name, cur ? addQuantity(cur, q) : q);
  }
}

function maxList(into: Quantities, other: Quantities): void {
  for (const [name, q] of other) {
    const cur = into.get(name);
    if (!cur || cmpQuantity(q, cur) > 0) into.set(name, q);
  }
}

function restartable(c: RO<Container>): boolean {
  return (c as { restartPolicy?: string }).restartPolicy === "Always";
}

/** resourcehelper.PodRequestsAndLimits: containers summed, init containers as a maximum, sidecars counted in both. */
export function podRequestsAndLimits(pod: RO<Pod>): { requests: Quantities; limits: Quantities } {
  const result = { requests: new Map() as Quantities, limits: new Map() as Quantities };
  for (const kind of ["requests", "limits"] as const) {
    const total: Quantities = result[kind];
    for (const c of pod.spec.containers) addList(total, c.resources?.[kind]);
    const sidecars: Quantities = new Map();
    const init: Quantities = new Map();
    for (const c of pod.spec.initContainers ?? []) {
      let effective: Quantities;
      if (restartable(c)) {
        addList(total, c.resources?.[kind]);
        addList(sidecars, c.resources?.[kind]);
        effective = sidecars;
      } else {
        effective = new Map();
        addList(effective, c.resources?.[kind]);
        for (const [n, q] of sidecars) effective.set(n, effective.has(n) ? addQuantity(effective.get(n)!, q) : q);
      }
      maxList(init, effective);
    }
    maxList(total, init);
  }
  return result;
}

const pct = (used: number, total: number): number => Math.trunc((used / total) * 100);

function allocatedRow(w: { write(level: number, text: string): void }, name: string, req: Quantity, lim: Quantity, allocatable: Quantity, milli: boolean): void {
  const value = milli ? quantityMilliValue : quantityValue;
  const a = value(allocatable);
  const fr = a !== 0 ? pct(value(req), a) : 0;
  const fl = a !== 0 ? pct(value(lim), a) : 0;
  w.write(LEVEL_1, `${name}\t${formatQuantity(req)} (${fr}%)\t${formatQuantity(lim)} (${fl}%)\n`);
}

const STANDARD_CONTAINER_RESOURCES = ["cpu", "memory", "ephemeral-storage"];

export function describeNode(now: Now, node: RO<Node>, pods: readonly RO<Pod>[], events: readonly RO<Event>[] | undefined, lease: RO<Lease> | string): string {
  return tabbedString((w) => {
    const st = node.status ?? {};
    w.write(LEVEL_0, `Name:\t${node.metadata.name}\n`);
    const roles = nodeRoleList(node);
    w.write(LEVEL_0, `Roles:\t${roles.length > 0 ? roles.join(",") : "<none>"}\n`);
    printLabelsMultiline(w, "Labels", node.metadata.labels);
    printAnnotationsMultiline(w, "Annotations", node.metadata.annotations);
    w.write(LEVEL_0, `CreationTimestamp:\t${formatTime(now, node.metadata.creationTimestamp)}\n`);
    printTaintsMultiline(w, "Taints", node.spec.taints);
    w.write(LEVEL_0, `Unschedulable:\t${node.spec.unschedulable === true}\n`);
    if (typeof lease === "string") w.write(LEVEL_0, `Lease:\tFailed to get lease: ${lease}\n`);
    else {
      w.write(LEVEL_0, "Lease:\n");
      w.write(LEVEL_1, `HolderIdentity:\t${lease.spec.holderIdentity ?? "<unset>"}\n`);
      w.write(LEVEL_1, `AcquireTime:\t${lease.spec.acquireTime ? formatTime(now, lease.spec.acquireTime) : "<unset>"}\n`);
      w.write(LEVEL_1, `RenewTime:\t${lease.spec.renewTime ? formatTime(now, lease.spec.renewTime) : "<unset>"}\n`);
    }
    if ((st.conditions ?? []).length > 0) {
      w.write(LEVEL_0, "Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n");
      w.write(LEVEL_1, "----\t------\t-----------------\t------------------\t------\t-------\n");
      for (const c of st.conditions!) {
        w.write(LEVEL_1, `${c.type} \t${c.status} \t${formatTime(now, c.lastHeartbeatTime)} \t${formatTime(now, c.lastTransitionTime)} \t${c.reason ?? ""} \t${c.message ?? ""}\n`);
      }
    }
    w.write(LEVEL_0, "Addresses:\n");
    for (const a of st.addresses ?? []) w.write(LEVEL_1, `${a.type}:\t${a.address}\n`);
    for (const [title, list] of [["Capacity", st.capacity], ["Allocatable", st.allocatable]] as const) {
      const names = byteSort(Object.keys(list ?? {}));
      if (names.length === 0) continue;
      w.write(LEVEL_0, `${title}:\n`);
      for (const n of names) w.write(LEVEL_0, `  ${n}:\t${formatQuantity(parseQuantity(list![n]) ?? ZERO_QUANTITY)}\n`);
    }
    const info = st.nodeInfo;
    w.write(LEVEL_0, "System Info:\n");
    w.write(LEVEL_0, `  Machine ID:\t${info?.machineID ?? ""}\n`);
    w.write(LEVEL_0, `  System UUID:\t${info?.systemUUID ?? ""}\n`);
    w.write(LEVEL_0, `  Boot ID:\t${info?.bootID ?? ""}\n`);
    w.write(LEVEL_0, `  Kernel Version:\t${info?.kernelVersion ?? ""}\n`);
    w.write(LEVEL_0, `  OS Image:\t${info?.osImage ?? ""}\n`);
    w.write(LEVEL_0, `  Operating System:\t${info?.operatingSystem ?? ""}\n`);
    w.write(LEVEL_0, `  Architecture:\t${info?.architecture ?? ""}\n`);
    w.write(LEVEL_0, `  Container Runtime Version:\t${info?.containerRuntimeVersion ?? ""}\n`);
    w.write(LEVEL_0, `  Kubelet Version:\t${info?.kubeletVersion ?? ""}\n`);
    w.write(LEVEL_0, `  Kube-Proxy Version:\t${info?.kubeProxyVersion ?? ""}\n`);
    if (node.spec.podCIDR) w.write(LEVEL_0, `PodCIDR:\t${node.spec.podCIDR}\n`);
    if ((node.spec.podCIDRs ?? []).length > 0) w.write(LEVEL_0, `PodCIDRs:\t${node.spec.podCIDRs!.join(",")}\n`);
    if (node.spec.providerID) w.write(LEVEL_0, `ProviderID:\t${node.spec.providerID}\n`);

    // describeNodeResource
    w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
    w.write(LEVEL_1, "Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n");
    w.write(LEVEL_1, "---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n");
    const allocList = Object.keys(st.allocatable ?? {}).length > 0 ? st.allocatable : st.capacity;
    const alloc = (name: string): Quantity => parseQuantity(allocList?.[name]) ?? ZERO_QUANTITY;
    const reqs: Quantities = new Map();
    const limits: Quantities = new Map();
    for (const pod of pods) {
      const r = podRequestsAndLimits(pod);
      const get = (m: Quantities, n: string): Quantity => m.get(n) ?? ZERO_QUANTITY;
      const cells = [
        [get(r.requests, "cpu"), alloc("cpu"), true],
        [get(r.limits, "cpu"), alloc("cpu"), true],
        [get(r.requests, "memory"), alloc("memory"), false],
        [get(r.limits, "memory"), alloc("memory"), false],
      ] as const;
      const text = cells.map(([q, a, milli]) => {
        const value = milli ? quantityMilliValue : quantityValue;
        return `${formatQuantity(q)} (${pct(value(q), value(a))}%)`;
      });
      w.write(LEVEL_1, `${pod.metadata.namespace}\t${pod.metadata.name}\t\t${text.join("\t")}\t${since(now, pod.metadata.creationTimestamp)}\n`);
      for (const [n, q] of r.requests) reqs.set(n, reqs.has(n) ? addQuantity(reqs.get(n)!, q) : q);
      for (const [n, q] of r.limits) limits.set(n, limits.has(n) ? addQuantity(limits.get(n)!, q) : q);
    }
    w.write(LEVEL_0, "Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n");
    w.write(LEVEL_1, "Resource\tRequests\tLimits\n");
    w.write(LEVEL_1, "--------\t--------\t------\n");
    const z = (m: Quantities, n: string): Quantity => m.get(n) ?? ZERO_QUANTITY;
    allocatedRow(w, "cpu", z(reqs, "cpu"), z(limits, "cpu"), alloc("cpu"), true);
    allocatedRow(w, "memory", z(reqs, "memory"), z(limits, "memory"), alloc("memory"), false);
    allocatedRow(w, "ephemeral-storage", z(reqs, "ephemeral-storage"), z(limits, "ephemeral-storage"), alloc("ephemeral-storage"), false);
    const names = Object.keys(allocList ?? {});
    for (const n of byteSort(names.filter((x) => x.startsWith("hugepages-")))) allocatedRow(w, n, z(reqs, n), z(limits, n), alloc(n), false);
    for (const n of byteSort(names.filter((x) => !x.startsWith("hugepages-") && !STANDARD_CONTAINER_RESOURCES.includes(x) && x !== "pods"))) {
      w.write(LEVEL_1, `${n}\t${formatQuantity(z(reqs, n))}\t${formatQuantity(z(limits, n))}\n`);
    }
    if (events) describeEvents(now, w, events);
  });
}
