// The kubelet's event reasons and messages (pkg/kubelet/events, images, kuberuntime
// and nodestatus), exactly as a v1.34 kubelet writes them. Pod events are named by
// key in the stage tables; node events are recorded by the status setters.

import { goDuration } from "./go-duration.ts";

export type EventType = "Normal" | "Warning";

/** What a pod event step needs to word its message. */
export interface PodEventContext {
  /** The image as written in the pod spec. */
  readonly image: string;
  readonly container: string;
  /** format.Pod: "<name>_<namespace>(<uid>)". */
  readonly pod: string;
  /** The runtime's pull error, for FailedPull. */
  readonly pullError?: string;
  /** For Pulled: the pull itself and the time including the wait for earlier pulls. */
  readonly pullMs?: number;
  readonly pullTotalMs?: number;
  readonly imageSizeBytes?: number;
}

export interface PodEvent {
  readonly type: EventType;
  readonly reason: string;
  readonly message: (c: PodEventContext) => string;
}

export const REASON_PULLING = "Pulling";
export const REASON_PULLED = "Pulled";
export const REASON_FAILED = "Failed";
export const REASON_BACK_OFF = "BackOff";
export const REASON_ERR_IMAGE_NEVER_PULL = "ErrImageNeverPull";
export const REASON_CREATED = "Created";
export const REASON_STARTED = "Started";
export const REASON_KILLING = "Killing";
export const REASON_SANDBOX_CHANGED = "SandboxChanged";

export const pullingMessage = (image: string): string => `Pulling image "${image}"`;
export const pulledMessage = (image: string, pullMs: number, totalMs: number, sizeBytes: number): string =>
  `Successfully pulled image "${image}" in ${goDuration(pullMs)} (${goDuration(totalMs)} including waiting). Image size: ${sizeBytes} bytes.`;
export const alreadyPresentMessage = (image: string): string => `Container image "${image}" already present on machine`;
export const failedToPullMessage = (image: string, err: string): string => `Failed to pull image "${image}": ${err}`;
export const backOffRestartingMessage = (container: string, pod: string): string => `Back-off restarting failed container ${container} in pod ${pod}`;
export const backOffPullingMessage = (image: string): string => `Back-off pulling image "${image}"`;
export const neverPullMessage = (image: string): string => `Container image "${image}" is not present with pull policy of Never`;
/** kuberuntime's "Error: %v" on the Failed event when a container cannot start. */
export const startErrorMessage = (reason: string): string => `Error: ${reason}`;
export const createdMessage = (container: string): string => `Created container: ${container}`;
export const startedMessage = (container: string): string => `Started container ${container}`;
export const killingMessage = (container: string): string => `Stopping container ${container}`;
export const SANDBOX_CHANGED_MESSAGE = "Pod sandbox changed, it will be killed and re-created.";

/** Pod events the stage tables can name. */
export const POD_EVENTS = {
  Pulling: { type: "Normal", reason: REASON_PULLING, message: (c) => pullingMessage(c.image) },
  Pulled: { type: "Normal", reason: REASON_PULLED, message: (c) => pulledMessage(c.image, c.pullMs ?? 0, c.pullTotalMs ?? 0, c.imageSizeBytes ?? 0) },
  AlreadyPresent: { type: "Normal", reason: REASON_PULLED, message: (c) => alreadyPresentMessage(c.image) },
  FailedPull: { type: "Warning", reason: REASON_FAILED, message: (c) => failedToPullMessage(c.image, c.pullError ?? "") },
  ErrImagePull: { type: "Warning", reason: REASON_FAILED, message: () => startErrorMessage("ErrImagePull") },
  BackOffPull: { type: "Normal", reason: REASON_BACK_OFF, message: (c) => backOffPullingMessage(c.image) },
  ImagePullBackOff: { type: "Warning", reason: REASON_FAILED, message: () => startErrorMessage("ImagePullBackOff") },
  NeverPull: { type: "Warning", reason: REASON_ERR_IMAGE_NEVER_PULL, message: (c) => neverPullMessage(c.image) },
  ErrImageNeverPull: { type: "Warning", reason: REASON_FAILED, message: () => startErrorMessage("ErrImageNeverPull") },
  /** One per container whose restart back-off has not run out. */
  BackOffRestart: { type: "Warning", reason: REASON_BACK_OFF, message: (c) => backOffRestartingMessage(c.container, c.pod) },
  Created: { type: "Normal", reason: REASON_CREATED, message: (c) => createdMessage(c.container) },
  Started: { type: "Normal", reason: REASON_STARTED, message: (c) => startedMessage(c.container) },
  /** One per running container. */
  Killing: { type: "Normal", reason: REASON_KILLING, message: (c) => killingMessage(c.container) },
  SandboxChanged: { type: "Normal", reason: REASON_SANDBOX_CHANGED, message: () => SANDBOX_CHANGED_MESSAGE },
} as const satisfies Record<string, PodEvent>;

export type PodEventKey = keyof typeof POD_EVENTS;
export const POD_EVENT_KEYS = Object.keys(POD_EVENTS) as [PodEventKey, ...PodEventKey[]];

// --- node events -------------------------------------------------------------

export const REASON_STARTING = "Starting";
export const STARTING_MESSAGE = "Starting kubelet.";
export const REASON_NODE_ALLOCATABLE_ENFORCED = "NodeAllocatableEnforced";
export const NODE_ALLOCATABLE_ENFORCED_MESSAGE = "Updated Node Allocatable limit across pods";
export const REASON_NODE_REBOOTED = "Rebooted";
export const nodeRebootedMessage = (node: string, bootID: string): string => `Node ${node} has been rebooted, boot id: ${bootID}`;

export const REASON_NODE_HAS_SUFFICIENT_MEMORY = "NodeHasSufficientMemory";
export const REASON_NODE_HAS_NO_DISK_PRESSURE = "NodeHasNoDiskPressure";
export const REASON_NODE_HAS_SUFFICIENT_PID = "NodeHasSufficientPID";
export const REASON_NODE_READY = "NodeReady";
/** The status setters' event text: "Node node-1 status is now: NodeReady". */
export const nodeStatusMessage = (node: string, reason: string): string => `Node ${node} status is now: ${reason}`;
