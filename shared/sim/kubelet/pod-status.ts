// The kubelet's status manager: pod.status from the runtime's view of the pod
// (generateAPIPodStatus, getPhase and the condition generators of
// pkg/kubelet/status), keeping conditions other components own.

import type { ContainerState, ContainerStateTerminated, ContainerStatus, Pod, PodPhase, PodStatus } from "../api/core-v1.ts";
import type { Condition, DeepReadonly } from "../api/meta.ts";
import { rfc3339 } from "../kernel/time.ts";
import { terminatedState, type ContainerRecord, type PodRuntime } from "./runtime.ts";
import { clone } from "../kernel/equal.ts";

export const POD_READY_TO_START_CONTAINERS = "PodReadyToStartContainers";
export const POD_INITIALIZED = "Initialized";
export const POD_READY = "Ready";
export const CONTAINERS_READY = "ContainersReady";
export const POD_SCHEDULED = "PodScheduled";
/** Conditions the kubelet writes, in the order it writes them. */
const KUBELET_CONDITIONS = [POD_READY_TO_START_CONTAINERS, POD_INITIALIZED, POD_READY, CONTAINERS_READY, POD_SCHEDULED];

export const REASON_CONTAINERS_NOT_READY = "ContainersNotReady";
export const REASON_POD_COMPLETED = "PodCompleted";
export const REASON_POD_FAILED = "PodFailed";
/** Go's %v of a []string: "containers with unready status: [web sidecar]". */
export const unreadyContainersMessage = (names: readonly string[]): string => `containers with unready status: [${names.join(" ")}]`;

export interface StatusContext {
  readonly epochMs: number;
  readonly now: number;
  readonly hostIP: string;
}

/** getPhase: what the containers say about the pod. */
export function podPhase(pod: DeepReadonly<Pod>, rt: PodRuntime): PodPhase {
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let succeeded = 0;
  for (const c of rt.containers) {
    if (c.state === "running") running++;
    else if (c.state === "exited") {
      stopped++;
      // Waiting to restart (CrashLoopBackOff) is stopped, but not a success.
      if (c.exitCode === 0 && c.waiting === undefined) succeeded++;
    } else if (c.lastTerminated !== undefined) stopped++;
    else waiting++;
  }
  if (waiting > 0) return "Pending";
  if (running > 0) return "Running";
  if (rt.terminal) return stopped === succeeded ? "Succeeded" : "Failed";
  const policy = pod.spec.restartPolicy ?? "Always";
  if (policy === "Always") return "Running";
  if (stopped === succeeded) return "Succeeded";
  return policy === "Never" ? "Failed" : "Running";
}

function containerStatus(c: ContainerRecord, ctx: StatusContext): ContainerStatus {
  const t = (ms: number): string => rfc3339(ctx.epochMs, ms);
  let state: ContainerState;
  let last: ContainerStateTerminated | undefined = c.lastTerminated;
  if (c.state === "running") state = { running: { startedAt: t(c.startedAt!) } };
  else if (c.state === "exited" && c.waiting !== undefined) {
    // To be restarted: the reason cache's waiting state, the exited instance as lastState.
    state = { waiting: { ...c.waiting } };
    last = terminatedState(c, ctx.epochMs);
  } else if (c.state === "exited") state = { terminated: terminatedState(c, ctx.epochMs) };
  else state = { waiting: { ...c.waiting! } };
  const status: ContainerStatus = {
    name: c.name,
    state,
    lastState: last ? { terminated: { ...last } } : {},
    ready: c.state === "running",
    restartCount: c.restartCount,
    // Before the runtime has the container, the spec's image is all there is.
    image: c.imageRef ?? c.image,
    imageID: c.imageID ?? "",
    started: c.state === "running",
  };
  if (c.containerID !== undefined) status.containerID = c.containerID;
  return status;
}

/**
 * The whole status the kubelet writes. `previous` is what it last wrote (or the
 * pod's current status): a condition keeps its lastTransitionTime while its
 * status stays the same.
 */
export function buildPodStatus(pod: DeepReadonly<Pod>, rt: PodRuntime, previous: DeepReadonly<PodStatus> | undefined, ctx: StatusContext): PodStatus {
  const now = rfc3339(ctx.epochMs, ctx.now);
  const generation = pod.metadata.generation;
  const old = previous?.conditions ?? [];
  const condition = (type: string, ok: boolean, reason?: string, message?: string): Condition => {
    const status = ok ? "True" : "False";
    const before = old.find((c) => c.type === type);
    const c: Condition = { type, status, lastProbeTime: null, lastTransitionTime: before?.status === status ? before.lastTransitionTime : now };
    if (reason !== undefined) c.reason = reason;
    if (message !== undefined) c.message = message;
    if (generation !== undefined) c.observedGeneration = generation;
    return c;
  };

  const phase = podPhase(pod, rt);
  const containerStatuses = rt.containers.map((c) => containerStatus(c, ctx));
  const unready = containerStatuses.filter((c) => !c.ready).map((c) => c.name);
  let ready: [boolean, string?, string?];
  if (phase === "Succeeded") ready = [false, REASON_POD_COMPLETED];
  else if (phase === "Failed") ready = [false, REASON_POD_FAILED];
  else if (unready.length > 0) ready = [false, REASON_CONTAINERS_NOT_READY, unreadyContainersMessage(unready)];
  else ready = [true];

  const scheduled = old.find((c) => c.type === POD_SCHEDULED);
  const conditions: Condition[] = [
    // Conditions others own (DisruptionTarget...) stay in front, as mergePodStatus keeps them.
    ...old.filter((c) => !KUBELET_CONDITIONS.includes(c.type)).map((c) => clone(c) as Condition),
    condition(POD_READY_TO_START_CONTAINERS, rt.sandboxReady),
    condition(POD_INITIALIZED, true),
    condition(POD_READY, ...ready),
    condition(CONTAINERS_READY, ...ready),
    scheduled ? (clone(scheduled) as Condition) : { type: POD_SCHEDULED, status: "True", lastProbeTime: null, lastTransitionTime: now },
  ];

  const status: PodStatus = { phase, conditions, hostIP: ctx.hostIP, hostIPs: [{ ip: ctx.hostIP }] };
  if (generation !== undefined) status.observedGeneration = generation;
  if (rt.podIP !== undefined) {
    status.podIP = rt.podIP;
    status.podIPs = [{ ip: rt.podIP }];
  }
  status.startTime = rfc3339(ctx.epochMs, rt.startTime);
  status.containerStatuses = containerStatuses;
  return status;
}
