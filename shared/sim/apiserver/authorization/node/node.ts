// The Node authorizer (plugin/pkg/auth/authorizer/node): a kubelet, known by its
// "system:node:<name>" identity in "system:nodes", may do what the NodeRules
// allow. Upstream narrows secrets, configmaps and volumes to those its pods use
// through a graph; the simulation serves none of them yet. NodeRestriction
// admission narrows writes to the node's own objects.

import { nodeNameOf } from "../../authentication/user.ts";
import { NODES_GROUP } from "../../authentication/user.ts";
import { ALLOW, NO_OPINION, NO_RULES, type Authorizer } from "../authorizer.ts";
import { NODE_RULES } from "../rbac/bootstrap-policy.ts";
import { ruleAllows } from "../rbac/rule-matches.ts";

export const nodeAuthorizer: Authorizer = {
  authorize(attrs) {
    if (!(attrs.user.groups ?? []).includes(NODES_GROUP)) return NO_OPINION;
    if (nodeNameOf(attrs.user) === undefined) return { decision: "NoOpinion", reason: "unknown node" };
    for (const rule of NODE_RULES) if (ruleAllows(attrs, rule)) return ALLOW;
    return NO_OPINION;
  },
  rulesFor(user) {
    // Nodes' permissions depend on what is bound to them, so they are never listed in full.
    if (nodeNameOf(user) === undefined) return NO_RULES;
    return { resourceRules: [], nonResourceRules: [], incomplete: true, errors: ["node authorizer does not support user rule resolution"] };
  },
};
