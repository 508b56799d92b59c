// kubectl annotate: KEY=VALUE to add, KEY- to remove, --overwrite to replace an
// existing value, --list to print them. Sent as a JSON merge patch of the
// annotations (jsonpatch.CreateMergePatch of the object before and after);
// every object visited prints "annotated", changed or not. MetadataEditOptions are
// built once in complete(); validate() refuses kubectl's bad combinations.

import type { KubeObject } from "../../sim/api/meta.ts";
import { plainError, reportErrors, statusError, type KubectlError } from "../errors.ts";
import { flagBool } from "../flags.ts";
import { runBuilder } from "./builder.ts";
import { ALL_NAMESPACES, DRY_RUN, FIELD_SELECTOR, FILENAME, OUTPUT, SELECTOR, bool, str, type CommandContext } from "./command.ts";
import { dryRunStrategy, dryRunSuffix, writeOptions } from "./dry-run.ts";
import { optionsCommand, type Completed } from "./options.ts";
import { parsePairs, resourcesAndPairs } from "./pairs.ts";
import { completeOutput, printOperation } from "./print-flags.ts";
import { metadataEditOptions, printMetadataList, type MetadataEditOptions } from "./metadata-edit.ts";
import { NOT_AVAILABLE } from "./unsupported.ts";

/** polymorphichelpers.ChangeCauseAnnotation: always overwritable. */
const CHANGE_CAUSE_ANNOTATION = "kubernetes.io/change-cause";

/** validateNoAnnotationOverwrites: every declared key that already has a value, joined by "; ". */
export const annotationClashMessage = (clashes: readonly (readonly [string, string])[]): string =>
  `--overwrite is false but found the following declared annotation(s): ${clashes.map(([k, v]) => `'${k}' already has a value (${v})`).join("; ")}`;


function complete(ctx: CommandContext): Completed<MetadataEditOptions> {
  const f = ctx.flags;
  const dryRun = dryRunStrategy(f);
  if (typeof dryRun !== "string") return { error: dryRun };
  const printer = completeOutput(f);
  if ("error" in printer) return printer;
  const split = resourcesAndPairs(ctx.args, "annotation");
  if ("kind" in split) return { error: split };
  const parsed = parsePairs(split.pairs, "annotation");
  if ("kind" in parsed) return { error: parsed };
  const list = flagBool(f, "list");
  if (list && printer.output !== "") return { error: plainError("--list and --output may not be specified together") };
  void flagBool(f, "recursive"); // only shapes how -f reads directories
  return {
    options: metadataEditOptions(f, { resources: split.resources, add: parsed.add, remove: parsed.remove, list, output: printer.output, dryRun }),
  };
}

function validate(o: MetadataEditOptions, ctx: CommandContext): KubectlError | undefined {
  if (o.all && o.selector !== "") return plainError("cannot set --all and --selector at the same time");
  if (o.all && o.fieldSelector !== "") return plainError("cannot set --all and --field-selector at the same time");
  if (!o.local) {
    if (o.resources.length < 1 && o.filenames.length === 0) return plainError("one or more resources must be specified as <resource> <name> or <resource>/<name>");
  } else {
    if (o.dryRun === "server") return plainError("cannot specify --local and --dry-run=server - did you mean --dry-run=client?");
    if (o.resources.length > 0) return plainError("can only use local files by -f pod.yaml or --filename=pod.json when --local=true is set");
    if (o.filenames.length === 0) return plainError("one or more files must be specified as -f pod.yaml or --filename=pod.json");
  }
  if (o.add.size === 0 && o.remove.length === 0 && !o.list) return plainError("at least one annotation update is required");
  const both = o.remove.filter((r) => o.add.has(r));
  if (both.length > 0) return plainError(`can not both modify and remove the following annotation(s) in the same command: ${both.join(", ")}`);
  // The console reads objects only from the API server: -f (and --local, which needs it) are refused, not ignored.
  if (o.filenames.length > 0) return plainError(NOT_AVAILABLE(`${ctx.path} -f`));
  return undefined;
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
  for (const info of result.infos) {
    for (const obj of info.objects) {
      const current = obj.metadata.annotations ?? {};
      if (!o.overwrite) {
        const clashes = [...o.add.keys()].filter((k) => k !== CHANGE_CAUSE_ANNOTATION && Object.hasOwn(current, k)).map((k) => [k, current[k]!] as const);
        if (clashes.length > 0) {
          errors.push(plainError(annotationClashMessage(clashes)));
          continue;
        }
      }
      if (o.list) {
        // Go ranges over the map in random order; sorted keys keep the console deterministic.
        const annotations = obj.metadata.annotations ?? {};
        printMetadataList(ctx, obj, result.singleItemImplied, "annotations", Object.keys(annotations).sort().map((k) => [k, annotations[k]!] as const));
        continue;
      }
      // The client dry run prints the object as it would be.
      let shown: KubeObject = { ...obj, metadata: { ...obj.metadata, annotations: annotated(current, o) } };
      if (o.dryRun !== "client") {
        const patch: Record<string, string | null> = {};
        for (const [k, v] of o.add) if (current[k] !== v) patch[k] = v;
        for (const r of o.remove) if (Object.hasOwn(current, r)) patch[r] = null;
        const metadata: Record<string, unknown> = {};
        if (Object.keys(patch).length > 0) metadata.annotations = patch;
        // --resource-version is always sent, so a stale one conflicts.
        if (o.resourceVersion !== "") metadata.resourceVersion = o.resourceVersion;
        const res = ctx.env.client.patch(info.resource, obj.metadata.namespace, obj.metadata.name!, Object.keys(metadata).length > 0 ? { metadata } : {}, writeOptions(o.dryRun));
        if (!res.ok) {
          errors.push(statusError(res.status));
          continue;
        }
        shown = res.object;
      }
      printOperation(ctx, o.output, shown, `annotated${dryRunSuffix(o.dryRun)}`);
    }
  }
  reportErrors(ctx.out, errors);
}

/** The annotations after the update. */
function annotated(current: Readonly<Record<string, string>>, o: MetadataEditOptions): Record<string, string> {
  const next = { ...current };
  for (const [k, v] of o.add) next[k] = v;
  for (const r of o.remove) delete next[r];
  return next;
}


export const annotateCommand = optionsCommand<MetadataEditOptions>({
  name: "annotate",
  use: "annotate [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version]",
  short: "Update the annotations on a resource",
  flags: [
    bool("overwrite"),
    bool("list"),
    bool("local"),
    SELECTOR,
    FIELD_SELECTOR,
    bool("all"),
    ALL_NAMESPACES,
    str("resource-version"),
    FILENAME,
    str("kustomize", "k"),
    bool("recursive", "R"),
    DRY_RUN,
    str("field-manager"),
    OUTPUT,
    str("template"),
    bool("show-managed-fields"),
    bool("allow-missing-template-keys"),
  ],
  complete,
  validate,
  run,
});
