// kubectl cordon, uncordon and drain (kubectl pkg/cmd/drain and pkg/drain):
// cordoning patches spec.unschedulable; draining cordons, sorts the node's
// pods through drain's filters, evicts the rest ("evicting pod ns/x"), and
// reports each "evicted" only once the pod is gone, then "node/n drained".
// Every printed line carries the dry-run suffix; a client dry run sends
// nothing, a server dry run sends the writes with dryRun=All and waits for
// nothing. Where the console cannot let time pass (the shared room) drain
// says which pods are still terminating instead of blocking.

import type { Node, Pod } from "../../sim/api/core-v1.ts";
import { parseSelector, selectorMatches, type SelectorRequirement } from "../../sim/api/labels.ts";
import { parseTime } from "../../sim/kernel/time.ts";
import { messageForError, plainError, statusError, usageError } from "../errors.ts";
import { flagBool, flagInt, flagString } from "../flags.ts";
import { nameLine } from "../printers/name.ts";
import { runBuilder } from "./builder.ts";
import { DRY_RUN, SELECTOR, bool, int, str, type CommandContext } from "./command.ts";
import { dryRunStrategy, dryRunSuffix, writeOptions, type DryRun } from "./dry-run.ts";
import { klogFor } from "./klog.ts";
import { optionsCommand, type Completed } from "./options.ts";
import { WAIT_FOREVER_MS, waitUntilGone } from "./wait-deleted.ts";

export const DAEMONSET_FATAL = "DaemonSet-managed Pods (use --ignore-daemonsets to ignore)";
export const DAEMONSET_WARNING = "ignoring DaemonSet-managed Pods";
export const LOCAL_STORAGE_FATAL = "Pods with local storage (use --delete-emptydir-data to override)";
export const LOCAL_STORAGE_WARNING = "deleting Pods with local storage";
// Upstream's constant repeats "cannot delete", and errors() adds it again: kubectl prints it twice.
export const UNMANAGED_FATAL = "cannot delete Pods that declare no controller (use --force to override)";
export const UNMANAGED_WARNING = "deleting Pods that declare no controller";
export const MIRROR_POD_ANNOTATION = "kubernetes.io/config.mirror";
export const CANNOT_BLOCK_DRAIN = (pods: readonly Pod[]): string =>
  `error: "kubectl drain" cannot block in the shared game console; still terminating: ${pods.map((p) => `${p.metadata.namespace}/${p.metadata.name}`).join(", ")}`;

interface CordonOptions {
  readonly nodes: readonly Node[];
  readonly dryRun: DryRun;
}

/** Cordon's and drain's Complete: the nodes named or selected, and the dry-run strategy. */
function completeNodes(ctx: CommandContext, use: string): Completed<CordonOptions> {
  const selector = flagString(ctx.flags, "selector");
  if (ctx.args.length === 0 && !ctx.flags.changed.has("selector")) return { error: usageError(ctx.path, `USAGE: ${use} [flags]`) };
  if (ctx.args.length > 0 && selector !== "") return { error: usageError(ctx.path, "error: cannot specify both a node name and a --selector option") };
  const dryRun = dryRunStrategy(ctx.flags, klogFor(ctx));
  if (typeof dryRun !== "string") return { error: dryRun };
  const args = ctx.args.length > 0 ? ["nodes", ...ctx.args.map((a) => (a.includes("/") ? a.slice(a.indexOf("/") + 1) : a))] : ["nodes"];
  const result = runBuilder(ctx, args, { allowEmptySelector: false, labelSelector: selector });
  if (result.fatal) return { error: result.fatal };
  if (result.errors.length > 0) return { error: result.errors[0]! };
  return { options: { nodes: result.infos.flatMap((i) => i.objects) as Node[], dryRun } };
}

/** RunCordonOrUncordon: "node/x cordoned" or "already cordoned" for each node, with the dry-run suffix. */
function cordonOrUncordon(ctx: CommandContext, o: CordonOptions, desired: boolean): void {
  const verb = desired ? "cordon" : "uncordon";
  const suffix = dryRunSuffix(o.dryRun);
  for (const node of o.nodes) {
    if ((node.spec.unschedulable === true) === desired) {
      ctx.out.out(nameLine(node, `already ${verb}ed${suffix}`));
      continue;
    }
    if (o.dryRun !== "client") {
      const res = ctx.env.client.patch("nodes", undefined, node.metadata.name!, { spec: { unschedulable: desired ? true : null } }, writeOptions(o.dryRun));
      if (!res.ok) {
        ctx.out.err(`error: unable to ${verb} node ${JSON.stringify(node.metadata.name)}: ${res.status.message}\n`);
        continue;
      }
    }
    ctx.out.out(nameLine(node, `${verb}ed${suffix}`));
  }
}

function cordonCommand(name: "cordon" | "uncordon", short: string) {
  return optionsCommand<CordonOptions>({
    name,
    use: `${name} NODE`,
    short,
    flags: [DRY_RUN, SELECTOR],
    complete: (ctx) => completeNodes(ctx, `${name} NODE`),
    run: (o, ctx) => cordonOrUncordon(ctx, o, name === "cordon"),
  });
}

export const cordonCmd = cordonCommand("cordon", "Mark node as unschedulable");
export const uncordonCommand = cordonCommand("uncordon", "Mark node as schedulable");

interface PodDelete {
  readonly pod: Pod;
  readonly delete: boolean;
  readonly kind: "okay" | "skip" | "warning" | "error";
  readonly message: string;
}

/** shouldSkipPod: --skip-wait-for-delete-timeout > 0 and the pod's deletionTimestamp older than that. */
function shouldSkipPod(pod: Pod, seconds: number, nowMs: number, epochMs: number): boolean {
  const ts = pod.metadata.deletionTimestamp;
  return seconds > 0 && ts !== undefined && Math.trunc((nowMs - parseTime(epochMs, ts)) / 1000) > seconds;
}

/** drain's filters in order; a pod's status is the last filter's (the loop stops at a refusal). */
function filterPod(pod: Pod, opts: DrainOptions, nowMs: number, epochMs: number): PodDelete {
  const okay: PodDelete = { pod, delete: true, kind: "okay", message: "" };
  const finished = pod.status?.phase === "Succeeded" || pod.status?.phase === "Failed";
  const owner = (pod.metadata.ownerReferences ?? []).find((r) => r.controller === true);
  const filters: (() => PodDelete)[] = [
    // skipDeletedFilter: a pod deleted longer ago than --skip-wait-for-delete-timeout is left alone.
    () => (shouldSkipPod(pod, opts.skipWaitForDeleteTimeoutSeconds, nowMs, epochMs) ? { pod, delete: false, kind: "skip", message: "" } : okay),
    () => {
      if (!owner || owner.kind !== "DaemonSet" || owner.apiVersion !== "apps/v1" || finished) return okay;
      if (!opts.ignoreDaemonSets) return { pod, delete: false, kind: "error", message: DAEMONSET_FATAL };
      return { pod, delete: false, kind: "warning", message: DAEMONSET_WARNING };
    },
    () => (pod.metadata.annotations?.[MIRROR_POD_ANNOTATION] !== undefined ? { pod, delete: false, kind: "skip", message: "" } : okay),
    () => {
      if (!(pod.spec.volumes ?? []).some((v) => v.emptyDir !== undefined) || finished) return okay;
      if (!opts.deleteEmptyDir) return { pod, delete: false, kind: "error", message: LOCAL_STORAGE_FATAL };
      return { pod, delete: true, kind: "warning", message: LOCAL_STORAGE_WARNING };
    },
    () => {
      if (finished || owner) return okay;
      if (opts.force) return { pod, delete: true, kind: "warning", message: UNMANAGED_WARNING };
      return { pod, delete: false, kind: "error", message: UNMANAGED_FATAL };
    },
  ];
  let status = okay;
  for (const f of filters) {
    status = f();
    if (!status.delete) break;
  }
  return status;
}

/** Groups "ns/name" lists by message, in first-seen order. */
function grouped(list: readonly PodDelete[], kind: PodDelete["kind"]): [string, string][] {
  const groups = new Map<string, string[]>();
  for (const p of list) {
    if (p.kind !== kind) continue;
    const msg = p.message || "unexpected error";
    const arr = groups.get(msg) ?? [];
    arr.push(`${p.pod.metadata.namespace}/${p.pod.metadata.name}`);
    groups.set(msg, arr);
  }
  return [...groups].map(([m, pods]) => [m, pods.join(", ")]);
}

interface DrainOptions extends CordonOptions {
  readonly force: boolean;
  readonly ignoreDaemonSets: boolean;
  readonly deleteEmptyDir: boolean;
  /** -1: each pod's own terminationGracePeriodSeconds. */
  readonly gracePeriod: number;
  /** The whole drain's deadline; 0 means none (a week here). */
  readonly timeoutMs: number;
  readonly podSelector: readonly SelectorRequirement[];
  readonly disableEviction: boolean;
  readonly skipWaitForDeleteTimeoutSeconds: number;
}

function completeDrain(ctx: CommandContext): Completed<DrainOptions> {
  const f = ctx.flags;
  const podSelectorText = flagString(f, "pod-selector");
  const nodes = completeNodes(ctx, "drain NODE");
  if ("error" in nodes) return nodes;
  const podSelector = podSelectorText === "" ? [] : parseSelector(podSelectorText);
  if (typeof podSelector === "string") return { error: plainError("--pod-selector=<pod_selector> must be a valid label selector") };
  // --chunk-size only pages the node list of a real client.
  void flagInt(f, "chunk-size", 500);
  const t = f.values.get("timeout");
  return {
    options: {
      ...nodes.options,
      force: flagBool(f, "force"),
      ignoreDaemonSets: flagBool(f, "ignore-daemonsets"),
      deleteEmptyDir: flagBool(f, "delete-emptydir-data"),
      gracePeriod: flagInt(f, "grace-period", -1),
      timeoutMs: typeof t === "number" && t > 0 ? t : WAIT_FOREVER_MS,
      podSelector,
      disableEviction: flagBool(f, "disable-eviction"),
      skipWaitForDeleteTimeoutSeconds: flagInt(f, "skip-wait-for-delete-timeout", 0),
    },
  };
}

/** deleteOrEvictPodsSimple for one node: undefined once every pod is gone, or the errors why the node is not drained. */
function drainNode(ctx: CommandContext, o: DrainOptions, node: Node): string[] | undefined {
  const listed = ctx.env.client.list("pods");
  if (!listed.ok) return [messageForError(statusError(listed.status))];
  const pods = (listed.object.items as readonly Pod[]).filter((p) => p.spec.nodeName === node.metadata.name && selectorMatches(o.podSelector, p.metadata.labels ?? {}));
  const list = pods.map((p) => filterPod(p, o, ctx.env.clock.now, ctx.env.epochMs));
  const errors = grouped(list, "error").map(([m, pods]) => `cannot delete ${m}: ${pods}`);
  if (errors.length > 0) return errors;
  const warnings = grouped(list, "warning").map(([m, pods]) => `${m}: ${pods}`);
  if (warnings.length > 0) ctx.out.err(`Warning: ${warnings.join("; ")}\n`);
  const toEvict = list.filter((p) => p.delete).map((p) => p.pod);
  if (o.dryRun === "client") {
    for (const pod of toEvict) ctx.out.out(`evicting pod ${pod.metadata.namespace}/${pod.metadata.name} (dry run)\n`);
    return undefined;
  }
  const usingEviction = !o.disableEviction;
  const options = o.gracePeriod >= 0 ? { gracePeriodSeconds: o.gracePeriod } : undefined;
  const sent: Pod[] = [];
  for (const pod of toEvict) {
    const ns = pod.metadata.namespace!;
    const name = pod.metadata.name!;
    if (usingEviction) ctx.out.out(`evicting pod ${ns}/${name}${o.dryRun === "server" ? " (server dry run)" : ""}\n`);
    const res = usingEviction ? ctx.env.client.evict(ns, name, options, writeOptions(o.dryRun)) : ctx.env.client.delete("pods", ns, name, options, writeOptions(o.dryRun));
    if (res.ok || res.status.reason === "NotFound") sent.push(pod);
    else return [usingEviction ? `error when evicting pods/${JSON.stringify(name)} -n ${JSON.stringify(ns)}: ${res.status.message}` : res.status.message];
  }
  // A server dry run evicts nothing, so there is nothing to wait for.
  if (o.dryRun === "server") return undefined;
  // waitForDelete: "pod/x evicted" as each pod goes (a new pod under the same name counts as gone).
  const targets = sent.map((pod) => ({ resource: "pods" as const, namespace: pod.metadata.namespace, name: pod.metadata.name!, uid: pod.metadata.uid, pod }));
  const pending = waitUntilGone(ctx, targets, o.timeoutMs, (t) => ctx.out.out(nameLine({ apiVersion: "v1", kind: "Pod", metadata: t.pod.metadata }, usingEviction ? "evicted" : "deleted")));
  if (pending.length === 0) return undefined;
  if (!ctx.env.wait) return [CANNOT_BLOCK_DRAIN(pending.map((t) => t.pod))];
  const first = pending[0]!.pod;
  return [`error when waiting for pod ${JSON.stringify(first.metadata.name)} in namespace ${JSON.stringify(first.metadata.namespace)} to terminate: global timeout reached: ${o.timeoutMs / 1000}s`];
}

/** RunDrain: cordon, then each node's pods; a node that fails is reported and the rest go on. */
function runDrain(o: DrainOptions, ctx: CommandContext): void {
  cordonOrUncordon(ctx, o, true);
  const fatal: string[][] = [];
  const remaining: string[] = [];
  for (const node of o.nodes) {
    const failure = drainNode(ctx, o, node);
    if (failure === undefined) {
      ctx.out.out(nameLine(node, `drained${dryRunSuffix(o.dryRun)}`));
      continue;
    }
    if (failure[0]!.startsWith('error: "kubectl drain" cannot block')) {
      // The room's own limit, not kubectl's: said once, without kubectl's retry advice.
      return ctx.out.fail(failure[0]!);
    }
    const joined = failure.length === 1 ? failure[0]! : `[${failure.join(", ")}]`;
    ctx.out.err(`error: unable to drain node ${JSON.stringify(node.metadata.name)} due to error: ${joined}, continuing command...\n`);
    fatal.push(failure);
    remaining.push(node.metadata.name!);
  }
  if (remaining.length > 0) ctx.out.err(`There are pending nodes to be drained:\n${remaining.map((n) => ` ${n}\n`).join("")}`);
  if (fatal.length > 0) {
    // An aggregate of per-node aggregates: one node's errors print one per line,
    // several nodes print one line each ("[a, b]" when a node had several).
    const lines = fatal.length === 1 ? fatal[0]! : fatal.map((errs) => (errs.length === 1 ? errs[0]! : `[${errs.join(", ")}]`));
    ctx.out.fail(lines.map((m) => `${m}\n`).join(""));
  }
}

export const drainCommand = optionsCommand<DrainOptions>({
  name: "drain",
  use: "drain NODE",
  short: "Drain node in preparation for maintenance",
  flags: [
    bool("force"),
    bool("ignore-daemonsets"),
    bool("delete-emptydir-data"),
    int("grace-period"),
    { name: "timeout", type: "duration" },
    str("pod-selector"),
    bool("disable-eviction"),
    int("skip-wait-for-delete-timeout"),
    int("chunk-size"),
    DRY_RUN,
    SELECTOR,
  ],
  complete: completeDrain,
  run: runDrain,
});
