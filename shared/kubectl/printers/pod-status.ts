// The READY, STATUS and RESTARTS cells of `kubectl get pods`: printPod from
// kubernetes pkg/printers/internalversion/printers.go (v1.34), step for step.

import type { Container, ContainerStatus, Pod } from "../../sim/api/core-v1.ts";
import type { DeepReadonly } from "../../sim/api/meta.ts";
import { parseTime } from "../../sim/kernel/time.ts";
import { humanDuration, type Now } from "./age.ts";

/** node.NodeUnreachablePodReason: the node controller's reason for pods on a lost node. */
export const NODE_UNREACHABLE_POD_REASON = "NodeLost";
export const POD_REASON_SCHEDULING_GATED = "SchedulingGated";

type RO<T> = DeepReadonly<T>;

export interface PodCells {
  readonly ready: string;
  readonly status: string;
  readonly restarts: string;
}

/** What printPod works out before formatting: counts, the STATUS reason, restarts. */
export interface PodSummary {
  readonly readyContainers: number;
  readonly totalContainers: number;
  readonly status: string;
  readonly restarts: number;
  /** Simulated ms of the newest lastState.terminated.finishedAt, if any. */
  readonly lastRestartMs: number | undefined;
}

function isRestartableInitContainer(c: RO<Container> | undefined): boolean {
  return (c as { restartPolicy?: string } | undefined)?.restartPolicy === "Always";
}

function conditionTrue(pod: RO<Pod>, type: string): boolean {
  return (pod.status?.conditions ?? []).some((c) => c.type === type && c.status === "True");
}

function finishedAt(now: { readonly epochMs: number }, cs: RO<ContainerStatus>): number | undefined {
  const t = cs.lastState?.terminated?.finishedAt;
  if (!t) return undefined;
  const ms = parseTime(now.epochMs, t);
  return Number.isNaN(ms) ? undefined : ms;
}

export function summarizePod(epochMs: number, pod: RO<Pod>): PodSummary {
  const now = { epochMs };
  const status = pod.status ?? {};
  let restarts = 0;
  let restartableInitRestarts = 0;
  let totalContainers = pod.spec.containers.length;
  let readyContainers = 0;
  let lastRestart: number | undefined;
  let lastRestartableInitRestart: number | undefined;
  const later = (a: number | undefined, b: number | undefined): number | undefined => (b !== undefined && (a === undefined || a < b) ? b : a);

  const podPhase = status.phase ?? "";
  let reason: string = status.reason ? status.reason : podPhase;
  for (const c of status.conditions ?? []) {
    if (c.type === "PodScheduled" && c.reason === POD_REASON_SCHEDULING_GATED) reason = POD_REASON_SCHEDULING_GATED;
  }

  const initContainers = new Map<string, RO<Container>>();
  for (const c of pod.spec.initContainers ?? []) {
    initContainers.set(c.name, c);
    if (isRestartableInitContainer(c)) totalContainers++;
  }

  let initializing = false;
  const initStatuses = status.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const container = initStatuses[i]!;
    restarts += container.restartCount;
    lastRestart = later(lastRestart, finishedAt(now, container));
    const restartable = isRestartableInitContainer(initContainers.get(container.name));
    if (restartable) {
      restartableInitRestarts += container.restartCount;
      lastRestartableInitRestart = later(lastRestartableInitRestart, finishedAt(now, container));
    }
    const terminated = container.state?.terminated;
    const waiting = container.state?.waiting;
    if (terminated && terminated.exitCode === 0) continue;
    if (restartable && container.started === true) {
      if (container.ready) readyContainers++;
      continue;
    }
    if (terminated) {
      if (!terminated.reason) {
        reason = terminated.signal ? `Init:Signal:${terminated.signal}` : `Init:ExitCode:${terminated.exitCode}`;
      } else reason = `Init:${terminated.reason}`;
    } else if (waiting && waiting.reason && waiting.reason !== "PodInitializing") {
      reason = `Init:${waiting.reason}`;
    } else {
      reason = `Init:${i}/${(pod.spec.initContainers ?? []).length}`;
    }
    initializing = true;
    break;
  }

  if (!initializing || conditionTrue(pod, "Initialized")) {
    restarts = restartableInitRestarts;
    lastRestart = lastRestartableInitRestart;
    let hasRunning = false;
    let errorReason = "";
    const statuses = status.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const container = statuses[i]!;
      restarts += container.restartCount;
      lastRestart = later(lastRestart, finishedAt(now, container));
      const waiting = container.state?.waiting;
      const terminated = container.state?.terminated;
      if (waiting && waiting.reason) {
        reason = waiting.reason;
      } else if (terminated) {
        if (terminated.reason) reason = terminated.reason;
        else if (terminated.signal) reason = `Signal:${terminated.signal}`;
        else reason = `ExitCode:${terminated.exitCode}`;
        if (terminated.exitCode !== 0) errorReason = reason;
      } else if (container.ready && container.state?.running) {
        hasRunning = true;
        readyContainers++;
      }
    }
    // Back to "Running" while at least one container still runs.
    if (reason === "Completed") {
      if (hasRunning && conditionTrue(pod, "Ready")) reason = "Running";
      else if (errorReason !== "") reason = errorReason;
      else if (hasRunning) reason = "NotReady";
    }
  }

  if (pod.metadata.deletionTimestamp && status.reason === NODE_UNREACHABLE_POD_REASON) reason = "Unknown";
  else if (pod.metadata.deletionTimestamp && podPhase !== "Succeeded" && podPhase !== "Failed") reason = "Terminating";

  return { readyContainers, totalContainers, status: reason, restarts, lastRestartMs: lastRestart };
}

/** The READY, STATUS and RESTARTS cells: "1/1", "Running", "3 (2m ago)". */
export function podCells(now: Now, pod: RO<Pod>): PodCells {
  const s = summarizePod(now.epochMs, pod);
  let restarts = String(s.restarts);
  if (s.restarts !== 0 && s.lastRestartMs !== undefined) restarts = `${s.restarts} (${humanDuration(now.nowMs - s.lastRestartMs)} ago)`;
  return { ready: `${s.readyContainers}/${s.totalContainers}`, status: s.status, restarts };
}

/** The STATUS column of `kubectl get pods` (needs no clock). */
export function podStatusText(pod: RO<Pod>): string {
  return summarizePod(0, pod).status;
}

/** The READY column as numbers: ready containers of all (sidecars included). */
export function podReadyCount(pod: RO<Pod>): { readonly ready: number; readonly total: number } {
  const s = summarizePod(0, pod);
  return { ready: s.readyContainers, total: s.totalContainers };
}
