// kubectl config (pkg/cmd/config) over the player's own kubeconfig, which the
// session keeps: view (credentials shown as DATA+OMITTED, --minify, --raw),
// get-contexts, current-context, use-context and set-context. A console
// without a kubeconfig (a bare test) has an empty one.

import { plainError, reportErrors, usageError, type KubectlError } from "../errors.ts";
import { flagBool, flagString } from "../flags.ts";
import { printJson } from "../printers/json.ts";
import { printYaml } from "../printers/yaml.ts";
import { TABLE_TABWRITER, tabwrite } from "../printers/tabwriter.ts";
import { findContext, type Kubeconfig } from "../kubeconfig.ts";
import { OUTPUT, bool, str, type Command, type CommandContext } from "./command.ts";
import { optionsCommand } from "./options.ts";
import { checkOutput } from "./output.ts";

/** What RedactSecrets/ShortenConfig print in place of certificate and key data. */
export const DATA_OMITTED = "DATA+OMITTED";
/** --raw: the (simulated) PEM data, base64 as in a kubeconfig file. */
const RAW_CERT = btoa("-----BEGIN CERTIFICATE-----\nPod Pilot simulated certificate\n-----END CERTIFICATE-----\n");
const RAW_KEY = btoa("-----BEGIN RSA PRIVATE KEY-----\nPod Pilot simulated key\n-----END RSA PRIVATE KEY-----\n");

const EMPTY: Kubeconfig = { clusters: [], users: [], contexts: [], currentContext: "" };

function configOf(ctx: CommandContext): Kubeconfig {
  return ctx.env.kubeconfig ?? EMPTY;
}

/** clientcmdapi v1 Config as `config view` encodes it (nil lists stay null). */
function v1Config(cfg: Kubeconfig, raw: boolean): Record<string, unknown> {
  const data = (v: string): string => (raw ? v : DATA_OMITTED);
  const list = <T>(xs: readonly T[]): T[] | null => (xs.length === 0 ? null : [...xs]);
  return {
    kind: "Config",
    apiVersion: "v1",
    preferences: {},
    clusters: list(cfg.clusters.map((c) => ({ name: c.name, cluster: { server: c.server, "certificate-authority-data": data(RAW_CERT) } }))),
    users: list(cfg.users.map((u) => ({ name: u.name, user: { "client-certificate-data": data(RAW_CERT), "client-key-data": data(RAW_KEY) } }))),
    contexts: list(
      [...cfg.contexts]
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
        .map((c) => ({ name: c.name, context: { cluster: c.cluster, user: c.user, ...(c.namespace ? { namespace: c.namespace } : {}) } })),
    ),
    "current-context": cfg.currentContext,
  };
}

/** clientcmdapi.MinifyConfig: only the current context, its cluster and its user. */
function minify(cfg: Kubeconfig): Kubeconfig | KubectlError {
  if (cfg.currentContext === "") return plainError("current-context must exist in order to minify");
  const current = findContext(cfg, cfg.currentContext);
  if (!current) return plainError(`cannot locate context ${cfg.currentContext}`);
  return {
    clusters: cfg.clusters.filter((c) => c.name === current.cluster),
    users: cfg.users.filter((u) => u.name === current.user),
    contexts: [current],
    currentContext: cfg.currentContext,
  };
}

interface ViewOptions {
  readonly output: string;
  readonly minify: boolean;
  readonly raw: boolean;
  /** --flatten embeds file references as data: the console's kubeconfig has data only, so it shows it as --raw does. */
  readonly flatten: boolean;
}

const viewCommand = optionsCommand<ViewOptions>({
  name: "view",
  use: "view",
  short: "Display merged kubeconfig settings or a specified kubeconfig file",
  flags: [OUTPUT, str("template"), bool("allow-missing-template-keys"), bool("show-managed-fields"), { name: "merge", type: "string", noOptDefVal: "true" }, bool("raw"), bool("flatten"), bool("minify")],
  complete(ctx) {
    if (ctx.args.length > 0) return { error: usageError(ctx.path, `unexpected arguments: [${ctx.args.join(" ")}]`) };
    // The console's kubeconfig is one file: there is no hierarchy to merge, and no template printer yet.
    for (const name of ["merge", "template", "allow-missing-template-keys", "show-managed-fields"]) void ctx.flags.values.get(name);
    const output = flagString(ctx.flags, "output", "yaml") || "yaml";
    const bad = checkOutput(output, ["json", "yaml"]);
    if (bad) return { error: bad };
    return { options: { output, minify: flagBool(ctx.flags, "minify"), raw: flagBool(ctx.flags, "raw"), flatten: flagBool(ctx.flags, "flatten") } };
  },
  run(o, ctx) {
    let cfg = configOf(ctx);
    if (o.minify) {
      const context = flagString(ctx.flags, "context");
      const m = minify(context !== "" ? { ...cfg, currentContext: context } : cfg);
      if ("kind" in m) return reportErrors(ctx.out, [m]);
      cfg = m;
    }
    const obj = v1Config(cfg, o.raw || o.flatten);
    ctx.out.out(o.output === "json" ? printJson(obj) : printYaml(obj));
  },
});

const getContextsCommand: Command = {
  name: "get-contexts",
  use: "get-contexts [(-o|--output=)name)]",
  short: "Describe one or many contexts",
  flags: [bool("no-headers"), OUTPUT],
  run(ctx) {
    const output = flagString(ctx.flags, "output");
    if (output !== "" && output !== "name") return reportErrors(ctx.out, [plainError(`--output ${output} is not available in kubectl config get-contexts; resetting to default output format`)]);
    const cfg = configOf(ctx);
    const errors: KubectlError[] = [];
    const names = ctx.args.length === 0 ? cfg.contexts.map((c) => c.name) : ctx.args.filter((n) => findContext(cfg, n) !== undefined || (errors.push(plainError(`context ${n} not found`)), false));
    const nameOnly = output === "name";
    let text = "";
    if (!flagBool(ctx.flags, "no-headers") && !nameOnly) text += "CURRENT\tNAME\tCLUSTER\tAUTHINFO\tNAMESPACE\n";
    for (const name of [...names].sort()) {
      const c = findContext(cfg, name)!;
      text += nameOnly ? `${name}\n` : `${cfg.currentContext === name ? "*" : " "}\t${name}\t${c.cluster}\t${c.user}\t${c.namespace ?? ""}\n`;
    }
    ctx.out.out(tabwrite(text, TABLE_TABWRITER));
    reportErrors(ctx.out, errors);
  },
};

const currentContextCommand: Command = {
  name: "current-context",
  use: "current-context",
  short: "Display the current-context",
  flags: [],
  run(ctx) {
    const cfg = configOf(ctx);
    if (cfg.currentContext === "") return reportErrors(ctx.out, [plainError("current-context is not set")]);
    ctx.out.out(`${cfg.currentContext}\n`);
  },
};

const useContextCommand: Command = {
  name: "use-context",
  aliases: ["use"],
  use: "use-context CONTEXT_NAME",
  short: "Set the current-context in a kubeconfig file",
  flags: [],
  run(ctx) {
    if (ctx.args.length !== 1) return reportErrors(ctx.out, [usageError(ctx.path, `Unexpected args: [${ctx.args.join(" ")}]`)]);
    const name = ctx.args[0]!;
    const cfg = ctx.env.kubeconfig;
    if (!cfg || !findContext(cfg, name)) return reportErrors(ctx.out, [plainError(`no context exists with the name: ${JSON.stringify(name)}`)]);
    cfg.currentContext = name;
    ctx.out.out(`Switched to context ${JSON.stringify(name)}.\n`);
  },
};

interface SetContextOptions {
  readonly name: string;
  readonly current: boolean;
  readonly cluster?: string;
  readonly user?: string;
  readonly namespace?: string;
}

const setContextCommand = optionsCommand<SetContextOptions>({
  name: "set-context",
  use: "set-context [NAME | --current] [--cluster=cluster_nickname] [--user=user_nickname] [--namespace=namespace]",
  short: "Set a context entry in kubeconfig",
  flags: [bool("current"), str("cluster"), str("user"), str("namespace")],
  complete(ctx) {
    if (ctx.args.length > 1) return { error: usageError(ctx.path, `Unexpected args: [${ctx.args.join(" ")}]`) };
    const f = ctx.flags;
    const set = (name: string): string | undefined => (f.changed.has(name) ? flagString(f, name) : undefined);
    return { options: { name: ctx.args[0] ?? "", current: flagBool(f, "current"), cluster: set("cluster"), user: set("user"), namespace: set("namespace") } };
  },
  validate(o) {
    if (o.name === "" && !o.current) return plainError("you must specify a non-empty context name or --current");
    if (o.name !== "" && o.current) return plainError("you cannot specify both a context name and --current");
    return undefined;
  },
  run(o, ctx) {
    const cfg = ctx.env.kubeconfig;
    if (!cfg) return reportErrors(ctx.out, [plainError("the console has no kubeconfig to change")]);
    const name = o.current ? cfg.currentContext : o.name;
    if (name === "") return reportErrors(ctx.out, [plainError("no current context is set")]);
    let context = findContext(cfg, name);
    const exists = context !== undefined;
    if (!context) {
      context = { name, cluster: "", user: "" };
      cfg.contexts.push(context);
    }
    // An explicit empty value clears the field, as kubectl's flag values do.
    if (o.cluster !== undefined) context.cluster = o.cluster;
    if (o.user !== undefined) context.user = o.user;
    if (o.namespace !== undefined) {
      if (o.namespace === "") delete context.namespace;
      else context.namespace = o.namespace;
    }
    ctx.out.out(`Context ${JSON.stringify(name)} ${exists ? "modified" : "created"}.\n`);
  },
});

const CONFIG_HELP = `Modify kubeconfig files using subcommands like "kubectl config set current-context my-context".

Available Commands:
  current-context   Display the current-context
  get-contexts      Describe one or many contexts
  set-context       Set a context entry in kubeconfig
  use-context       Set the current-context in a kubeconfig file
  view              Display merged kubeconfig settings or a specified kubeconfig file

Usage:
  kubectl config SUBCOMMAND [options]
`;

export const configCommand: Command = {
  name: "config",
  use: "config SUBCOMMAND",
  short: "Modify kubeconfig files",
  flags: [],
  subcommands: [currentContextCommand, getContextsCommand, setContextCommand, useContextCommand, viewCommand],
  run(ctx) {
    if (ctx.args.length > 0) return reportErrors(ctx.out, [usageError(ctx.path, `unknown command ${JSON.stringify(ctx.args.join(" "))}`)]);
    ctx.out.out(CONFIG_HELP);
  },
};
