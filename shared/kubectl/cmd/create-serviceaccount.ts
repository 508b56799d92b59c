// kubectl create serviceaccount NAME (pkg/cmd/create/create_serviceaccount.go):
// the namespace goes into the object only when -n was given; a failure reads
// "failed to create serviceaccount: <server message>".

import type { ServiceAccount } from "../../sim/api/core-v1.ts";
import { plainError, reportErrors } from "../errors.ts";
import { flagBool } from "../flags.ts";
import type { Command } from "./command.ts";
import { GENERATOR_FLAGS, nameArg, sendCreate } from "./create-options.ts";
import { dryRunAndOutput, printCreated, withTypedLastApplied } from "./print-created.ts";

export const createServiceAccountCommand: Command = {
  name: "serviceaccount",
  aliases: ["sa"],
  use: "serviceaccount NAME [--dry-run=server|client|none]",
  short: "Create a service account with the specified name",
  flags: GENERATOR_FLAGS,
  run(ctx) {
    const name = nameArg(ctx);
    if (typeof name !== "string") return reportErrors(ctx.out, [name]);
    const complete = dryRunAndOutput(ctx);
    if ("error" in complete) return reportErrors(ctx.out, [complete.error]);
    const { dry } = complete;
    let sa: ServiceAccount = { apiVersion: "v1", kind: "ServiceAccount", metadata: { name, ...(ctx.namespaceExplicit ? { namespace: ctx.namespace } : {}) } };
    if (flagBool(ctx.flags, "save-config")) sa = withTypedLastApplied(sa);
    const res = sendCreate(ctx, "serviceaccounts", ctx.namespace, sa, dry);
    if (!res.ok) return reportErrors(ctx.out, [plainError(`failed to create serviceaccount: ${res.status.message}`)]);
    printCreated(ctx, res.object, dry, true);
  },
};
