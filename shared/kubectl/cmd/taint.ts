// kubectl taint nodes: key=value:Effect adds, key:Effect- or key- removes;
// "node/n1 tainted", "untainted" or "modified" (kubectl cmd/taint). TaintOptions
// is built once in complete(); validate() refuses what kubectl's Validate does.

import type { Node, Taint, TaintEffect } from "../../sim/api/core-v1.ts";
import { isQualifiedName, isValidLabelValue } from "../../sim/apiserver/validation/names.ts";
import { plainError, reportErrors, statusError, usageError, type KubectlError } from "../errors.ts";
import { flagBool, flagString } from "../flags.ts";
import { formatTaint } from "../printers/node-columns.ts";
import { resolveType } from "../resources.ts";
import { runBuilder } from "./builder.ts";
import { DRY_RUN, OUTPUT, SELECTOR, bool, str, type CommandContext } from "./command.ts";
import { dryRunStrategy, dryRunSuffix, writeOptions, type DryRun } from "./dry-run.ts";
import { optionsCommand, type Completed } from "./options.ts";
import { completeOutput, printOperation } from "./print-flags.ts";

const EFFECTS: readonly string[] = ["NoSchedule", "PreferNoSchedule", "NoExecute"];

export const taintExistsMessage = (node: string, keys: string): string => `node ${node} already has ${keys} taint(s) with same effect(s) and --overwrite is false`;

function parseTaint(st: string): Taint | KubectlError {
  const parts = st.split(":");
  let key: string;
  let value = "";
  let effect = "";
  if (parts.length === 1) key = parts[0]!;
  else if (parts.length === 2) {
    effect = parts[1]!;
    if (!EFFECTS.includes(effect)) return plainError(`invalid taint effect: ${effect}, unsupported taint effect`);
    const kv = parts[0]!.split("=");
    if (kv.length > 2) return plainError(`invalid taint spec: ${st}`);
    key = kv[0]!;
    if (kv.length === 2) {
      value = kv[1]!;
      const errs = isValidLabelValue(value);
      if (errs.length > 0) return plainError(`invalid taint spec: ${st}, ${errs.join("; ")}`);
    }
  } else return plainError(`invalid taint spec: ${st}`);
  const errs = isQualifiedName(key);
  if (errs.length > 0) return plainError(`invalid taint spec: ${st}, ${errs.join("; ")}`);
  const t: Taint = { key, effect: effect as TaintEffect };
  if (value !== "") t.value = value;
  return t;
}

function parseTaints(spec: readonly string[]): { add: Taint[]; remove: Taint[] } | KubectlError {
  const add: Taint[] = [];
  const remove: Taint[] = [];
  const unique = new Set<string>();
  for (const s of spec) {
    if (s.endsWith("-")) {
      const t = parseTaint(s.slice(0, -1));
      if ("kind" in t && !("key" in t)) return t;
      remove.push({ key: (t as Taint).key, effect: (t as Taint).effect });
    } else {
      const t = parseTaint(s);
      if ("kind" in t && !("key" in t)) return t;
      const taint = t as Taint;
      if (!taint.effect) return plainError(`invalid taint spec: ${s}`);
      const id = `${taint.effect}\u0000${taint.key}`;
      if (unique.has(id)) return plainError(`duplicated taints with the same key and effect: ${goTaint(taint)}`);
      unique.add(id);
      add.push(taint);
    }
  }
  return { add, remove };
}

/** %v of a corev1.Taint value. */
function goTaint(t: Taint): string {
  return `{${t.key} ${t.value ?? ""} ${t.effect} <nil>}`;
}

const matches = (a: Taint, b: Taint): boolean => a.key === b.key && a.effect === b.effect;

interface TaintOptions {
  /** "node" and the node names. */
  readonly resources: readonly string[];
  readonly add: readonly Taint[];
  readonly remove: readonly Taint[];
  readonly overwrite: boolean;
  readonly all: boolean;
  readonly selector: string;
  readonly output: string;
  readonly dryRun: DryRun;
}

function complete(ctx: CommandContext): Completed<TaintOptions> {
  const f = ctx.flags;
  const resources: string[] = [];
  const taintArgs: string[] = [];
  let metTaint = false;
  for (const s of ctx.args) {
    const isTaint = s.includes("=") || s.includes(":") || s.endsWith("-");
    if (isTaint) {
      metTaint = true;
      taintArgs.push(s);
    } else if (!metTaint) resources.push(s);
    else return { error: plainError(`all resources must be specified before taint changes: ${s}`) };
  }
  if (resources.length < 1) return { error: plainError("one or more resources must be specified as <resource> <name>") };
  if (taintArgs.length < 1) return { error: plainError("at least one taint update is required") };
  const parsed = parseTaints(taintArgs);
  if ("kind" in parsed) return { error: usageError(ctx.path, parsed.kind === "plain" ? parsed.message : "") };
  const dryRun = dryRunStrategy(f);
  if (typeof dryRun !== "string") return { error: dryRun };
  const printer = completeOutput(f);
  if ("error" in printer) return printer;
  return {
    options: {
      resources,
      add: parsed.add,
      remove: parsed.remove,
      overwrite: flagBool(f, "overwrite"),
      all: flagBool(f, "all"),
      selector: flagString(f, "selector"),
      output: printer.output,
      dryRun,
    },
  };
}

function validate(o: TaintOptions): KubectlError | undefined {
  const type = o.resources[0]!.toLowerCase();
  const resource = resolveType(type);
  if (!resource) return plainError(`the server doesn't have a resource type ${JSON.stringify(type)}`);
  if (resource !== "nodes") return plainError(`invalid resource type ${type}, only node types are supported`);
  const conflicts = o.add.flatMap((a) => o.remove.filter((r) => r.key === a.key && (!r.effect || r.effect === a.effect)).map((r) => `${r.key}=${r.effect}`));
  if (conflicts.length > 0) return plainError(`can not both modify and remove the following taint(s) in the same command: ${conflicts.join(", ")}`);
  if (o.all && o.selector !== "") return plainError("setting 'all' parameter with a non empty selector is prohibited");
  if (!o.all && o.selector === "" && o.resources.length < 2) return plainError("at least one resource name must be specified since 'all' parameter is not set");
  return undefined;
}

function run(o: TaintOptions, ctx: CommandContext): void {
  const args = !o.all && o.selector === "" ? ["node", ...o.resources.slice(1)] : ["node"];
  const result = runBuilder(ctx, args, { allowEmptySelector: false, labelSelector: o.selector, selectAll: o.all });
  if (result.fatal) return reportErrors(ctx.out, [result.fatal]);
  const errors: KubectlError[] = [...result.errors];
  for (const node of result.infos.flatMap((i) => i.objects) as Node[]) {
    const old = node.spec.taints ?? [];
    if (!o.overwrite) {
      const exists = o.add.flatMap((t) => old.filter((x) => x.key === t.key && x.effect === t.effect).map(() => t.key));
      if (exists.length > 0) {
        errors.push(plainError(taintExistsMessage(node.metadata.name!, exists.join(","))));
        continue;
      }
    }
    // reorganizeTaints: new taints first, then the old ones they do not replace, minus removals.
    let next: Taint[] = o.add.map((t) => ({ ...t }));
    for (const x of old) if (!next.some((t) => matches(t, x))) next.push({ ...x });
    const added = old.length !== next.length;
    const notFound: KubectlError[] = [];
    let removed = false;
    for (const r of o.remove) {
      const before = next.length;
      next = next.filter((t) => (r.effect ? !matches(r, t) : t.key !== r.key));
      removed = before !== next.length;
      if (!removed) notFound.push(plainError(`taint ${JSON.stringify(formatTaint(r))} not found`));
    }
    if (notFound.length > 0) {
      errors.push(...notFound);
      continue;
    }
    const operation = (added && removed) || o.overwrite ? "modified" : added ? "tainted" : "untainted";
    // The client dry run prints the node as it would be.
    let shown: Node = { ...node, spec: { ...node.spec, taints: next } };
    if (next.length === 0) delete shown.spec.taints;
    if (o.dryRun !== "client") {
      const res = ctx.env.client.patch("nodes", undefined, node.metadata.name!, { spec: { taints: next.length > 0 ? next : null } }, writeOptions(o.dryRun));
      if (!res.ok) {
        errors.push(statusError(res.status));
        continue;
      }
      shown = res.object as Node;
    }
    printOperation(ctx, o.output, shown, `${operation}${dryRunSuffix(o.dryRun)}`);
  }
  reportErrors(ctx.out, errors);
}

export const taintCommand = optionsCommand<TaintOptions>({
  name: "taint",
  use: "taint NODE NAME KEY_1=VAL_1:TAINT_EFFECT_1 ... KEY_N=VAL_N:TAINT_EFFECT_N",
  short: "Update the taints on one or more nodes",
  flags: [bool("overwrite"), bool("all"), SELECTOR, DRY_RUN, str("field-manager"), OUTPUT, str("template"), bool("allow-missing-template-keys"), bool("show-managed-fields"), str("validate")],
  complete,
  validate,
  run,
});
