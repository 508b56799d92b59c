// What kubectl's `create <generator>` subcommands share: their common flags
// (PrintFlags, --dry-run, --save-config, --validate, --field-manager), the one
// NAME argument (NameFromCommandArgs), and sending the built object the way the
// dry-run strategy says: not at all (client), with dryRun=All (server), or for real.

import type { KubeObject } from "../../sim/api/meta.ts";
import type { ResourceName, ResourceTypes } from "../../sim/api/resources.ts";
import type { ApiResult } from "../../sim/apiserver/errors.ts";
import { plainError, reportErrors, statusError, usageError, type KubectlError } from "../errors.ts";
import { flagBool, type FlagSpec } from "../flags.ts";
import { DRY_RUN, bool, str, type CommandContext } from "./command.ts";
import type { DryRun } from "./dry-run.ts";
import { PRINT_FLAGS, dryRunAndOutput, printCreated, withTypedLastApplied } from "./print-created.ts";
import { VALIDATE, validatedWriteOptions } from "./validate.ts";

export const GENERATOR_FLAGS: readonly FlagSpec[] = [DRY_RUN, ...PRINT_FLAGS, bool("save-config"), VALIDATE, str("field-manager")];

/** NameFromCommandArgs: exactly one NAME before any "--". */
export function nameArg(ctx: CommandContext): string | KubectlError {
  const n = ctx.flags.argsLenAtDash === -1 ? ctx.args.length : ctx.flags.argsLenAtDash;
  if (n !== 1) return usageError(ctx.path, `exactly one NAME is required, got ${n}`);
  return ctx.args[0]!;
}

/**
 * The create call a generator makes after building its object: none under
 * --dry-run=client (the object is printed as built), CreateOptions.DryRun=All
 * under --dry-run=server (the server's answer is printed, nothing is stored);
 * with the fieldValidation --validate asks for.
 */
export function sendCreate<R extends ResourceName>(ctx: CommandContext, resource: R, namespace: string | undefined, obj: ResourceTypes[R], dry: DryRun): ApiResult<KubeObject> {
  if (dry === "client") return { ok: true, object: obj };
  return ctx.env.client.request({ verb: "create", resource, namespace, body: obj, ...validatedWriteOptions(ctx.flags, dry) });
}

/**
 * The run of a generator that needs only NAME (and its own flags): build the
 * object, add --save-config's annotation, send it, print it. `failedTo` names
 * what kubectl's error wraps ("failed to create serviceaccount: ..."); without
 * it the server's error prints as it is.
 */
export function runGenerator<R extends ResourceName>(
  ctx: CommandContext,
  resource: R,
  namespace: string | undefined,
  build: (name: string) => ResourceTypes[R],
  failedTo?: string,
): void {
  const name = nameArg(ctx);
  if (typeof name !== "string") return reportErrors(ctx.out, [name]);
  const complete = dryRunAndOutput(ctx);
  if ("error" in complete) return reportErrors(ctx.out, [complete.error]);
  const { dry } = complete;
  let obj = build(name);
  if (flagBool(ctx.flags, "save-config")) obj = withTypedLastApplied(obj);
  const res = sendCreate(ctx, resource, namespace, obj, dry);
  if (!res.ok) return reportErrors(ctx.out, [failedTo ? plainError(`failed to create ${failedTo}: ${res.status.message}`) : statusError(res.status)]);
  printCreated(ctx, res.object, dry, true);
}
