// kubectl replace -f -: each object in the manifests PUT over the live one
// (resource.Helper.Replace with overwrite: without a resourceVersion of its
// own the object takes the live one's, so only a stale explicit one conflicts).
// "replaced"; an object that does not exist is NotFound, not created.

import type { KubeObject } from "../../sim/api/meta.ts";
import { clone } from "../../sim/kernel/equal.ts";
import { plainError, reportErrors, statusError, usageError, type KubectlError } from "../errors.ts";
import { flagBool, flagInt, flagList, flagString } from "../flags.ts";
import { nameLine } from "../printers/name.ts";
import { withSource } from "./apply.ts";
import { DRY_RUN, FILENAME, OUTPUT, bool, int, str, type Command, type CommandContext } from "./command.ts";
import { dryRunStrategy, dryRunSuffix, writeOptions } from "./dry-run.ts";
import { VALIDATE, validationDirective } from "./validate.ts";
import { klogFor } from "./klog.ts";
import { parseManifests, readSources } from "./manifests.ts";
import { completeOutput } from "./print-flags.ts";
import { NOT_AVAILABLE } from "./unsupported.ts";

const SUPPORTED_SUBRESOURCES = ["status", "scale"];

export const replaceCommand: Command = {
  name: "replace",
  use: "replace -f FILENAME",
  short: "Replace a resource by file name or stdin",
  flags: [
    FILENAME,
    str("kustomize", "k"),
    bool("recursive", "R"),
    DRY_RUN,
    bool("force"),
    { name: "cascade", type: "string", noOptDefVal: "background" },
    int("grace-period"),
    { name: "timeout", type: "duration" },
    bool("wait"),
    str("raw"),
    str("subresource"),
    VALIDATE,
    str("field-manager"),
    bool("save-config"),
    OUTPUT,
    str("template"),
    bool("show-managed-fields"),
    bool("allow-missing-template-keys"),
    bool("record"),
  ],
  run: runReplace,
};

function runReplace(ctx: CommandContext): void {
  const f = ctx.flags;
  const dry = dryRunStrategy(f, klogFor(ctx));
  if (typeof dry !== "string") return reportErrors(ctx.out, [dry]);
  const validation = validationDirective(f);
  if (typeof validation !== "string") return reportErrors(ctx.out, [validation]);
  if (flagList(f, "filename").length === 0) return reportErrors(ctx.out, [usageError(ctx.path, "Must specify --filename to replace")]);
  const subresource = flagString(f, "subresource");
  if (subresource !== "" && !SUPPORTED_SUBRESOURCES.includes(subresource)) {
    return reportErrors(ctx.out, [plainError(`invalid subresource value: ${JSON.stringify(subresource)}. Must be one of [${SUPPORTED_SUBRESOURCES.join(" ")}]`)]);
  }
  const printer = completeOutput(f);
  if ("error" in printer) return reportErrors(ctx.out, [printer.error]);
  // ReplaceOptions.Validate: the delete options only shape --force's delete (refused below).
  const force = flagBool(f, "force");
  if (flagInt(f, "grace-period", -1) >= 0 && !force) return reportErrors(ctx.out, [plainError("--grace-period must have --force specified")]);
  const timeout = f.values.get("timeout");
  if (typeof timeout === "number" && timeout !== 0 && !force) return reportErrors(ctx.out, [plainError("--timeout must have --force specified")]);
  if (force && dry !== "none") return reportErrors(ctx.out, [plainError("--dry-run can not be used when --force is set")]);
  for (const name of ["cascade", "wait"]) void f.values.get(name);
  for (const flag of ["force", "raw", "save-config"]) {
    if (f.changed.has(flag)) return reportErrors(ctx.out, [plainError(NOT_AVAILABLE(`${ctx.path} --${flag}`))]);
  }
  if (subresource === "scale") return reportErrors(ctx.out, [plainError(NOT_AVAILABLE(`${ctx.path} --subresource=scale`))]);
  const src = readSources(ctx);
  if ("fatal" in src) return reportErrors(ctx.out, [src.fatal]);
  const parsed = parseManifests(ctx, src.text);
  if ("fatal" in parsed) return reportErrors(ctx.out, [parsed.fatal]);
  const errors: KubectlError[] = [...parsed.errors];
  const short = printer.output === "name";
  for (const { resource, object } of parsed.manifests) {
    if (dry === "client") {
      ctx.out.out(nameLine(object, short ? "" : `replaced${dryRunSuffix(dry)}`));
      continue;
    }
    const body = clone(object) as KubeObject;
    const name = body.metadata.name ?? "";
    if (!body.metadata.resourceVersion && name !== "") {
      const live = ctx.env.client.get(resource, body.metadata.namespace, name);
      if (live.ok) body.metadata.resourceVersion = live.object.metadata.resourceVersion;
    }
    const opts = { ...writeOptions(dry), fieldValidation: validation };
    const res = subresource === "status" ? ctx.env.client.updateStatus(resource, body as never, opts) : ctx.env.client.update(resource, body as never, opts);
    if (!res.ok) {
      errors.push(withSource("replacing", statusError(res.status)));
      continue;
    }
    ctx.out.out(nameLine(res.object, short ? "" : `replaced${dryRunSuffix(dry)}`));
  }
  reportErrors(ctx.out, errors);
}
