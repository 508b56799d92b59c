// The framework runner for one profile (runtime.frameworkImpl): builds each
// plugin once from the registry, files it under every extension point it
// implements (in profile order, as a multiPoint profile does), and runs the
// extension points the way upstream does: first Filter rejection wins, Skip at
// PreFilter/PreScore skips that plugin's Filter/Score, scores are normalized,
// weighted and summed.

import type { Pod } from "../../api/core-v1.ts";
import type { DeepReadonly } from "../../api/meta.ts";
import type { CycleState } from "./cycle-state.ts";
import type { NodeToStatus } from "./diagnosis.ts";
import type { ClusterEvent, QueueingHintFn } from "./events.ts";
import {
  isBindPlugin,
  isEnqueueExtensions,
  isFilterPlugin,
  isPostFilterPlugin,
  isPreFilterPlugin,
  isPreScorePlugin,
  isQueueSortPlugin,
  isScorePlugin,
  MAX_NODE_SCORE,
  MIN_NODE_SCORE,
  type BindPlugin,
  type FilterPlugin,
  type Handle,
  type Plugin,
  type PluginFactory,
  type PostFilterPlugin,
  type PreFilterPlugin,
  type PreFilterResult,
  type PreScorePlugin,
  type QueueSortPlugin,
  type ScorePlugin,
} from "./interface.ts";
import type { NodeInfo } from "./node-info.ts";
import { asStatus, Code, isRejected, isSuccess, newStatus, SKIP, statusMessage, withPlugin, type Status } from "./status.ts";

export interface PluginConfig {
  readonly name: string;
  /** Score weight; only meaningful for Score plugins (upstream defaults it to 1). */
  readonly weight?: number;
}

/** A KubeSchedulerProfile: which pods it schedules, its plugins in order, and its node sampling. */
export interface Profile {
  readonly schedulerName: string;
  readonly plugins: readonly PluginConfig[];
  /** 0 = adaptive (upstream default). */
  readonly percentageOfNodesToScore: number;
}

/** One registered event of one plugin, as the queue consults it. */
export interface QueueingHintEntry {
  readonly plugin: string;
  readonly event: ClusterEvent;
  readonly hint?: QueueingHintFn;
}

export interface PreFilterOutcome {
  readonly result?: PreFilterResult;
  readonly status?: Status;
  /** Plugins whose PreFilterResult narrowed the nodes. */
  readonly pluginsWithNodes: readonly string[];
}

export class Framework {
  readonly profile: Profile;
  readonly queueSort: QueueSortPlugin;
  readonly queueingHints: readonly QueueingHintEntry[];
  readonly #preFilter: PreFilterPlugin[] = [];
  readonly #filter: FilterPlugin[] = [];
  readonly #postFilter: PostFilterPlugin[] = [];
  readonly #preScore: PreScorePlugin[] = [];
  readonly #score: { plugin: ScorePlugin; weight: number }[] = [];
  readonly #bind: BindPlugin[] = [];
  // Filters left after PreFilter's Skips, worked out once per cycle rather than once per node.
  #filtersState: CycleState | undefined;
  #filtersForState: readonly FilterPlugin[] = [];
  // Score scratch space, reused by every cycle (scoring hundreds of nodes per pod).
  #scoreBuffer = new Float64Array(0);
  #totalsBuffer = new Float64Array(0);

  constructor(profile: Profile, registry: Readonly<Record<string, PluginFactory>>, handle: Handle) {
    this.profile = profile;
    let queueSort: QueueSortPlugin | undefined;
    const hints: QueueingHintEntry[] = [];
    for (const cfg of profile.plugins) {
      const factory = registry[cfg.name];
      if (!factory) throw new Error(`plugin ${JSON.stringify(cfg.name)} does not exist in the registry`);
      const p: Plugin = factory(handle);
      if (isQueueSortPlugin(p)) queueSort ??= p;
      if (isPreFilterPlugin(p)) this.#preFilter.push(p);
      if (isFilterPlugin(p)) this.#filter.push(p);
      if (isPostFilterPlugin(p)) this.#postFilter.push(p);
      if (isPreScorePlugin(p)) this.#preScore.push(p);
      if (isScorePlugin(p)) this.#score.push({ plugin: p, weight: cfg.weight ?? 1 });
      if (isBindPlugin(p)) this.#bind.push(p);
      if (isEnqueueExtensions(p)) for (const e of p.eventsToRegister()) hints.push({ plugin: p.name, event: e.event, hint: e.hint });
    }
    if (!queueSort) throw new Error(`profile ${profile.schedulerName} has no QueueSort plugin`);
    this.queueSort = queueSort;
    this.queueingHints = hints;
  }

  get hasPostFilterPlugins(): boolean {
    return this.#postFilter.length > 0;
  }

  runPreFilterPlugins(state: CycleState, pod: DeepReadonly<Pod>, nodes: readonly NodeInfo[]): PreFilterOutcome {
    let result: PreFilterResult | undefined;
    let returnStatus: Status | undefined;
    const pluginsWithNodes: string[] = [];
    for (const pl of this.#preFilter) {
      const r = pl.preFilter(state, pod, nodes);
      const s = r?.status;
      if (s?.code === Code.Skip) {
        state.skipFilterPlugins.add(pl.name);
        continue;
      }
      if (!isSuccess(s)) {
        if (s!.code === Code.UnschedulableAndUnresolvable) return { status: withPlugin(s!, pl.name), pluginsWithNodes: [] };
        // Unschedulable: keep going so preemption sees every PreFilter's state.
        if (s!.code === Code.Unschedulable) {
          returnStatus = withPlugin(s!, pl.name);
          continue;
        }
        return { status: newStatus(Code.Error, [`running PreFilter plugin ${JSON.stringify(pl.name)}: ${statusMessage(s)}`], pl.name), pluginsWithNodes: [] };
      }
      if (r?.result) {
        pluginsWithNodes.push(pl.name);
        result = result ? { nodeNames: new Set([...result.nodeNames].filter((n) => r.result!.nodeNames.has(n))) } : r.result;
        if (result.nodeNames.size === 0) {
          const msg = pluginsWithNodes.length === 1 ? `node(s) didn't satisfy plugin ${pluginsWithNodes[0]}` : `node(s) didn't satisfy plugin(s) [${[...pluginsWithNodes].sort().join(" ")}] simultaneously`;
          return { result, status: newStatus(Code.UnschedulableAndUnresolvable, [msg]), pluginsWithNodes };
        }
      }
    }
    return { result, status: returnStatus, pluginsWithNodes };
  }

  /** The first rejection among the filters not skipped this cycle, or undefined when the node fits. */
  runFilterPlugins(state: CycleState, pod: DeepReadonly<Pod>, nodeInfo: NodeInfo): Status | undefined {
    if (state !== this.#filtersState) {
      this.#filtersState = state;
      this.#filtersForState = state.skipFilterPlugins.size === 0 ? this.#filter : this.#filter.filter((p) => !state.skipFilterPlugins.has(p.name));
    }
    const filters = this.#filtersForState;
    for (let i = 0; i < filters.length; i++) {
      const pl = filters[i]!;
      const s = pl.filter(state, pod, nodeInfo);
      if (s !== undefined && s.code !== Code.Success) {
        if (!isRejected(s)) return newStatus(Code.Error, [`running ${JSON.stringify(pl.name)} filter plugin: ${statusMessage(s)}`], pl.name);
        return withPlugin(s, pl.name);
      }
    }
    return undefined;
  }

  runPostFilterPlugins(state: CycleState, pod: DeepReadonly<Pod>, nodeToStatus: NodeToStatus): Status | undefined {
    const reasons: string[] = [];
    let rejector: string | undefined;
    for (const pl of this.#postFilter) {
      const s = pl.postFilter(state, pod, nodeToStatus);
      if (isSuccess(s)) return s;
      if (s!.code === Code.UnschedulableAndUnresolvable) return withPlugin(s!, pl.name);
      if (!isRejected(s)) return newStatus(Code.Error, s!.reasons, pl.name);
      reasons.push(...s!.reasons);
      rejector ??= pl.name;
    }
    return newStatus(Code.Unschedulable, reasons, rejector);
  }

  runPreScorePlugins(state: CycleState, pod: DeepReadonly<Pod>, nodes: readonly NodeInfo[]): Status | undefined {
    for (const pl of this.#preScore) {
      const s = pl.preScore(state, pod, nodes);
      if (s?.code === Code.Skip) {
        state.skipScorePlugins.add(pl.name);
        continue;
      }
      if (!isSuccess(s)) return asStatus(`running PreScore plugin ${JSON.stringify(pl.name)}: ${statusMessage(s)}`);
    }
    return undefined;
  }

  /** Σ weight × normalized score per node, in the order of `nodes`; valid until the next call. */
  runScorePlugins(state: CycleState, pod: DeepReadonly<Pod>, nodes: readonly NodeInfo[]): Float64Array {
    const n = nodes.length;
    if (this.#scoreBuffer.length < n) {
      this.#scoreBuffer = new Float64Array(n);
      this.#totalsBuffer = new Float64Array(n);
    }
    const totals = this.#totalsBuffer.subarray(0, n);
    totals.fill(0);
    for (const { plugin, weight } of this.#score) {
      if (state.skipScorePlugins.has(plugin.name)) continue;
      const scores = this.#scoreBuffer.subarray(0, n);
      for (let i = 0; i < n; i++) scores[i] = plugin.score(state, pod, nodes[i]!);
      if (plugin.normalizeScore) {
        const s = plugin.normalizeScore(state, pod, scores);
        if (!isSuccess(s)) throw new Error(`running NormalizeScore plugin ${plugin.name}: ${statusMessage(s)}`);
      }
      for (let i = 0; i < n; i++) {
        const score = scores[i]!;
        // A plugin scoring out of range is a bug in the plugin, not a scheduling outcome.
        if (score > MAX_NODE_SCORE || score < MIN_NODE_SCORE) {
          throw new Error(`plugin ${JSON.stringify(plugin.name)} returns an invalid score ${score}, it should in the range of [${MIN_NODE_SCORE}, ${MAX_NODE_SCORE}] after normalizing`);
        }
        totals[i] += score * weight;
      }
    }
    return totals;
  }

  runBindPlugins(state: CycleState, pod: DeepReadonly<Pod>, nodeName: string): Status | undefined {
    let status: Status | undefined = SKIP;
    for (const pl of this.#bind) {
      status = pl.bind(state, pod, nodeName);
      if (status?.code === Code.Skip) continue;
      if (!isSuccess(status)) {
        if (isRejected(status)) return withPlugin(status!, pl.name);
        return asStatus(`running Bind plugin ${JSON.stringify(pl.name)}: ${statusMessage(status)}`);
      }
      return undefined;
    }
    return status;
  }
}
