// --dry-run (cmdutil.GetDryRunStrategy): none, client or server. The simulated
// API server has no dry-run mode, so a server dry run is answered client-side.

import { plainError, type KubectlError } from "../errors.ts";
import { flagString, type ParsedFlags } from "../flags.ts";

export type DryRun = "none" | "client" | "server";

export function dryRunStrategy(flags: ParsedFlags): DryRun | KubectlError {
  const v = flagString(flags, "dry-run");
  switch (v) {
    case "":
    case "none":
      return "none";
    case "client":
    case "unchanged":
      return "client";
    case "server":
      return "server";
    default:
      return plainError(`Invalid dry-run value (${v}). Must be "none", "server", or "client".`);
  }
}

/** The suffix the name printer adds under --dry-run. */
export function dryRunSuffix(d: DryRun): string {
  return d === "client" ? " (dry run)" : d === "server" ? " (server dry run)" : "";
}
