// kubectl create priorityclass NAME (pkg/cmd/create/create_priorityclass.go):
// --value (0), --global-default, --description and --preemption-policy
// (PreemptLowerPriority) go into the object as given, for the server to judge;
// a failure reads "failed to create priorityclass: <server message>".

import type { PriorityClass } from "../../sim/api/scheduling-v1.ts";
import { flagBool, flagInt, flagString } from "../flags.ts";
import { bool, str, type Command } from "./command.ts";
import { GENERATOR_FLAGS, runGenerator } from "./create-options.ts";

export const createPriorityClassCommand: Command = {
  name: "priorityclass",
  aliases: ["pc"],
  use: "priorityclass NAME --value=VALUE --global-default=BOOL [--dry-run=server|client|none]",
  short: "Create a priority class with the specified name",
  flags: [...GENERATOR_FLAGS, { name: "value", type: "int32" }, bool("global-default"), str("description"), str("preemption-policy")],
  run(ctx) {
    const f = ctx.flags;
    const build = (name: string): PriorityClass => ({
      apiVersion: "scheduling.k8s.io/v1",
      kind: "PriorityClass",
      metadata: { name },
      value: flagInt(f, "value", 0),
      // omitempty: false and "" are not sent.
      ...(flagBool(f, "global-default") ? { globalDefault: true } : {}),
      ...(flagString(f, "description") !== "" ? { description: flagString(f, "description") } : {}),
      preemptionPolicy: flagString(f, "preemption-policy", "PreemptLowerPriority") as PriorityClass["preemptionPolicy"],
    });
    runGenerator(ctx, "priorityclasses", undefined, build, "priorityclass");
  },
};
