// kubectl create priorityclass NAME (pkg/cmd/create/create_priorityclass.go):
// --value (0), --global-default, --description and --preemption-policy
// (PreemptLowerPriority) go into the object as given, for the server to judge;
// a failure reads "failed to create priorityclass: <server message>".

import type { PriorityClass } from "../../sim/api/scheduling-v1.ts";
import { plainError, reportErrors } from "../errors.ts";
import { flagBool, flagInt, flagString } from "../flags.ts";
import { bool, str, type Command } from "./command.ts";
import { GENERATOR_FLAGS, nameArg, sendCreate } from "./create-options.ts";
import { dryRunAndOutput, printCreated, withTypedLastApplied } from "./print-created.ts";

export const createPriorityClassCommand: Command = {
  name: "priorityclass",
  aliases: ["pc"],
  use: "priorityclass NAME --value=VALUE --global-default=BOOL [--dry-run=server|client|none]",
  short: "Create a priority class with the specified name",
  flags: [...GENERATOR_FLAGS, { name: "value", type: "int32" }, bool("global-default"), str("description"), str("preemption-policy")],
  run(ctx) {
    const name = nameArg(ctx);
    if (typeof name !== "string") return reportErrors(ctx.out, [name]);
    const complete = dryRunAndOutput(ctx);
    if ("error" in complete) return reportErrors(ctx.out, [complete.error]);
    const { dry } = complete;
    let pc: PriorityClass = {
      apiVersion: "scheduling.k8s.io/v1",
      kind: "PriorityClass",
      metadata: { name },
      value: flagInt(ctx.flags, "value", 0),
      // omitempty: false and "" are not sent.
      ...(flagBool(ctx.flags, "global-default") ? { globalDefault: true } : {}),
      ...(flagString(ctx.flags, "description") !== "" ? { description: flagString(ctx.flags, "description") } : {}),
      preemptionPolicy: flagString(ctx.flags, "preemption-policy", "PreemptLowerPriority") as PriorityClass["preemptionPolicy"],
    };
    if (flagBool(ctx.flags, "save-config")) pc = withTypedLastApplied(pc);
    const res = sendCreate(ctx, "priorityclasses", undefined, pc, dry);
    if (!res.ok) return reportErrors(ctx.out, [plainError(`failed to create priorityclass: ${res.status.message}`)]);
    printCreated(ctx, res.object, dry, true);
  },
};
