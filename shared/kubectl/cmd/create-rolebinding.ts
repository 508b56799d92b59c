// kubectl create rolebinding (pkg/cmd/create/create_rolebinding.go, v1.34):
// a binding of exactly one of --role or --clusterrole to --user, --group and
// --serviceaccount=namespace:name subjects, in that order. The subject
// building is shared with `create clusterrolebinding`.

import { RBAC_GROUP, type ClusterRoleBinding, type RoleBinding, type Subject } from "../../sim/api/rbac-v1.ts";
import { plainError, reportErrors, type KubectlError } from "../errors.ts";
import { flagBool, flagList, flagString } from "../flags.ts";
import { str, type Command, type CommandContext } from "./command.ts";
import { GENERATOR_FLAGS, nameArg, sendCreate } from "./create-options.ts";
import type { DryRun } from "./dry-run.ts";
import { dryRunAndOutput, printCreated, withTypedLastApplied } from "./print-created.ts";

export const SERVICE_ACCOUNT_FORMAT_ERROR = "serviceaccount must be <namespace>:<name>";

/** --user, --group and --serviceaccount, shared by both binding commands. */
export const SUBJECT_FLAGS = [
  { name: "user", type: "stringArray" },
  { name: "group", type: "stringArray" },
  { name: "serviceaccount", type: "stringArray" },
] as const;

/** Users, then groups, then service accounts, as kubectl appends them. */
export function subjectsFromFlags(ctx: CommandContext): Subject[] | KubectlError {
  const subjects: Subject[] = [];
  for (const name of flagList(ctx.flags, "user")) subjects.push({ kind: "User", apiGroup: RBAC_GROUP, name });
  for (const name of flagList(ctx.flags, "group")) subjects.push({ kind: "Group", apiGroup: RBAC_GROUP, name });
  for (const sa of flagList(ctx.flags, "serviceaccount")) {
    const tokens = sa.split(":");
    if (tokens.length !== 2 || tokens[0] === "" || tokens[1] === "") return plainError(SERVICE_ACCOUNT_FORMAT_ERROR);
    // The ServiceAccount kind's apiGroup is "", which omitempty leaves out.
    subjects.push({ kind: "ServiceAccount", name: tokens[1]!, namespace: tokens[0]! });
  }
  return subjects;
}

/** Run's tail: the annotation, the create (its error wrapped as "failed to create rolebinding: ..."), the print. */
export function createBindingAndPrint(ctx: CommandContext, resource: "rolebindings" | "clusterrolebindings", obj: RoleBinding | ClusterRoleBinding, dry: DryRun): void {
  const body = flagBool(ctx.flags, "save-config") ? withTypedLastApplied(obj) : obj;
  const res = sendCreate(ctx, resource, resource === "rolebindings" ? ctx.namespace : undefined, body as never, dry);
  if (!res.ok) return reportErrors(ctx.out, [plainError(`failed to create ${resource.slice(0, -1)}: ${res.status.message}`)]);
  printCreated(ctx, res.object, dry, true);
}

export const createRoleBindingCommand: Command = {
  name: "rolebinding",
  use: "rolebinding NAME --clusterrole=NAME|--role=NAME [--user=username] [--group=groupname] [--serviceaccount=namespace:serviceaccountname] [--dry-run=server|client|none]",
  short: "Create a role binding for a particular role or cluster role",
  flags: [...GENERATOR_FLAGS, str("clusterrole"), str("role"), ...SUBJECT_FLAGS],
  run(ctx) {
    const name = nameArg(ctx);
    if (typeof name !== "string") return reportErrors(ctx.out, [name]);
    const complete = dryRunAndOutput(ctx);
    if ("error" in complete) return reportErrors(ctx.out, [complete.error]);
    if (name === "") return reportErrors(ctx.out, [plainError("name must be specified")]);
    const clusterRole = flagString(ctx.flags, "clusterrole");
    const role = flagString(ctx.flags, "role");
    if ((clusterRole === "") === (role === "")) return reportErrors(ctx.out, [plainError("exactly one of clusterrole or role must be specified")]);
    const subjects = subjectsFromFlags(ctx);
    if (!Array.isArray(subjects)) return reportErrors(ctx.out, [subjects]);
    const binding: RoleBinding = {
      kind: "RoleBinding",
      apiVersion: "rbac.authorization.k8s.io/v1",
      metadata: { name, ...(ctx.namespaceExplicit ? { namespace: ctx.namespace } : {}) },
      roleRef: role !== "" ? { apiGroup: RBAC_GROUP, kind: "Role", name: role } : { apiGroup: RBAC_GROUP, kind: "ClusterRole", name: clusterRole },
    };
    if (subjects.length > 0) binding.subjects = subjects;
    createBindingAndPrint(ctx, "rolebindings", binding, complete.dry);
  },
};
