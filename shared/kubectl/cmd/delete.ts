// kubectl delete: graceful deletes with kubectl's defaults (propagation
// Background, --grace-period=0 without --force becomes 1), the v1.34 success
// line `pod "x" deleted from default namespace`, --force's warning, and
// waiting for the objects to be gone (delete-wait.ts).

import type { DeleteOptions } from "../../sim/api/core-v1.ts";
import { plainError, reportErrors, statusError, type KubectlError } from "../errors.ts";
import { flagBool, flagInt, flagString } from "../flags.ts";
import { kindString } from "../printers/name.ts";
import { runBuilder } from "./builder.ts";
import { ALL_NAMESPACES, DRY_RUN, FIELD_SELECTOR, FILENAME, OUTPUT, SELECTOR, bool, int, str, type Command, type CommandContext } from "./command.ts";
import { waitForDeletion, type DeletedObject } from "./delete-wait.ts";
import { dryRunStrategy } from "./dry-run.ts";

export const FORCE_DELETE_WARNING =
  "Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n";

const POLICIES: Record<string, DeleteOptions["propagationPolicy"]> = { background: "Background", foreground: "Foreground", orphan: "Orphan", true: "Background", false: "Orphan" };

export const deleteCommand: Command = {
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
  run: runDelete,
};

function runDelete(ctx: CommandContext): void {
  const f = ctx.flags;
  const all = flagBool(f, "all");
  const selector = flagString(f, "selector");
  const fieldSelector = flagString(f, "field-selector");
  let ignoreNotFound = flagBool(f, "ignore-not-found");
  if ((all || selector !== "" || fieldSelector !== "") && !f.changed.has("ignore-not-found")) ignoreNotFound = true;
  let grace = flagInt(f, "grace-period", -1);
  const force = flagBool(f, "force");
  if (flagBool(f, "now")) {
    if (grace !== -1) return reportErrors(ctx.out, [plainError("--now and --grace-period cannot be specified together")]);
    grace = 1;
  }
  if (grace === 0 && !force) grace = 1;
  if (force && grace < 0) grace = 0;
  const cascade = flagString(f, "cascade", "background");
  const policy = POLICIES[cascade];
  if (!policy) return reportErrors(ctx.out, [plainError(`invalid cascade value (${cascade}). Must be "background", "foreground", or "orphan"`)]);
  const dry = dryRunStrategy(f);
  if (typeof dry !== "string") return reportErrors(ctx.out, [dry]);
  const output = flagString(f, "output");
  if (output !== "" && output !== "name") return reportErrors(ctx.out, [plainError(`unexpected -o output mode: ${output}. We only support '-o name'`)]);
  if (all && selector !== "") return reportErrors(ctx.out, [plainError("cannot set --all and --selector at the same time")]);
  if (all && fieldSelector !== "") return reportErrors(ctx.out, [plainError("cannot set --all and --field-selector at the same time")]);
  if (grace === 0 && force) ctx.out.err(FORCE_DELETE_WARNING);
  else if (grace > 0 && force) return reportErrors(ctx.out, [plainError("--force and --grace-period greater than 0 cannot be specified together")]);

  const result = runBuilder(ctx, ctx.args, {
    allowEmptySelector: false,
    allNamespaces: flagBool(f, "all-namespaces"),
    labelSelector: selector,
    fieldSelector,
    selectAll: all,
  });
  if (result.fatal) return reportErrors(ctx.out, [result.fatal]);
  let errors: KubectlError[] = [...result.errors];
  if (ignoreNotFound) errors = errors.filter((e) => !(e.kind === "status" && e.status.reason === "NotFound"));
  let found = 0;
  const deleted: DeletedObject[] = [];
  for (const info of result.infos) {
    for (const obj of info.objects) {
      found++;
      const ns = obj.metadata.namespace;
      const name = obj.metadata.name!;
      if (dry === "none") {
        const options: DeleteOptions = { propagationPolicy: policy };
        if (grace >= 0) options.gracePeriodSeconds = grace;
        const res = ctx.env.client.delete(info.resource, ns, name, options);
        if (!res.ok) {
          errors.push(statusError(res.status));
          continue;
        }
        deleted.push({ resource: info.resource, namespace: ns, name, uid: obj.metadata.uid });
      }
      const kind = kindString(obj.apiVersion, obj.kind);
      if (output === "name") {
        ctx.out.out(`${kind}/${name}\n`);
        continue;
      }
      let operation = grace === 0 ? "force deleted" : "deleted";
      if (ns) operation += ` from ${ns} namespace`;
      if (dry === "client") operation += " (dry run)";
      if (dry === "server") operation += " (server dry run)";
      ctx.out.out(`${kind} "${name}" ${operation}\n`);
    }
  }
  if (found === 0 && errors.length === 0) ctx.out.out("No resources found\n");
  if (!f.changed.has("wait") || flagBool(f, "wait")) {
    const t = f.values.get("timeout");
    const timedOut = waitForDeletion(ctx, deleted, typeof t === "number" ? t : 0);
    if (timedOut) errors.push(timedOut);
  }
  reportErrors(ctx.out, errors);
}
