// --dry-run (cmdutil.GetDryRunStrategy, kubectl v1.34): "none", "client" or
// "server"; a bare --dry-run and the old boolean values still work, with the
// deprecation warnings kubectl logs through klog. The simulated API server
// cannot run a write without persisting it, so commands that would send a
// server dry run say so (SERVER_DRY_RUN_NOT_AVAILABLE) instead of pretending.

import { plainError, type KubectlError } from "../errors.ts";
import { flagString, goParseBool, type ParsedFlags } from "../flags.ts";
import type { Klog } from "./klog.ts";

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

export const SERVER_DRY_RUN_NOT_AVAILABLE = plainError(
  `"--dry-run=server" is not available in the Pod Pilot console (the simulated API server cannot check a request without storing it); use --dry-run=client`,
);

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
