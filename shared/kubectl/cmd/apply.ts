// kubectl apply -f - (client-side apply): objects that do not exist are
// created with the kubectl.kubernetes.io/last-applied-configuration
// annotation; existing ones get a three-way patch from that annotation, the
// manifest and the live object: "configured", or "unchanged" when empty.

import type { KubeObject } from "../../sim/api/meta.ts";
import { clone } from "../../sim/kernel/equal.ts";
import { plainError, reportErrors, statusError, type KubectlError } from "../errors.ts";
import { flagBool, flagString } from "../flags.ts";
import { LAST_APPLIED_CONFIG_ANNOTATION } from "../printers/describe/common.ts";
import { marshalCompact } from "../printers/json.ts";
import { nameLine } from "../printers/name.ts";
import { groupResource } from "../resources.ts";
import { DRY_RUN, FILENAME, OUTPUT, SELECTOR, bool, str, type Command, type CommandContext } from "./command.ts";
import { dryRunStrategy, dryRunSuffix, writeOptions } from "./dry-run.ts";
import { klogFor } from "./klog.ts";
import { selectManifests } from "./manifest-selector.ts";
import { completeOutput } from "./print-flags.ts";
import { NOT_AVAILABLE } from "./unsupported.ts";
import { VALIDATE, validationDirective } from "./validate.ts";
import { STDIN_SOURCE, parseManifests, readSources } from "./manifests.ts";
import { applyStrategicPatch, mergePatchBetween, threeWayPatch } from "./strategic-merge.ts";

export const missingAnnotationWarning = (objectName: string): string =>
  `Warning: resource ${objectName} is missing the ${LAST_APPLIED_CONFIG_ANNOTATION} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`;

/** util.GetModifiedConfiguration: the object as JSON with (or without) its own last-applied annotation. */
export function modifiedConfiguration(obj: KubeObject, annotate: boolean): { json: string; object: KubeObject } {
  const copy = clone(obj);
  const annotations = { ...(copy.metadata.annotations ?? {}) };
  delete annotations[LAST_APPLIED_CONFIG_ANNOTATION];
  copy.metadata.annotations = annotations;
  const plain = `${marshalCompact(copy)}\n`;
  if (!annotate) return { json: plain, object: copy };
  copy.metadata.annotations = { ...annotations, [LAST_APPLIED_CONFIG_ANNOTATION]: plain };
  return { json: plain, object: copy };
}

/** "Error from server (X): error when creating "STDIN": <message>" (cmdutil.AddSourceToErr). */
export function withSource(verb: string, e: KubectlError): KubectlError {
  if (e.kind !== "status" || e.status.reason === "Invalid") return e;
  return statusError({ ...e.status, message: `error when ${verb} "${STDIN_SOURCE}": ${e.status.message}` });
}

function pruneNulls(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(pruneNulls);
  if (v === null || typeof v !== "object") return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) if (x !== null && x !== undefined) out[k] = pruneNulls(x);
  return out;
}

export const applyCommand: Command = {
  name: "apply",
  use: "apply (-f FILENAME | -k DIRECTORY)",
  short: "Apply a configuration to a resource by file name or stdin",
  flags: [
    FILENAME,
    str("kustomize", "k"),
    bool("recursive", "R"),
    SELECTOR,
    OUTPUT,
    DRY_RUN,
    bool("server-side"),
    bool("force-conflicts"),
    str("field-manager"),
    VALIDATE,
    bool("overwrite"),
    bool("prune"),
    bool("all"),
    bool("force"),
    bool("wait"),
    str("template"),
    bool("record"),
  ],
  run: runApply,
};

/**
 * ApplyOptions.Validate's flag combinations, in kubectl's order, then what the
 * console cannot do: server-side apply (no managedFields), pruning, and
 * --force's delete-and-recreate. --wait only waits for --force's deletions;
 * --all only widens --prune.
 */
function refuseApplyFlags(ctx: CommandContext, dry: string): KubectlError | undefined {
  const f = ctx.flags;
  const serverSide = flagBool(f, "server-side");
  const force = flagBool(f, "force");
  const all = flagBool(f, "all");
  const prune = flagBool(f, "prune");
  const selector = flagString(f, "selector");
  void f.values.get("wait");
  if (flagBool(f, "force-conflicts") && !serverSide) return plainError("--force-conflicts only works with --server-side");
  if (dry === "client" && serverSide) return plainError("--dry-run=client doesn't work with --server-side (did you mean --dry-run=server instead?)");
  if (serverSide && force) return plainError("--force cannot be used with --server-side");
  if (dry === "server" && force) return plainError("--dry-run=server cannot be used with --force");
  if (all && selector !== "") return plainError("cannot set --all and --selector at the same time");
  if (prune && !all && selector === "") {
    return plainError("all resources selected for prune without explicitly passing --all. To prune all resources, pass the --all flag. If you did not mean to prune all resources, specify a label selector");
  }
  if (serverSide) return plainError(NOT_AVAILABLE(`${ctx.path} --server-side`));
  if (prune) return plainError(NOT_AVAILABLE(`${ctx.path} --prune`));
  if (force) return plainError(NOT_AVAILABLE(`${ctx.path} --force`));
  // --overwrite=false keeps values others changed since the last apply; the three-way patch here always overwrites.
  if (f.changed.has("overwrite") && !flagBool(f, "overwrite")) return plainError(NOT_AVAILABLE(`${ctx.path} --overwrite=false`));
  return undefined;
}

function runApply(ctx: CommandContext): void {
  const f = ctx.flags;
  const src = readSources(ctx);
  if ("fatal" in src) return reportErrors(ctx.out, [src.fatal]);
  const dry = dryRunStrategy(f, klogFor(ctx));
  if (typeof dry !== "string") return reportErrors(ctx.out, [dry]);
  const printer = completeOutput(f);
  if ("error" in printer) return reportErrors(ctx.out, [printer.error]);
  const refused = refuseApplyFlags(ctx, dry);
  if (refused) return reportErrors(ctx.out, [refused]);
  const validation = validationDirective(f);
  if (typeof validation !== "string") return reportErrors(ctx.out, [validation]);
  const opts = { ...writeOptions(dry), fieldValidation: validation };
  const parsed = parseManifests(ctx, src.text);
  if ("fatal" in parsed) return reportErrors(ctx.out, [parsed.fatal]);
  const selected = selectManifests(parsed.manifests, flagString(f, "selector"));
  if (!Array.isArray(selected)) return reportErrors(ctx.out, [selected]);
  const errors: KubectlError[] = [...parsed.errors];
  if (selected.length === 0 && errors.length === 0) return reportErrors(ctx.out, [plainError("no objects passed to apply")]);
  const short = printer.output === "name";
  const print = (obj: KubeObject, op: string): void => ctx.out.out(nameLine(obj, short ? "" : `${op}${dryRunSuffix(dry)}`));

  for (const { resource, object } of selected) {
    const name = object.metadata.name;
    if (!name) {
      if (object.metadata.generateName) errors.push(plainError(`from ${object.metadata.generateName}: cannot use generate name with apply`));
      else errors.push(plainError(`error when retrieving current configuration of:\nResource: "${groupResource(resource)}", Name: "", Namespace: "${object.metadata.namespace ?? ""}"\nfrom server for: "${STDIN_SOURCE}": resource name may not be empty`));
      continue;
    }
    const ns = object.metadata.namespace;
    const modified = modifiedConfiguration(object, true);
    const live = ctx.env.client.get(resource, ns, name);
    if (!live.ok) {
      if (live.status.reason !== "NotFound") {
        errors.push(statusError(live.status));
        continue;
      }
      // CreateApplyAnnotation: the annotation holds the manifest without itself.
      const body = pruneNulls(clone(object)) as KubeObject;
      body.metadata.annotations = { ...(body.metadata.annotations ?? {}), [LAST_APPLIED_CONFIG_ANNOTATION]: modifiedConfiguration(object, false).json };
      if (dry !== "client") {
        const res = ctx.env.client.create(resource, ns, body as never, opts);
        if (!res.ok) {
          errors.push(withSource("creating", statusError(res.status)));
          continue;
        }
      }
      print(body, "created");
      continue;
    }
    const current = live.object as KubeObject;
    const lastApplied = current.metadata.annotations?.[LAST_APPLIED_CONFIG_ANNOTATION];
    if (lastApplied === undefined) ctx.out.err(missingAnnotationWarning(`${groupResource(resource).split(".")[0]}/${name}`));
    let original: Record<string, unknown> = {};
    if (lastApplied) {
      try {
        original = JSON.parse(lastApplied) as Record<string, unknown>;
      } catch {
        original = {};
      }
    }
    const patch = threeWayPatch(original, modified.object as unknown as Record<string, unknown>, current as unknown as Record<string, unknown>);
    if (Object.keys(patch).length === 0) {
      print(current, "unchanged");
      continue;
    }
    if (dry !== "client") {
      const target = applyStrategicPatch(current, patch);
      const res = ctx.env.client.patch(resource, ns, name, mergePatchBetween(current, target), opts);
      if (!res.ok) {
        errors.push(withSource("applying patch", statusError(res.status)));
        continue;
      }
    }
    print(current, "configured");
  }
  reportErrors(ctx.out, errors);
}
