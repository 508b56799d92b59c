// What kubectl's object-creating commands (create, run) share: PrintFlags
// (-o json|yaml|name and the template formats) completed for the dry-run
// strategy, printing the result ("pod/x created (dry run)" or the object),
// and --save-config's annotation for the typed objects their generators build.

import type { KubeObject } from "../../sim/api/meta.ts";
import { clone } from "../../sim/kernel/equal.ts";
import type { KubectlError } from "../errors.ts";
import { flagString, type FlagSpec } from "../flags.ts";
import { LAST_APPLIED_CONFIG_ANNOTATION } from "../printers/describe/common.ts";
import { nameLine } from "../printers/name.ts";
import { OUTPUT, bool, str, type CommandContext } from "./command.ts";
import { dryRunStrategy, dryRunSuffix, type DryRun } from "./dry-run.ts";
import { klogFor } from "./klog.ts";
import { printObject } from "./output.ts";
import { completeOutput } from "./print-flags.ts";
import { marshalTyped, printTypedJson } from "./typed-json.ts";
import { validationDirective } from "./validate.ts";

/** genericclioptions.PrintFlags' -o formats (json/yaml, name, templates), as its error lists them. */
export const PRINT_FLAGS_FORMATS = ["go-template", "go-template-file", "json", "jsonpath", "jsonpath-as-json", "jsonpath-file", "name", "template", "templatefile", "yaml"];

/** PrintFlags.AddFlags: -o and the template flags. */
export const PRINT_FLAGS: readonly FlagSpec[] = [OUTPUT, str("template"), bool("allow-missing-template-keys"), bool("show-managed-fields")];

/**
 * Complete's dry-run and printer checks, in kubectl's order: the strategy
 * (logging its deprecation warnings), --validate, then -o.
 */
export function dryRunAndOutput(ctx: CommandContext): { dry: DryRun } | { error: KubectlError } {
  const dry = dryRunStrategy(ctx.flags, klogFor(ctx));
  if (typeof dry !== "string") return { error: dry };
  const validation = validationDirective(ctx.flags);
  if (typeof validation !== "string") return { error: validation };
  const printer = completeOutput(ctx.flags);
  return "error" in printer ? printer : { dry };
}

/**
 * Prints a created object: -o yaml/json/name, or "<kind>/<name> created".
 * `typed`: the object is a Go struct (generators, typed clients), so -o json
 * keeps struct order; objects read from manifests are unstructured.
 */
export function printCreated(ctx: CommandContext, obj: KubeObject, dry: DryRun, typed: boolean): void {
  const output = flagString(ctx.flags, "output");
  if (output === "json" && typed) ctx.out.out(printTypedJson(obj));
  else if (output === "yaml" || output === "json") ctx.out.out(printObject(output, obj));
  else ctx.out.out(nameLine(obj, output === "name" ? "" : `created${dryRunSuffix(dry)}`));
}

/**
 * util.CreateOrUpdateAnnotation with --save-config on a typed object: the
 * annotation holds the object's struct-order JSON, encoded without it.
 */
export function withTypedLastApplied<T extends KubeObject>(obj: T): T {
  const copy = clone(obj);
  const annotations = { ...(copy.metadata.annotations ?? {}) };
  delete annotations[LAST_APPLIED_CONFIG_ANNOTATION];
  // An empty annotations map is dropped by omitempty before encoding.
  if (Object.keys(annotations).length > 0) copy.metadata.annotations = annotations;
  else delete copy.metadata.annotations;
  copy.metadata.annotations = { ...annotations, [LAST_APPLIED_CONFIG_ANNOTATION]: `${marshalTyped(copy)}\n` };
  return copy;
}
