// What the container runtime holds for one pod on this machine: its sandbox and,
// per container of the spec, the current instance and the one before it, with
// what containerd does to them (start, stop, lose them in a reboot). The status
// manager turns this into pod.status (pod-status.ts).

import type { ContainerStateTerminated } from "../api/core-v1.ts";
import { rfc3339 } from "../kernel/time.ts";
import { imageID, type ImageReference } from "./images.ts";

export interface ContainerRecord {
  readonly name: string;
  /** The image as written in the pod spec. */
  readonly image: string;
  state: "waiting" | "running" | "exited";
  waiting?: { reason: string; message?: string };
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
export const REASON_CONTAINER_STATUS_UNKNOWN = "ContainerStatusUnknown";
export const CONTAINER_STATUS_UNKNOWN_MESSAGE = "The container could not be located when the pod was terminated";

export function newContainerRecord(name: string, image: string): ContainerRecord {
  return { name, image, state: "waiting", waiting: { reason: REASON_CONTAINER_CREATING }, restartCount: 0, pullFailures: 0 };
}

/** The machine booted again: containerd finds every container that was running exited 255 "Unknown". */
export function rebootRuntime(rt: PodRuntime, now: number): void {
  rt.sandboxReady = false;
  for (const c of rt.containers) {
    if (c.state !== "running") continue;
    c.state = "exited";
    c.exitCode = EXIT_CODE_UNKNOWN;
    c.reason = REASON_UNKNOWN;
    c.finishedAt = now;
  }
}

/** TerminatePod: what ran stops (0 on SIGTERM, 137 on SIGKILL); what never ran is reported lost. */
export function stopContainer(c: ContainerRecord, now: number, sigkill: boolean): void {
  if (c.state === "running") {
    c.state = "exited";
    c.exitCode = sigkill ? EXIT_CODE_SIGKILL : 0;
    c.reason = sigkill ? REASON_ERROR : REASON_COMPLETED;
    c.finishedAt = now;
  } else if (c.state === "waiting") {
    c.state = "exited";
    c.waiting = undefined;
    c.exitCode = EXIT_CODE_SIGKILL;
    c.reason = REASON_CONTAINER_STATUS_UNKNOWN;
    c.message = CONTAINER_STATUS_UNKNOWN_MESSAGE;
  }
}

/** Creates and starts a new instance; one that ran before becomes lastState and counts a restart. */
export function startContainer(c: ContainerRecord, image: ImageReference, containerID: string, now: number, epochMs: number): void {
  if (c.state === "exited") {
    const last: ContainerStateTerminated = { exitCode: c.exitCode ?? 0 };
    if (c.reason !== undefined) last.reason = c.reason;
    if (c.startedAt !== undefined) last.startedAt = rfc3339(epochMs, c.startedAt);
    if (c.finishedAt !== undefined) last.finishedAt = rfc3339(epochMs, c.finishedAt);
    if (c.containerID !== undefined) last.containerID = c.containerID;
    c.lastTerminated = last;
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
}
