// A level's access checks: `kubectl auth can-i` questions asked about one user
// (a SelfSubjectAccessReview sent with Impersonate-User/-Group, exactly what
// `kubectl auth can-i VERB RESOURCE -n NS --as dana --as-group team-a-devs`
// sends), each compared with the answer the level wants. The checks are asked by
// the game's checker, never the player, so a player cannot answer for the team.

import type { Client } from "../../sim/clientgo/client.ts";
import type { AccessCheck, ReviewedUser } from "../scenarios/scenario.ts";

export interface AccessCheckResult {
  readonly check: AccessCheck;
  /** What the API server answered; false too when it refused the review itself. */
  readonly allowed: boolean;
  readonly passed: boolean;
}

/** Asks every check as `user`, in order, through `checker` (who must be allowed to impersonate). */
export function reviewAccess(checker: Client, user: ReviewedUser, checks: readonly AccessCheck[]): AccessCheckResult[] {
  const asUser = checker.withImpersonation({ user: user.name, groups: user.groups });
  return checks.map((check) => {
    const r = asUser.selfSubjectAccessReview({
      resourceAttributes: { verb: check.verb, group: check.group, resource: check.resource, subresource: check.subresource, name: check.name, namespace: check.namespace },
    });
    const allowed = r.ok && r.object.allowed;
    return { check, allowed, passed: r.ok && allowed === check.allowed };
  });
}

/** The checks a row of the checklist shows together: same answer wanted, same target, verbs differ. */
export interface AccessCheckGroup {
  readonly label: string;
  readonly passed: boolean;
}

/**
 * Folds consecutive checks that differ only in their verb into one line a
 * projector can show: "can create, update, delete deployments in team-a",
 * "cannot get, list secrets in team-a", "cannot list nodes cluster-wide".
 */
export function groupAccessChecks(results: readonly AccessCheckResult[]): AccessCheckGroup[] {
  const groups: { key: string; verbs: string[]; passed: boolean; check: AccessCheck }[] = [];
  for (const { check, passed } of results) {
    const key = JSON.stringify([check.allowed, check.group, check.resource, check.subresource, check.name, check.namespace]);
    const last = groups.at(-1);
    if (last && last.key === key) {
      last.verbs.push(check.verb);
      last.passed &&= passed;
    } else {
      groups.push({ key, verbs: [check.verb], passed, check });
    }
  }
  return groups.map(({ verbs, passed, check }) => ({ label: accessLabel(check, verbs), passed }));
}

function accessLabel(check: AccessCheck, verbs: readonly string[]): string {
  // kubectl's TYPE/NAME, and pods/log for a subresource.
  let target = check.subresource ? `${check.resource}/${check.subresource}` : check.resource;
  if (check.name) target = check.subresource ? `${target} of ${check.name}` : `${target}/${check.name}`;
  // A namespace's own scope is itself: "delete namespaces/team-a", not "... in team-a".
  const ownNamespace = check.resource === "namespaces" && check.name !== "" && check.name === check.namespace;
  const scope = ownNamespace ? "" : check.namespace ? ` in ${check.namespace}` : " cluster-wide";
  return `${check.allowed ? "can" : "cannot"} ${verbs.join(", ")} ${target}${scope}`;
}
