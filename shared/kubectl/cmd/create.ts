// kubectl create: from a manifest (-f -), or one of the generators this
// console offers: `create deployment` (the object kubectl builds: app=NAME
// labels and selector, a container named after the image), and the
// namespace, serviceaccount, priorityclass, RBAC and quota generators
// (create-*.ts). Under --dry-run=client nothing is sent: the object
// kubectl would send is printed (no server defaults, typed field order for
// -o json); under --dry-run=server the API server checks the write and
// answers with what it would store, storing nothing.

import type { Deployment } from "../../sim/api/apps-v1.ts";
import type { Container } from "../../sim/api/core-v1.ts";
import type { KubeObject } from "../../sim/api/meta.ts";
import { NAME_ALPHABET } from "../../sim/kernel/ids.ts";
import { plainError, reportErrors, statusError, usageError, type KubectlError } from "../errors.ts";
import { flagBool, flagInt, flagList, flagString } from "../flags.ts";
import { FILENAME, bool, str, type Command } from "./command.ts";
import { validatedWriteOptions } from "./validate.ts";
import { modifiedConfiguration, withSource } from "./apply.ts";
import { selectManifests } from "./manifest-selector.ts";
import { parseManifests, readSources } from "./manifests.ts";
import { NOT_AVAILABLE } from "./unsupported.ts";
import { LAST_APPLIED_CONFIG_ANNOTATION } from "../printers/describe/common.ts";
import { dryRunAndOutput, printCreated, withTypedLastApplied } from "./print-created.ts";
import { createClusterRoleCommand } from "./create-clusterrole.ts";
import { createClusterRoleBindingCommand } from "./create-clusterrolebinding.ts";
import { createNamespaceCommand } from "./create-namespace.ts";
import { GENERATOR_FLAGS, nameArg } from "./create-options.ts";
import { createPriorityClassCommand } from "./create-priorityclass.ts";
import { createQuotaCommand } from "./create-quota.ts";
import { createRoleCommand } from "./create-role.ts";
import { createRoleBindingCommand } from "./create-rolebinding.ts";
import { createServiceAccountCommand } from "./create-serviceaccount.ts";


/** utilrand.String(5) stands in here for a deterministic suffix derived from the name and the clock. */
function suffixFor(seed: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193) >>> 0;
  let s = "";
  for (let i = 0; i < 5; i++) {
    s += NAME_ALPHABET[h % NAME_ALPHABET.length];
    h = (Math.floor(h / NAME_ALPHABET.length) ^ Math.imul(h, 0x9e3779b1)) >>> 0;
  }
  return s;
}

/** buildPodSpec: the container name is the image's last path segment, without tag or digest. */
export function containerNameForImage(image: string, seed: string): string {
  let name = image.split("/").pop()!;
  if (name.includes(":")) name = name.split(":")[0]!;
  if (name.includes("@")) name = name.split("@")[0]!;
  if (/[_.]/.test(name)) name = `${name.replace(/_/g, "-").replace(/\./g, "-")}-${suffixFor(`${seed}/${name}`)}`;
  return name;
}

const deploymentCommand: Command = {
  name: "deployment",
  aliases: ["deploy"],
  use: "deployment NAME --image=image -- [COMMAND] [args...]",
  short: "Create a deployment with the specified name",
  flags: [...GENERATOR_FLAGS, { name: "image", type: "stringSlice" }, { name: "port", type: "int32" }, { name: "replicas", short: "r", type: "int32" }],
  required: ["image"],
  run(ctx) {
    const name = nameArg(ctx);
    if (typeof name !== "string") return reportErrors(ctx.out, [name]);
    const images = flagList(ctx.flags, "image");
    const command = ctx.args.slice(1);
    const complete = dryRunAndOutput(ctx);
    if ("error" in complete) return reportErrors(ctx.out, [complete.error]);
    const { dry } = complete;
    if (images.length > 1 && command.length > 0) return reportErrors(ctx.out, [plainError("cannot specify multiple --image options and command")]);
    const labels = { app: name };
    const containers: Container[] = images.map((image) => {
      const c: Container = { name: containerNameForImage(image, `${name}@${ctx.now.nowMs}`), image, resources: {} };
      if (command.length > 0) c.command = command;
      return c;
    });
    const port = flagInt(ctx.flags, "port", -1);
    if (port >= 0 && containers.length > 0) containers[0]!.ports = [{ containerPort: port }];
    let deploy: Deployment = {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name, labels, ...(ctx.namespaceExplicit ? { namespace: ctx.namespace } : {}) },
      spec: {
        replicas: flagInt(ctx.flags, "replicas", 1),
        selector: { matchLabels: { ...labels } },
        template: { metadata: { labels: { ...labels } }, spec: { containers } },
        strategy: {},
      },
      status: {},
    };
    if (flagBool(ctx.flags, "save-config")) deploy = withTypedLastApplied(deploy);
    let created: KubeObject = deploy;
    if (dry !== "client") {
      const res = ctx.env.client.create("deployments", ctx.namespace, deploy, validatedWriteOptions(ctx.flags, dry));
      if (!res.ok) return reportErrors(ctx.out, [plainError(`failed to create deployment: ${res.status.message}`)]);
      created = res.object;
    }
    printCreated(ctx, created, dry, true);
  },
};

export const createCommand: Command = {
  name: "create",
  use: "create -f FILENAME",
  short: "Create a resource from a file or from stdin",
  flags: [FILENAME, str("kustomize", "k"), bool("recursive", "R"), bool("edit"), bool("windows-line-endings"), str("raw"), ...GENERATOR_FLAGS, str("selector", "l")],
  subcommands: [
    createClusterRoleCommand,
    createClusterRoleBindingCommand,
    deploymentCommand,
    createNamespaceCommand,
    createPriorityClassCommand,
    createQuotaCommand,
    createRoleCommand,
    createRoleBindingCommand,
    createServiceAccountCommand,
  ],
  run(ctx) {
    if (flagList(ctx.flags, "filename").length === 0) {
      ctx.out.err("Error: must specify one of -f and -k\n\n");
      if (ctx.args.length > 0) return reportErrors(ctx.out, [usageError(ctx.path, `unknown command ${JSON.stringify(ctx.args.join(" "))}`)]);
      ctx.out.exitCode = 1;
      return;
    }
    // --raw POSTs the bytes to a URL path, bypassing the typed client the console speaks through.
    if (ctx.flags.changed.has("raw")) return reportErrors(ctx.out, [plainError(NOT_AVAILABLE(`${ctx.path} --raw`))]);
    const src = readSources(ctx);
    if ("fatal" in src) return reportErrors(ctx.out, [src.fatal]);
    const complete = dryRunAndOutput(ctx);
    if ("error" in complete) return reportErrors(ctx.out, [complete.error]);
    const { dry } = complete;
    const parsed = parseManifests(ctx, src.text);
    if ("fatal" in parsed) return reportErrors(ctx.out, [parsed.fatal]);
    const selected = selectManifests(parsed.manifests, flagString(ctx.flags, "selector"));
    if (!Array.isArray(selected)) return reportErrors(ctx.out, [selected]);
    const errors: KubectlError[] = [...parsed.errors];
    for (const { resource, object } of selected) {
      const body = flagBool(ctx.flags, "save-config")
        ? { ...object, metadata: { ...object.metadata, annotations: { ...(object.metadata.annotations ?? {}), [LAST_APPLIED_CONFIG_ANNOTATION]: modifiedConfiguration(object, false).json } } }
        : object;
      let created: KubeObject = body;
      if (dry !== "client") {
        const res = ctx.env.client.create(resource, object.metadata.namespace, body as never, validatedWriteOptions(ctx.flags, dry));
        if (!res.ok) {
          errors.push(withSource("creating", statusError(res.status)));
          continue;
        }
        created = res.object;
      }
      printCreated(ctx, created, dry, false);
    }
    if (parsed.manifests.length === 0 && errors.length === 0) errors.push(plainError("no objects passed to create"));
    reportErrors(ctx.out, errors);
  },
};
