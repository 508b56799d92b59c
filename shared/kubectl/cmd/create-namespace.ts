// kubectl create namespace NAME (pkg/cmd/create/create_namespace.go): a bare
// Namespace; the server's errors are returned as they are.

import type { Namespace } from "../../sim/api/core-v1.ts";
import { reportErrors, statusError } from "../errors.ts";
import { flagBool } from "../flags.ts";
import type { Command } from "./command.ts";
import { GENERATOR_FLAGS, nameArg, sendCreate } from "./create-options.ts";
import { dryRunAndOutput, printCreated, withTypedLastApplied } from "./print-created.ts";

export const createNamespaceCommand: Command = {
  name: "namespace",
  aliases: ["ns"],
  use: "namespace NAME [--dry-run=server|client|none]",
  short: "Create a namespace with the specified name",
  flags: GENERATOR_FLAGS,
  run(ctx) {
    const name = nameArg(ctx);
    if (typeof name !== "string") return reportErrors(ctx.out, [name]);
    const complete = dryRunAndOutput(ctx);
    if ("error" in complete) return reportErrors(ctx.out, [complete.error]);
    const { dry } = complete;
    let ns: Namespace = { apiVersion: "v1", kind: "Namespace", metadata: { name }, spec: {}, status: {} };
    if (flagBool(ctx.flags, "save-config")) ns = withTypedLastApplied(ns);
    const res = sendCreate(ctx, "namespaces", undefined, ns, dry);
    if (!res.ok) return reportErrors(ctx.out, [statusError(res.status)]);
    printCreated(ctx, res.object, dry, true);
  },
};
