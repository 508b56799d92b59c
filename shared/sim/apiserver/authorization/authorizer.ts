// Authorization is a question with attributes and an answer (k8s.io/apiserver/
// pkg/authorization/authorizer): who (user), what (verb), on what (API group,
// resource, subresource, namespace, name, or a non-resource path). Authorizers
// answer Allow, Deny or NoOpinion with a reason; a union asks each in turn and
// takes the first Allow or Deny.

import type { UserInfo } from "../types.ts";
import { SYSTEM_PRIVILEGED_GROUP } from "../authentication/user.ts";

export interface Attributes {
  readonly user: UserInfo;
  readonly verb: string;
  /** true for /api and /apis requests; false for non-resource paths such as /healthz. */
  readonly resourceRequest: boolean;
  readonly apiGroup: string;
  readonly apiVersion: string;
  readonly resource: string;
  readonly subresource: string;
  /** "" for cluster-scoped requests (and lists across all namespaces). */
  readonly namespace: string;
  readonly name: string;
  /** Non-resource requests only. */
  readonly path: string;
}

export type Decision = "Allow" | "Deny" | "NoOpinion";

export interface AuthorizationResult {
  readonly decision: Decision;
  readonly reason: string;
}

/** authorization/v1 ResourceRule and NonResourceRule: what a rules review lists. */
export interface ResourceRule {
  verbs: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
}

export interface NonResourceRule {
  verbs: string[];
  nonResourceURLs?: string[];
}

/** RuleResolver.RulesFor: the rules a user holds in a namespace; incomplete when some authorizer cannot list them. */
export interface UserRuleInfo {
  readonly resourceRules: readonly ResourceRule[];
  readonly nonResourceRules: readonly NonResourceRule[];
  readonly incomplete: boolean;
  readonly errors: readonly string[];
}

export interface Authorizer {
  authorize(attrs: Attributes): AuthorizationResult;
  rulesFor(user: UserInfo, namespace: string): UserRuleInfo;
}

export const NO_RULES: UserRuleInfo = { resourceRules: [], nonResourceRules: [], incomplete: false, errors: [] };

export const NO_OPINION: AuthorizationResult = { decision: "NoOpinion", reason: "" };
export const ALLOW: AuthorizationResult = { decision: "Allow", reason: "" };

/** union.New: the first Allow or Deny wins; the reasons of the others are kept, one per line. */
export function unionAuthorizer(authorizers: readonly Authorizer[]): Authorizer {
  return {
    authorize(attrs) {
      const reasons: string[] = [];
      for (const a of authorizers) {
        const r = a.authorize(attrs);
        if (r.decision !== "NoOpinion") return r;
        if (r.reason !== "") reasons.push(r.reason);
      }
      return { decision: "NoOpinion", reason: reasons.join("\n") };
    },
    rulesFor(user, namespace) {
      const all = authorizers.map((a) => a.rulesFor(user, namespace));
      return {
        resourceRules: all.flatMap((r) => r.resourceRules),
        nonResourceRules: all.flatMap((r) => r.nonResourceRules),
        incomplete: all.some((r) => r.incomplete),
        errors: all.flatMap((r) => r.errors),
      };
    },
  };
}

/** authorizerfactory.NewPrivilegedGroups(system:masters): what kube-apiserver puts before every other mode. */
export const privilegedGroupsAuthorizer: Authorizer = {
  authorize(attrs) {
    return (attrs.user.groups ?? []).includes(SYSTEM_PRIVILEGED_GROUP) ? ALLOW : NO_OPINION;
  },
  rulesFor(user) {
    if (!(user.groups ?? []).includes(SYSTEM_PRIVILEGED_GROUP)) return NO_RULES;
    return { resourceRules: [{ verbs: ["*"], apiGroups: ["*"], resources: ["*"] }], nonResourceRules: [{ verbs: ["*"], nonResourceURLs: ["*"] }], incomplete: false, errors: [] };
  },
};
