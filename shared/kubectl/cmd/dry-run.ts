// --dry-run (cmdutil.GetDryRunStrategy, kubectl v1.34): "none", "client" or
// "server"; a bare --dry-run and the old boolean values still work, with the
// deprecation warnings kubectl logs through klog. A client dry run sends no
// write; a server dry run sends it with dryRun=All, so the API server runs the
// whole pipeline (admission, validation, conflicts) and stores nothing.

import { plainError, type KubectlError } from "../errors.ts";
import { flagString, goParseBool, type ParsedFlags } from "../flags.ts";
import type { Klog } from "./klog.ts";
import type { WriteOptions } from "../../sim/apiserver/types.ts";

export type DryRun = "none" | "client" | "server";

/** The flag's NoOptDefVal (cmdutil.AddDryRunFlag): what a bare --dry-run sets. */
export const DRY_RUN_NO_OPT_DEF_VAL = "unchanged";

/** Where GetDryRunStrategy logs its warnings in kubectl v1.34 (pkg/cmd/util/helpers.go). */
const BARE_WARNING_SOURCE = "helpers.go:731";
const TRUE_WARNING_SOURCE = "helpers.go:745";
const FALSE_WARNING_SOURCE = "helpers.go:748";

export const BARE_DRY_RUN_WARNING = "--dry-run is deprecated and can be replaced with --dry-run=client.";
export const booleanDryRunWarning = (value: string, replacement: "client" | "none"): string =>
  `--dry-run=${value} is deprecated (boolean value) and can be replaced with --dry-run=${replacement}.`;


/** GetDryRunStrategy; pass klog to log the deprecation warnings kubectl prints. */
export function dryRunStrategy(flags: ParsedFlags, klog?: Klog): DryRun | KubectlError {
  // The flag's default is "none"; an explicit --dry-run= is an invalid value.
  if (!flags.changed.has("dry-run")) return "none";
  const v = flagString(flags, "dry-run");
  const b = goParseBool(v);
  if (b === true) {
    klog?.warning(TRUE_WARNING_SOURCE, booleanDryRunWarning(v, "client"));
    return "client";
  }
  if (b === false) {
    klog?.warning(FALSE_WARNING_SOURCE, booleanDryRunWarning(v, "none"));
    return "none";
  }
  switch (v) {
    case DRY_RUN_NO_OPT_DEF_VAL:
      klog?.warning(BARE_WARNING_SOURCE, BARE_DRY_RUN_WARNING);
      return "client";
    case "client":
      return "client";
    case "server":
      return "server";
    case "none":
      return "none";
    default:
      return plainError(`Invalid dry-run value (${v}). Must be "none", "server", or "client".`);
  }
}

/** The suffix the name printer adds under --dry-run (PrintFlagsWithDryRunStrategy). */
export function dryRunSuffix(d: DryRun): string {
  return d === "client" ? " (dry run)" : d === "server" ? " (server dry run)" : "";
}

/** The options a write carries under the strategy (resource.Helper.DryRun): dryRun=All for a server dry run. */
export function writeOptions(d: DryRun): WriteOptions {
  return d === "server" ? { dryRun: true } : {};
}
