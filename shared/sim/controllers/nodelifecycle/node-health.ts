// What the node controller remembers about each node's health signal, and tryUpdateNodeHealth
// of node_lifecycle_controller.go: a node is healthy while its Ready heartbeat or its Lease
// keeps changing. The probe timestamp is the controller's own clock at the monitor pass that
// first saw a change, never the kubelet's timestamp (upstream does this to avoid clock skew),
// so detection lands on the 5 s monitor grid.

import type { Lease } from "../../api/coordination-v1.ts";
import type { Node } from "../../api/core-v1.ts";
import type { Condition, DeepReadonly } from "../../api/meta.ts";
import { parseTime, rfc3339 } from "../../kernel/time.ts";

export const NODE_STATUS_UNKNOWN_REASON = "NodeStatusUnknown";
export const NODE_STATUS_UNKNOWN_MESSAGE = "Kubelet stopped posting node status.";
export const NODE_STATUS_NEVER_UPDATED_REASON = "NodeStatusNeverUpdated";
export const NODE_STATUS_NEVER_UPDATED_MESSAGE = "Kubelet never posted node status.";

/** The conditions a silent kubelet can no longer vouch for (NetworkUnavailable belongs to the network plugin). */
export const CONDITIONS_SET_UNKNOWN = ["Ready", "MemoryPressure", "DiskPressure", "PIDPressure"] as const;

export interface NodeHealthData {
  /** Simulated ms of the last pass that saw the heartbeat or the lease move. */
  probeTimestamp: number;
  readyTransitionTimestamp: number;
  /** The Ready condition of the status last seen; undefined if it had none. */
  ready: DeepReadonly<Condition> | undefined;
  /** renewTime of the lease last seen, as written and in simulated ms. */
  leaseRenewTime: string | undefined;
  leaseRenewMs: number;
}

export interface HealthTimings {
  readonly epochMs: number;
  readonly gracePeriodMs: number;
  readonly startupGracePeriodMs: number;
}

export interface NodeHealthCheck {
  /** The Ready condition as observed before this pass (a fake Unknown one if there is none). */
  readonly observedReady: DeepReadonly<Condition>;
  /** The Ready condition after this pass: what the node will carry once `conditions` is written. */
  readonly currentReady: DeepReadonly<Condition> | undefined;
  /** New status.conditions to write, when the grace period ran out and Ready changed. */
  readonly conditions: Condition[] | undefined;
  /** The health data to keep if no write is needed (or the write fails). */
  readonly health: NodeHealthData;
  /** The lease renewTime seen in this pass. */
  readonly observedLease: { readonly renewTime: string; readonly renewMs: number } | undefined;
}

export function readyCondition<C extends DeepReadonly<Condition>>(conditions: readonly C[] | undefined): C | undefined {
  return conditions?.find((c) => c.type === "Ready");
}

/**
 * tryUpdateNodeHealth without the write: works from the cached node (no copy unless a new
 * status is due, since this runs for every node every 5 s).
 */
export function checkNodeHealth(
  node: DeepReadonly<Node>,
  saved: NodeHealthData | undefined,
  lease: DeepReadonly<Lease> | undefined,
  now: number,
  t: HealthTimings,
): NodeHealthCheck {
  const current = readyCondition(node.status?.conditions);
  let health = saved;
  let gracePeriodMs: number;
  let observedReady: DeepReadonly<Condition>;
  if (current === undefined) {
    // Never posted: pretend it was last heard of when it was created, with the startup grace.
    const created = node.metadata.creationTimestamp ?? "";
    observedReady = { type: "Ready", status: "Unknown", lastHeartbeatTime: created, lastTransitionTime: created };
    gracePeriodMs = t.startupGracePeriodMs;
    if (health !== undefined) health = { ...health, ready: undefined };
    else {
      const createdMs = parseTime(t.epochMs, created);
      health = { probeTimestamp: createdMs, readyTransitionTimestamp: createdMs, ready: undefined, leaseRenewTime: undefined, leaseRenewMs: Number.NEGATIVE_INFINITY };
    }
  } else {
    observedReady = current;
    gracePeriodMs = t.gracePeriodMs;
  }

  const savedReady = health?.ready;
  const fresh = (): NodeHealthData => ({ probeTimestamp: now, readyTransitionTimestamp: now, ready: current, leaseRenewTime: undefined, leaseRenewMs: Number.NEGATIVE_INFINITY });
  if (health === undefined) health = fresh();
  else if (savedReady === undefined && current !== undefined) health = fresh();
  else if (savedReady !== undefined && current !== undefined && savedReady.lastHeartbeatTime !== current.lastHeartbeatTime) {
    const transition = savedReady.lastTransitionTime !== current.lastTransitionTime ? now : health.readyTransitionTimestamp;
    health = { probeTimestamp: now, readyTransitionTimestamp: transition, ready: current, leaseRenewTime: undefined, leaseRenewMs: Number.NEGATIVE_INFINITY };
  }
  // (Upstream's "Ready condition was removed" case cannot arise: the branch above already forgot it.)

  // A renewed lease always counts as a probe, even from a kubelet that never posted status.
  let observedLease: NodeHealthCheck["observedLease"];
  const renewTime = lease?.spec.renewTime;
  if (renewTime !== undefined) {
    const savedLease = saved?.leaseRenewTime;
    const renewMs = renewTime === savedLease ? saved!.leaseRenewMs : parseTime(t.epochMs, renewTime);
    observedLease = { renewTime, renewMs };
    if (savedLease === undefined || saved!.leaseRenewMs < renewMs) {
      health = { ...health, probeTimestamp: now, leaseRenewTime: renewTime, leaseRenewMs: renewMs };
    }
  }

  let conditions: Condition[] | undefined;
  let currentReady: DeepReadonly<Condition> | undefined = current;
  if (now > health.probeTimestamp + gracePeriodMs) {
    // Neither signal moved for the whole grace period: everything the kubelet reports is Unknown.
    const nowTs = rfc3339(t.epochMs, now);
    const next = (node.status?.conditions ?? []).map((c) => ({ ...c }) as Condition);
    for (const type of CONDITIONS_SET_UNKNOWN) {
      const c = next.find((x) => x.type === type);
      if (c === undefined) {
        next.push({
          type,
          status: "Unknown",
          reason: NODE_STATUS_NEVER_UPDATED_REASON,
          message: NODE_STATUS_NEVER_UPDATED_MESSAGE,
          lastHeartbeatTime: node.metadata.creationTimestamp,
          lastTransitionTime: nowTs,
        });
      } else if (c.status !== "Unknown") {
        c.status = "Unknown";
        c.reason = NODE_STATUS_UNKNOWN_REASON;
        c.message = NODE_STATUS_UNKNOWN_MESSAGE;
        c.lastTransitionTime = nowTs;
      }
    }
    const nextReady = readyCondition(next)!;
    if (!sameCondition(nextReady, observedReady)) {
      conditions = next;
      currentReady = nextReady;
    }
  }
  return { observedReady, currentReady, conditions, health, observedLease };
}

function sameCondition(a: DeepReadonly<Condition>, b: DeepReadonly<Condition>): boolean {
  return (
    a.status === b.status &&
    a.reason === b.reason &&
    a.message === b.message &&
    a.lastHeartbeatTime === b.lastHeartbeatTime &&
    a.lastTransitionTime === b.lastTransitionTime
  );
}
