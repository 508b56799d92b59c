// What kubectl label and annotate share: the options both build in Complete
// (their KEY=VALUE and KEY- arguments, --overwrite, --list and the object
// selection) and --list's output.

import type { KubeObject } from "../../sim/api/meta.ts";
import { flagBool, flagList, flagString, type ParsedFlags } from "../flags.ts";
import type { CommandContext } from "./command.ts";
import type { DryRun } from "./dry-run.ts";

export interface MetadataEditOptions {
  readonly resources: readonly string[];
  readonly add: ReadonlyMap<string, string>;
  readonly remove: readonly string[];
  readonly overwrite: boolean;
  readonly list: boolean;
  readonly local: boolean;
  readonly filenames: readonly string[];
  readonly all: boolean;
  readonly allNamespaces: boolean;
  readonly selector: string;
  readonly fieldSelector: string;
  /** Sent in the patch, so a stale one conflicts; one object only. */
  readonly resourceVersion: string;
  readonly output: string;
  readonly dryRun: DryRun;
}

/** The options both commands read the same way from their flags, once their own parts are known. */
export function metadataEditOptions(
  f: ParsedFlags,
  own: { readonly resources: readonly string[]; readonly add: ReadonlyMap<string, string>; readonly remove: readonly string[]; readonly list: boolean; readonly output: string; readonly dryRun: DryRun },
): MetadataEditOptions {
  return {
    ...own,
    overwrite: flagBool(f, "overwrite"),
    local: flagBool(f, "local"),
    filenames: flagList(f, "filename"),
    all: flagBool(f, "all"),
    allNamespaces: flagBool(f, "all-namespaces"),
    selector: flagString(f, "selector"),
    fieldSelector: flagString(f, "field-selector"),
    resourceVersion: flagString(f, "resource-version"),
  };
}

/**
 * --list: "k=v" lines, under a "Listing labels for Kind.group/name:" (or
 * annotations) header unless one object was named; `entries` in print order.
 */
export function printMetadataList(ctx: CommandContext, obj: KubeObject, single: boolean, what: "labels" | "annotations", entries: readonly (readonly [string, string])[]): void {
  let indent = "";
  if (!single) {
    indent = " ";
    const slash = (obj.apiVersion ?? "").indexOf("/");
    const group = slash < 0 ? "" : obj.apiVersion!.slice(0, slash);
    ctx.out.out(`Listing ${what} for ${obj.kind}.${group}/${obj.metadata.name}:\n`);
  }
  for (const [k, v] of entries) ctx.out.out(`${indent}${k}=${v}\n`);
}
