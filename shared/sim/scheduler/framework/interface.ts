// The plugin contracts (kube-scheduler framework interface.go): one interface per
// extension point. A plugin class lists the ones it implements in `implements`,
// our version of upstream's compile-time checks, and the profile decides where it
// runs and with what weight.

import type { Pod } from "../../api/core-v1.ts";
import type { DeepReadonly } from "../../api/meta.ts";
import type { Client } from "../../clientgo/client.ts";
import type { CycleState } from "./cycle-state.ts";
import type { NodeToStatus } from "./diagnosis.ts";
import type { ClusterEventWithHint } from "./events.ts";
import type { NodeInfo } from "./node-info.ts";
import type { QueuedPodInfo } from "./queued-pod-info.ts";
import type { Status } from "./status.ts";

/** framework.MaxNodeScore: every plugin's score ends in [0, 100]. */
export const MAX_NODE_SCORE = 100;
export const MIN_NODE_SCORE = 0;

export interface Plugin {
  readonly name: string;
}

/** Orders the activeQ. */
export interface QueueSortPlugin extends Plugin {
  less(a: QueuedPodInfo, b: QueuedPodInfo): boolean;
}

/** Narrows the nodes worth filtering (NodeAffinity on metadata.name). */
export interface PreFilterResult {
  readonly nodeNames: ReadonlySet<string>;
}

export interface PreFilterReturn {
  readonly result?: PreFilterResult;
  /** Skip: do not run this plugin's Filter this cycle; a rejection: the pod fits nowhere. */
  readonly status?: Status;
}

export interface PreFilterPlugin extends Plugin {
  preFilter(state: CycleState, pod: DeepReadonly<Pod>, nodes: readonly NodeInfo[]): PreFilterReturn | undefined;
}

/** Called once per node per cycle: read CycleState, do not allocate on success. */
export interface FilterPlugin extends Plugin {
  filter(state: CycleState, pod: DeepReadonly<Pod>, nodeInfo: NodeInfo): Status | undefined;
}

/** Runs when no node fits (preemption); its message follows the filter histogram. */
export interface PostFilterPlugin extends Plugin {
  postFilter(state: CycleState, pod: DeepReadonly<Pod>, nodeToStatus: NodeToStatus): Status | undefined;
}

export interface PreScorePlugin extends Plugin {
  preScore(state: CycleState, pod: DeepReadonly<Pod>, nodes: readonly NodeInfo[]): Status | undefined;
}

export interface ScorePlugin extends Plugin {
  /** A raw score; after normalizeScore (if any) it must lie in [0, 100]. */
  score(state: CycleState, pod: DeepReadonly<Pod>, nodeInfo: NodeInfo): number;
  /** ScoreExtensions.NormalizeScore: rescales the raw scores of the feasible nodes in place. */
  normalizeScore?(state: CycleState, pod: DeepReadonly<Pod>, scores: Float64Array): Status | undefined;
}

export interface BindPlugin extends Plugin {
  bind(state: CycleState, pod: DeepReadonly<Pod>, nodeName: string): Status | undefined;
}

/** The cluster events that may make a pod this plugin rejected schedulable. */
export interface EnqueueExtensions extends Plugin {
  eventsToRegister(): readonly ClusterEventWithHint[];
}

/** The snapshot plugins may read (framework.NodeInfoLister). */
export interface NodeInfoLister {
  /** Nodes in the scheduler's order (zones round-robin). */
  list(): readonly NodeInfo[];
  get(nodeName: string): NodeInfo | undefined;
}

/** What plugins get from the framework (framework.Handle). */
export interface Handle {
  readonly client: Client;
  readonly snapshot: NodeInfoLister;
}

export type PluginFactory = (handle: Handle) => Plugin;

export const isQueueSortPlugin = (p: Plugin): p is QueueSortPlugin => typeof (p as QueueSortPlugin).less === "function";
export const isPreFilterPlugin = (p: Plugin): p is PreFilterPlugin => typeof (p as PreFilterPlugin).preFilter === "function";
export const isFilterPlugin = (p: Plugin): p is FilterPlugin => typeof (p as FilterPlugin).filter === "function";
export const isPostFilterPlugin = (p: Plugin): p is PostFilterPlugin => typeof (p as PostFilterPlugin).postFilter === "function";
export const isPreScorePlugin = (p: Plugin): p is PreScorePlugin => typeof (p as PreScorePlugin).preScore === "function";
export const isScorePlugin = (p: Plugin): p is ScorePlugin => typeof (p as ScorePlugin).score === "function";
export const isBindPlugin = (p: Plugin): p is BindPlugin => typeof (p as BindPlugin).bind === "function";
export const isEnqueueExtensions = (p: Plugin): p is EnqueueExtensions => typeof (p as EnqueueExtensions).eventsToRegister === "function";
