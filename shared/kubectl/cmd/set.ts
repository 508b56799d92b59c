// kubectl set image: new images for the named containers of a workload's pod
// template (or a pod), "deployment.apps/web image updated".

import type { Container, PodSpec } from "../../sim/api/core-v1.ts";
import type { KubeObject } from "../../sim/api/meta.ts";
import { plainError, reportErrors, usageError, type KubectlError } from "../errors.ts";
import { flagBool, flagString } from "../flags.ts";
import { nameLine } from "../printers/name.ts";
import { runBuilder } from "./builder.ts";
import { DRY_RUN, FILENAME, OUTPUT, SELECTOR, bool, str, type Command } from "./command.ts";
import { dryRunStrategy, dryRunSuffix, writeOptions } from "./dry-run.ts";
import { resourcesAndPairs } from "./pairs.ts";
import { mergePatchBetween } from "./strategic-merge.ts";
import { clone } from "../../sim/kernel/equal.ts";

function podSpecOf(obj: KubeObject): PodSpec | undefined {
  if (obj.kind === "Pod") return (obj as unknown as { spec: PodSpec }).spec;
  return (obj as unknown as { spec?: { template?: { spec?: PodSpec } } }).spec?.template?.spec;
}

function setImage(containers: Container[] | undefined, name: string, image: string): boolean {
  let found = false;
  for (const c of containers ?? []) {
    if (c.name === name || name === "*") {
      found = true;
      c.image = image;
    }
  }
  return found;
}

const imageCommand: Command = {
  name: "image",
  use: "image (-f FILENAME | TYPE NAME) CONTAINER_NAME_1=CONTAINER_IMAGE_1 ... CONTAINER_NAME_N=CONTAINER_IMAGE_N",
  short: "Update the image of a pod template",
  flags: [bool("all"), bool("local"), SELECTOR, FILENAME, bool("recursive", "R"), str("kustomize", "k"), DRY_RUN, OUTPUT, str("field-manager"), bool("record"), str("template"), bool("allow-missing-template-keys"), bool("show-managed-fields")],
  run(ctx) {
    const split = resourcesAndPairs(ctx.args, "image");
    if ("kind" in split) return reportErrors(ctx.out, [split]);
    const images = new Map<string, string>();
    for (const pair of split.pairs) {
      const i = pair.indexOf("=");
      if (i <= 0 || i === pair.length - 1) return reportErrors(ctx.out, [plainError(`invalid image format: ${pair}`)]);
      images.set(pair.slice(0, i), pair.slice(i + 1));
    }
    const problems: string[] = [];
    if (flagBool(ctx.flags, "all") && flagString(ctx.flags, "selector") !== "") problems.push("cannot set --all and --selector at the same time");
    if (split.resources.length < 1 && ctx.flags.values.get("filename") === undefined) problems.push("one or more resources must be specified as <resource> <name> or <resource>/<name>");
    if (images.size < 1) problems.push("at least one image update is required");
    if (images.has("*") && images.size > 1) problems.push("all containers are already specified by *, but saw more than one container_name=container_image pairs");
    if (problems.length > 0) return reportErrors(ctx.out, [usageError(ctx.path, problems.length === 1 ? problems[0]! : `[${problems.join(", ")}]`)]);
    const dry = dryRunStrategy(ctx.flags);
    if (typeof dry !== "string") return reportErrors(ctx.out, [dry]);
    const result = runBuilder(ctx, split.resources, { allowEmptySelector: false, labelSelector: flagString(ctx.flags, "selector"), selectAll: flagBool(ctx.flags, "all") });
    if (result.fatal) return reportErrors(ctx.out, [result.fatal]);
    const errors: KubectlError[] = [...result.errors];
    const short = flagString(ctx.flags, "output") === "name";
    for (const info of result.infos) {
      for (const obj of info.objects) {
        const next = clone(obj);
        const spec = podSpecOf(next);
        if (!spec) {
          errors.push(plainError(`error: ${info.resource}/${obj.metadata.name} the object is not a pod or does not have a pod template: *v1.${obj.kind}\n`));
          continue;
        }
        for (const [name, image] of images) {
          const inInit = setImage(spec.initContainers, name, image);
          const inMain = setImage(spec.containers, name, image);
          if (!inInit && !inMain) errors.push(plainError(`error: unable to find container named ${JSON.stringify(name)}`));
        }
        const patch = mergePatchBetween(obj, next);
        if (Object.keys(patch).length === 0) continue;
        if (dry !== "client") {
          const res = ctx.env.client.patch(info.resource, obj.metadata.namespace, obj.metadata.name!, patch, writeOptions(dry));
          if (!res.ok) {
            errors.push(plainError(`failed to patch image update to pod template: ${res.status.message}`));
            continue;
          }
        }
        ctx.out.out(nameLine(obj, short ? "" : `image updated${dryRunSuffix(dry)}`));
      }
    }
    reportErrors(ctx.out, errors);
  },
};

export const setCommand: Command = {
  name: "set",
  use: "set SUBCOMMAND",
  short: "Set specific features on objects",
  flags: [],
  subcommands: [imageCommand],
  run(ctx) {
    if (ctx.args.length > 0) return reportErrors(ctx.out, [usageError(ctx.path, `unknown command ${JSON.stringify(ctx.args.join(" "))}`)]);
    ctx.out.err(`Configure application resources.\n\n These commands help you make changes to existing application resources.\n\nAvailable Commands:\n  image            Update the image of a pod template\n\nUsage:\n  kubectl set SUBCOMMAND [options]\n\nUse "kubectl set <command> --help" for more information about a given command.\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n`);
    ctx.out.exitCode = 1;
  },
};

