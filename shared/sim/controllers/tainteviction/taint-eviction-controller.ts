// The taint eviction controller (pkg/controller/tainteviction/taint_eviction.go), the
// "taint-eviction-controller" of kube-controller-manager: deletes pods from nodes with NoExecute
// taints. A pod that does not tolerate one of them goes at once; one that tolerates them all
// for a while goes after the shortest tolerationSeconds, counted from when this controller first
// saw the taint (upstream's time.Now(), not the taint's timeAdded); one that tolerates them
// forever stays. If the taints go first, the deletion is cancelled. Deletion is an ordinary
// graceful delete, so on a dead node the pod then sits Terminating until its kubelet returns
// or someone force-deletes it.
//
// Queue keys: node:<name> (NoExecute taints changed), pod:<ns>/<name> (tolerations or node
// changed, or the pod went), evict:<ns>/<name> (a scheduled deletion is due).

import type { Pod, Taint } from "../../api/core-v1.ts";
import type { Condition, DeepReadonly } from "../../api/meta.ts";
import { INDEX_NODE_NAME } from "../../clientgo/informer.ts";
import { WorkQueue } from "../../clientgo/workqueue.ts";
import { clone, deepEqual } from "../../kernel/equal.ts";
import { rfc3339 } from "../../kernel/time.ts";
import { DONE, type Controller, type ControllerDeps, type SyncResult } from "../controller.ts";
import { updatePodCondition } from "../nodelifecycle/controller-utils.ts";
import { podNodeNameIndex } from "../nodelifecycle/node-lifecycle-controller.ts";
import { TimedWorkerQueue } from "./timed-workers.ts";
import { getMatchingTolerations, getMinTolerationTimeMs } from "./tolerations.ts";

export const TAINT_EVICTION_CONTROLLER_NAME = "taint-eviction-controller";

export const REASON_TAINT_MANAGER_EVICTION = "TaintManagerEviction";
export const markingForDeletionMessage = (podKey: string): string => `Marking for deletion Pod ${podKey}`;
export const cancellingDeletionMessage = (podKey: string): string => `Cancelling deletion of Pod ${podKey}`;

/** The DisruptionTarget condition set on a pod just before it is deleted. */
export const DISRUPTION_TARGET_REASON = "DeletionByTaintManager";
export const DISRUPTION_TARGET_MESSAGE = "Taint manager: deleting due to NoExecute taint";

const NODE_PREFIX = "node:";
const POD_PREFIX = "pod:";
const EVICT_PREFIX = "evict:";

const noExecuteTaints = (taints: readonly DeepReadonly<Taint>[] | undefined): DeepReadonly<Taint>[] => (taints ?? []).filter((t) => t.effect === "NoExecute");

export function newTaintEvictionController(deps: ControllerDeps): Controller {
  const { client, informers, recorder, clock, epochMs } = deps;
  const queue = new WorkQueue(TAINT_EVICTION_CONTROLLER_NAME, clock);
  const nodes = informers.informer("nodes");
  const pods = informers.informer("pods");
  pods.addIndexer(INDEX_NODE_NAME, podNodeNameIndex);
  /** NoExecute taints of every node that has some. */
  const taintedNodes = new Map<string, readonly DeepReadonly<Taint>[]>();
  const taintEvictionQueue = new TimedWorkerQueue(clock, (podKey) => queue.add(EVICT_PREFIX + podKey));

  pods.addEventHandler({
    onAdd: (pod) => queue.add(POD_PREFIX + podKeyOf(pod)),
    onUpdate: (old, pod) => {
      if (old.spec.nodeName === pod.spec.nodeName && deepEqual(old.spec.tolerations ?? [], pod.spec.tolerations ?? [])) return;
      queue.add(POD_PREFIX + podKeyOf(pod));
    },
    onDelete: (pod) => queue.add(POD_PREFIX + podKeyOf(pod)),
  });
  nodes.addEventHandler({
    onAdd: (node) => queue.add(NODE_PREFIX + node.metadata.name),
    onUpdate: (old, node) => {
      if (deepEqual(noExecuteTaints(old.spec.taints), noExecuteTaints(node.spec.taints))) return;
      queue.add(NODE_PREFIX + node.metadata.name);
    },
    onDelete: (node) => queue.add(NODE_PREFIX + node.metadata.name),
  });

  function sync(key: string): SyncResult {
    if (key.startsWith(NODE_PREFIX)) handleNodeUpdate(key.slice(NODE_PREFIX.length));
    else if (key.startsWith(POD_PREFIX)) handlePodUpdate(key.slice(POD_PREFIX.length));
    else if (key.startsWith(EVICT_PREFIX)) evict(key.slice(EVICT_PREFIX.length));
    return DONE;
  }

  function cancelWorkWithEvent(podKey: string): void {
    if (taintEvictionQueue.cancelWork(podKey)) recorder.event(podRef(podKey), "Normal", REASON_TAINT_MANAGER_EVICTION, cancellingDeletionMessage(podKey));
  }

  function processPodOnNode(podKey: string, tolerations: DeepReadonly<Pod>["spec"]["tolerations"], taints: readonly DeepReadonly<Taint>[], now: number): void {
    const { allTolerated, used } = getMatchingTolerations(taints, tolerations ?? []);
    if (!allTolerated) {
      // Deleted right away: any deletion scheduled for later is superseded.
      cancelWorkWithEvent(podKey);
      taintEvictionQueue.addWork(podKey, now);
      return;
    }
    const minMs = getMinTolerationTimeMs(used);
    if (minMs < 0) {
      cancelWorkWithEvent(podKey); // tolerated forever
      return;
    }
    // A deletion already counting down keeps its deadline. Upstream reschedules only when
    // createdAt + min is not before now + min, which with nanosecond clocks never happens, so
    // not even shorter tolerations bring it forward. (Our clock can repeat an instant within a
    // step, where a literal port would cancel and re-add with a spurious event.)
    if (taintEvictionQueue.getWorkerUnsafe(podKey)) return;
    taintEvictionQueue.addWork(podKey, now + minMs);
  }

  function handlePodUpdate(podKey: string): void {
    const pod = pods.get(podKey);
    if (!pod) {
      cancelWorkWithEvent(podKey);
      return;
    }
    const nodeName = pod.spec.nodeName;
    if (!nodeName) return;
    const taints = taintedNodes.get(nodeName);
    // No NoExecute taints on its node: any pending deletion was cancelled when they went.
    if (!taints) return;
    processPodOnNode(podKey, pod.spec.tolerations, taints, clock.now);
  }

  function handleNodeUpdate(nodeName: string): void {
    const node = nodes.get(nodeName);
    if (!node) {
      taintedNodes.delete(nodeName);
      return;
    }
    const taints = noExecuteTaints(node.spec.taints);
    if (taints.length === 0) taintedNodes.delete(nodeName);
    else taintedNodes.set(nodeName, taints);
    const onNode = pods.byIndex(INDEX_NODE_NAME, nodeName);
    if (taints.length === 0) {
      for (const pod of onNode) cancelWorkWithEvent(podKeyOf(pod));
      return;
    }
    const now = clock.now;
    for (const pod of onNode) processPodOnNode(podKeyOf(pod), pod.spec.tolerations, taints, now);
  }

  /**
   * deletePodHandler: an event, then DisruptionTarget on the pod's status and a graceful delete.
   * Upstream retries five times 10 ms apart; a synchronous retry here would meet the same
   * error, so one try, and on failure the work is forgotten exactly as upstream does after five.
   */
  function evict(podKey: string): void {
    const work = taintEvictionQueue.getWorkerUnsafe(podKey);
    if (!work || work.fireAt > clock.now) return; // cancelled, or rescheduled since the timer was set
    recorder.event(podRef(podKey), "Normal", REASON_TAINT_MANAGER_EVICTION, markingForDeletionMessage(podKey));
    if (addConditionAndDeletePod(podKey)) taintEvictionQueue.markDone(podKey);
    else taintEvictionQueue.forget(podKey);
  }

  function addConditionAndDeletePod(podKey: string): boolean {
    const slash = podKey.indexOf("/");
    const namespace = podKey.slice(0, slash);
    const name = podKey.slice(slash + 1);
    const got = client.get("pods", namespace, name);
    if (!got.ok) return false;
    const conditions = clone(got.object.status?.conditions ?? []) as Condition[];
    const condition: Condition = { type: "DisruptionTarget", status: "True", reason: DISRUPTION_TARGET_REASON, message: DISRUPTION_TARGET_MESSAGE };
    if (updatePodCondition(conditions, condition, rfc3339(epochMs, clock.now))) {
      // A patch without a resourceVersion, as upstream's PatchPodStatus: it cannot conflict.
      const patched = client.patchStatus("pods", namespace, name, { status: { conditions } });
      if (!patched.ok) return false;
    }
    return client.delete("pods", namespace, name).ok;
  }

  return { name: TAINT_EVICTION_CONTROLLER_NAME, queue, sync };
}

function podKeyOf(pod: DeepReadonly<Pod>): string {
  return `${pod.metadata.namespace}/${pod.metadata.name}`;
}

/** Upstream's reference names the pod only: no uid, no resourceVersion. */
function podRef(podKey: string): { apiVersion: string; kind: string; metadata: { name: string; namespace: string } } {
  const slash = podKey.indexOf("/");
  return { apiVersion: "v1", kind: "Pod", metadata: { namespace: podKey.slice(0, slash), name: podKey.slice(slash + 1) } };
}
