// The node lifecycle controller (pkg/controller/nodelifecycle/node_lifecycle_controller.go),
// kube-controller-manager's "node-lifecycle-controller", recording events as "node-controller".
// Every node-monitor-period it checks each node's heartbeat (Lease renewals and Ready
// heartbeats); a node silent for node-monitor-grace-period gets Ready/MemoryPressure/
// DiskPressure/PIDPressure = Unknown, a NodeNotReady event, and its pods marked not ready. It
// keeps the condition taints in step with the conditions: NoSchedule ones at once on every
// node update (TaintNodesByCondition, plus node.kubernetes.io/unschedulable for cordoned
// nodes), and the NoExecute not-ready/unreachable taint through a rate-limited queue per zone,
// which the taint eviction controller then acts on.
//
// One queue carries four kinds of keys, standing in for upstream's goroutines:
//   monitor:nodeHealth   monitorNodeHealth, re-queued every node-monitor-period (a clock timer)
//   taint:noExecute      doNoExecuteTaintingPass; upstream polls every 100 ms (NodeEvictionPeriod),
//                        we run it when a monitor pass queues a node, and else one period after
//                        the next token is due: the latest a poll would take it, and after any
//                        monitor pass due at that instant, as upstream's poll would be
//   node:<name>          doNoScheduleTaintingPass, on every node add/update
//   pod:<ns>/<name>      processPod, when a pod is bound to a node that is already not ready

import type { Node, Pod, Taint } from "../../api/core-v1.ts";
import type { Condition, DeepReadonly } from "../../api/meta.ts";
import { INDEX_NODE_NAME, type IndexFunc } from "../../clientgo/informer.ts";
import { WorkQueue } from "../../clientgo/workqueue.ts";
import { rfc3339 } from "../../kernel/time.ts";
import { DONE, REQUEUE, requeueAfter, type Controller, type ControllerDeps, type SyncResult } from "../controller.ts";
import {
  markPodsNotReady,
  recordNodeEvent,
  recordNodeStatusChange,
  REASON_NODE_NOT_READY,
  REASON_REGISTERED_NODE,
  REASON_REMOVING_NODE,
  registeredNodeEvent,
  removingNodeEvent,
} from "./controller-utils.ts";
import { checkNodeHealth, readyCondition, type HealthTimings, type NodeHealthData } from "./node-health.ts";
import { RateLimitedTimedQueue, TokenBucket } from "./rate-limited-queue.ts";
import {
  NODE_CONDITION_TO_TAINT_KEY,
  NOT_READY_TAINT_TEMPLATE,
  removeTaintOffNode,
  swapNodeControllerTaint,
  TAINT_KEY_TO_NODE_CONDITION,
  TAINT_NODE_UNSCHEDULABLE,
  taintExists,
  taintSetDiff,
  UNREACHABLE_TAINT_TEMPLATE,
} from "./taints.ts";
import { computeZoneState, getZoneKey, isNodeExcludedFromDisruptionChecks, type ZoneState } from "./zones.ts";
import { clone } from "../../kernel/equal.ts";

export const NODE_LIFECYCLE_CONTROLLER_NAME = "node-lifecycle-controller";
/** Where kubelets keep their heartbeat Leases, one per node, named after it. */
export const NODE_LEASE_NAMESPACE = "kube-node-lease";

/** kube-controller-manager flags this controller reads, with their v1.34 defaults. */
export interface NodeLifecycleOptions {
  /** --node-monitor-period */
  readonly nodeMonitorPeriodMs: number;
  /** --node-monitor-grace-period (40 s through v1.31) */
  readonly nodeMonitorGracePeriodMs: number;
  /** --node-startup-grace-period: for nodes that never posted a Ready condition */
  readonly nodeStartupGracePeriodMs: number;
  /** --node-eviction-rate: NoExecute taints per second per healthy zone */
  readonly evictionLimiterQPS: number;
  /** --secondary-node-eviction-rate: the same in a partially disrupted large zone */
  readonly secondaryEvictionLimiterQPS: number;
  /** --large-cluster-size-threshold: smaller partially disrupted zones stop tainting */
  readonly largeClusterThreshold: number;
  /** --unhealthy-zone-threshold: share of not-Ready nodes that makes a zone partially disrupted */
  readonly unhealthyZoneThreshold: number;
}

export const DEFAULT_NODE_LIFECYCLE_OPTIONS: NodeLifecycleOptions = {
  nodeMonitorPeriodMs: 5_000,
  nodeMonitorGracePeriodMs: 50_000,
  nodeStartupGracePeriodMs: 60_000,
  evictionLimiterQPS: 0.1,
  secondaryEvictionLimiterQPS: 0.01,
  largeClusterThreshold: 50,
  unhealthyZoneThreshold: 0.55,
};

/** scheduler.NodeEvictionPeriod: how often upstream polls the zone tainters. */
const NODE_EVICTION_PERIOD_MS = 100;
/** scheduler.NodeHealthUpdateRetry: tries at writing a node's Unknown status before giving up this pass. */
const NODE_HEALTH_UPDATE_RETRY = 5;

const MONITOR_KEY = "monitor:nodeHealth";
const NO_EXECUTE_KEY = "taint:noExecute";
const NODE_PREFIX = "node:";
const POD_PREFIX = "pod:";

/** Pods by spec.nodeName (the index both node controllers read a node's pods from). */
export const podNodeNameIndex: IndexFunc<Pod> = (p) => (p.spec.nodeName ? [p.spec.nodeName] : []);

export function newNodeLifecycleController(deps: ControllerDeps, options: Partial<NodeLifecycleOptions> = {}): Controller {
  const opts: NodeLifecycleOptions = { ...DEFAULT_NODE_LIFECYCLE_OPTIONS, ...options };
  const { client, informers, recorder, clock, epochMs } = deps;
  const queue = new WorkQueue(NODE_LIFECYCLE_CONTROLLER_NAME, clock);
  const nodes = informers.informer("nodes");
  const pods = informers.informer("pods");
  const leases = informers.informer("leases");
  pods.addIndexer(INDEX_NODE_NAME, podNodeNameIndex);
  const timings: HealthTimings = { epochMs, gracePeriodMs: opts.nodeMonitorGracePeriodMs, startupGracePeriodMs: opts.nodeStartupGracePeriodMs };

  const knownNodeSet = new Map<string, DeepReadonly<Node>>();
  const nodeHealthMap = new Map<string, NodeHealthData>();
  const zoneStates = new Map<string, ZoneState>();
  const zoneNoExecuteTainter = new Map<string, RateLimitedTimedQueue>();
  /** Nodes whose pods could not all be marked not ready: tried again next pass. */
  const nodesToRetry = new Set<string>();
  const nowTs = (): string => rfc3339(epochMs, clock.now);

  pods.addEventHandler({
    onAdd: (pod) => podUpdated(undefined, pod),
    onUpdate: (old, pod) => podUpdated(old, pod),
  });
  nodes.addEventHandler({
    onAdd: (node) => queue.add(NODE_PREFIX + node.metadata.name),
    onUpdate: (_old, node) => queue.add(NODE_PREFIX + node.metadata.name),
    onDelete: (node) => nodesToRetry.delete(node.metadata.name!),
  });
  // Leases have no handler: monitorNodeHealth reads the lister on its own schedule.

  function podUpdated(old: DeepReadonly<Pod> | undefined, pod: DeepReadonly<Pod>): void {
    const nodeName = pod.spec.nodeName;
    if (nodeName && (old === undefined || old.spec.nodeName !== nodeName)) queue.add(`${POD_PREFIX}${pod.metadata.namespace}/${pod.metadata.name}`);
  }

  // wait.Until runs the monitor once at start, then every period.
  queue.add(MONITOR_KEY);
  let nextMonitorAt = 0;

  function sync(key: string): SyncResult {
    if (key === MONITOR_KEY) {
      monitorNodeHealth();
      nextMonitorAt = clock.now + opts.nodeMonitorPeriodMs;
      return requeueAfter(opts.nodeMonitorPeriodMs);
    }
    if (key === NO_EXECUTE_KEY) return doNoExecuteTaintingPass();
    if (key.startsWith(NODE_PREFIX)) return doNoScheduleTaintingPass(key.slice(NODE_PREFIX.length));
    if (key.startsWith(POD_PREFIX)) return processPod(key.slice(POD_PREFIX.length));
    return DONE;
  }

  // --- TaintNodesByCondition ----------------------------------------------------

  function doNoScheduleTaintingPass(nodeName: string): SyncResult {
    const node = nodes.get(nodeName);
    if (!node) return DONE;
    const wanted: Taint[] = [];
    for (const c of node.status?.conditions ?? []) {
      const byStatus = Object.hasOwn(NODE_CONDITION_TO_TAINT_KEY, c.type) ? NODE_CONDITION_TO_TAINT_KEY[c.type]! : {};
      const key = byStatus[c.status];
      if (key !== undefined) wanted.push({ key, effect: "NoSchedule" });
    }
    if (node.spec.unschedulable) wanted.push({ key: TAINT_NODE_UNSCHEDULABLE, effect: "NoSchedule" });
    // Only NoSchedule taints this controller owns are compared; anyone else's are left alone.
    const owned = (node.spec.taints ?? []).filter(
      (t) => t.effect === "NoSchedule" && (t.key === TAINT_NODE_UNSCHEDULABLE || Object.hasOwn(TAINT_KEY_TO_NODE_CONDITION, t.key)),
    );
    const { toAdd, toRemove } = taintSetDiff(wanted, owned);
    if (toAdd.length === 0 && toRemove.length === 0) return DONE;
    // Upstream only logs a failure here (a TODO to requeue); we retry with backoff instead.
    return swapNodeControllerTaint(client, nowTs(), toAdd, toRemove, node) ? DONE : REQUEUE;
  }

  // --- monitorNodeHealth ------------------------------------------------------------

  function monitorNodeHealth(): void {
    const now = clock.now;
    const all = nodes.list();
    const added: DeepReadonly<Node>[] = [];
    const newZoneRepresentatives: DeepReadonly<Node>[] = [];
    for (const node of all) {
      if (!knownNodeSet.has(node.metadata.name!)) added.push(node);
      else if (!zoneStates.has(getZoneKey(node))) newZoneRepresentatives.push(node);
    }
    const deleted: DeepReadonly<Node>[] = [];
    if (knownNodeSet.size + added.length !== all.length) {
      const present = new Set(all.map((n) => n.metadata.name!));
      for (const name of [...knownNodeSet.keys()].sort()) if (!present.has(name)) deleted.push(knownNodeSet.get(name)!);
    }
    for (const node of newZoneRepresentatives) addPodEvictorForNewZone(node);
    for (const node of added) {
      const name = node.metadata.name!;
      recordNodeEvent(recorder, name, node.metadata.uid, "Normal", REASON_REGISTERED_NODE, registeredNodeEvent(name));
      knownNodeSet.set(name, node);
      addPodEvictorForNewZone(node);
      markNodeAsReachable(node);
    }
    for (const node of deleted) {
      const name = node.metadata.name!;
      recordNodeEvent(recorder, name, node.metadata.uid, "Normal", REASON_REMOVING_NODE, removingNodeEvent(name));
      knownNodeSet.delete(name);
    }

    const zoneToNodeConditions = new Map<string, (string | undefined)[]>();
    for (const cached of all) {
      const name = cached.metadata.name!;
      const health = updateNodeHealth(cached, now);
      if (health === undefined) continue; // could not write the Unknown status: no pods are touched
      const { node, observedReady, currentReady } = health;
      if (!isNodeExcludedFromDisruptionChecks(node)) {
        const zone = getZoneKey(node);
        let list = zoneToNodeConditions.get(zone);
        if (!list) zoneToNodeConditions.set(zone, (list = []));
        list.push(currentReady?.status);
      }
      if (currentReady !== undefined) {
        processTaintBaseEviction(node, observedReady);
        const becameNotReady = currentReady.status !== "True" && observedReady.status === "True";
        // Reported once, on the transition.
        if (becameNotReady) recordNodeStatusChange(recorder, node, REASON_NODE_NOT_READY);
        if (becameNotReady || (nodesToRetry.has(name) && observedReady.status !== "True")) {
          if (!markPodsNotReady(client, recorder, pods.byIndex(INDEX_NODE_NAME, name), name, nowTs())) {
            nodesToRetry.add(name);
            continue;
          }
        }
      }
      nodesToRetry.delete(name);
    }
    handleDisruption(zoneToNodeConditions, all, now);
    if ([...zoneNoExecuteTainter.values()].some((t) => t.length > 0)) queue.add(NO_EXECUTE_KEY);
  }

  interface HealthOutcome {
    readonly node: DeepReadonly<Node>;
    readonly observedReady: DeepReadonly<Condition>;
    readonly currentReady: DeepReadonly<Condition> | undefined;
  }

  /** tryUpdateNodeHealth with upstream's retries: on a failed write, re-read the node and check again. */
  function updateNodeHealth(cached: DeepReadonly<Node>, now: number): HealthOutcome | undefined {
    const name = cached.metadata.name!;
    let node = cached;
    for (let attempt = 0; attempt < NODE_HEALTH_UPDATE_RETRY; attempt++) {
      const check = checkNodeHealth(node, nodeHealthMap.get(name), leases.get(`${NODE_LEASE_NAMESPACE}/${name}`), now, timings);
      nodeHealthMap.set(name, check.health);
      if (check.conditions === undefined) return { node, observedReady: check.observedReady, currentReady: check.currentReady };
      const updated = clone(node) as Node;
      updated.status = { ...updated.status, conditions: check.conditions };
      const res = client.updateStatus("nodes", updated);
      if (res.ok) {
        nodeHealthMap.set(name, {
          probeTimestamp: check.health.probeTimestamp,
          readyTransitionTimestamp: now,
          ready: check.currentReady,
          leaseRenewTime: check.observedLease?.renewTime,
          leaseRenewMs: check.observedLease?.renewMs ?? Number.NEGATIVE_INFINITY,
        });
        return { node: res.object, observedReady: check.observedReady, currentReady: check.currentReady };
      }
      const fresh = client.get("nodes", undefined, name);
      if (!fresh.ok) return undefined;
      node = fresh.object;
    }
    return undefined;
  }

  /**
   * Works from the Ready condition observed *before* this pass, so the NoExecute taint of a
   * node that just went Unknown is queued on the next pass, one monitor period later.
   */
  function processTaintBaseEviction(node: DeepReadonly<Node>, observedReady: DeepReadonly<Condition>): void {
    switch (observedReady.status) {
      case "False":
        // Swap at once if the opposite taint is there; otherwise wait for the zone's rate limiter.
        if (taintExists(node.spec.taints, UNREACHABLE_TAINT_TEMPLATE)) swapNodeControllerTaint(client, nowTs(), [NOT_READY_TAINT_TEMPLATE], [UNREACHABLE_TAINT_TEMPLATE], node);
        else markNodeForTainting(node, "False");
        break;
      case "Unknown":
        if (taintExists(node.spec.taints, NOT_READY_TAINT_TEMPLATE)) swapNodeControllerTaint(client, nowTs(), [UNREACHABLE_TAINT_TEMPLATE], [NOT_READY_TAINT_TEMPLATE], node);
        else markNodeForTainting(node, "Unknown");
        break;
      case "True":
        markNodeAsReachable(node);
        break;
    }
  }

  // --- zones and the rate-limited NoExecute tainter -----------------------------------

  const newTainter = (): RateLimitedTimedQueue => new RateLimitedTimedQueue(new TokenBucket(opts.evictionLimiterQPS));

  /** A zone seen for the first time (or again after it emptied) starts with a fresh tainter. */
  function addPodEvictorForNewZone(node: DeepReadonly<Node>): void {
    const zone = getZoneKey(node);
    if (zoneStates.has(zone)) return;
    zoneStates.set(zone, "Initial");
    zoneNoExecuteTainter.set(zone, newTainter());
  }

  // Every zone gets its tainter at the start of a pass; only a node re-read from the API
  // mid-pass with new zone labels can miss one (upstream would dereference nil there).
  function tainterFor(zone: string): RateLimitedTimedQueue {
    let tainter = zoneNoExecuteTainter.get(zone);
    if (!tainter) zoneNoExecuteTainter.set(zone, (tainter = newTainter()));
    return tainter;
  }

  function markNodeForTainting(node: DeepReadonly<Node>, status: "False" | "Unknown"): void {
    const tainter = tainterFor(getZoneKey(node));
    const name = node.metadata.name!;
    // A node whose taint went missing (removed by hand, say) is queued again.
    if (status === "False" && !taintExists(node.spec.taints, NOT_READY_TAINT_TEMPLATE)) tainter.remove(name);
    if (status === "Unknown" && !taintExists(node.spec.taints, UNREACHABLE_TAINT_TEMPLATE)) tainter.remove(name);
    if (tainter.add(name, clock.now)) queue.add(NO_EXECUTE_KEY);
  }

  function markNodeAsReachable(node: DeepReadonly<Node>): boolean {
    const name = node.metadata.name!;
    if (!removeTaintOffNode(client, name, node, [UNREACHABLE_TAINT_TEMPLATE])) return false;
    if (!removeTaintOffNode(client, name, node, [NOT_READY_TAINT_TEMPLATE])) return false;
    return tainterFor(getZoneKey(node)).remove(name);
  }

  function doNoExecuteTaintingPass(): SyncResult {
    const now = clock.now;
    // A monitor pass due at this instant goes first, as it would before upstream's poll: it
    // reads nodes from the informer, which would not yet show taints written here, and would
    // queue those nodes again. It queues this pass when it is done.
    if (now >= nextMonitorAt) return DONE;
    let nextTry = Number.POSITIVE_INFINITY;
    for (const zone of [...zoneNoExecuteTainter.keys()].sort()) {
      const tainter = zoneNoExecuteTainter.get(zone)!;
      tainter.try(now, (value) => {
        // Upstream reads the lister here, 100 ms or more after the monitor pass that queued the
        // node. We run in the same step, before the node's new status reaches the informer,
        // so read it from the API server instead.
        const got = client.get("nodes", undefined, value.value);
        if (!got.ok) return { ok: got.status.code === 404, waitMs: 50 };
        const node = got.object;
        const ready = readyCondition(node.status?.conditions);
        if (!ready) return { ok: false, waitMs: 50 };
        // unreachable and not-ready mirror Ready, so they are mutually exclusive.
        if (ready.status === "False") return { ok: swapNodeControllerTaint(client, nowTs(), [NOT_READY_TAINT_TEMPLATE], [UNREACHABLE_TAINT_TEMPLATE], node), waitMs: 0 };
        if (ready.status === "Unknown") return { ok: swapNodeControllerTaint(client, nowTs(), [UNREACHABLE_TAINT_TEMPLATE], [NOT_READY_TAINT_TEMPLATE], node), waitMs: 0 };
        return { ok: true, waitMs: 0 }; // ready again: nothing to taint
      });
      nextTry = Math.min(nextTry, tainter.nextTryAt());
    }
    return Number.isFinite(nextTry) ? requeueAfter(nextTry - now + NODE_EVICTION_PERIOD_MS) : DONE;
  }

  function setLimiterInZone(zone: string, zoneSize: number, state: ZoneState, now: number): void {
    const tainter = tainterFor(zone);
    switch (state) {
      case "Normal":
      case "FullDisruption": // HealthyQPSFunc: a fully disrupted zone among healthy ones evicts normally
        tainter.swapLimiter(opts.evictionLimiterQPS, now);
        break;
      case "PartialDisruption": // ReducedQPSFunc: large zones slow down, small ones stop
        tainter.swapLimiter(zoneSize > opts.largeClusterThreshold ? opts.secondaryEvictionLimiterQPS : 0, now);
        break;
      case "Initial":
        break;
    }
  }

  function handleDisruption(zoneToNodeConditions: ReadonlyMap<string, readonly (string | undefined)[]>, all: readonly DeepReadonly<Node>[], now: number): void {
    const newZoneStates = new Map<string, ZoneState>();
    let allAreFullyDisrupted = true;
    for (const zone of [...zoneToNodeConditions.keys()].sort()) {
      const { state } = computeZoneState(zoneToNodeConditions.get(zone)!, opts.unhealthyZoneThreshold);
      if (state !== "FullDisruption") allAreFullyDisrupted = false;
      newZoneStates.set(zone, state);
      if (!zoneStates.has(zone)) zoneStates.set(zone, "Initial");
    }
    // Upstream stops at the first zone not fully disrupted, in Go's random map order, so
    // which empty zones it forgets that pass is luck; we forget all of them.
    let allWasFullyDisrupted = true;
    for (const zone of [...zoneStates.keys()].sort()) {
      if (!zoneToNodeConditions.has(zone)) {
        zoneStates.delete(zone);
        continue;
      }
      if (zoneStates.get(zone) !== "FullDisruption") allWasFullyDisrupted = false;
    }
    if (allAreFullyDisrupted && allWasFullyDisrupted) return;
    const zones = [...zoneStates.keys()].sort();
    if (allAreFullyDisrupted) {
      // Every node of every zone is down: more likely the control plane's network than the
      // fleet, so take the NoExecute taints off and stop tainting until a node comes back.
      for (const node of all) markNodeAsReachable(node);
      for (const zone of zones) tainterFor(zone).swapLimiter(0, now);
      for (const zone of zones) zoneStates.set(zone, "FullDisruption");
      return;
    }
    if (allWasFullyDisrupted) {
      // Back from a full disruption: give every node a fresh grace period.
      for (const node of all) {
        const h = nodeHealthMap.get(node.metadata.name!);
        if (h) nodeHealthMap.set(node.metadata.name!, { ...h, probeTimestamp: now, readyTransitionTimestamp: now });
      }
      for (const zone of zones) {
        setLimiterInZone(zone, zoneToNodeConditions.get(zone)!.length, newZoneStates.get(zone)!, now);
        zoneStates.set(zone, newZoneStates.get(zone)!);
      }
      return;
    }
    for (const zone of zones) {
      const next = newZoneStates.get(zone)!;
      if (zoneStates.get(zone) === next) continue;
      setLimiterInZone(zone, zoneToNodeConditions.get(zone)!.length, next, now);
      zoneStates.set(zone, next);
    }
  }

  // --- processPod -----------------------------------------------------------------------

  /** A pod newly bound to a node that is not Ready is marked not ready straight away. */
  function processPod(podKey: string): SyncResult {
    const pod = pods.get(podKey);
    if (!pod) return DONE;
    const nodeName = pod.spec.nodeName;
    if (!nodeName) return DONE;
    const health = nodeHealthMap.get(nodeName);
    if (!health) return DONE; // not seen by a monitor pass yet
    if (!nodes.get(nodeName)) return REQUEUE;
    if (health.ready === undefined || health.ready.status === "True") return DONE;
    return markPodsNotReady(client, recorder, [pod], nodeName, nowTs()) ? DONE : REQUEUE;
  }

  return { name: NODE_LIFECYCLE_CONTROLLER_NAME, queue, sync };
}
