// One scheduling cycle (schedule_one.go): snapshot → PreFilter → Filter over the
// nodes (a sample of them in big clusters, starting where the last cycle
// stopped) → PostFilter when nothing fits → PreScore → Score → pick the best,
// ties broken by the scheduler's seeded stream → assume → bind. A failure
// becomes a FailedScheduling event, a PodScheduled=False condition, and a trip
// back to the queue.

import type { Pod } from "../api/core-v1.ts";
import type { Condition, DeepReadonly } from "../api/meta.ts";
import type { Client } from "../clientgo/client.ts";
import type { EventRecorder } from "../clientgo/events.ts";
import type { Lister } from "../clientgo/informer.ts";
import type { SimClock } from "../kernel/clock.ts";
import type { Rng } from "../kernel/rng.ts";
import { rfc3339 } from "../kernel/time.ts";
import type { Cache } from "./cache/cache.ts";
import { CycleState } from "./framework/cycle-state.ts";
import { fitErrorMessage, newDiagnosis, type Diagnosis } from "./framework/diagnosis.ts";
import { EVENT_ASSIGNED_POD_DELETE } from "./framework/events.ts";
import { newPodInfo, type NodeInfo } from "./framework/node-info.ts";
import type { QueuedPodInfo } from "./framework/queued-pod-info.ts";
import type { Framework } from "./framework/runtime.ts";
import { Code, isRejected, isSuccess, newStatus, statusMessage, type Status } from "./framework/status.ts";
import type { SchedulingQueue } from "./queue/scheduling-queue.ts";
import { clone } from "../kernel/equal.ts";

export const REASON_SCHEDULED = "Scheduled";
export const REASON_FAILED_SCHEDULING = "FailedScheduling";
/** v1.PodReasonUnschedulable and v1.PodReasonSchedulerError: the PodScheduled=False reasons. */
export const POD_REASON_UNSCHEDULABLE = "Unschedulable";
export const POD_REASON_SCHEDULER_ERROR = "SchedulerError";
/** ErrNoNodesAvailable. */
export const ERR_NO_NODES_AVAILABLE = "no nodes available to schedule pods";
/** Event notes longer than this are cut (validation.NoteLengthLimit); the condition keeps the whole message. */
export const NOTE_LENGTH_LIMIT = 1024;

export function scheduledMessage(namespace: string, name: string, nodeName: string): string {
  return `Successfully assigned ${namespace}/${name} to ${nodeName}`;
}

export function skipDeletingPodMessage(namespace: string, name: string): string {
  return `skip schedule deleting pod: ${namespace}/${name}`;
}

export function truncateMessage(message: string): string {
  const suffix = " ...";
  return message.length <= NOTE_LENGTH_LIMIT ? message : message.slice(0, NOTE_LENGTH_LIMIT - suffix.length) + suffix;
}

/** The status of nodes a PreFilterResult left out: "node(s) didn't satisfy plugin(s) [NodeAffinity]". */
export function didNotSatisfyPluginsReason(plugins: readonly string[]): string {
  return `node(s) didn't satisfy plugin(s) [${[...plugins].sort().join(" ")}]`;
}

/** Below this many nodes every node is examined. */
export const MIN_FEASIBLE_NODES_TO_FIND = 100;
export const MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND = 5;

/**
 * How many feasible nodes to find before scoring: all of them below 100 nodes,
 * otherwise a share that shrinks with size (50% − N/125, at least 5%, at least 100 nodes).
 */
export function numFeasibleNodesToFind(percentageOfNodesToScore: number, numAllNodes: number): number {
  if (numAllNodes < MIN_FEASIBLE_NODES_TO_FIND) return numAllNodes;
  let percentage = percentageOfNodesToScore;
  if (percentage === 0) percentage = Math.max(MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND, 50 - Math.trunc(numAllNodes / 125));
  return Math.max(MIN_FEASIBLE_NODES_TO_FIND, Math.trunc((numAllNodes * percentage) / 100));
}

/** What a cycle needs from the scheduler. */
export interface SchedulingContext {
  readonly fw: Framework;
  readonly cache: Cache;
  readonly queue: SchedulingQueue;
  readonly client: Client;
  readonly recorder: EventRecorder;
  readonly clock: SimClock;
  readonly rng: Rng;
  readonly epochMs: number;
  readonly pods: Lister<Pod>;
  /** Where the next cycle starts examining nodes, so every node gets its turn. */
  nextStartNodeIndex: number;
}

type ScheduleOutcome = { readonly host: string } | { readonly status: Status; readonly unschedulablePlugins: ReadonlySet<string> };

const NO_PLUGINS: ReadonlySet<string> = new Set();

export function scheduleOne(ctx: SchedulingContext, qp: QueuedPodInfo): void {
  const pod = qp.pod;
  if (skipPodSchedule(ctx, pod)) return;
  const state = new CycleState();
  const outcome = schedulePod(ctx, state, pod);
  if ("status" in outcome) {
    handleSchedulingFailure(ctx, qp, outcome.status, outcome.unschedulablePlugins);
    return;
  }
  const uid = pod.metadata.uid!;
  ctx.cache.assumePod(newPodInfo(pod), outcome.host);
  const bound = ctx.fw.runBindPlugins(state, pod, outcome.host);
  if (!isSuccess(bound)) {
    ctx.cache.forgetPod(uid);
    handleSchedulingFailure(ctx, qp, bound!, NO_PLUGINS);
    // The room the assumed pod held is free again, like a deleted pod's (not for the pod itself).
    const assumed = { ...pod, spec: { ...pod.spec, nodeName: outcome.host } };
    ctx.queue.moveAllToActiveOrBackoffQueue(EVENT_ASSIGNED_POD_DELETE, assumed, undefined, (p) => p.metadata.uid !== uid);
    return;
  }
  ctx.recorder.event(pod as Pod, "Normal", REASON_SCHEDULED, scheduledMessage(pod.metadata.namespace!, pod.metadata.name!, outcome.host));
}

function skipPodSchedule(ctx: SchedulingContext, pod: DeepReadonly<Pod>): boolean {
  if (pod.metadata.deletionTimestamp !== undefined) {
    ctx.recorder.event(pod as Pod, "Warning", REASON_FAILED_SCHEDULING, skipDeletingPodMessage(pod.metadata.namespace!, pod.metadata.name!));
    return true;
  }
  // Requeued by an update that raced its own binding.
  return ctx.cache.isAssumedPod(pod.metadata.uid!);
}

function schedulePod(ctx: SchedulingContext, state: CycleState, pod: DeepReadonly<Pod>): ScheduleOutcome {
  const allNodes = ctx.cache.list();
  if (allNodes.length === 0) return { status: newStatus(Code.UnschedulableAndUnresolvable, [ERR_NO_NODES_AVAILABLE]), unschedulablePlugins: NO_PLUGINS };
  const found = findNodesThatFitPod(ctx, state, pod, allNodes);
  if ("error" in found) return { status: found.error, unschedulablePlugins: NO_PLUGINS };
  const { feasible, diagnosis } = found;
  if (feasible.length === 0) {
    if (ctx.fw.hasPostFilterPlugins) diagnosis.postFilterMsg = statusMessage(ctx.fw.runPostFilterPlugins(state, pod, diagnosis.nodeToStatus));
    return { status: newStatus(Code.Unschedulable, [fitErrorMessage(allNodes.length, diagnosis)]), unschedulablePlugins: diagnosis.unschedulablePlugins };
  }
  if (feasible.length === 1) return { host: feasible[0]!.name };
  const preScore = ctx.fw.runPreScorePlugins(state, pod, feasible);
  if (!isSuccess(preScore)) return { status: preScore!, unschedulablePlugins: NO_PLUGINS };
  return { host: selectHost(feasible, ctx.fw.runScorePlugins(state, pod, feasible), ctx.rng) };
}

type FindResult = { readonly feasible: readonly NodeInfo[]; readonly diagnosis: Diagnosis } | { readonly error: Status };

function findNodesThatFitPod(ctx: SchedulingContext, state: CycleState, pod: DeepReadonly<Pod>, allNodes: readonly NodeInfo[]): FindResult {
  const diagnosis = newDiagnosis();
  const pre = ctx.fw.runPreFilterPlugins(state, pod, allNodes);
  if (!isSuccess(pre.status)) {
    if (!isRejected(pre.status)) return { error: pre.status! };
    // Every node gets the PreFilter's status, so preemption sees the same verdict everywhere.
    diagnosis.nodeToStatus.absentNodesStatus = pre.status!;
    diagnosis.preFilterMsg = statusMessage(pre.status);
    if (pre.status!.plugin !== undefined) diagnosis.unschedulablePlugins.add(pre.status!.plugin);
    return { feasible: [], diagnosis };
  }
  let nodes = allNodes;
  if (pre.result !== undefined) {
    const names = pre.result.nodeNames;
    nodes = allNodes.filter((n) => names.has(n.name));
    diagnosis.nodeToStatus.absentNodesStatus = newStatus(Code.UnschedulableAndUnresolvable, [didNotSatisfyPluginsReason(pre.pluginsWithNodes)]);
  }

  const numNodesToFind = numFeasibleNodesToFind(ctx.fw.profile.percentageOfNodesToScore, nodes.length);
  const feasible: NodeInfo[] = [];
  let processed = 0;
  for (let i = 0; i < nodes.length && feasible.length < numNodesToFind; i++) {
    const nodeInfo = nodes[(ctx.nextStartNodeIndex + i) % nodes.length]!;
    const status = ctx.fw.runFilterPlugins(state, pod, nodeInfo);
    processed++;
    if (status === undefined) {
      feasible.push(nodeInfo);
    } else if (status.code === Code.Error) {
      return { error: status };
    } else {
      diagnosis.nodeToStatus.set(nodeInfo.name, status);
      if (status.plugin !== undefined) diagnosis.unschedulablePlugins.add(status.plugin);
    }
  }
  ctx.nextStartNodeIndex = (ctx.nextStartNodeIndex + processed) % allNodes.length;
  return { feasible, diagnosis };
}

/** The highest total; among equals, each is equally likely (reservoir sampling, one draw per tie). */
export function selectHost(nodes: readonly NodeInfo[], totals: Float64Array, rng: Rng): string {
  let best = 0;
  let ties = 1;
  for (let i = 1; i < nodes.length; i++) {
    if (totals[i]! > totals[best]!) {
      best = i;
      ties = 1;
    } else if (totals[i] === totals[best]) {
      ties++;
      if (rng.int(0, ties - 1) === 0) best = i;
    }
  }
  return nodes[best]!.name;
}

function handleSchedulingFailure(ctx: SchedulingContext, qp: QueuedPodInfo, status: Status, unschedulablePlugins: ReadonlySet<string>): void {
  const pod = qp.pod;
  const rejected = isRejected(status);
  if (rejected) {
    qp.unschedulableCount++;
    qp.consecutiveErrorsCount = 0;
    qp.unschedulablePlugins = unschedulablePlugins;
  } else {
    qp.consecutiveErrorsCount++;
  }
  // Requeue the informer's latest version, unless the pod is gone or someone else bound it.
  const cached = ctx.pods.get(qp.key);
  // Our informer only catches up at the next watch delivery, while a real one would
  // already show the binding that made ours fail (a player's drag): ask the API then.
  const current = rejected ? cached : liveVersion(ctx, pod);
  const stillPending = cached !== undefined && current !== undefined && !current.spec.nodeName;
  if (stillPending) {
    qp.pod = cached;
    ctx.queue.addUnschedulableIfNotPresent(qp);
  }
  const message = statusMessage(status);
  ctx.recorder.event(pod as Pod, "Warning", REASON_FAILED_SCHEDULING, truncateMessage(message));
  if (stillPending) setPodScheduledFalse(ctx, cached, rejected ? POD_REASON_UNSCHEDULABLE : POD_REASON_SCHEDULER_ERROR, message);
}

function liveVersion(ctx: SchedulingContext, pod: DeepReadonly<Pod>): DeepReadonly<Pod> | undefined {
  const res = ctx.client.get("pods", pod.metadata.namespace, pod.metadata.name!);
  return res.ok ? res.object : undefined;
}

/** updatePod with podutil.UpdatePodCondition: writes only when something changed; the transition time moves only with the status. */
function setPodScheduledFalse(ctx: SchedulingContext, pod: DeepReadonly<Pod>, reason: string, message: string): void {
  const conditions = clone(pod.status?.conditions ?? []) as Condition[];
  const i = conditions.findIndex((c) => c.type === "PodScheduled");
  const old = i < 0 ? undefined : conditions[i];
  const condition: Condition = {
    type: "PodScheduled",
    status: "False",
    // PodObservedGenerationTracking (beta, on in v1.34).
    observedGeneration: pod.metadata.generation,
    lastProbeTime: null,
    lastTransitionTime: old?.status === "False" ? old.lastTransitionTime : rfc3339(ctx.epochMs, ctx.clock.now),
    reason,
    message,
  };
  if (
    old !== undefined &&
    old.status === condition.status &&
    old.reason === condition.reason &&
    old.message === condition.message &&
    (old.lastProbeTime ?? null) === null &&
    old.lastTransitionTime === condition.lastTransitionTime &&
    old.observedGeneration === condition.observedGeneration
  ) {
    return;
  }
  if (i < 0) conditions.push(condition);
  else conditions[i] = condition;
  ctx.client.patchStatus("pods", pod.metadata.namespace, pod.metadata.name!, { status: { conditions } });
}
