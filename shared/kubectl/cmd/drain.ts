// kubectl cordon, uncordon and drain (kubectl pkg/cmd/drain and pkg/drain):
// cordoning patches spec.unschedulable; draining cordons, sorts the node's
// pods through drain's filters, then evicts the rest. Pods here are evicted
// at once, so "evicted" follows straight after "evicting".

import type { Node, Pod } from "../../sim/api/core-v1.ts";
import { plainError, reportErrors, statusError, usageError, type KubectlError } from "../errors.ts";
import { flagBool, flagInt, flagString } from "../flags.ts";
import { nameLine } from "../printers/name.ts";
import { runBuilder } from "./builder.ts";
import { DRY_RUN, SELECTOR, bool, int, str, type Command, type CommandContext } from "./command.ts";

export const DAEMONSET_FATAL = "DaemonSet-managed Pods (use --ignore-daemonsets to ignore)";
export const DAEMONSET_WARNING = "ignoring DaemonSet-managed Pods";
export const LOCAL_STORAGE_FATAL = "Pods with local storage (use --delete-emptydir-data to override)";
export const LOCAL_STORAGE_WARNING = "deleting Pods with local storage";
// Upstream's constant repeats "cannot delete", and errors() adds it again: kubectl prints it twice.
export const UNMANAGED_FATAL = "cannot delete Pods that declare no controller (use --force to override)";
export const UNMANAGED_WARNING = "deleting Pods that declare no controller";
export const MIRROR_POD_ANNOTATION = "kubernetes.io/config.mirror";

const CORDON_FLAGS = [DRY_RUN, SELECTOR];

function nodesFor(ctx: CommandContext, use: string): { nodes: Node[]; error?: KubectlError } {
  if (ctx.args.length === 0 && !ctx.flags.changed.has("selector")) return { nodes: [], error: usageError(ctx.path, `USAGE: ${use} [flags]`) };
  if (ctx.args.length > 0 && flagString(ctx.flags, "selector") !== "") {
    return { nodes: [], error: usageError(ctx.path, "error: cannot specify both a node name and a --selector option") };
  }
  const args = ctx.args.length > 0 ? ["nodes", ...ctx.args.map((a) => (a.includes("/") ? a.slice(a.indexOf("/") + 1) : a))] : ["nodes"];
  const result = runBuilder(ctx, args, { allowEmptySelector: false, labelSelector: flagString(ctx.flags, "selector") });
  if (result.fatal) return { nodes: [], error: result.fatal };
  if (result.errors.length > 0) return { nodes: [], error: result.errors[0] };
  return { nodes: result.infos.flatMap((i) => i.objects) as Node[] };
}

/** RunCordonOrUncordon: prints "node/x cordoned" or "already cordoned" for each node. */
function cordonOrUncordon(ctx: CommandContext, nodes: readonly Node[], desired: boolean): void {
  const verb = desired ? "cordon" : "uncordon";
  for (const node of nodes) {
    if ((node.spec.unschedulable === true) === desired) {
      ctx.out.out(nameLine(node, `already ${verb}ed`));
      continue;
    }
    const res = ctx.env.client.patch("nodes", undefined, node.metadata.name!, { spec: { unschedulable: desired ? true : null } });
    if (!res.ok) {
      ctx.out.err(`error: unable to ${verb} node ${JSON.stringify(node.metadata.name)}: ${res.status.message}\n`);
      continue;
    }
    ctx.out.out(nameLine(node, `${verb}ed`));
  }
}

function cordonCommand(name: "cordon" | "uncordon", short: string): Command {
  return {
    name,
    use: `${name} NODE`,
    short,
    flags: CORDON_FLAGS,
    run(ctx) {
      const { nodes, error } = nodesFor(ctx, `${name} NODE`);
      if (error) return reportErrors(ctx.out, [error]);
      cordonOrUncordon(ctx, nodes, name === "cordon");
    },
  };
}

export const cordonCmd = cordonCommand("cordon", "Mark node as unschedulable");
export const uncordonCommand = cordonCommand("uncordon", "Mark node as schedulable");

interface PodDelete {
  readonly pod: Pod;
  readonly delete: boolean;
  readonly kind: "okay" | "skip" | "warning" | "error";
  readonly message: string;
}

/** drain's filters in order; a pod's status is the last filter's (the loop stops at a refusal). */
function filterPod(pod: Pod, opts: { force: boolean; ignoreDaemonSets: boolean; deleteEmptyDir: boolean }): PodDelete {
  const okay: PodDelete = { pod, delete: true, kind: "okay", message: "" };
  const finished = pod.status?.phase === "Succeeded" || pod.status?.phase === "Failed";
  const owner = (pod.metadata.ownerReferences ?? []).find((r) => r.controller === true);
  const filters: (() => PodDelete)[] = [
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

export const drainCommand: Command = {
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
  run(ctx) {
    const f = ctx.flags;
    const { nodes, error } = nodesFor(ctx, "drain NODE");
    if (error) return reportErrors(ctx.out, [error]);
    cordonOrUncordon(ctx, nodes, true);
    const opts = { force: flagBool(f, "force"), ignoreDaemonSets: flagBool(f, "ignore-daemonsets"), deleteEmptyDir: flagBool(f, "delete-emptydir-data") };
    const grace = flagInt(f, "grace-period", -1);
    const fatal: string[][] = [];
    const remaining: string[] = [];
    for (const node of nodes) {
      const listed = ctx.env.client.list("pods");
      if (!listed.ok) return reportErrors(ctx.out, [statusError(listed.status)]);
      const pods = listed.object.items.filter((p) => p.spec.nodeName === node.metadata.name);
      const list = pods.map((p) => filterPod(p, opts));
      const errors = grouped(list, "error").map(([m, pods]) => `cannot delete ${m}: ${pods}`);
      if (errors.length > 0) {
        const joined = errors.length === 1 ? errors[0]! : `[${errors.join(", ")}]`;
        ctx.out.err(`error: unable to drain node ${JSON.stringify(node.metadata.name)} due to error: ${joined}, continuing command...\n`);
        fatal.push(errors);
        remaining.push(node.metadata.name!);
        continue;
      }
      const warnings = grouped(list, "warning").map(([m, pods]) => `${m}: ${pods}`);
      if (warnings.length > 0) ctx.out.err(`Warning: ${warnings.join("; ")}\n`);
      const toEvict = list.filter((p) => p.delete).map((p) => p.pod);
      const evicted: Pod[] = [];
      let failure: KubectlError | undefined;
      for (const pod of toEvict) {
        ctx.out.out(`evicting pod ${pod.metadata.namespace}/${pod.metadata.name}\n`);
        const res = ctx.env.client.evict(pod.metadata.namespace!, pod.metadata.name!, grace >= 0 ? { gracePeriodSeconds: grace } : undefined);
        if (res.ok || res.status.reason === "NotFound") evicted.push(pod);
        else {
          failure = plainError(`error when evicting pods/${JSON.stringify(pod.metadata.name)} -n ${JSON.stringify(pod.metadata.namespace)}: ${res.status.message}`);
          break;
        }
      }
      for (const pod of evicted) ctx.out.out(nameLine({ apiVersion: "v1", kind: "Pod", metadata: pod.metadata }, "evicted"));
      if (failure) {
        ctx.out.err(`error: unable to drain node ${JSON.stringify(node.metadata.name)} due to error: ${failure.kind === "plain" ? failure.message : ""}, continuing command...\n`);
        fatal.push([failure.kind === "plain" ? failure.message : ""]);
        remaining.push(node.metadata.name!);
        continue;
      }
      ctx.out.out(nameLine(node, "drained"));
    }
    if (remaining.length > 0) ctx.out.err(`There are pending nodes to be drained:\n${remaining.map((n) => ` ${n}\n`).join("")}`);
    if (fatal.length > 0) {
      // An aggregate of per-node aggregates: one node's errors print one per line,
      // several nodes print one line each ("[a, b]" when a node had several).
      const lines = fatal.length === 1 ? fatal[0]! : fatal.map((errs) => (errs.length === 1 ? errs[0]! : `[${errs.join(", ")}]`));
      ctx.out.fail(lines.map((m) => `${m}\n`).join(""));
    }
  },
};
