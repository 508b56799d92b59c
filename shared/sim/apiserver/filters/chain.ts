// The front door every request walks before a handler sees it, in
// kube-apiserver's order: authentication → impersonation → authorization. A
// refusal is a Status; otherwise the handler runs as the (possibly impersonated)
// user the chain hands over.

import type { Status } from "../../api/meta.ts";
import type { Authorizer } from "../authorization/authorizer.ts";
import type { UserInfo } from "../types.ts";
import { authenticate } from "./authentication.ts";
import { forbiddenStatus } from "./forbidden.ts";
import { impersonate, type Impersonation } from "./impersonation.ts";
import type { RequestInfo } from "./request-info.ts";

export type FilterResult = { readonly ok: true; readonly user: UserInfo } | { readonly ok: false; readonly status: Status };

export function newHandlerChain(authorizer: Authorizer): (credentials: UserInfo, imp: Impersonation | undefined, req: RequestInfo) => FilterResult {
  return (credentials, imp, req) => {
    let user = authenticate(credentials);
    if (imp !== undefined) {
      const acting = impersonate(authorizer, user, imp);
      if (!acting.ok) return acting;
      user = acting.user;
    }
    const attrs = { ...req, user };
    const r = authorizer.authorize(attrs);
    if (r.decision !== "Allow") return { ok: false, status: forbiddenStatus(attrs, r.reason) };
    return { ok: true, user };
  };
}
