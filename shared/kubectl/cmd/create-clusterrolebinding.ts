// kubectl create clusterrolebinding (pkg/cmd/create/create_clusterrolebinding.go,
// v1.34): a cluster-wide grant of the required --clusterrole to users, groups
// and service accounts. Unlike create rolebinding, it has no Validate step.

import { RBAC_GROUP, type ClusterRoleBinding } from "../../sim/api/rbac-v1.ts";
import { reportErrors } from "../errors.ts";
import { flagString } from "../flags.ts";
import { str, type Command } from "./command.ts";
import { GENERATOR_FLAGS, nameArg } from "./create-options.ts";
import { SUBJECT_FLAGS, createBindingAndPrint, subjectsFromFlags } from "./create-rolebinding.ts";
import { dryRunAndOutput } from "./print-created.ts";

export const createClusterRoleBindingCommand: Command = {
  name: "clusterrolebinding",
  use: "clusterrolebinding NAME --clusterrole=NAME [--user=username] [--group=groupname] [--serviceaccount=namespace:serviceaccountname] [--dry-run=server|client|none]",
  short: "Create a cluster role binding for a particular cluster role",
  flags: [...GENERATOR_FLAGS, str("clusterrole"), ...SUBJECT_FLAGS],
  required: ["clusterrole"],
  run(ctx) {
    const name = nameArg(ctx);
    if (typeof name !== "string") return reportErrors(ctx.out, [name]);
    const complete = dryRunAndOutput(ctx);
    if ("error" in complete) return reportErrors(ctx.out, [complete.error]);
    const subjects = subjectsFromFlags(ctx);
    if (!Array.isArray(subjects)) return reportErrors(ctx.out, [subjects]);
    const binding: ClusterRoleBinding = {
      kind: "ClusterRoleBinding",
      apiVersion: "rbac.authorization.k8s.io/v1",
      metadata: { name },
      roleRef: { apiGroup: RBAC_GROUP, kind: "ClusterRole", name: flagString(ctx.flags, "clusterrole") },
    };
    if (subjects.length > 0) binding.subjects = subjects;
    createBindingAndPrint(ctx, "clusterrolebindings", binding, complete.dry);
  },
};
