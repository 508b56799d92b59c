// The shape of a kubectl command (a cobra.Command, reduced to what the console
// needs) and the context one runs in.

import type { Now } from "../printers/age.ts";
import type { KubectlEnv, Output } from "../env.ts";
import type { FlagSpec, ParsedFlags } from "../flags.ts";

export interface CommandContext {
  readonly env: KubectlEnv;
  readonly now: Now;
  /** -n/--namespace, or the context's namespace. */
  readonly namespace: string;
  /** Whether -n was given (cobra's EnforceNamespace). */
  readonly namespaceExplicit: boolean;
  readonly stdin: string | undefined;
  /** "kubectl get": the command path used in usage and flag errors. */
  readonly path: string;
  readonly flags: ParsedFlags;
  readonly args: readonly string[];
  readonly out: Output;
}

export interface Command {
  readonly name: string;
  readonly aliases?: readonly string[];
  /** cobra's Use line: "drain NODE". */
  readonly use: string;
  readonly short: string;
  readonly flags: readonly FlagSpec[];
  /** Flags cobra checks before running (MarkFlagRequired). */
  readonly required?: readonly string[];
  readonly subcommands?: readonly Command[];
  /** A real kubectl command the console does not run. */
  readonly unsupported?: boolean;
  run(ctx: CommandContext): void;
}

export const bool = (name: string, short?: string): FlagSpec => ({ name, short, type: "bool" });
export const str = (name: string, short?: string): FlagSpec => ({ name, short, type: "string" });
export const int = (name: string, short?: string): FlagSpec => ({ name, short, type: "int" });

/** --dry-run takes "none", "client" or "server"; bare --dry-run means client. */
export const DRY_RUN: FlagSpec = { name: "dry-run", type: "string", noOptDefVal: "unchanged" };
export const SELECTOR: FlagSpec = str("selector", "l");
export const FIELD_SELECTOR: FlagSpec = str("field-selector");
export const ALL_NAMESPACES: FlagSpec = bool("all-namespaces", "A");
export const OUTPUT: FlagSpec = str("output", "o");
export const FILENAME: FlagSpec = { name: "filename", short: "f", type: "stringSlice" };
