// kubectl scale: a merge patch of spec.replicas through the scale subresource
// of deployments and replicasets, "deployment.apps/web scaled".

import { plainError, reportErrors, statusError, type KubectlError } from "../errors.ts";
import { flagBool, flagInt, flagString } from "../flags.ts";
import { nameLine } from "../printers/name.ts";
import { infoOf } from "../resources.ts";
import { runBuilder } from "./builder.ts";
import { DRY_RUN, FILENAME, OUTPUT, SELECTOR, bool, int, str, type Command, type CommandContext } from "./command.ts";

export const REPLICAS_REQUIRED = "The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0";
const SCALABLE = new Set(["deployments", "replicasets"]);

export const scaleCommand: Command = {
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
  run(ctx: CommandContext): void {
    const f = ctx.flags;
    const replicas = flagInt(f, "replicas", -1);
    const current = flagInt(f, "current-replicas", -1);
    if (replicas < 0) return reportErrors(ctx.out, [plainError(REPLICAS_REQUIRED)]);
    if (current < -1) return reportErrors(ctx.out, [plainError("The --current-replicas must specify an integer of -1 or greater")]);
    const result = runBuilder(ctx, ctx.args, { allowEmptySelector: false, labelSelector: flagString(f, "selector"), selectAll: flagBool(f, "all") });
    if (result.fatal) return reportErrors(ctx.out, [result.fatal]);
    const objects = result.infos.flatMap((i) => i.objects.map((o) => ({ resource: i.resource, obj: o })));
    const infoErrors: KubectlError[] = [...result.errors];
    if (objects.length === 0) {
      const suffix = infoErrors.length > 0 ? ` ${infoErrors.map((e) => (e.kind === "status" ? e.status.message : e.message)).join(", ")}` : "";
      return reportErrors(ctx.out, [plainError(`no objects passed to scale${suffix}`)]);
    }
    const short = flagString(f, "output") === "name";
    for (const { resource, obj } of objects) {
      const info = infoOf(resource);
      if (!SCALABLE.has(resource)) {
        return reportErrors(ctx.out, [plainError(`could not find scale subresource for ${info.group}/${info.version}, Resource=${info.resource} in discovery information`)]);
      }
      const ns = obj.metadata.namespace;
      const name = obj.metadata.name!;
      if (current !== -1) {
        const live = ctx.env.client.get(resource, ns, name);
        if (!live.ok) return reportErrors(ctx.out, [statusError(live.status)]);
        const size = (live.object as { spec?: { replicas?: number } }).spec?.replicas ?? 0;
        if (size !== current) return reportErrors(ctx.out, [plainError(`Expected replicas to be ${current}, was ${size}`)]);
      }
      const res = ctx.env.client.patch(resource, ns, name, { spec: { replicas } });
      if (!res.ok) return reportErrors(ctx.out, [statusError(res.status)]);
      ctx.out.out(nameLine(obj, short ? "" : "scaled"));
    }
    reportErrors(ctx.out, infoErrors);
  },
};
