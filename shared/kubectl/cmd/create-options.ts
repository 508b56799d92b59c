// What kubectl's `create <generator>` subcommands share: their common flags
// (PrintFlags, --dry-run, --save-config, --validate, --field-manager), the one
// NAME argument (NameFromCommandArgs), and sending the built object the way the
// dry-run strategy says: not at all (client), with dryRun=All (server), or for real.

import type { KubeObject } from "../../sim/api/meta.ts";
import type { ResourceName, ResourceTypes } from "../../sim/api/resources.ts";
import type { ApiResult } from "../../sim/apiserver/errors.ts";
import { usageError, type KubectlError } from "../errors.ts";
import type { FlagSpec } from "../flags.ts";
import { DRY_RUN, bool, str, type CommandContext } from "./command.ts";
import type { DryRun } from "./dry-run.ts";
import { PRINT_FLAGS } from "./print-created.ts";

/** cmdutil.AddValidateFlags: a bare --validate means strict. */
const VALIDATE: FlagSpec = { name: "validate", type: "string", noOptDefVal: "strict" };

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
 * under --dry-run=server (the server's answer is printed, nothing is stored).
 */
export function sendCreate<R extends ResourceName>(ctx: CommandContext, resource: R, namespace: string | undefined, obj: ResourceTypes[R], dry: DryRun): ApiResult<KubeObject> {
  if (dry === "client") return { ok: true, object: obj };
  return ctx.env.client.request({ verb: "create", resource, namespace, body: obj, dryRun: dry === "server" });
}
