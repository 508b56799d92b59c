// genericclioptions.PrintFlags for the commands that print the object they
// changed (annotate, taint, set, rollout): -o json|yaml|name, or the
// operation line "pod/x annotated (dry run)". Complete reads -o and the
// template flags once; the template printers are not in the console, so a
// template format (or --template alone, which means go-template) is refused.

import type { KubeObject } from "../../sim/api/meta.ts";
import type { KubectlError } from "../errors.ts";
import { flagString, type ParsedFlags } from "../flags.ts";
import { nameLine } from "../printers/name.ts";
import type { CommandContext } from "./command.ts";
import { checkOutput, formatNotAvailable, printObject } from "./output.ts";
import { PRINT_FLAGS_FORMATS } from "./print-created.ts";

/** PrintFlags.ToPrinter's checks, up front: the -o to print with, or kubectl's refusal. */
export function completeOutput(f: ParsedFlags): { output: string } | { error: KubectlError } {
  const output = flagString(f, "output");
  // --template with no -o selects the go-template printer.
  if (output === "" && flagString(f, "template") !== "") return { error: formatNotAvailable("go-template", []) };
  const bad = checkOutput(output, PRINT_FLAGS_FORMATS);
  if (bad) return { error: bad };
  // Both only shape the template printers and -o json/yaml's managedFields, which the simulated server never sets.
  for (const name of ["allow-missing-template-keys", "show-managed-fields"]) void f.values.get(name);
  return { output };
}

/** The printer for `operation` ("annotated (dry run)"): the object for -o json/yaml, its name for -o name. */
export function printOperation(ctx: CommandContext, output: string, obj: KubeObject, operation: string): void {
  if (output === "json" || output === "yaml") return ctx.out.out(printObject(output, obj));
  ctx.out.out(nameLine(obj, output === "name" ? "" : operation));
}
