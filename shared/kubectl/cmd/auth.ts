// kubectl auth can-i and auth whoami (pkg/cmd/auth/cani.go, whoami.go): ask the
// API server's authorizers through SelfSubjectAccessReview, SelfSubjectRulesReview
// and SelfSubjectReview, and print what kubectl prints: "yes" / "no" (exit 1
// for no), the --list table of compacted rules, the ATTRIBUTE / VALUE table.

import type { PolicyRule } from "../../sim/api/rbac-v1.ts";
import type { ResourceRule, NonResourceRule } from "../../sim/apiserver/authorization/authorizer.ts";
import { plainError, reportErrors, statusError, usageError } from "../errors.ts";
import { flagBool, flagString } from "../flags.ts";
import { printJson } from "../printers/json.ts";
import { printYaml } from "../printers/yaml.ts";
import { TABLE_TABWRITER, tabwrite } from "../printers/tabwriter.ts";
import { formatNotAvailable } from "./output.ts";
import { PRINT_FLAGS_FORMATS } from "./print-created.ts";
import { infoOf, resolveType } from "../resources.ts";
import { ALL_NAMESPACES, OUTPUT, bool, str, type Command, type CommandContext } from "./command.ts";

/** Verbs can-i knows (cani.go resourceVerbs / nonResourceURLVerbs); others get a warning. */
const RESOURCE_VERBS = new Set(["get", "list", "watch", "create", "update", "patch", "delete", "deletecollection", "use", "bind", "impersonate", "*", "approve", "sign", "escalate", "attest"]);
const NON_RESOURCE_VERBS = new Set(["get", "put", "post", "head", "options", "delete", "patch", "*"]);
/** Resource names RBAC understands that no API serves (impersonation targets). */
const NON_STANDARD_RESOURCES = new Set(["users", "groups"]);

/** WarningPrinter.Print: "Warning: " and the message, which carries its own newline. */
const warn = (ctx: CommandContext, message: string): void => ctx.out.err(`Warning: ${message}\n`);

interface Target {
  group: string;
  resource: string;
  namespaced: boolean | undefined;
}

/** resourceFor: the served type a word names, or the word itself with a warning. */
function resourceFor(ctx: CommandContext, word: string): Target {
  if (word === "*") return { group: "", resource: "*", namespaced: undefined };
  const lower = word.toLowerCase();
  const served = resolveType(lower);
  if (served) {
    const info = infoOf(served);
    return { group: info.group, resource: info.resource, namespaced: info.namespaced };
  }
  // schema.ParseResourceArg: "deployments.apps" is a resource in a group.
  const dot = lower.indexOf(".");
  const resource = dot < 0 ? lower : lower.slice(0, dot);
  const group = dot < 0 ? "" : lower.slice(dot + 1);
  if (!NON_STANDARD_RESOURCES.has(dot < 0 ? resource : `${resource}.${group}`)) {
    warn(ctx, group === "" ? `the server doesn't have a resource type '${resource}'\n` : `the server doesn't have a resource type '${resource}' in group '${group}'\n`);
  }
  return { group: "", resource: word, namespaced: undefined };
}

const canICommand: Command = {
  name: "can-i",
  use: "can-i VERB [TYPE | TYPE/NAME | NONRESOURCEURL]",
  short: "Check whether an action is allowed",
  flags: [ALL_NAMESPACES, bool("quiet", "q"), bool("list"), bool("no-headers"), str("subresource")],
  run(ctx) {
    const f = ctx.flags;
    const list = flagBool(f, "list");
    const quiet = flagBool(f, "quiet");
    const all = flagBool(f, "all-namespaces");
    const subresource = flagString(f, "subresource");
    // Complete.
    if (list) {
      if (ctx.args.length !== 0) return reportErrors(ctx.out, [plainError("list option must be specified with no arguments")]);
    } else if (ctx.args.length !== 2) {
      return reportErrors(ctx.out, [usageError(ctx.path, "you must specify two arguments: verb resource or verb resource/resourceName.")]);
    }
    const namespace = all ? "" : ctx.namespace;
    // Validate.
    if (list) {
      if (quiet || all || subresource !== "") return reportErrors(ctx.out, [plainError("--list option must not be specified with --quiet, --all-namespaces or --subresource")]);
      return printRules(ctx, namespace);
    }
    const [verb, what] = ctx.args as [string, string];
    let target: Target | undefined;
    let name = "";
    let url = "";
    if (what.startsWith("/")) {
      url = what;
      if (subresource !== "") return reportErrors(ctx.out, [plainError("--subresource can not be used with NonResourceURL")]);
      if (!NON_RESOURCE_VERBS.has(verb)) warn(ctx, `verb '${verb}' is not a known verb\n`);
    } else {
      const slash = what.indexOf("/");
      target = resourceFor(ctx, slash < 0 ? what : what.slice(0, slash));
      if (slash >= 0) name = what.slice(slash + 1);
      if (!all && target.namespaced === false) {
        warn(ctx, target.group === "" ? `resource '${target.resource}' is not namespace scoped\n` : `resource '${target.resource}' is not namespace scoped in group '${target.group}'\n`);
      }
      if (!RESOURCE_VERBS.has(verb)) warn(ctx, `verb '${verb}' is not a known verb\n`);
    }
    if (flagBool(f, "no-headers")) return reportErrors(ctx.out, [plainError("--no-headers cannot be set without --list specified")]);
    // Run.
    const review = ctx.env.client.selfSubjectAccessReview(
      target
        ? { resourceAttributes: { namespace, verb, group: target.group, resource: target.resource, subresource, name } }
        : { nonResourceAttributes: { verb, path: url } },
    );
    if (!review.ok) return reportErrors(ctx.out, [statusError(review.status)]);
    const status = review.object;
    if (status.allowed) {
      if (!quiet) ctx.out.out("yes\n");
      return;
    }
    if (!quiet) {
      let line = "no";
      if (status.reason) line += ` - ${status.reason}`;
      if (status.evaluationError) line += ` - ${status.evaluationError}`;
      ctx.out.out(`${line}\n`);
    }
    ctx.out.exitCode = 1;
  },
};

/** printStatus: every rule broken down, compacted, sorted as PolicyRule.String() sorts, in one table. */
function printRules(ctx: CommandContext, namespace: string): void {
  const review = ctx.env.client.selfSubjectRulesReview(namespace);
  if (!review.ok) return reportErrors(ctx.out, [statusError(review.status)]);
  const status = review.object;
  if (status.incomplete) ctx.out.err(`warning: the list may be incomplete: ${status.evaluationError ?? ""}\n`);
  const rules = compactRules(toPolicyRules(status.resourceRules, status.nonResourceRules).flatMap(breakdownRule));
  rules.sort((a, b) => (policyRuleString(a) < policyRuleString(b) ? -1 : policyRuleString(a) > policyRuleString(b) ? 1 : 0));
  const lines: string[] = [];
  if (!flagBool(ctx.flags, "no-headers")) lines.push("Resources\tNon-Resource URLs\tResource Names\tVerbs");
  for (const r of rules) lines.push(`${combineResourceGroup(r.resources ?? [], r.apiGroups ?? [])}\t${goList(r.nonResourceURLs)}\t${goList(r.resourceNames)}\t${goList(r.verbs)}`);
  ctx.out.out(tabwrite(lines.map((l) => `${l}\n`).join(""), TABLE_TABWRITER));
}

function toPolicyRules(resource: readonly ResourceRule[], nonResource: readonly NonResourceRule[]): PolicyRule[] {
  return [
    ...resource.map((r) => ({ verbs: r.verbs, apiGroups: r.apiGroups ?? [], resources: r.resources ?? [], resourceNames: r.resourceNames ?? [] })),
    ...nonResource.map((r) => ({ verbs: r.verbs, nonResourceURLs: r.nonResourceURLs ?? [] })),
  ];
}

/** rbacutil.BreakdownRule: one rule per group, resource and name; one per non-resource URL. */
function breakdownRule(rule: PolicyRule): PolicyRule[] {
  const out: PolicyRule[] = [];
  for (const group of rule.apiGroups ?? []) {
    for (const resource of rule.resources ?? []) {
      if ((rule.resourceNames ?? []).length > 0) {
        for (const n of rule.resourceNames!) out.push({ apiGroups: [group], resources: [resource], verbs: rule.verbs, resourceNames: [n] });
      } else {
        out.push({ apiGroups: [group], resources: [resource], verbs: rule.verbs });
      }
    }
  }
  for (const url of rule.nonResourceURLs ?? []) out.push({ nonResourceURLs: [url], verbs: rule.verbs });
  return out;
}

/** rbacutil.CompactRules: rules of one group, resource and (at most one) name merge their verbs. */
function compactRules(rules: readonly PolicyRule[]): PolicyRule[] {
  const compacted: PolicyRule[] = [];
  const simple = new Map<string, PolicyRule>();
  for (const rule of rules) {
    const isSimple = (rule.resourceNames ?? []).length <= 1 && (rule.nonResourceURLs ?? []).length === 0 && (rule.apiGroups ?? []).length === 1 && (rule.resources ?? []).length === 1;
    if (!isSimple) {
      compacted.push(rule);
      continue;
    }
    const key = JSON.stringify([rule.apiGroups![0], rule.resources![0], rule.resourceNames?.[0] ?? null]);
    const existing = simple.get(key);
    if (!existing) simple.set(key, { ...rule, verbs: [...rule.verbs] });
    else for (const v of rule.verbs) if (!existing.verbs.includes(v)) existing.verbs.push(v);
  }
  return [...compacted, ...simple.values()];
}

/** Go's %v of a []string: "[a b]". */
const goList = (xs: readonly string[] | undefined): string => `[${(xs ?? []).join(" ")}]`;

/** The generated PolicyRule.String(), which kubectl sorts the table by. */
function policyRuleString(r: PolicyRule): string {
  return `&PolicyRule{Verbs:${goList(r.verbs)},APIGroups:${goList(r.apiGroups)},Resources:${goList(r.resources)},ResourceNames:${goList(r.resourceNames)},NonResourceURLs:${goList(r.nonResourceURLs)},}`;
}

/** CombineResourceGroup: "deployments.apps", "pods/log". */
function combineResourceGroup(resources: readonly string[], groups: readonly string[]): string {
  if (resources.length === 0) return "";
  const [resource, sub] = splitOnce(resources[0]!, "/");
  let combined = resource;
  if (groups.length > 0 && groups[0] !== "") combined += `.${groups[0]}`;
  if (sub !== undefined) combined += `/${sub}`;
  return combined;
}

function splitOnce(s: string, sep: string): [string, string | undefined] {
  const i = s.indexOf(sep);
  return i < 0 ? [s, undefined] : [s.slice(0, i), s.slice(i + 1)];
}

/** The template format -o names ("jsonpath" for -o jsonpath={...}), or "". */
function templateFormat(output: string): string {
  const format = output.split("=")[0]!;
  return output !== "" && PRINT_FLAGS_FORMATS.includes(format) && !["json", "yaml", "name"].includes(format) ? format : "";
}

const whoamiCommand: Command = {
  name: "whoami",
  use: "whoami",
  short: "Experimental: Check self subject attributes",
  flags: [OUTPUT, bool("allow-missing-template-keys"), bool("show-managed-fields"), str("template")],
  run(ctx) {
    const review = ctx.env.client.selfSubjectReview();
    if (!review.ok) return reportErrors(ctx.out, [statusError(review.status)]);
    const ui = review.object.userInfo;
    const output = flagString(ctx.flags, "output");
    if (output === "json" || output === "yaml") {
      const obj = { kind: "SelfSubjectReview", apiVersion: "authentication.k8s.io/v1", metadata: { creationTimestamp: null }, status: { userInfo: ui } };
      ctx.out.out(output === "json" ? printJson(obj) : printYaml(obj));
      return;
    }
    // The template formats print through PrintFlags, whose template printers the console lacks.
    const template = templateFormat(output);
    if (template !== "") return reportErrors(ctx.out, [formatNotAvailable(template, [])]);
    if (output !== "") return reportErrors(ctx.out, [plainError(`unable to match a printer suitable for the output format "${output}", allowed formats are: json,yaml`)]);
    // Without -o, Complete keeps the table printer (OutputFlagSpecified is false): the template flags change nothing.
    for (const name of ["template", "allow-missing-template-keys"]) void ctx.flags.values.get(name);
    const rows = ["ATTRIBUTE\tVALUE"];
    if (ui.username) rows.push(`Username\t${ui.username}`);
    if (ui.uid) rows.push(`UID\t${ui.uid}`);
    if ((ui.groups ?? []).length > 0) rows.push(`Groups\t${goList(ui.groups)}`);
    for (const k of Object.keys(ui.extra ?? {}).sort()) rows.push(`Extra: ${k}\t${goList(ui.extra![k])}`);
    ctx.out.out(tabwrite(rows.map((r) => `${r}\n`).join(""), TABLE_TABWRITER));
  },
};

export const authCommand: Command = {
  name: "auth",
  use: "auth",
  short: "Inspect authorization",
  flags: [],
  subcommands: [canICommand, whoamiCommand],
  run(ctx) {
    if (ctx.args.length > 0) return reportErrors(ctx.out, [usageError(ctx.path, `unknown command ${JSON.stringify(ctx.args.join(" "))}`)]);
    ctx.out.out("Inspect authorization\n\nAvailable Commands:\n  can-i         Check whether an action is allowed\n  reconcile     Reconciles rules for RBAC role, role binding, cluster role, and cluster role binding objects\n  whoami        Experimental: Check self subject attributes\n\nUsage:\n  kubectl auth [flags] [options]\n");
  },
};
