// kubectl create namespace NAME (pkg/cmd/create/create_namespace.go): a bare
// Namespace; the server's errors are returned as they are.

import type { Command } from "./command.ts";
import { GENERATOR_FLAGS, runGenerator } from "./create-options.ts";

export const createNamespaceCommand: Command = {
  name: "namespace",
  aliases: ["ns"],
  use: "namespace NAME [--dry-run=server|client|none]",
  short: "Create a namespace with the specified name",
  flags: GENERATOR_FLAGS,
  run(ctx) {
    runGenerator(ctx, "namespaces", undefined, (name) => ({ apiVersion: "v1", kind: "Namespace", metadata: { name }, spec: {}, status: {} }));
  },
};
