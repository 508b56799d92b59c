// Authentication (filters/authentication.go with the group adder every
// kube-apiserver runs): a client presents who it is (a certificate's CN and O, a
// ServiceAccount token); the API server knows it as that user, a member of
// system:authenticated. A ServiceAccount is also in its two SA groups, as its
// token authenticator reports them.

import { ALL_AUTHENTICATED, ANONYMOUS, serviceAccountGroups, splitServiceAccountUsername } from "../authentication/user.ts";
import type { UserInfo } from "../types.ts";

// Clients keep one credential object for their life; the authenticated user is made once per credential.
const authenticated = new WeakMap<UserInfo, UserInfo>();

export function authenticate(credentials: UserInfo): UserInfo {
  let user = authenticated.get(credentials);
  if (user) return user;
  const groups = [...(credentials.groups ?? [])];
  const sa = splitServiceAccountUsername(credentials.name);
  if (sa) for (const g of serviceAccountGroups(sa.namespace)) if (!groups.includes(g)) groups.push(g);
  if (credentials.name !== ANONYMOUS && !groups.includes(ALL_AUTHENTICATED)) groups.push(ALL_AUTHENTICATED);
  user = { ...credentials, groups };
  authenticated.set(credentials, user);
  return user;
}
