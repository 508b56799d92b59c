// Per-client views: what each connection is sent of the synced state, through
// @colyseus/schema's StateView. Everyone gets the shared part — every node with
// its aggregates (requests, pod count, status), the level, events, presence.
// The `.view()` fields are per client:
//  - workloads: the Deployments of namespaces the player may list them in;
//  - pods: all of them while the cluster holds at most FULL_DETAIL_MAX_PODS (so
//    the sandbox and the workshop cluster look exactly as without views); past
//    that, in detail only (a) on the nodes the player's screen shows (the "view"
//    message; the first DEFAULT_VIEW_NODES nodes until it sends one), (b) the
//    first PENDING_SHOWN unscheduled pods, and (c) in the namespaces the player
//    owns by RBAC (ListAccess.ownsPodsIn).
// The rest reaches that client only as node aggregates, which is how a
// 30,000-pod cluster joins in a few hundred KB.

import type { Client } from "@colyseus/core";
import { Encoder, StateView } from "@colyseus/schema";
import type { UserInfo } from "../../../shared/sim/apiserver/types.ts";
import type { Cluster } from "../../../shared/sim/cluster.ts";
import type { ProjectionListener } from "../projector.ts";
import type { ClusterState, PodView, WorkloadView } from "../schema/cluster-state.ts";
import { ListAccess } from "./list-access.ts";

/** Up to this many pods every client is sent every pod. */
export const FULL_DETAIL_MAX_PODS = 2_000;
/** Nodes a client is shown pods for before it says what its screen shows. */
export const DEFAULT_VIEW_NODES = 24;
/** Unscheduled pods sent to everyone (the pending queue), oldest first. */
export const PENDING_SHOWN = 200;

/**
 * Wire bytes of one map entry a view is told about (op, index, refId), beside its key.
 * encodeView checks its buffer once per object, not per entry, so a map's
 * entries for one view must fit in what is left of the buffer: past half of it
 * the rest wait for the next patch (Watcher.behind).
 */
const ENTRY_BYTES = 16;

type State = InstanceType<typeof ClusterState>;

interface Watcher {
  readonly view: StateView;
  readonly access: ListAccess;
  /** The nodes the screen shows; undefined until the client says. */
  viewport: ReadonlySet<string> | undefined;
  /** Keys this view holds. */
  readonly pods: Set<string>;
  readonly workloads: Set<string>;
  /** Estimated bytes of map entries queued on the view since its last patch. */
  queuedBytes: number;
  /** Some changes did not fit in one patch: resync after the next. */
  behind: boolean;
}

export class ClientViews implements ProjectionListener {
  readonly #state: State;
  readonly #cluster: Cluster;
  /** By session id. */
  readonly #watchers = new Map<string, Watcher>();
  /** Where each projected pod is ("" while unscheduled), and the reverse indexes. */
  readonly #podNode = new Map<string, string>();
  readonly #podsByNode = new Map<string, Set<string>>();
  readonly #podsByNamespace = new Map<string, Set<string>>();
  /** Unscheduled pods in the order they were first seen so. */
  readonly #pending = new Set<string>();
  #pendingShown = new Set<string>();
  #pendingTouched = false;
  #defaultViewport = new Set<string>();
  #full = true;
  readonly #changedPods = new Set<string>();
  readonly #changedWorkloads = new Set<string>();

  constructor(cluster: Cluster, state: State) {
    this.#cluster = cluster;
    this.#state = state;
  }

  /** Gives a joining client its view (client.view), filled for what it may see now. */
  attach(client: Client, user: UserInfo): void {
    this.detach(client.sessionId);
    const access = new ListAccess(this.#cluster.clientFor(user), () => this.#cluster.api.rbacGeneration);
    const watcher: Watcher = { view: new StateView(), access, viewport: undefined, pods: new Set(), workloads: new Set(), queuedBytes: 0, behind: false };
    this.#watchers.set(client.sessionId, watcher);
    client.view = watcher.view;
    this.#resync(watcher);
  }

  /** The connection is gone for good: its view's marks are cleared from the state. */
  detach(sessionId: string): void {
    this.#watchers.get(sessionId)?.view.dispose();
    this.#watchers.delete(sessionId);
  }

  /** The nodes this client's screen shows now; repeats change nothing. */
  setViewport(sessionId: string, nodes: readonly string[]): void {
    const watcher = this.#watchers.get(sessionId);
    if (!watcher) return;
    const next = new Set(nodes);
    if (watcher.viewport && sameSet(watcher.viewport, next)) return;
    watcher.viewport = next;
    if (!this.#full) this.#resyncPods(watcher);
  }

  /**
   * Resyncs the views that had more to send than one patch holds, once their
   * last patch went out. The room calls it every tick, paused or not; true while
   * some view is still behind.
   */
  catchUp(): boolean {
    let behind = false;
    for (const watcher of this.#watchers.values()) {
      if (!watcher.behind) continue;
      if (watcher.view.changes.size === 0) this.#resync(watcher);
      behind ||= watcher.behind;
    }
    return behind;
  }

  /** Pod keys this client's view holds (tests and the bench look). */
  podsOf(sessionId: string): ReadonlySet<string> {
    return this.#watchers.get(sessionId)?.pods ?? new Set();
  }

  podChanged(key: string, pod: PodView | undefined): void {
    const before = this.#podNode.get(key);
    const after = pod?.node;
    if (before !== after) {
      if (before !== undefined) this.#podsByNode.get(before)?.delete(key);
      if (after !== undefined) getOrAdd(this.#podsByNode, after).add(key);
      if (before === undefined) getOrAdd(this.#podsByNamespace, namespaceOf(key)).add(key);
      if (after === undefined) {
        this.#podNode.delete(key);
        this.#podsByNamespace.get(namespaceOf(key))?.delete(key);
      } else this.#podNode.set(key, after);
      if (before === "") this.#pending.delete(key);
      if (after === "") this.#pending.add(key);
      if (before === "" || after === "") this.#pendingTouched = true;
    }
    this.#changedPods.add(key);
  }

  workloadChanged(key: string, _workload: WorkloadView | undefined): void {
    this.#changedWorkloads.add(key);
  }

  /** After each projector flush: brings every view up to date with this batch's changes. */
  flushed(): void {
    const full = this.#state.pods.size <= FULL_DETAIL_MAX_PODS;
    const modeChanged = full !== this.#full;
    this.#full = full;
    if (this.#pendingTouched) this.#updatePendingShown();
    const defaultChanged = this.#updateDefaultViewport();

    for (const watcher of this.#watchers.values()) {
      if (watcher.access.refresh() || watcher.behind) {
        this.#resync(watcher);
        continue;
      }
      for (const key of this.#changedWorkloads) this.#reconsiderWorkload(watcher, key);
      if (modeChanged || (defaultChanged && !watcher.viewport && !full)) this.#resyncPods(watcher);
      else for (const key of this.#changedPods) this.#reconsiderPod(watcher, key);
    }
    this.#changedPods.clear();
    this.#changedWorkloads.clear();
  }

  #updatePendingShown(): void {
    this.#pendingTouched = false;
    const shown = new Set<string>();
    for (const key of this.#pending) {
      if (shown.size === PENDING_SHOWN) break;
      shown.add(key);
    }
    // A pod entering or leaving the shown few changes who is sent it, whether or not it changed itself.
    for (const key of shown) if (!this.#pendingShown.has(key)) this.#changedPods.add(key);
    for (const key of this.#pendingShown) if (!shown.has(key)) this.#changedPods.add(key);
    this.#pendingShown = shown;
  }

  /** The first nodes in the state's order; true when they changed (a node came or went among them). */
  #updateDefaultViewport(): boolean {
    const next = new Set<string>();
    for (const name of this.#state.nodes.keys()) {
      if (next.size === DEFAULT_VIEW_NODES) break;
      next.add(name);
    }
    if (sameSet(next, this.#defaultViewport)) return false;
    this.#defaultViewport = next;
    return true;
  }

  #wantsPod(watcher: Watcher, key: string): boolean {
    const node = this.#podNode.get(key);
    if (node === undefined) return false;
    if (this.#full) return true;
    if (node === "" ? this.#pendingShown.has(key) : (watcher.viewport ?? this.#defaultViewport).has(node)) return true;
    return watcher.access.ownsPodsIn(namespaceOf(key));
  }

  #reconsiderPod(watcher: Watcher, key: string): void {
    const pod = this.#state.pods.get(key);
    const holds = watcher.pods.has(key);
    if (!pod) {
      // Deleted from the map: its DELETE reaches exactly the views that held it.
      if (holds) watcher.pods.delete(key);
      return;
    }
    const wants = this.#wantsPod(watcher, key);
    if (wants && !holds) {
      if (!this.#queue(watcher, key)) return;
      watcher.view.add(pod);
      watcher.pods.add(key);
    } else if (!wants && holds) {
      if (!this.#queue(watcher, "")) return;
      watcher.view.remove(pod);
      watcher.pods.delete(key);
    }
  }

  #resync(watcher: Watcher): void {
    watcher.behind = false;
    this.#resyncWorkloads(watcher);
    this.#resyncPods(watcher);
  }

  /** Books one map entry (with `key`, for an ADD) on the view's next patch; false, and behind, when it is full. */
  #queue(watcher: Watcher, key: string): boolean {
    // encodeView empties view.changes: the last patch went out.
    if (watcher.view.changes.size === 0) watcher.queuedBytes = 0;
    // Object names are DNS names: ASCII, a byte a character.
    const bytes = ENTRY_BYTES + key.length;
    if (watcher.queuedBytes + bytes > Encoder.BUFFER_SIZE / 2) {
      watcher.behind = true;
      return false;
    }
    watcher.queuedBytes += bytes;
    return true;
  }

  /** Recomputes a view's pods from the indexes: what it should hold, then the difference. */
  #resyncPods(watcher: Watcher): void {
    let wanted: Set<string>;
    if (this.#full) wanted = new Set(this.#podNode.keys());
    else {
      wanted = new Set(this.#pendingShown);
      for (const node of watcher.viewport ?? this.#defaultViewport) for (const key of this.#podsByNode.get(node) ?? []) wanted.add(key);
      for (const [namespace, keys] of this.#podsByNamespace) if (keys.size > 0 && watcher.access.ownsPodsIn(namespace)) for (const key of keys) wanted.add(key);
    }
    for (const key of [...watcher.pods]) if (!wanted.has(key)) this.#reconsiderPod(watcher, key);
    for (const key of wanted) if (!watcher.pods.has(key)) this.#reconsiderPod(watcher, key);
  }

  #reconsiderWorkload(watcher: Watcher, key: string): void {
    const workload = this.#state.workloads.get(key);
    const holds = watcher.workloads.has(key);
    if (!workload) {
      if (holds) watcher.workloads.delete(key);
      return;
    }
    const wants = watcher.access.mayList("deployments", workload.namespace);
    if (wants && !holds) {
      if (!this.#queue(watcher, key)) return;
      watcher.view.add(workload);
      watcher.workloads.add(key);
    } else if (!wants && holds) {
      if (!this.#queue(watcher, "")) return;
      watcher.view.remove(workload);
      watcher.workloads.delete(key);
    }
  }

  #resyncWorkloads(watcher: Watcher): void {
    for (const key of this.#state.workloads.keys()) this.#reconsiderWorkload(watcher, key);
  }
}

function namespaceOf(key: string): string {
  return key.slice(0, key.indexOf("/"));
}

function getOrAdd<K, V>(map: Map<K, Set<V>>, key: K): Set<V> {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  return set;
}

function sameSet<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}
