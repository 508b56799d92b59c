// Commands about the cluster and the client rather than objects: version,
// api-resources and cluster-info.

import { parseSelector } from "../../sim/api/labels.ts";
import { apiVersionOf, type ResourceInfo } from "../../sim/api/resources.ts";
import { plainError, reportErrors } from "../errors.ts";
import { flagBool, flagList, flagString } from "../flags.ts";
import { TABLE_TABWRITER, tabwrite } from "../printers/tabwriter.ts";
import { RESOURCE_NAMES, infoOf } from "../resources.ts";
import { OUTPUT, bool, str, type Command, type CommandContext } from "./command.ts";
import { parseFieldSelector } from "./field-selector.ts";

/** kubectl and the simulated API server are v1.34.10; kubectl v1.34 embeds kustomize v5.7.1. */
export const KUBECTL_VERSION = "v1.34.10";
export const KUSTOMIZE_VERSION = "v5.7.1";
export const SERVER_VERSION = "v1.34.10";
export const CONTROL_PLANE_URL = "https://127.0.0.1:6443";

export const versionCommand: Command = {
  name: "version",
  use: "version",
  short: "Print the client and server version information",
  flags: [bool("client"), OUTPUT],
  run(ctx) {
    const output = flagString(ctx.flags, "output");
    if (output !== "" && output !== "yaml" && output !== "json") return reportErrors(ctx.out, [plainError("--output must be 'yaml' or 'json'")]);
    if (output !== "") return reportErrors(ctx.out, [plainError("version -o is not available in the Pod Pilot console")]);
    ctx.out.out(`Client Version: ${KUBECTL_VERSION}\nKustomize Version: ${KUSTOMIZE_VERSION}\n`);
    if (!flagBool(ctx.flags, "client")) ctx.out.out(`Server Version: ${SERVER_VERSION}\n`);
  },
};

/** The verbs discovery lists for every resource the simulated API server serves. */
const SERVED_VERBS = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

/** Discovery's categories: "all" (what `kubectl get all` lists) for the workloads served here. */
function categoriesOf(i: ResourceInfo): string[] {
  return i.resource === "pods" || i.resource === "deployments" || i.resource === "replicasets" ? ["all"] : [];
}

export const apiResourcesCommand: Command = {
  name: "api-resources",
  use: "api-resources",
  short: "Print the supported API resources on the server",
  flags: [OUTPUT, bool("no-headers"), str("api-group"), { name: "namespaced", type: "bool" }, str("sort-by"), { name: "verbs", type: "stringSlice" }, bool("cached"), { name: "categories", type: "stringSlice" }],
  run(ctx) {
    const f = ctx.flags;
    const output = flagString(f, "output");
    if (output !== "" && output !== "wide" && output !== "name") return reportErrors(ctx.out, [plainError(`--output ${output} is not available for api-resources in the Pod Pilot console`)]);
    const sortBy = flagString(f, "sort-by");
    let infos: ResourceInfo[] = RESOURCE_NAMES.map((n) => infoOf(n));
    if (f.changed.has("api-group")) infos = infos.filter((i) => i.group === flagString(f, "api-group"));
    if (f.changed.has("namespaced")) infos = infos.filter((i) => i.namespaced === flagBool(f, "namespaced"));
    // Each resource must support every verb and belong to every category asked for (sets.HasAll).
    const verbs = flagList(f, "verbs");
    const categories = flagList(f, "categories");
    infos = infos.filter((i) => verbs.every((v) => SERVED_VERBS.includes(v)) && categories.every((c) => categoriesOf(i).includes(c)));
    const key = (i: ResourceInfo): string => (sortBy === "name" ? i.resource : sortBy === "kind" ? i.kind : i.group);
    infos.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.resource < b.resource ? -1 : 1));
    if (output === "name") {
      ctx.out.out(infos.map((i) => `${i.group === "" ? i.resource : `${i.resource}.${i.group}`}\n`).join(""));
      return;
    }
    const lines: string[] = [];
    if (!flagBool(f, "no-headers")) lines.push(["NAME", "SHORTNAMES", "APIVERSION", "NAMESPACED", "KIND", ...(output === "wide" ? ["VERBS", "CATEGORIES"] : [])].join("\t"));
    for (const i of infos) {
      const cells = [i.resource, i.shortNames.join(","), apiVersionOf(i), String(i.namespaced), i.kind];
      if (output === "wide") cells.push(`[${SERVED_VERBS.join(" ")}]`, categoriesOf(i).join(","));
      lines.push(cells.join("\t"));
    }
    ctx.out.out(tabwrite(`${lines.join("\n")}\n`, TABLE_TABWRITER));
  },
};

export const clusterInfoCommand: Command = {
  name: "cluster-info",
  aliases: ["clusterinfo"],
  use: "cluster-info",
  short: "Display cluster information",
  flags: [],
  subcommands: [
    {
      name: "dump",
      use: "dump",
      short: "Dump relevant information for debugging and diagnosis",
      flags: [],
      unsupported: true,
      run() {},
    },
  ],
  run(ctx) {
    ctx.out.out(`Kubernetes control plane is running at ${CONTROL_PLANE_URL}\n\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n`);
  },
};

export const apiVersionsCommand: Command = {
  name: "api-versions",
  use: "api-versions",
  short: 'Print the supported API versions on the server, in the form of "group/version"',
  flags: [],
  run(ctx) {
    const versions = [...new Set(RESOURCE_NAMES.map((n) => apiVersionOf(infoOf(n))))].sort();
    ctx.out.out(versions.map((v) => `${v}\n`).join(""));
  },
};

/** No metrics-server runs in the simulation, so top fails the way kubectl does without one. */
export const METRICS_API_NOT_AVAILABLE = "Metrics API not available";

/** Flags that only shape the metrics table, which never prints here. */
const TOP_TABLE_FLAGS = ["all-namespaces", "containers", "no-headers", "sum", "show-capacity"];

/** TopNodeOptions/TopPodOptions.Validate, then the missing Metrics API. */
function runTop(ctx: CommandContext, pods: boolean): void {
  const f = ctx.flags;
  const sortBy = flagString(f, "sort-by");
  const selector = flagString(f, "selector");
  const fieldSelector = pods ? flagString(f, "field-selector") : "";
  for (const name of TOP_TABLE_FLAGS) void f.values.get(name);
  if (sortBy !== "" && sortBy !== "cpu" && sortBy !== "memory") return reportErrors(ctx.out, [plainError("--sort-by accepts only cpu or memory")]);
  const named = ctx.args.length > 0;
  if (pods) {
    if (named && (selector !== "" || fieldSelector !== "")) return reportErrors(ctx.out, [plainError("only one of NAME or selector can be provided")]);
    const labels = selector === "" ? [] : parseSelector(selector);
    if (typeof labels === "string") return reportErrors(ctx.out, [plainError(labels)]);
    const fields = fieldSelector === "" ? [] : parseFieldSelector(fieldSelector);
    if (typeof fields === "string") return reportErrors(ctx.out, [plainError(fields)]);
  } else if (named && selector !== "") return reportErrors(ctx.out, [plainError("only one of NAME or --selector can be provided")]);
  reportErrors(ctx.out, [plainError(METRICS_API_NOT_AVAILABLE)]);
}

const topNodeCommand: Command = {
  name: "node",
  aliases: ["nodes", "no"],
  use: "node [NAME | -l label]",
  short: "Display resource (CPU/memory) usage of nodes",
  flags: [str("selector", "l"), str("sort-by"), bool("no-headers"), bool("use-protocol-buffers"), bool("show-capacity")],
  run: (ctx) => runTop(ctx, false),
};

const topPodCommand: Command = {
  name: "pod",
  aliases: ["pods", "po"],
  use: "pod [NAME | -l label]",
  short: "Display resource (CPU/memory) usage of pods",
  flags: [bool("all-namespaces", "A"), str("selector", "l"), str("field-selector"), str("sort-by"), bool("containers"), bool("no-headers"), bool("use-protocol-buffers"), bool("sum")],
  run: (ctx) => runTop(ctx, true),
};

export const topCommand: Command = {
  name: "top",
  use: "top",
  short: "Display resource (CPU/memory) usage",
  flags: [],
  subcommands: [topNodeCommand, topPodCommand],
  run(ctx) {
    ctx.out.err(`Display resource (CPU/memory) usage.\n\n The top command allows you to see the resource consumption for nodes or pods.\n\n This command requires Metrics Server to be correctly configured and working on the server.\n\nAvailable Commands:\n  node          Display resource (CPU/memory) usage of nodes\n  pod           Display resource (CPU/memory) usage of pods\n\nUsage:\n  kubectl top [flags] [options]\n\nUse "kubectl top <command> --help" for more information about a given command.\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n`);
    ctx.out.exitCode = 1;
  },
};
