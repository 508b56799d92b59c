// kubectl annotate: KEY=VALUE to add, KEY- to remove, --overwrite to replace an
// existing value, --list to print them. Sent as a JSON merge patch of the
// annotations (jsonpatch.CreateMergePatch of the object before and after);
// every object visited prints "annotated", changed or not.

import type { KubeObject } from "../../sim/api/meta.ts";
import { plainError, reportErrors, statusError, type KubectlError } from "../errors.ts";
import { flagBool, flagString } from "../flags.ts";
import { nameLine } from "../printers/name.ts";
import { runBuilder } from "./builder.ts";
import { ALL_NAMESPACES, DRY_RUN, FIELD_SELECTOR, FILENAME, OUTPUT, SELECTOR, bool, str, type Command, type CommandContext } from "./command.ts";
import { dryRunStrategy, dryRunSuffix, writeOptions } from "./dry-run.ts";
import { parsePairs, resourcesAndPairs } from "./pairs.ts";

/** polymorphichelpers.ChangeCauseAnnotation: always overwritable. */
const CHANGE_CAUSE_ANNOTATION = "kubernetes.io/change-cause";

/** validateNoAnnotationOverwrites: every declared key that already has a value, joined by "; ". */
export const annotationClashMessage = (clashes: readonly (readonly [string, string])[]): string =>
  `--overwrite is false but found the following declared annotation(s): ${clashes.map(([k, v]) => `'${k}' already has a value (${v})`).join("; ")}`;

export const annotateCommand: Command = {
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
  run: runAnnotate,
};

function runAnnotate(ctx: CommandContext): void {
  const f = ctx.flags;
  // Complete
  const dry = dryRunStrategy(f);
  if (typeof dry !== "string") return reportErrors(ctx.out, [dry]);
  const list = flagBool(f, "list");
  const output = flagString(f, "output");
  if (list && output !== "") return reportErrors(ctx.out, [plainError("--list and --output may not be specified together")]);
  const split = resourcesAndPairs(ctx.args, "annotation");
  if ("kind" in split) return reportErrors(ctx.out, [split]);
  const parsed = parsePairs(split.pairs, "annotation");
  if ("kind" in parsed) return reportErrors(ctx.out, [parsed]);
  // Validate
  const all = flagBool(f, "all");
  if (all && flagString(f, "selector") !== "") return reportErrors(ctx.out, [plainError("cannot set --all and --selector at the same time")]);
  if (all && flagString(f, "field-selector") !== "") return reportErrors(ctx.out, [plainError("cannot set --all and --field-selector at the same time")]);
  if (split.resources.length < 1) return reportErrors(ctx.out, [plainError("one or more resources must be specified as <resource> <name> or <resource>/<name>")]);
  if (parsed.add.size === 0 && parsed.remove.length === 0 && !list) return reportErrors(ctx.out, [plainError("at least one annotation update is required")]);
  const both = parsed.remove.filter((r) => parsed.add.has(r));
  if (both.length > 0) return reportErrors(ctx.out, [plainError(`can not both modify and remove the following annotation(s) in the same command: ${both.join(", ")}`)]);
  // Run
  const result = runBuilder(ctx, split.resources, {
    allowEmptySelector: false,
    allNamespaces: flagBool(f, "all-namespaces"),
    labelSelector: flagString(f, "selector"),
    fieldSelector: flagString(f, "field-selector"),
    selectAll: all,
  });
  if (result.fatal) return reportErrors(ctx.out, [result.fatal]);
  const resourceVersion = flagString(f, "resource-version");
  if (!result.singleItemImplied && resourceVersion !== "") return reportErrors(ctx.out, [plainError("--resource-version may only be used with a single resource")]);
  const overwrite = flagBool(f, "overwrite");
  const errors: KubectlError[] = [...result.errors];
  for (const info of result.infos) {
    for (const obj of info.objects) {
      const current = obj.metadata.annotations ?? {};
      if (!overwrite) {
        const clashes = [...parsed.add.keys()].filter((k) => k !== CHANGE_CAUSE_ANNOTATION && Object.hasOwn(current, k)).map((k) => [k, current[k]!] as const);
        if (clashes.length > 0) {
          errors.push(plainError(annotationClashMessage(clashes)));
          continue;
        }
      }
      if (list) {
        printList(ctx, obj, result.singleItemImplied);
        continue;
      }
      if (dry !== "client") {
        const patch: Record<string, string | null> = {};
        for (const [k, v] of parsed.add) if (current[k] !== v) patch[k] = v;
        for (const r of parsed.remove) if (Object.hasOwn(current, r)) patch[r] = null;
        const metadata: Record<string, unknown> = {};
        if (Object.keys(patch).length > 0) metadata.annotations = patch;
        // --resource-version is always sent, so a stale one conflicts.
        if (resourceVersion !== "") metadata.resourceVersion = resourceVersion;
        const res = ctx.env.client.patch(info.resource, obj.metadata.namespace, obj.metadata.name!, Object.keys(metadata).length > 0 ? { metadata } : {}, writeOptions(dry));
        if (!res.ok) {
          errors.push(statusError(res.status));
          continue;
        }
      }
      ctx.out.out(nameLine(obj, output === "name" ? "" : `annotated${dryRunSuffix(dry)}`));
    }
  }
  reportErrors(ctx.out, errors);
}

/** --list: "k=v" lines, under a "Listing annotations for Kind.group/name:" header unless one object was named. */
function printList(ctx: CommandContext, obj: KubeObject, single: boolean): void {
  let indent = "";
  if (!single) {
    indent = " ";
    const slash = (obj.apiVersion ?? "").indexOf("/");
    const group = slash < 0 ? "" : obj.apiVersion!.slice(0, slash);
    ctx.out.out(`Listing annotations for ${obj.kind}.${group}/${obj.metadata.name}:\n`);
  }
  // Go ranges over the map in random order; sorted keys keep the console deterministic.
  const annotations = obj.metadata.annotations ?? {};
  for (const k of Object.keys(annotations).sort()) ctx.out.out(`${indent}${k}=${annotations[k]}\n`);
}
