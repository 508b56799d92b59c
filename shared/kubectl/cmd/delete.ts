// kubectl delete (pkg/cmd/delete): graceful deletes with kubectl's defaults
// (propagation Background, --grace-period=0 without --force becomes 1), the
// v1.34 line `pod "x" deleted from default namespace` with its dry-run
// suffixes, --force's warning, and --wait (the default): once every delete is
// accepted kubectl waits, printing nothing more, until the objects are gone.

import type { DeleteOptions } from "../../sim/api/core-v1.ts";
import type { ResourceName } from "../../sim/api/resources.ts";
import { plainError, reportErrors, statusError, type KubectlError } from "../errors.ts";
import { flagBool, flagInt, flagList, flagString, type ParsedFlags } from "../flags.ts";
import { kindString } from "../printers/name.ts";
import { isNamespaced } from "../resources.ts";
import { withSource } from "./apply.ts";
import { runBuilder, type BuilderResult } from "./builder.ts";
import { parseManifests, readSources } from "./manifests.ts";
import { ALL_NAMESPACES, DRY_RUN, FIELD_SELECTOR, FILENAME, OUTPUT, SELECTOR, bool, int, str, type CommandContext } from "./command.ts";
import { dryRunStrategy, writeOptions, type DryRun } from "./dry-run.ts";
import { klogFor } from "./klog.ts";
import { optionsCommand, type Completed } from "./options.ts";
import { NOT_AVAILABLE } from "./unsupported.ts";
import { timedOutOn } from "./wait.ts";
import { WAIT_FOREVER_MS, waitUntilGone, type DeletedTarget } from "./wait-deleted.ts";

export const FORCE_DELETE_WARNING =
  "Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n";
export const CLUSTER_SCOPE_WARNING = "Warning: deleting cluster-scoped resources, not scoped to the provided namespace\n";

const POLICIES: Record<string, DeleteOptions["propagationPolicy"]> = { background: "Background", foreground: "Foreground", orphan: "Orphan", true: "Background", false: "Orphan" };

/** DeleteFlags.ToOptions' parseCascadingFlag: the one delete flag that can fail before anything is deleted. */
export function cascadeError(cascade: string): KubectlError | undefined {
  return POLICIES[cascade] ? undefined : plainError(`invalid cascade value (${cascade}). Must be "background", "foreground", or "orphan"`);
}

interface DeleteCmdOptions {
  readonly filenames: readonly string[];
  readonly labelSelector: string;
  readonly fieldSelector: string;
  readonly deleteAll: boolean;
  readonly allNamespaces: boolean;
  readonly ignoreNotFound: boolean;
  readonly force: boolean;
  readonly gracePeriod: number;
  readonly cascade: string;
  readonly waitForDeletion: boolean;
  /** --timeout in ms; 0 waits for a week. */
  readonly timeoutMs: number;
  readonly output: string;
  readonly dryRun: DryRun;
  /** Warn once before deleting a cluster-scoped object when -n was given (o.WarnClusterScope). */
  readonly warnClusterScope: boolean;
}

/** The bool flag with its default (cmd.Flags().BoolVar(&o.X, "x", true, ...)). */
function boolDefault(f: ParsedFlags, name: string, def: boolean): boolean {
  const v = f.values.get(name);
  return typeof v === "boolean" ? v : def;
}

function complete(ctx: CommandContext): Completed<DeleteCmdOptions> {
  const f = ctx.flags;
  // GetCascadingStrategy runs in ToOptions, before Complete.
  const cascade = flagString(f, "cascade", "background");
  const badCascade = cascadeError(cascade);
  if (badCascade) return { error: badCascade };
  // Flags the console has nothing behind: refused before anything is deleted.
  for (const name of ["kustomize", "raw", "interactive"]) if (f.changed.has(name)) return { error: plainError(NOT_AVAILABLE(`${ctx.path} --${name}`)) };
  // --recursive and --chunk-size only shape how a real client reads directories and pages lists.
  void flagBool(f, "recursive");
  void flagInt(f, "chunk-size", 500);
  const deleteAll = flagBool(f, "all");
  const labelSelector = flagString(f, "selector");
  const fieldSelector = flagString(f, "field-selector");
  const allNamespaces = flagBool(f, "all-namespaces");
  let ignoreNotFound = flagBool(f, "ignore-not-found");
  if ((deleteAll || labelSelector !== "" || fieldSelector !== "") && !f.changed.has("ignore-not-found")) ignoreNotFound = true;
  let gracePeriod = flagInt(f, "grace-period", -1);
  const force = flagBool(f, "force");
  if (flagBool(f, "now")) {
    if (gracePeriod !== -1) return { error: plainError("--now and --grace-period cannot be specified together") };
    gracePeriod = 1;
  }
  if (gracePeriod === 0 && !force) gracePeriod = 1;
  if (force && gracePeriod < 0) gracePeriod = 0;
  const dryRun = dryRunStrategy(f, klogFor(ctx));
  if (typeof dryRun !== "string") return { error: dryRun };
  const t = f.values.get("timeout");
  return {
    options: {
      filenames: flagList(f, "filename"),
      labelSelector,
      fieldSelector,
      deleteAll,
      allNamespaces,
      ignoreNotFound,
      force,
      gracePeriod,
      cascade,
      waitForDeletion: boolDefault(f, "wait", true),
      timeoutMs: typeof t === "number" && t > 0 ? t : WAIT_FOREVER_MS,
      output: flagString(f, "output"),
      dryRun,
      warnClusterScope: ctx.namespaceExplicit && !allNamespaces,
    },
  };
}

function validate(o: DeleteCmdOptions, ctx: CommandContext): KubectlError | undefined {
  if (o.output !== "" && o.output !== "name") return plainError(`unexpected -o output mode: ${o.output}. We only support '-o name'`);
  if (o.deleteAll && o.labelSelector !== "") return plainError("cannot set --all and --selector at the same time");
  if (o.deleteAll && o.fieldSelector !== "") return plainError("cannot set --all and --field-selector at the same time");
  if (o.gracePeriod === 0 && o.force) ctx.out.err(FORCE_DELETE_WARNING);
  else if (o.gracePeriod > 0 && o.force) return plainError("--force and --grace-period greater than 0 cannot be specified together");
  return undefined;
}

/** DeleteOptions.PrintObj: the name printer's line, without an object to print. */
function printDeleted(o: DeleteCmdOptions, ctx: CommandContext, apiVersion: string | undefined, kind: string | undefined, name: string, namespace: string | undefined): void {
  const k = kindString(apiVersion, kind);
  if (o.output === "name") return ctx.out.out(`${k}/${name}\n`);
  let operation = o.gracePeriod === 0 ? "force deleted" : "deleted";
  if (namespace) operation += ` from ${namespace} namespace`;
  if (o.dryRun === "client") operation += " (dry run)";
  if (o.dryRun === "server") operation += " (server dry run)";
  ctx.out.out(`${k} "${name}" ${operation}\n`);
}

/** The objects to delete: from -f (as the manifests name them, RequireObject(false)) or the builder's lookups. */
function targets(o: DeleteCmdOptions, ctx: CommandContext): (BuilderResult & { fromFile?: boolean }) | KubectlError {
  if (o.filenames.length === 0) {
    return runBuilder(ctx, ctx.args, {
      allowEmptySelector: false,
      allNamespaces: o.allNamespaces,
      labelSelector: o.labelSelector,
      fieldSelector: o.fieldSelector,
      selectAll: o.deleteAll,
    });
  }
  const src = readSources(ctx);
  if ("fatal" in src) return src.fatal;
  const parsed = parseManifests(ctx, src.text);
  if ("fatal" in parsed) return parsed.fatal;
  const infos = parsed.manifests.map((m) => ({ resource: m.resource, namespace: m.object.metadata.namespace, objects: [m.object], isList: false }));
  return { infos, errors: parsed.errors, singleItemImplied: false, fromFile: true };
}

function run(o: DeleteCmdOptions, ctx: CommandContext): void {
  const result = targets(o, ctx);
  if ("kind" in result) return reportErrors(ctx.out, [result]);
  if (result.fatal) return reportErrors(ctx.out, [result.fatal]);
  const errors: KubectlError[] = [...result.errors];
  const deleted: DeletedTarget[] = [];
  let warnClusterScope = o.warnClusterScope;
  let found = 0;
  for (const info of result.infos) {
    for (const obj of info.objects) {
      found++;
      const ns = obj.metadata.namespace;
      const name = obj.metadata.name!;
      if (warnClusterScope && !isNamespaced(info.resource)) {
        ctx.out.err(CLUSTER_SCOPE_WARNING);
        warnClusterScope = false;
      }
      if (o.dryRun !== "client") {
        const options: DeleteOptions = { propagationPolicy: POLICIES[o.cascade] };
        if (o.gracePeriod >= 0) options.gracePeriodSeconds = o.gracePeriod;
        const res = ctx.env.client.delete(info.resource, ns, name, options, writeOptions(o.dryRun));
        if (!res.ok) {
          // cmdutil.AddSourceToErr("deleting", info.Source, err): objects from -f name their source.
          errors.push(result.fromFile ? withSource("deleting", statusError(res.status)) : statusError(res.status));
          continue;
        }
        deleted.push({ resource: info.resource as ResourceName, namespace: ns, name, uid: res.object.metadata.uid });
      }
      printDeleted(o, ctx, obj.apiVersion, obj.kind, name, ns);
    }
  }
  // r.Visit returns the aggregate of the visit's errors (NotFound dropped under --ignore-not-found): kubectl stops there, without waiting.
  const reported = o.ignoreNotFound ? errors.filter((e) => !(e.kind === "status" && e.status.reason === "NotFound")) : errors;
  if (reported.length > 0) return reportErrors(ctx.out, reported);
  if (found === 0) return ctx.out.out("No resources found\n");
  if (!o.waitForDeletion || o.dryRun !== "none") return;
  // The room cannot block: there kubectl's output ends with the lines above, as it would once all are gone.
  const pending = waitUntilGone(ctx, deleted, o.timeoutMs);
  if (pending.length > 0 && ctx.env.wait) reportErrors(ctx.out, [plainError(timedOutOn(pending[0]!.resource, pending[0]!.name))]);
}

export const deleteCommand = optionsCommand<DeleteCmdOptions>({
  name: "delete",
  use: "delete ([-f FILENAME] | [-k DIRECTORY] | TYPE [(NAME | -l label | --all)])",
  short: "Delete resources by file names, stdin, resources and names, or by resources and label selector",
  flags: [
    FILENAME,
    str("kustomize", "k"),
    bool("recursive", "R"),
    SELECTOR,
    FIELD_SELECTOR,
    bool("all"),
    ALL_NAMESPACES,
    bool("force"),
    { name: "cascade", type: "string", noOptDefVal: "background" },
    bool("now"),
    int("grace-period"),
    { name: "timeout", type: "duration" },
    bool("ignore-not-found"),
    bool("wait"),
    OUTPUT,
    str("raw"),
    bool("interactive", "i"),
    DRY_RUN,
    int("chunk-size"),
  ],
  complete,
  validate,
  run,
});
