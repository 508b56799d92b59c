// kubectl create role (pkg/cmd/create/create_role.go, v1.34): one rule built
// from --verb, --resource (resource.group/subresource, resolved through the
// RESTMapper, "*" for all) and --resource-name, one rule per API group. The
// rule building and checks are shared with `create clusterrole`.

import { RBAC_GROUP, type ClusterRole, type PolicyRule, type Role } from "../../sim/api/rbac-v1.ts";
import { plainError, reportErrors, statusError, type KubectlError } from "../errors.ts";
import { flagBool, flagList } from "../flags.ts";
import type { Command, CommandContext } from "./command.ts";
import { GENERATOR_FLAGS, nameArg, sendCreate } from "./create-options.ts";
import type { DryRun } from "./dry-run.ts";
import { dryRunAndOutput, printCreated, withTypedLastApplied } from "./print-created.ts";
import { noResourceMatchMessage, resourceFor, type GroupResource } from "./rest-mapper.ts";

/** validResourceVerbs: other verbs only earn a warning. */
export const VALID_RESOURCE_VERBS = ["*", "get", "delete", "list", "create", "update", "patch", "watch", "proxy", "deletecollection", "use", "bind", "escalate", "impersonate"];

/** specialVerbs: verbs that only apply to these group/resources. */
const SPECIAL_VERBS: Readonly<Record<string, readonly GroupResource[]>> = {
  use: [
    { group: "policy", resource: "podsecuritypolicies" },
    { group: "extensions", resource: "podsecuritypolicies" },
  ],
  bind: [
    { group: RBAC_GROUP, resource: "roles" },
    { group: RBAC_GROUP, resource: "clusterroles" },
  ],
  escalate: [
    { group: RBAC_GROUP, resource: "roles" },
    { group: RBAC_GROUP, resource: "clusterroles" },
  ],
  impersonate: [
    { group: "", resource: "users" },
    { group: "", resource: "serviceaccounts" },
    { group: "", resource: "groups" },
    { group: "authentication.k8s.io", resource: "userextras" },
  ],
};

/** ResourceOptions: one --resource value split into resource, group and subresource. */
export interface ResourceOption extends GroupResource {
  readonly subresource: string;
}

/** What Complete derives for both role commands. */
export interface RoleRuleOptions {
  readonly verbs: readonly string[];
  readonly resources: readonly ResourceOption[];
  readonly resourceNames: readonly string[];
}

/** A Validate failure: kubectl's error, or a NoResourceMatchError printed bare. */
export type RuleError = KubectlError | { readonly kind: "noMatch"; readonly partial: GroupResource };

const unique = (xs: readonly string[]): string[] => xs.filter((x, i) => xs.indexOf(x) === i);

/** CreateRoleOptions.Complete: verbs deduplicated ("*" replaces all), resources split, names deduplicated. */
export function completeRuleOptions(ctx: CommandContext): RoleRuleOptions {
  const typedVerbs = flagList(ctx.flags, "verb");
  const verbs = typedVerbs.includes("*") ? ["*"] : unique(typedVerbs);
  const resources: ResourceOption[] = [];
  for (const r of flagList(ctx.flags, "resource")) {
    const slash = r.indexOf("/");
    const main = slash < 0 ? r : r.slice(0, slash);
    const subresource = slash < 0 ? "" : r.slice(slash + 1);
    const dot = main.indexOf(".");
    const resource = dot < 0 ? main : main.slice(0, dot);
    const group = dot < 0 ? "" : main.slice(dot + 1);
    // A bare "*" stands for every resource: it replaces the ones before it, and the rest are ignored.
    if (resource === "*" && dot < 0 && slash < 0) {
      resources.splice(0, resources.length, { resource, group, subresource });
      break;
    }
    resources.push({ resource, group, subresource });
  }
  return { verbs, resources, resourceNames: unique(flagList(ctx.flags, "resource-name")) };
}

/** `Warning: 'x' is not a standard resource verb`, written to stderr by Validate. */
export function warnNonStandardVerbs(ctx: CommandContext, verbs: readonly string[]): void {
  for (const v of verbs) if (!VALID_RESOURCE_VERBS.includes(v)) ctx.out.err(`Warning: '${v}' is not a standard resource verb\n`);
}

/** validateResource: every resource exists (or is "*"), and special verbs meet their resources. */
export function validateResources(o: RoleRuleOptions): RuleError | undefined {
  for (const r of o.resources) {
    if (r.resource === "") return plainError("resource must be specified if apiGroup/subresource specified");
    // Upstream returns at the first "*", leaving any resources after it unchecked.
    if (r.resource === "*") return undefined;
    const mapped = resourceFor(r);
    const resource = mapped ?? { group: r.group, resource: r.resource };
    let noMatch = mapped === undefined;
    for (const v of o.verbs) {
      const allowed = SPECIAL_VERBS[v];
      if (allowed === undefined) continue;
      if (!allowed.some((x) => x.resource === resource.resource && x.group === resource.group)) {
        return plainError(`can not perform '${v}' on '${resource.resource}' in group '${resource.group}'`);
      }
      noMatch = false;
    }
    if (noMatch) return { kind: "noMatch", partial: { group: r.group, resource: r.resource } };
  }
  return undefined;
}

/** generateResourcePolicyRules: one rule per API group (groups sorted), then one for the URLs. */
export function generateResourcePolicyRules(o: RoleRuleOptions, nonResourceURLs: readonly string[]): PolicyRule[] {
  const byGroup = new Map<string, string[]>();
  for (const r of o.resources) {
    const mapped = resourceFor(r) ?? { group: r.group, resource: r.resource };
    const resource = r.subresource !== "" ? `${mapped.resource}/${r.subresource}` : mapped.resource;
    const list = byGroup.get(mapped.group) ?? [];
    if (!list.includes(resource)) list.push(resource);
    byGroup.set(mapped.group, list);
  }
  const rules: PolicyRule[] = [...byGroup.keys()].sort().map((g) => {
    const rule: PolicyRule = { verbs: [...o.verbs], apiGroups: [g], resources: byGroup.get(g)! };
    if (o.resourceNames.length > 0) rule.resourceNames = [...o.resourceNames];
    return rule;
  });
  if (nonResourceURLs.length > 0) rules.push({ verbs: [...o.verbs], nonResourceURLs: [...nonResourceURLs] });
  return rules;
}

/** Reports a Validate failure as CheckErr does. */
export function reportRuleError(ctx: CommandContext, e: RuleError): void {
  if (e.kind === "noMatch") ctx.out.fail(noResourceMatchMessage(e.partial));
  else reportErrors(ctx.out, [e]);
}

/** RunCreateRole's tail: the annotation, the create (unless a client dry run), the print. */
export function createAndPrint(ctx: CommandContext, resource: "roles" | "clusterroles", namespace: string | undefined, obj: Role | ClusterRole, dry: DryRun): void {
  const body = flagBool(ctx.flags, "save-config") ? withTypedLastApplied(obj) : obj;
  const res = sendCreate(ctx, resource, namespace, body as never, dry);
  if (!res.ok) return reportErrors(ctx.out, [statusError(res.status)]);
  printCreated(ctx, res.object, dry, true);
}

export const createRoleCommand: Command = {
  name: "role",
  use: "role NAME --verb=verb --resource=resource.group/subresource [--resource-name=resourcename] [--dry-run=server|client|none]",
  short: "Create a role with single rule",
  flags: [...GENERATOR_FLAGS, { name: "verb", type: "stringSlice" }, { name: "resource", type: "stringSlice" }, { name: "resource-name", type: "stringArray" }],
  run(ctx) {
    const name = nameArg(ctx);
    if (typeof name !== "string") return reportErrors(ctx.out, [name]);
    const rules = completeRuleOptions(ctx);
    const complete = dryRunAndOutput(ctx);
    if ("error" in complete) return reportErrors(ctx.out, [complete.error]);
    if (name === "") return reportErrors(ctx.out, [plainError("name must be specified")]);
    if (rules.verbs.length === 0) return reportErrors(ctx.out, [plainError("at least one verb must be specified")]);
    warnNonStandardVerbs(ctx, rules.verbs);
    if (rules.resources.length === 0) return reportErrors(ctx.out, [plainError("at least one resource must be specified")]);
    const bad = validateResources(rules);
    if (bad) return reportRuleError(ctx, bad);
    const role: Role = {
      kind: "Role",
      apiVersion: "rbac.authorization.k8s.io/v1",
      metadata: { name, ...(ctx.namespaceExplicit ? { namespace: ctx.namespace } : {}) },
      rules: generateResourcePolicyRules(rules, []),
    };
    createAndPrint(ctx, "roles", ctx.namespace, role, complete.dry);
  },
};
