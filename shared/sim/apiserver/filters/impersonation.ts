// Impersonation (filters/impersonation.go): `kubectl --as=bob --as-group=dev`
// asks to act as another user. Each part is itself authorized with the
// "impersonate" verb (users, groups, serviceaccounts, uids, userextras/<key>);
// the request then continues as the impersonated user, who is authenticated.

import type { Status } from "../../api/meta.ts";
import { ALL_AUTHENTICATED, ALL_UNAUTHENTICATED, ANONYMOUS, serviceAccountGroups, splitServiceAccountUsername } from "../authentication/user.ts";
import type { Authorizer } from "../authorization/authorizer.ts";
import { badRequest } from "../errors.ts";
import type { UserInfo } from "../types.ts";
import { forbiddenStatus } from "./forbidden.ts";
import { resourceRequest, type RequestInfo } from "./request-info.ts";

/** The Impersonate-* headers a client sends. */
export interface Impersonation {
  readonly user?: string;
  readonly groups?: readonly string[];
  readonly uid?: string;
  readonly extra?: Readonly<Record<string, readonly string[]>>;
}

const CORE = { group: "", version: "v1" };
const AUTHENTICATION = { group: "authentication.k8s.io", version: "v1" };

export function impersonate(authorizer: Authorizer, requestor: UserInfo, imp: Impersonation): { ok: true; user: UserInfo } | { ok: false; status: Status } {
  const groupsSpecified = (imp.groups ?? []).length > 0;
  if (imp.user === undefined || imp.user === "") {
    if (groupsSpecified || imp.uid !== undefined || Object.keys(imp.extra ?? {}).length > 0) {
      return { ok: false, status: badRequest("requested impersonation of groups, extra or uid without impersonating a user") };
    }
    return { ok: true, user: requestor };
  }
  // buildImpersonationRequests: the user (or ServiceAccount), then groups, extras and the uid.
  const checks: RequestInfo[] = [];
  let username = imp.user;
  let groups: string[] = [];
  const sa = splitServiceAccountUsername(imp.user);
  if (sa) {
    checks.push(resourceRequest("impersonate", { ...CORE, resource: "serviceaccounts" }, sa.namespace, sa.name));
    if (!groupsSpecified) groups = serviceAccountGroups(sa.namespace);
  } else {
    checks.push(resourceRequest("impersonate", { ...CORE, resource: "users" }, "", imp.user));
  }
  for (const g of imp.groups ?? []) {
    checks.push(resourceRequest("impersonate", { ...CORE, resource: "groups" }, "", g));
    groups.push(g);
  }
  const extra: Record<string, string[]> = {};
  for (const key of Object.keys(imp.extra ?? {}).sort()) {
    for (const value of imp.extra![key]!) {
      checks.push(resourceRequest("impersonate", { ...AUTHENTICATION, resource: "userextras" }, "", value, key));
      (extra[key] ??= []).push(value);
    }
  }
  if (imp.uid !== undefined) checks.push(resourceRequest("impersonate", { ...AUTHENTICATION, resource: "uids" }, "", imp.uid));
  for (const check of checks) {
    const attrs = { ...check, user: requestor };
    const r = authorizer.authorize(attrs);
    if (r.decision !== "Allow") return { ok: false, status: forbiddenStatus(attrs, r.reason) };
  }
  if (username !== ANONYMOUS && !groups.includes(ALL_AUTHENTICATED) && !groups.includes(ALL_UNAUTHENTICATED)) groups.push(ALL_AUTHENTICATED);
  const user: UserInfo = { name: username, groups, ...(imp.uid !== undefined ? { uid: imp.uid } : {}), ...(Object.keys(extra).length > 0 ? { extra } : {}) };
  return { ok: true, user };
}
