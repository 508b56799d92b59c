// The kubelet's /containerLogs endpoint (GetKubeletContainerLogs): which
// instance of a container the request means, from the pod's status as the
// kubelet reported it (validateContainerLogStatus), and what that instance
// printed, from the machine's container records. Its refusals reach kubectl as
// "Error from server (BadRequest): ...".

import type { Pod } from "../api/core-v1.ts";
import type { DeepReadonly } from "../api/meta.ts";
import { badRequest, fail, ok, type ApiResult } from "../apiserver/errors.ts";
import { REASON_ERR_IMAGE_PULL, REASON_IMAGE_PULL_BACK_OFF, type PodRuntime } from "./runtime.ts";

export function containerLogs(pod: DeepReadonly<Pod>, runtime: PodRuntime | undefined, container: string, previous: boolean): ApiResult<string> {
  const name = pod.metadata.name!;
  if (runtime === undefined) return fail(badRequest(`pod ${JSON.stringify(name)} cannot be found - no logs available`));
  const id = logContainerID(pod, container, previous);
  if (typeof id !== "string") return fail(badRequest(id.error));
  return ok(runtime.containers.find((c) => c.name === container)?.logs.get(id) ?? "");
}

/** validateContainerLogStatus: the container ID whose log is asked for, or why there is none. */
function logContainerID(pod: DeepReadonly<Pod>, container: string, previous: boolean): string | { error: string } {
  const c = JSON.stringify(container);
  const p = JSON.stringify(pod.metadata.name!);
  const status = pod.status?.containerStatuses?.find((s) => s.name === container);
  if (status === undefined) return { error: `container ${c} in pod ${p} is not available` };
  const last = status.lastState.terminated;
  const { waiting, running, terminated } = status.state;
  if (previous) {
    if (last?.containerID === undefined || last.containerID === "") return { error: `previous terminated container ${c} in pod ${p} not found` };
    return last.containerID;
  }
  if (running !== undefined) return status.containerID ?? "";
  if (terminated !== undefined) {
    // The next instance did not start: the log is the last one's.
    if (terminated.containerID !== undefined && terminated.containerID !== "") return terminated.containerID;
    if (last?.containerID !== undefined && last.containerID !== "") return last.containerID;
    return { error: `container ${c} in pod ${p} is terminated` };
  }
  if (last !== undefined) {
    if (last.containerID === undefined || last.containerID === "") return { error: `container ${c} in pod ${p} is terminated` };
    return last.containerID;
  }
  if (waiting !== undefined) {
    if (waiting.reason === REASON_ERR_IMAGE_PULL) return { error: `container ${c} in pod ${p} is waiting to start: image can't be pulled` };
    if (waiting.reason === REASON_IMAGE_PULL_BACK_OFF) return { error: `container ${c} in pod ${p} is waiting to start: trying and failing to pull image` };
    return { error: `container ${c} in pod ${p} is waiting to start: ${waiting.reason ?? ""}` };
  }
  return { error: `container ${c} in pod ${p} is waiting to start - no logs yet` };
}
