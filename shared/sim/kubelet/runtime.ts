// What the container runtime holds for one pod on this machine: its sandbox and,
// per container of the spec, the current instance and the one before it, with
// what containerd does to them (start, reap on exit, stop, lose them in a
// reboot). The status manager turns this into pod.status (pod-status.ts).

import type { ContainerStateTerminated } from "../api/core-v1.ts";
import { rfc3339 } from "../kernel/time.ts";
import { imageID, type ImageReference } from "./images.ts";

export interface ContainerRecord {
  readonly name: string;
  /** The image as written in the pod spec. */
  readonly image: string;
  state: "waiting" | "running" | "exited";
  /**
   * Why the container is not running, as the kubelet's reason cache has it
   * (ErrImagePull...). On an exited container (CrashLoopBackOff) it shows as
   * the state, and the exited instance as lastState.
   */
  waiting?: { reason: string; message?: string };
  /** When the running process exits by itself, and with what code (its command decides). */
  exit?: { at: number; code: number };
  /** The current (or last) instance, once one was created. */
  containerID?: string;
  /** What containerd reports: docker.io/library/nginx:1.27 and its digest reference. */
  imageRef?: string;
  imageID?: string;
  startedAt?: number;
  finishedAt?: number;
  exitCode?: number;
  reason?: string;
  message?: string;
  restartCount: number;
  /** The instance before the current one (lastState). */
  lastTerminated?: ContainerStateTerminated;
  /** Failed pulls of this container's image so far. */
  pullFailures: number;
  /**
   * What the instances printed, by container ID: the current one and the one
   * before it (kubectl logs --previous). Kept in the machine's memory, as
   * /var/log/pods is on its disk, never in the API.
   */
  readonly logs: Map<string, string>;
}

export interface PodRuntime {
  sandboxReady: boolean;
  podIP?: string;
  /** When the kubelet first took the pod on (status.startTime), in simulated ms. */
  startTime: number;
  /** Containers in spec order; they start one after another. */
  readonly containers: ContainerRecord[];
  /** The kubelet has stopped the pod for good (TerminatePod): the phase is final. */
  terminal: boolean;
}

export const REASON_CONTAINER_CREATING = "ContainerCreating";
export const REASON_ERR_IMAGE_PULL = "ErrImagePull";
export const REASON_IMAGE_PULL_BACK_OFF = "ImagePullBackOff";
export const REASON_ERR_IMAGE_NEVER_PULL = "ErrImageNeverPull";
export const REASON_COMPLETED = "Completed";
export const REASON_ERROR = "Error";
/** containerd's reason for containers lost with the machine (exit code 255). */
export const REASON_UNKNOWN = "Unknown";
export const EXIT_CODE_UNKNOWN = 255;
export const EXIT_CODE_SIGKILL = 137;
export const REASON_CRASH_LOOP_BACK_OFF = "CrashLoopBackOff";
/** kuberuntime's doBackOff error: "back-off 40s restarting failed container=web pod=web-1_default(<uid>)". */
export const crashLoopBackOffMessage = (backOff: string, container: string, pod: string): string => `back-off ${backOff} restarting failed container=${container} pod=${pod}`;
export const REASON_CONTAINER_STATUS_UNKNOWN = "ContainerStatusUnknown";
export const CONTAINER_STATUS_UNKNOWN_MESSAGE = "The container could not be located when the pod was terminated";

export function newContainerRecord(name: string, image: string): ContainerRecord {
  return { name, image, state: "waiting", waiting: { reason: REASON_CONTAINER_CREATING }, restartCount: 0, pullFailures: 0, logs: new Map() };
}

/** An exited instance as the API shows it; one that never ran (ContainerStatusUnknown) has no times and no ID. */
export function terminatedState(c: ContainerRecord, epochMs: number): ContainerStateTerminated {
  const terminated: ContainerStateTerminated = { exitCode: c.exitCode ?? 0 };
  if (c.reason !== undefined) terminated.reason = c.reason;
  if (c.message !== undefined) terminated.message = c.message;
  if (c.startedAt !== undefined) terminated.startedAt = rfc3339(epochMs, c.startedAt);
  if (c.finishedAt !== undefined) terminated.finishedAt = rfc3339(epochMs, c.finishedAt);
  if (c.containerID !== undefined) terminated.containerID = c.containerID;
  return terminated;
}

/** Processes whose exit time has come are exited at that time: "Completed" on 0, "Error" otherwise. */
export function reapExits(rt: PodRuntime, now: number): void {
  for (const c of rt.containers) {
    if (c.state === "running" && c.exit !== undefined && c.exit.at <= now) finish(c, c.exit.code, c.exit.code === 0 ? REASON_COMPLETED : REASON_ERROR, c.exit.at);
  }
}

/** The machine booted again: containerd finds every container that was running exited 255 "Unknown". */
export function rebootRuntime(rt: PodRuntime, now: number): void {
  rt.sandboxReady = false;
  for (const c of rt.containers) {
    // The reason cache died with the kubelet.
    if (c.state === "exited") c.waiting = undefined;
    if (c.state === "running") finish(c, EXIT_CODE_UNKNOWN, REASON_UNKNOWN, now);
  }
}

/** TerminatePod: what ran stops (0 on SIGTERM, 137 on SIGKILL); what never ran is reported lost. */
export function stopContainer(c: ContainerRecord, now: number, sigkill: boolean): void {
  if (c.state === "running") finish(c, sigkill ? EXIT_CODE_SIGKILL : 0, sigkill ? REASON_ERROR : REASON_COMPLETED, now);
  else if (c.state === "exited") {
    // A pod being stopped restarts nothing: no more CrashLoopBackOff.
    c.waiting = undefined;
  } else if (c.state === "waiting") {
    c.state = "exited";
    c.waiting = undefined;
    c.exitCode = EXIT_CODE_SIGKILL;
    c.reason = REASON_CONTAINER_STATUS_UNKNOWN;
    c.message = CONTAINER_STATUS_UNKNOWN_MESSAGE;
  }
}

/** Instances whose logs are kept: the current one and its predecessor. */
const KEPT_LOGS = 2;

/**
 * Creates and starts a new instance; one that ran before becomes lastState and
 * counts a restart. `exit` is when its process will end by itself, if it will;
 * `log` is what it prints as it starts.
 */
export function startContainer(c: ContainerRecord, image: ImageReference, containerID: string, now: number, epochMs: number, exit?: { at: number; code: number }, log = ""): void {
  if (c.state === "exited") {
    c.lastTerminated = terminatedState(c, epochMs);
    c.restartCount++;
  }
  c.state = "running";
  c.waiting = undefined;
  c.containerID = containerID;
  c.imageRef = image.normalized;
  c.imageID = imageID(image);
  c.startedAt = now;
  c.finishedAt = undefined;
  c.exitCode = undefined;
  c.reason = undefined;
  c.message = undefined;
  c.exit = exit;
  c.logs.set(containerID, log);
  // Map order is start order: the oldest instance's log goes first.
  for (const id of c.logs.keys()) if (c.logs.size > KEPT_LOGS) c.logs.delete(id);
}

function finish(c: ContainerRecord, exitCode: number, reason: string, at: number): void {
  c.state = "exited";
  c.exitCode = exitCode;
  c.reason = reason;
  c.finishedAt = at;
  c.exit = undefined;
}
