// --as, --as-group and --as-uid (genericclioptions ConfigFlags): every request of
// the command carries the Impersonate-* headers. Groups or a uid without a user
// are refused by the client config's validation before anything is sent.

import type { Impersonation } from "../sim/apiserver/filters/impersonation.ts";
import { flagList, flagString, type ParsedFlags } from "./flags.ts";

export function impersonationFromFlags(flags: ParsedFlags, kubeconfigUser: string): Impersonation | undefined | { error: string } {
  const user = flagString(flags, "as");
  const groups = flagList(flags, "as-group");
  const uid = flagString(flags, "as-uid");
  if (user === "") {
    if (groups.length > 0 || uid !== "") return { error: `invalid configuration: requesting uid, groups or user-extra for ${kubeconfigUser} without impersonating a user` };
    return undefined;
  }
  return { user, ...(groups.length > 0 ? { groups } : {}), ...(uid !== "" ? { uid } : {}) };
}
