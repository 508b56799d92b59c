// kubectl create serviceaccount NAME (pkg/cmd/create/create_serviceaccount.go):
// the namespace goes into the object only when -n was given; a failure reads
// "failed to create serviceaccount: <server message>".

import type { Command } from "./command.ts";
import { GENERATOR_FLAGS, runGenerator } from "./create-options.ts";

export const createServiceAccountCommand: Command = {
  name: "serviceaccount",
  aliases: ["sa"],
  use: "serviceaccount NAME [--dry-run=server|client|none]",
  short: "Create a service account with the specified name",
  flags: GENERATOR_FLAGS,
  run(ctx) {
    runGenerator(
      ctx,
      "serviceaccounts",
      ctx.namespace,
      (name) => ({ apiVersion: "v1", kind: "ServiceAccount", metadata: { name, ...(ctx.namespaceExplicit ? { namespace: ctx.namespace } : {}) } }),
      "serviceaccount",
    );
  },
};
