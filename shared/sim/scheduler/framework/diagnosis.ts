// Why a pod fits nowhere (framework.Diagnosis, NodeToStatus, FitError): the
// status of every rejected node, and the `0/N nodes are available: …` line that
// FailedScheduling events and the PodScheduled condition carry. Reasons are
// counted across nodes and sorted as strings, so "10 …" comes before "2 …".

import { Code, newStatus, type Status } from "./status.ts";

export class NodeToStatus {
  readonly #statuses = new Map<string, Status>();
  /** What nodes never evaluated (cut by a PreFilter result, or all of them after a PreFilter rejection) count as. */
  absentNodesStatus: Status;

  constructor(absentNodesStatus: Status = newStatus(Code.UnschedulableAndUnresolvable)) {
    this.absentNodesStatus = absentNodesStatus;
  }

  set(nodeName: string, status: Status): void {
    this.#statuses.set(nodeName, status);
  }

  get(nodeName: string): Status {
    return this.#statuses.get(nodeName) ?? this.absentNodesStatus;
  }

  /** Nodes with a status of their own. */
  get size(): number {
    return this.#statuses.size;
  }

  explicit(): IterableIterator<[string, Status]> {
    return this.#statuses.entries();
  }
}

export interface Diagnosis {
  readonly nodeToStatus: NodeToStatus;
  /** Plugins that rejected the pod somewhere: the queue requeues it only on their events. */
  readonly unschedulablePlugins: Set<string>;
  /** Set when a PreFilter plugin rejected the pod outright. */
  preFilterMsg: string;
  /** PostFilter's (preemption's) own message, appended after the histogram. */
  postFilterMsg: string;
}

export function newDiagnosis(): Diagnosis {
  return { nodeToStatus: new NodeToStatus(), unschedulablePlugins: new Set(), preFilterMsg: "", postFilterMsg: "" };
}

/** NoNodeAvailableMsg. */
export function noNodeAvailableMsg(numAllNodes: number): string {
  return `0/${numAllNodes} nodes are available`;
}

/** "1 Insufficient cpu, 2 node(s) were unschedulable": each reason with its node count, sorted as strings. */
export function reasonsHistogram(numAllNodes: number, nodeToStatus: NodeToStatus): string[] {
  // Plugins share status objects between nodes, so count those first: far fewer than nodes.
  const statuses = new Map<Status, number>();
  for (const [, status] of nodeToStatus.explicit()) statuses.set(status, (statuses.get(status) ?? 0) + 1);
  const absent = numAllNodes - nodeToStatus.size;
  if (absent > 0) statuses.set(nodeToStatus.absentNodesStatus, (statuses.get(nodeToStatus.absentNodesStatus) ?? 0) + absent);
  const reasons = new Map<string, number>();
  for (const [status, n] of statuses) for (const r of status.reasons) reasons.set(r, (reasons.get(r) ?? 0) + n);
  const out: string[] = [];
  for (const [reason, n] of reasons) out.push(`${n} ${reason}`);
  // Go's sort.Strings: byte order, which for these ASCII strings is UTF-16 order.
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** FitError.Error(). */
export function fitErrorMessage(numAllNodes: number, diagnosis: Diagnosis): string {
  let msg = `${noNodeAvailableMsg(numAllNodes)}:`;
  if (diagnosis.preFilterMsg !== "") {
    // Every node carries the PreFilter status then, so the histogram would only repeat it.
    msg += ` ${diagnosis.preFilterMsg}.`;
  } else {
    const histogram = reasonsHistogram(numAllNodes, diagnosis.nodeToStatus);
    if (histogram.length > 0) msg += ` ${histogram.join(", ")}.`;
  }
  if (diagnosis.postFilterMsg !== "") msg += ` ${diagnosis.postFilterMsg}`;
  return msg;
}
