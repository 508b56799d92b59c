// The self-review APIs (authorization.k8s.io SelfSubjectAccessReview and
// SelfSubjectRulesReview, authentication.k8s.io SelfSubjectReview): "may I?",
// "what may I do here?" and "who am I?", answered by the same authorizers that
// guard every request. kubectl auth can-i and auth whoami post these; nothing is
// stored.

import type { Status } from "../api/meta.ts";
import type { Authorizer, NonResourceRule, ResourceRule } from "./authorization/authorizer.ts";
import { badRequest } from "./errors.ts";
import type { UserInfo } from "./types.ts";

export interface ResourceAttributes {
  namespace?: string;
  verb?: string;
  group?: string;
  version?: string;
  resource?: string;
  subresource?: string;
  name?: string;
}

export interface NonResourceAttributes {
  path?: string;
  verb?: string;
}

export interface SelfSubjectAccessReviewSpec {
  resourceAttributes?: ResourceAttributes;
  nonResourceAttributes?: NonResourceAttributes;
}

export interface SelfSubjectAccessReviewStatus {
  allowed: boolean;
  denied?: boolean;
  reason?: string;
  evaluationError?: string;
}

export interface SubjectRulesReviewStatus {
  resourceRules: ResourceRule[];
  nonResourceRules: NonResourceRule[];
  incomplete: boolean;
  evaluationError?: string;
}

export interface SelfSubjectReviewStatus {
  userInfo: { username: string; uid?: string; groups?: string[]; extra?: Record<string, string[]> };
}

/** ValidateSelfSubjectAccessReviewSpec, then one authorization decision for the requesting user. */
export function accessReview(authorizer: Authorizer, user: UserInfo, spec: SelfSubjectAccessReviewSpec): SelfSubjectAccessReviewStatus | Status {
  const ra = spec.resourceAttributes;
  const nra = spec.nonResourceAttributes;
  if (ra && nra) return badRequest('SelfSubjectAccessReview.authorization.k8s.io "" is invalid: spec.nonResourceAttributes: Invalid value: "": cannot be specified in combination with resourceAttributes');
  if (!ra && !nra) return badRequest('SelfSubjectAccessReview.authorization.k8s.io "" is invalid: spec.resourceAttributes: Invalid value: "null": exactly one of nonResourceAttributes or resourceAttributes must be specified');
  const attrs = ra
    ? {
        user,
        verb: ra.verb ?? "",
        resourceRequest: true,
        apiGroup: ra.group ?? "",
        apiVersion: ra.version ?? "",
        resource: ra.resource ?? "",
        subresource: ra.subresource ?? "",
        namespace: ra.namespace ?? "",
        name: ra.name ?? "",
        path: "",
      }
    : { user, verb: nra!.verb ?? "", resourceRequest: false, apiGroup: "", apiVersion: "", resource: "", subresource: "", namespace: "", name: "", path: nra!.path ?? "" };
  const r = authorizer.authorize(attrs);
  return { allowed: r.decision === "Allow", ...(r.decision === "Deny" ? { denied: true } : {}), ...(r.reason !== "" ? { reason: r.reason } : {}) };
}

export function rulesReview(authorizer: Authorizer, user: UserInfo, namespace: string): SubjectRulesReviewStatus | Status {
  if (namespace === "") return badRequest("no namespace on request");
  const rules = authorizer.rulesFor(user, namespace);
  const errors = rules.errors;
  return {
    resourceRules: rules.resourceRules.map((r) => ({ ...r })),
    nonResourceRules: rules.nonResourceRules.map((r) => ({ ...r })),
    incomplete: rules.incomplete,
    ...(errors.length > 0 ? { evaluationError: errors.length === 1 ? errors[0]! : `[${errors.join(", ")}]` } : {}),
  };
}

export function whoAmI(user: UserInfo): SelfSubjectReviewStatus {
  return {
    userInfo: {
      username: user.name,
      ...(user.uid !== undefined ? { uid: user.uid } : {}),
      ...(user.groups && user.groups.length > 0 ? { groups: [...user.groups] } : {}),
      ...(user.extra ? { extra: Object.fromEntries(Object.entries(user.extra).map(([k, v]) => [k, [...v]])) } : {}),
    },
  };
}
