// kubectl scale (pkg/cmd/scale, pkg/scale): sets spec.replicas through the
// scale subresource of deployments and replicasets — a merge patch of the
// Scale, or, with --current-replicas / --resource-version, a GET of the Scale,
// the preconditions checked, and a PUT. Prints "deployment.apps/web scaled"
// with the dry-run suffix; a client dry run sends nothing.

import type { KubeObject } from "../../sim/api/meta.ts";
import type { ResourceName } from "../../sim/api/resources.ts";
import { clone } from "../../sim/kernel/equal.ts";
import { plainError, reportErrors, statusError, type KubectlError } from "../errors.ts";
import { flagBool, flagInt, flagList, flagString } from "../flags.ts";
import { nameLine } from "../printers/name.ts";
import { infoOf } from "../resources.ts";
import { runBuilder } from "./builder.ts";
import { DRY_RUN, FILENAME, OUTPUT, SELECTOR, bool, int, str, type CommandContext } from "./command.ts";
import { dryRunStrategy, dryRunSuffix, writeOptions, type DryRun } from "./dry-run.ts";
import { klogFor } from "./klog.ts";
import { optionsCommand, type Completed } from "./options.ts";
import { PRINT_FLAGS_FORMATS } from "./print-created.ts";
import { checkOutput, printObject } from "./output.ts";
import { NOT_AVAILABLE } from "./unsupported.ts";
import { SCALABLE_RESOURCES } from "../../sim/apiserver/scale.ts";

/** The retry interval of kubectl's scale waits (NewRetryParams(1*time.Second, ...)). */
const POLL_MS = 1000;

export const REPLICAS_REQUIRED = "The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0";

interface ScaleOptions {
  readonly replicas: number;
  /** -1: no precondition on the current size. */
  readonly currentReplicas: number;
  readonly resourceVersion: string;
  readonly selector: string;
  readonly all: boolean;
  readonly output: string;
  readonly dryRun: DryRun;
  /** --timeout: wait for status.replicas to reach the new size (0: don't wait). */
  readonly timeoutMs: number;
}

function complete(ctx: CommandContext): Completed<ScaleOptions> {
  const f = ctx.flags;
  // --record is deprecated and has no effect without --record=true; the console keeps no change-cause.
  if (flagBool(f, "record")) return { error: plainError(NOT_AVAILABLE(`${ctx.path} --record`)) };
  if (flagList(f, "filename").length > 0 || f.changed.has("kustomize")) return { error: plainError(NOT_AVAILABLE(`${ctx.path} -f/-k`)) };
  void flagBool(f, "recursive"); // only shapes how -f reads directories
  const dryRun = dryRunStrategy(f, klogFor(ctx));
  if (typeof dryRun !== "string") return { error: dryRun };
  const output = flagString(f, "output");
  const bad = checkOutput(output, PRINT_FLAGS_FORMATS);
  if (bad) return { error: bad };
  // The template flags only matter to the template printers, which -o selects.
  for (const name of ["template", "allow-missing-template-keys", "show-managed-fields"]) void f.values.get(name);
  const t = f.values.get("timeout");
  return {
    options: {
      replicas: flagInt(f, "replicas", -1),
      currentReplicas: flagInt(f, "current-replicas", -1),
      resourceVersion: flagString(f, "resource-version"),
      selector: flagString(f, "selector"),
      all: flagBool(f, "all"),
      output,
      dryRun,
      timeoutMs: typeof t === "number" ? t : 0,
    },
  };
}

function validate(o: ScaleOptions): KubectlError | undefined {
  if (o.replicas < 0) return plainError(REPLICAS_REQUIRED);
  if (o.currentReplicas < -1) return plainError("The --current-replicas must specify an integer of -1 or greater");
  return undefined;
}

/** ScalePrecondition.validate: "Expected replicas to be 3, was 1". */
function preconditionError(o: ScaleOptions, replicas: number, resourceVersion: string | undefined): KubectlError | undefined {
  if (o.currentReplicas !== -1 && replicas !== o.currentReplicas) return plainError(`Expected replicas to be ${o.currentReplicas}, was ${replicas}`);
  if (o.resourceVersion !== "" && resourceVersion !== o.resourceVersion) return plainError(`Expected resource version to be ${o.resourceVersion}, was ${resourceVersion ?? ""}`);
  return undefined;
}

/** genericScaler.ScaleSimple: PUT after a precondition check, a merge patch otherwise. */
function scaleSimple(o: ScaleOptions, ctx: CommandContext, resource: ResourceName, ns: string | undefined, name: string): KubectlError | undefined {
  const client = ctx.env.client;
  const opts = writeOptions(o.dryRun);
  if (o.currentReplicas !== -1 || o.resourceVersion !== "") {
    const got = client.getScale(resource, ns, name);
    if (!got.ok) return statusError(got.status);
    const bad = preconditionError(o, got.object.spec.replicas ?? 0, got.object.metadata.resourceVersion);
    if (bad) return bad;
    const res = client.updateScale(resource, ns, { ...got.object, spec: { replicas: o.replicas } }, opts);
    return res.ok ? undefined : statusError(res.status);
  }
  const res = client.patchScale(resource, ns, name, { spec: { replicas: o.replicas } }, opts);
  return res.ok ? undefined : statusError(res.status);
}

/**
 * WaitForScaleHasDesiredReplicas (--timeout, not under dry run): polls the Scale
 * every second until status.replicas reaches the new size, or something else
 * changed spec.replicas. The room cannot block, so there it looks once.
 */
function waitForReplicas(o: ScaleOptions, ctx: CommandContext, resource: ResourceName, ns: string | undefined, name: string): KubectlError | undefined {
  let waited = 0;
  for (;;) {
    const got = ctx.env.client.getScale(resource, ns, name);
    if (!got.ok) return statusError(got.status);
    const { spec, status } = got.object;
    if (spec.replicas !== o.replicas || status?.replicas === o.replicas) return undefined;
    if (!ctx.env.wait) return undefined;
    if (waited >= o.timeoutMs) return plainError(`timed out waiting for ${JSON.stringify(name)} to be synced`);
    const step = Math.min(POLL_MS, o.timeoutMs - waited);
    ctx.env.wait(step);
    waited += step;
  }
}

function print(o: ScaleOptions, ctx: CommandContext, obj: KubeObject): void {
  if (o.output === "yaml" || o.output === "json") return ctx.out.out(printObject(o.output, obj));
  ctx.out.out(nameLine(obj, o.output === "name" ? "" : `scaled${dryRunSuffix(o.dryRun)}`));
}

function run(o: ScaleOptions, ctx: CommandContext): void {
  const result = runBuilder(ctx, ctx.args, { allowEmptySelector: false, labelSelector: o.selector, selectAll: o.all });
  if (result.fatal) return reportErrors(ctx.out, [result.fatal]);
  const objects = result.infos.flatMap((i) => i.objects.map((obj) => ({ resource: i.resource, obj })));
  const infoErrors: KubectlError[] = [...result.errors];
  if (o.resourceVersion !== "" && objects.length > 1) return reportErrors(ctx.out, [plainError("cannot use --resource-version with multiple resources")]);
  if (objects.length === 0) {
    // v1.34's visitor drops lookup errors, so a missing object reads only this; kubectl
    // 1.35 (kubernetes/kubectl 848d63d) returns the NotFound itself.
    return reportErrors(ctx.out, [plainError("no objects passed to scale")]);
  }
  for (const { resource, obj } of objects) {
    if (!SCALABLE_RESOURCES.includes(resource)) {
      const info = infoOf(resource);
      return reportErrors(ctx.out, [plainError(`could not find scale subresource for ${info.group}/${info.version}, Resource=${info.resource} in discovery information`)]);
    }
    // updateReplicas: what is printed is the looked-up object with the new size.
    const shown = clone(obj) as KubeObject & { spec?: { replicas?: number } };
    if (shown.spec) shown.spec.replicas = o.replicas;
    if (o.dryRun !== "client") {
      let err = scaleSimple(o, ctx, resource, obj.metadata.namespace, obj.metadata.name!);
      if (!err && o.timeoutMs > 0 && o.dryRun === "none") err = waitForReplicas(o, ctx, resource, obj.metadata.namespace, obj.metadata.name!);
      if (err) return reportErrors(ctx.out, [err]);
    }
    print(o, ctx, shown);
  }
  reportErrors(ctx.out, infoErrors);
}

export const scaleCommand = optionsCommand<ScaleOptions>({
  name: "scale",
  use: "scale [--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME)",
  short: "Set a new size for a deployment, replica set, or replication controller",
  flags: [
    bool("all"),
    str("resource-version"),
    int("current-replicas"),
    int("replicas"),
    { name: "timeout", type: "duration" },
    SELECTOR,
    FILENAME,
    bool("recursive", "R"),
    str("kustomize", "k"),
    OUTPUT,
    DRY_RUN,
    bool("record"),
    bool("allow-missing-template-keys"),
    bool("show-managed-fields"),
    str("template"),
  ],
  required: ["replicas"],
  complete,
  validate,
  run,
});
