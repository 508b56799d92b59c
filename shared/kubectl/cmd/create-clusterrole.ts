// kubectl create clusterrole (pkg/cmd/create/create_clusterrole.go, v1.34):
// create role's rule, plus --non-resource-url, or instead an --aggregation-rule
// whose label selector the aggregation controller fills the rules from.

import type { ClusterRole } from "../../sim/api/rbac-v1.ts";
import { plainError, reportErrors } from "../errors.ts";
import { flagList } from "../flags.ts";
import type { Command } from "./command.ts";
import { GENERATOR_FLAGS, nameArg } from "./create-options.ts";
import { completeRuleOptions, createAndPrint, generateResourcePolicyRules, reportRuleError, validateResources, warnNonStandardVerbs } from "./create-role.ts";
import { dryRunAndOutput } from "./print-created.ts";

/** validNonResourceVerbs. */
export const VALID_NON_RESOURCE_VERBS = ["*", "get", "post", "put", "delete", "patch", "head", "options"];

export const createClusterRoleCommand: Command = {
  name: "clusterrole",
  use: "clusterrole NAME --verb=verb --resource=resource.group [--resource-name=resourcename] [--dry-run=server|client|none]",
  short: "Create a cluster role",
  flags: [
    ...GENERATOR_FLAGS,
    { name: "verb", type: "stringSlice" },
    { name: "non-resource-url", type: "stringSlice" },
    { name: "resource", type: "stringSlice" },
    { name: "resource-name", type: "stringArray" },
    { name: "aggregation-rule", type: "mapStringString" },
  ],
  run(ctx) {
    const urls = flagList(ctx.flags, "non-resource-url").filter((u, i, all) => all.indexOf(u) === i);
    const name = nameArg(ctx);
    if (typeof name !== "string") return reportErrors(ctx.out, [name]);
    const rules = completeRuleOptions(ctx);
    const complete = dryRunAndOutput(ctx);
    if ("error" in complete) return reportErrors(ctx.out, [complete.error]);
    const aggregation = flagList(ctx.flags, "aggregation-rule");

    // Validate.
    if (name === "") return reportErrors(ctx.out, [plainError("name must be specified")]);
    if (aggregation.length > 0) {
      if (urls.length > 0 || rules.verbs.length > 0 || rules.resources.length > 0 || rules.resourceNames.length > 0) {
        return reportErrors(ctx.out, [plainError("aggregation rule must be specified without nonResourceURLs, verbs, resources or resourceNames")]);
      }
    } else {
      if (rules.verbs.length === 0) return reportErrors(ctx.out, [plainError("at least one verb must be specified")]);
      if (rules.resources.length === 0 && urls.length === 0) return reportErrors(ctx.out, [plainError("one of resource or nonResourceURL must be specified")]);
      if (rules.resources.length > 0) {
        warnNonStandardVerbs(ctx, rules.verbs);
        const bad = validateResources(rules);
        if (bad) return reportRuleError(ctx, bad);
      }
      if (urls.length > 0) {
        const verb = rules.verbs.find((v) => !VALID_NON_RESOURCE_VERBS.includes(v));
        if (verb !== undefined) return reportErrors(ctx.out, [plainError(`invalid verb: '${verb}' for nonResourceURL`)]);
        for (const url of urls) {
          if (url === "*") continue;
          if (url === "" || !url.startsWith("/")) return reportErrors(ctx.out, [plainError("nonResourceURL should start with /")]);
          if (url.slice(0, -1).includes("*")) return reportErrors(ctx.out, [plainError("nonResourceURL only supports wildcard matches when '*' is at the end")]);
        }
      }
    }

    const role: ClusterRole = { kind: "ClusterRole", apiVersion: "rbac.authorization.k8s.io/v1", metadata: { name } };
    if (aggregation.length === 0) role.rules = generateResourcePolicyRules(rules, urls);
    else {
      // Rules has no omitempty: an aggregated role is sent (and printed) with "rules: null".
      (role as unknown as { rules: null }).rules = null;
      const matchLabels = Object.fromEntries(aggregation.map((e) => [e.slice(0, e.indexOf("=")), e.slice(e.indexOf("=") + 1)]));
      role.aggregationRule = { clusterRoleSelectors: [{ matchLabels }] };
    }
    createAndPrint(ctx, "clusterroles", undefined, role, complete.dry);
  },
};
