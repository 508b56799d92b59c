// kubectl label: key=value to add, key- to remove, --overwrite to replace;
// sent as a JSON merge patch of the labels, "pod/x labeled" (or "not labeled"
// when nothing changed, "unlabeled" when only removals shrank the object).

import { isValidLabelValue } from "../../sim/apiserver/validation/names.ts";
import type { KubeObject } from "../../sim/api/meta.ts";
import { plainError, reportErrors, statusError, type KubectlError } from "../errors.ts";
import { flagBool, flagString } from "../flags.ts";
import { marshalCompact } from "../printers/json.ts";
import { nameLine } from "../printers/name.ts";
import { runBuilder } from "./builder.ts";
import { ALL_NAMESPACES, DRY_RUN, FIELD_SELECTOR, FILENAME, OUTPUT, SELECTOR, bool, str, type Command, type CommandContext } from "./command.ts";
import { dryRunStrategy, dryRunSuffix, writeOptions } from "./dry-run.ts";
import { resourcesAndPairs } from "./pairs.ts";

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

export const labelCommand: Command = {
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
  run: runLabel,
};

function runLabel(ctx: CommandContext): void {
  const f = ctx.flags;
  const split = resourcesAndPairs(ctx.args, "label");
  if ("kind" in split) return reportErrors(ctx.out, [split]);
  const parsed = parseLabels(split.pairs);
  if ("kind" in parsed) return reportErrors(ctx.out, [parsed]);
  const list = flagBool(f, "list");
  const dry = dryRunStrategy(f);
  if (typeof dry !== "string") return reportErrors(ctx.out, [dry]);
  if (split.resources.length < 1) return reportErrors(ctx.out, [plainError("one or more resources must be specified as <resource> <name> or <resource>/<name>")]);
  if (!list && parsed.add.size === 0 && parsed.remove.length === 0) return reportErrors(ctx.out, [plainError("at least one label update is required")]);
  const overwrite = flagBool(f, "overwrite");
  const result = runBuilder(ctx, split.resources, {
    allowEmptySelector: false,
    allNamespaces: flagBool(f, "all-namespaces"),
    labelSelector: flagString(f, "selector"),
    fieldSelector: flagString(f, "field-selector"),
    selectAll: flagBool(f, "all"),
  });
  if (result.fatal) return reportErrors(ctx.out, [result.fatal]);
  const errors: KubectlError[] = [...result.errors];
  const short = flagString(f, "output") === "name";
  for (const info of result.infos) {
    for (const obj of info.objects) {
      const current = obj.metadata.labels ?? {};
      if (list) {
        for (const [k, v] of Object.entries(current)) ctx.out.out(`${k}=${v}\n`);
        continue;
      }
      if (!overwrite) {
        const clashes = [...parsed.add].filter(([k, v]) => Object.hasOwn(current, k) && current[k] !== v);
        if (clashes.length > 0) {
          for (const [k] of clashes) errors.push(plainError(labelClashMessage(k, current[k]!)));
          continue;
        }
      }
      if (dry !== "client") {
        for (const r of parsed.remove) if (!Object.hasOwn(current, r)) ctx.out.out(`label ${JSON.stringify(r)} not found.\n`);
      }
      const next: Record<string, string> = { ...current };
      for (const [k, v] of parsed.add) next[k] = v;
      for (const r of parsed.remove) delete next[r];
      const before = marshalCompact(obj);
      const after = marshalCompact({ ...obj, metadata: { ...obj.metadata, labels: next } } as KubeObject);
      let msg = "not labeled";
      if (before !== after) msg = !overwrite && after.length < before.length ? "unlabeled" : "labeled";
      if (dry !== "client") {
        const patch: Record<string, string | null> = {};
        for (const [k, v] of parsed.add) if (current[k] !== v) patch[k] = v;
        for (const r of parsed.remove) if (Object.hasOwn(current, r)) patch[r] = null;
        const res = ctx.env.client.patch(info.resource, obj.metadata.namespace, obj.metadata.name!, Object.keys(patch).length > 0 ? { metadata: { labels: patch } } : {}, writeOptions(dry));
        if (!res.ok) {
          errors.push(statusError(res.status));
          continue;
        }
      }
      ctx.out.out(nameLine(obj, short ? "" : `${msg}${dryRunSuffix(dry)}`));
    }
  }
  reportErrors(ctx.out, errors);
}
