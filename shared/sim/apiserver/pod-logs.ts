// GET pods/NAME/log: the registry's LogLocation (which container, on which
// node's kubelet), then the kubelet's answer proxied back. Logs never touch
// etcd: each node's kubelet keeps them and registers itself as the provider for
// its node. A node whose kubelet does not answer gives the proxy's dial error.

import type { Node, Pod } from "../api/core-v1.ts";
import type { DeepReadonly, Status } from "../api/meta.ts";
import { badRequest, fail, ok, type ApiResult } from "./errors.ts";

/** corev1.PodLogOptions, the part the console uses. */
export interface PodLogOptions {
  readonly container?: string;
  readonly previous?: boolean;
  /** Lines from the end; undefined (or negative) for all. */
  readonly tailLines?: number;
}

/** The kubelet's /containerLogs endpoint; undefined when nothing answers on the node. */
export interface ContainerLogProvider {
  containerLogs(pod: DeepReadonly<Pod>, container: string, previous: boolean): ApiResult<string> | undefined;
}

/** The kubelet's default port when the Node does not report one. */
const DEFAULT_KUBELET_PORT = 10250;

/**
 * LogLocation and the proxied request. `node` is the pod's Node (undefined for an
 * unscheduled pod, which has no logs yet); `provider` its kubelet, if registered.
 */
export function podLogs(pod: DeepReadonly<Pod>, opts: PodLogOptions, node: DeepReadonly<Node> | undefined, provider: ContainerLogProvider | undefined): ApiResult<string> {
  const name = pod.metadata.name!;
  let container = opts.container ?? "";
  if (container === "") {
    const containers = pod.spec.containers;
    if (containers.length === 0) return fail(badRequest(`a container name must be specified for pod ${name}`));
    if (containers.length > 1) {
      const names = containers.map((c) => c.name).join(" ");
      const init = (pod.spec.initContainers ?? []).map((c) => c.name).join(" ");
      return fail(badRequest(`a container name must be specified for pod ${name}, choose one of: [${names}]${init !== "" ? ` or one of the init containers: [${init}]` : ""}`));
    }
    container = containers[0]!.name;
  } else if (![...pod.spec.containers, ...(pod.spec.initContainers ?? [])].some((c) => c.name === container)) {
    return fail(badRequest(`container ${container} is not valid for pod ${name}`));
  }
  // A pod not yet assigned a host has an empty location: an empty stream.
  if (node === undefined) return ok("");
  const answer = provider?.containerLogs(pod, container, opts.previous ?? false);
  if (answer === undefined) return fail(unreachable(node, pod, container, opts));
  return answer.ok ? ok(tail(answer.object, opts.tailLines)) : answer;
}

/** The proxy's error when the kubelet's port refuses: not an API status, so its reason is StatusReasonUnknown (""). */
function unreachable(node: DeepReadonly<Node>, pod: DeepReadonly<Pod>, container: string, opts: PodLogOptions): Status {
  const ip = node.status?.addresses?.find((a) => a.type === "InternalIP")?.address ?? node.metadata.name!;
  const port = node.status?.daemonEndpoints?.kubeletEndpoint.Port ?? DEFAULT_KUBELET_PORT;
  // url.Values.Encode: keys sorted.
  const query = [opts.previous === true ? "previous=true" : "", opts.tailLines !== undefined && opts.tailLines >= 0 ? `tailLines=${opts.tailLines}` : ""].filter((q) => q !== "").join("&");
  const url = `https://${ip}:${port}/containerLogs/${pod.metadata.namespace}/${pod.metadata.name}/${container}${query !== "" ? `?${query}` : ""}`;
  return { apiVersion: "v1", kind: "Status", status: "Failure", message: `Get ${JSON.stringify(url)}: dial tcp ${ip}:${port}: connect: connection refused`, reason: "", code: 500 };
}

/** The kubelet's tail: the last n lines, each with its newline. */
function tail(text: string, n: number | undefined): string {
  if (n === undefined || n < 0) return text;
  if (n === 0) return "";
  const lines = text.split(/(?<=\n)/);
  return lines.slice(Math.max(0, lines.length - n)).join("");
}
