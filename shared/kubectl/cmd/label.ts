// kubectl label (pkg/cmd/label): key=value to add, key- to remove, --overwrite
// to replace; sent as a JSON merge patch of the labels, "pod/x labeled" (or
// "not labeled" when nothing changed, "unlabeled" when only removals shrank the
// object). MetadataEditOptions are built once in complete(); validate() refuses
// kubectl's bad combinations; run() only acts.

import { isValidLabelValue } from "../../sim/apiserver/validation/names.ts";
import type { KubeObject } from "../../sim/api/meta.ts";
import { plainError, reportErrors, statusError, type KubectlError } from "../errors.ts";
import { flagBool, flagString } from "../flags.ts";
import { marshalCompact } from "../printers/json.ts";
import { nameLine } from "../printers/name.ts";
import { runBuilder } from "./builder.ts";
import { ALL_NAMESPACES, DRY_RUN, FIELD_SELECTOR, FILENAME, OUTPUT, SELECTOR, bool, str, type CommandContext } from "./command.ts";
import { dryRunStrategy, dryRunSuffix, writeOptions } from "./dry-run.ts";
import { optionsCommand, type Completed } from "./options.ts";
import { resourcesAndPairs } from "./pairs.ts";
import { metadataEditOptions, printMetadataList, type MetadataEditOptions } from "./metadata-edit.ts";
import { NOT_AVAILABLE } from "./unsupported.ts";

export const labelClashMessage = (key: string, current: string): string => `'${key}' already has a value (${current}), and --overwrite is false`;


function parseLabels(spec: readonly string[]): { add: Map<string, string>; remove: string[] } | KubectlError {
  const add = new Map<string, string>();
  const remove: string[] = [];
  for (const s of spec) {
    if (s.includes("=")) {
      const parts = s.split("=");
      if (parts.length !== 2) return plainError(`invalid label spec: ${s}`);
      const errs = isValidLabelValue(parts[1]!);
      if (errs.length > 0) return plainError(`invalid label value: ${JSON.stringify(s)}: ${errs.join(";")}`);
      add.set(parts[0]!, parts[1]!);
    } else if (s.endsWith("-")) remove.push(s.slice(0, -1));
    else return plainError(`unknown label spec: ${s}`);
  }
  if (remove.some((r) => add.has(r))) return plainError("can not both modify and remove a label in the same command");
  return { add, remove };
}

function complete(ctx: CommandContext): Completed<MetadataEditOptions> {
  const f = ctx.flags;
  const output = flagString(f, "output");
  const dryRun = dryRunStrategy(f);
  if (typeof dryRun !== "string") return { error: dryRun };
  const split = resourcesAndPairs(ctx.args, "label");
  if ("kind" in split) return { error: split };
  const parsed = parseLabels(split.pairs);
  if ("kind" in parsed) return { error: parsed };
  const list = flagBool(f, "list");
  if (list && output !== "") return { error: plainError("--list and --output may not be specified together") };
  void flagBool(f, "recursive"); // only shapes how -f reads directories
  return {
    options: metadataEditOptions(f, { resources: split.resources, add: parsed.add, remove: parsed.remove, list, output, dryRun }),
  };
}

function validate(o: MetadataEditOptions, ctx: CommandContext): KubectlError | undefined {
  if (o.all && o.selector !== "") return plainError("cannot set --all and --selector at the same time");
  if (o.all && o.fieldSelector !== "") return plainError("cannot set --all and --field-selector at the same time");
  if (o.local) {
    if (o.dryRun === "server") return plainError("cannot specify --local and --dry-run=server - did you mean --dry-run=client?");
    if (o.resources.length > 0) return plainError("can only use local files by -f pod.yaml or --filename=pod.json when --local=true is set");
    if (o.filenames.length === 0) return plainError("one or more files must be specified as -f pod.yaml or --filename=pod.json");
  } else if (o.resources.length < 1 && o.filenames.length === 0) {
    return plainError("one or more resources must be specified as <resource> <name> or <resource>/<name>");
  }
  if (o.add.size === 0 && o.remove.length === 0 && !o.list) return plainError("at least one label update is required");
  // The console reads objects only from the API server: -f (and --local, which needs it) are refused, not ignored.
  if (o.filenames.length > 0) return plainError(NOT_AVAILABLE(`${ctx.path} -f`));
  return undefined;
}


/** The object as kubectl marshals it around labelFunc: --resource-version is cleared before and set after. */
function withMeta(obj: KubeObject, labels: Record<string, string> | undefined, resourceVersion: string | undefined): KubeObject {
  const metadata = { ...obj.metadata, labels };
  if (labels === undefined) delete metadata.labels;
  if (resourceVersion === undefined) delete metadata.resourceVersion;
  else metadata.resourceVersion = resourceVersion;
  return { ...obj, metadata };
}

function run(o: MetadataEditOptions, ctx: CommandContext): void {
  const result = runBuilder(ctx, o.resources, {
    allowEmptySelector: false,
    allNamespaces: o.allNamespaces,
    labelSelector: o.selector,
    fieldSelector: o.fieldSelector,
    selectAll: o.all,
  });
  if (result.fatal) return reportErrors(ctx.out, [result.fatal]);
  if (!result.singleItemImplied && o.resourceVersion !== "") return reportErrors(ctx.out, [plainError("--resource-version may only be used with a single resource")]);
  const errors: KubectlError[] = [...result.errors];
  const short = o.output === "name";
  for (const info of result.infos) {
    for (const obj of info.objects) {
      const current = obj.metadata.labels ?? {};
      if (o.list) {
        printMetadataList(ctx, obj, result.singleItemImplied, "labels", Object.entries(obj.metadata.labels ?? {}));
        continue;
      }
      if (!o.overwrite) {
        const clashes = [...o.add].filter(([k, v]) => Object.hasOwn(current, k) && current[k] !== v);
        if (clashes.length > 0) {
          for (const [k] of clashes) errors.push(plainError(labelClashMessage(k, current[k]!)));
          continue;
        }
      }
      if (o.dryRun !== "client") {
        for (const r of o.remove) if (!Object.hasOwn(current, r)) ctx.out.out(`label ${JSON.stringify(r)} not found.\n`);
      }
      const next: Record<string, string> = { ...current };
      for (const [k, v] of o.add) next[k] = v;
      for (const r of o.remove) delete next[r];
      const rv = o.resourceVersion === "" ? obj.metadata.resourceVersion : undefined;
      const before = marshalCompact(withMeta(obj, obj.metadata.labels, rv));
      const after = marshalCompact(withMeta(obj, next, o.resourceVersion === "" ? rv : o.resourceVersion));
      let msg = "not labeled";
      if (before !== after) msg = !o.overwrite && after.length < before.length ? "unlabeled" : "labeled";
      if (o.dryRun !== "client") {
        const patch: Record<string, string | null> = {};
        for (const [k, v] of o.add) if (current[k] !== v) patch[k] = v;
        for (const r of o.remove) if (Object.hasOwn(current, r)) patch[r] = null;
        const metadata: Record<string, unknown> = {};
        if (Object.keys(patch).length > 0) metadata.labels = patch;
        // --resource-version is always sent, so a stale one conflicts.
        if (o.resourceVersion !== "") metadata.resourceVersion = o.resourceVersion;
        const res = ctx.env.client.patch(info.resource, obj.metadata.namespace, obj.metadata.name!, Object.keys(metadata).length > 0 ? { metadata } : {}, writeOptions(o.dryRun));
        if (!res.ok) {
          errors.push(statusError(res.status));
          continue;
        }
      }
      ctx.out.out(nameLine(obj, short ? "" : `${msg}${dryRunSuffix(o.dryRun)}`));
    }
  }
  reportErrors(ctx.out, errors);
}

export const labelCommand = optionsCommand<MetadataEditOptions>({
  name: "label",
  use: "label [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version]",
  short: "Update the labels on a resource",
  flags: [
    bool("overwrite"),
    bool("list"),
    bool("local"),
    FIELD_SELECTOR,
    bool("all"),
    ALL_NAMESPACES,
    str("resource-version"),
    FILENAME,
    str("kustomize", "k"),
    bool("recursive", "R"),
    DRY_RUN,
    str("field-manager"),
    SELECTOR,
    OUTPUT,
  ],
  complete,
  validate,
  run,
});
