// kubectl set image: new images for the named containers of a workload's pod
// template (or a pod), "deployment.apps/web image updated". SetImageOptions is
// built once in complete(); validate() aggregates kubectl's refusals.

import type { Container, PodSpec } from "../../sim/api/core-v1.ts";
import type { KubeObject } from "../../sim/api/meta.ts";
import { plainError, reportErrors, usageError, type KubectlError } from "../errors.ts";
import { flagBool, flagList, flagString } from "../flags.ts";
import { runBuilder } from "./builder.ts";
import { DRY_RUN, FILENAME, OUTPUT, SELECTOR, bool, str, type Command, type CommandContext } from "./command.ts";
import { dryRunStrategy, dryRunSuffix, writeOptions, type DryRun } from "./dry-run.ts";
import { optionsCommand, type Completed } from "./options.ts";
import { resourcesAndPairs } from "./pairs.ts";
import { completeOutput, printOperation } from "./print-flags.ts";
import { NOT_AVAILABLE } from "./unsupported.ts";
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

/** resource.LocalResourceError: --local reads objects only from files. */
const LOCAL_RESOURCE_ERROR = "error: you must specify resources by --filename when --local is set.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'";

interface SetImageOptions {
  readonly resources: readonly string[];
  /** container name (or "*") to image, in argument order. */
  readonly images: ReadonlyMap<string, string>;
  readonly all: boolean;
  readonly selector: string;
  readonly filenames: readonly string[];
  readonly output: string;
  readonly dryRun: DryRun;
}

function complete(ctx: CommandContext): Completed<SetImageOptions> {
  const f = ctx.flags;
  const dryRun = dryRunStrategy(f);
  if (typeof dryRun !== "string") return { error: dryRun };
  const printer = completeOutput(f);
  if ("error" in printer) return printer;
  const split = resourcesAndPairs(ctx.args, "image");
  if ("kind" in split) return { error: split };
  const images = new Map<string, string>();
  for (const pair of split.pairs) {
    const i = pair.indexOf("=");
    if (i <= 0 || i === pair.length - 1) return { error: plainError(`invalid image format: ${pair}`) };
    images.set(pair.slice(0, i), pair.slice(i + 1));
  }
  // --local cannot look a named resource up; -f is how it reads objects, and the console has no files.
  if (flagBool(f, "local") && split.resources.length > 0) return { error: plainError(LOCAL_RESOURCE_ERROR) };
  void flagBool(f, "recursive"); // only shapes how -f reads directories
  return {
    options: {
      resources: split.resources,
      images,
      all: flagBool(f, "all"),
      selector: flagString(f, "selector"),
      filenames: flagList(f, "filename"),
      output: printer.output,
      dryRun,
    },
  };
}

/** Validate's aggregate, as one usage error; then -f, which the console has no files for. */
function validate(o: SetImageOptions, ctx: CommandContext): KubectlError | undefined {
  const problems: string[] = [];
  if (o.all && o.selector !== "") problems.push("cannot set --all and --selector at the same time");
  if (o.resources.length < 1 && o.filenames.length === 0) problems.push("one or more resources must be specified as <resource> <name> or <resource>/<name>");
  if (o.images.size < 1) problems.push("at least one image update is required");
  if (o.images.has("*") && o.images.size > 1) problems.push("all containers are already specified by *, but saw more than one container_name=container_image pairs");
  if (problems.length > 0) return usageError(ctx.path, problems.length === 1 ? problems[0]! : `[${problems.join(", ")}]`);
  if (o.filenames.length > 0) return plainError(NOT_AVAILABLE(`${ctx.path} -f`));
  return undefined;
}

function run(o: SetImageOptions, ctx: CommandContext): void {
  const result = runBuilder(ctx, o.resources, { allowEmptySelector: false, labelSelector: o.selector, selectAll: o.all });
  if (result.fatal) return reportErrors(ctx.out, [result.fatal]);
  const errors: KubectlError[] = [...result.errors];
  for (const info of result.infos) {
    for (const obj of info.objects) {
      const next = clone(obj);
      const spec = podSpecOf(next);
      if (!spec) {
        errors.push(plainError(`error: ${info.resource}/${obj.metadata.name} the object is not a pod or does not have a pod template: *v1.${obj.kind}\n`));
        continue;
      }
      for (const [name, image] of o.images) {
        const inInit = setImage(spec.initContainers, name, image);
        const inMain = setImage(spec.containers, name, image);
        if (!inInit && !inMain) errors.push(plainError(`error: unable to find container named ${JSON.stringify(name)}`));
      }
      const patch = mergePatchBetween(obj, next);
      if (Object.keys(patch).length === 0) continue;
      // The client dry run prints the object as it would be.
      let shown = next;
      if (o.dryRun !== "client") {
        const res = ctx.env.client.patch(info.resource, obj.metadata.namespace, obj.metadata.name!, patch, writeOptions(o.dryRun));
        if (!res.ok) {
          errors.push(plainError(`failed to patch image update to pod template: ${res.status.message}`));
          continue;
        }
        shown = res.object;
      }
      printOperation(ctx, o.output, shown, `image updated${dryRunSuffix(o.dryRun)}`);
    }
  }
  reportErrors(ctx.out, errors);
}

const imageCommand = optionsCommand<SetImageOptions>({
  name: "image",
  use: "image (-f FILENAME | TYPE NAME) CONTAINER_NAME_1=CONTAINER_IMAGE_1 ... CONTAINER_NAME_N=CONTAINER_IMAGE_N",
  short: "Update the image of a pod template",
  flags: [bool("all"), bool("local"), SELECTOR, FILENAME, bool("recursive", "R"), str("kustomize", "k"), DRY_RUN, OUTPUT, str("field-manager"), bool("record"), str("template"), bool("allow-missing-template-keys"), bool("show-managed-fields")],
  complete,
  validate,
  run,
});

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

