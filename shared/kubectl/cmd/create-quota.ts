// kubectl create quota (pkg/cmd/create/create_quota.go, v1.34): a ResourceQuota
// from --hard=resource=quantity,... and --scopes=Scope,...; scope names are left
// for the API server to check.

import type { ResourceList, ResourceQuota } from "../../sim/api/core-v1.ts";
import { QUANTITY_FORMAT_ERROR } from "../../sim/api/quantity.ts";
import { plainError, reportErrors, type KubectlError } from "../errors.ts";
import { flagBool, flagString } from "../flags.ts";
import { canonicalQuantity, parseQuantity } from "../printers/quantity.ts";
import { str, type Command } from "./command.ts";
import { GENERATOR_FLAGS, nameArg, sendCreate } from "./create-options.ts";
import { dryRunAndOutput, printCreated, withTypedLastApplied } from "./print-created.ts";

/** populateResourceListV1: quantities as resource.ParseQuantity reads (and re-prints) them. */
function parseHard(spec: string): { hard?: ResourceList } | { error: KubectlError } {
  if (spec === "") return {};
  const list: ResourceList = {};
  for (const statement of spec.split(",")) {
    const parts = statement.split("=");
    if (parts.length !== 2) return { error: plainError(`Invalid argument syntax ${statement}, expected <resource>=<value>`) };
    if (parseQuantity(parts[1]!) === undefined || parts[1]!.trim() !== parts[1]) return { error: plainError(QUANTITY_FORMAT_ERROR) };
    list[parts[0]!] = canonicalQuantity(parts[1]!);
  }
  return { hard: list };
}

/** parseScopes. */
function parseScopes(spec: string): string[] | undefined | KubectlError {
  if (spec === "") return undefined;
  const scopes = spec.split(",");
  if (scopes.includes("")) return plainError('invalid resource quota scope ""');
  return scopes;
}

export const createQuotaCommand: Command = {
  name: "quota",
  aliases: ["resourcequota"],
  use: "quota NAME [--hard=key1=value1,key2=value2] [--scopes=Scope1,Scope2] [--dry-run=server|client|none]",
  short: "Create a quota with the specified name",
  flags: [...GENERATOR_FLAGS, str("hard"), str("scopes")],
  run(ctx) {
    const name = nameArg(ctx);
    if (typeof name !== "string") return reportErrors(ctx.out, [name]);
    const complete = dryRunAndOutput(ctx);
    if ("error" in complete) return reportErrors(ctx.out, [complete.error]);
    if (name === "") return reportErrors(ctx.out, [plainError("name must be specified")]);
    const hard = parseHard(flagString(ctx.flags, "hard"));
    if ("error" in hard) return reportErrors(ctx.out, [hard.error]);
    const scopes = parseScopes(flagString(ctx.flags, "scopes"));
    if (scopes !== undefined && !Array.isArray(scopes)) return reportErrors(ctx.out, [scopes]);
    let quota: ResourceQuota = {
      kind: "ResourceQuota",
      apiVersion: "v1",
      metadata: { name, ...(ctx.namespaceExplicit ? { namespace: ctx.namespace } : {}) },
      spec: { ...hard, ...(scopes ? { scopes } : {}) },
      status: {},
    };
    if (flagBool(ctx.flags, "save-config")) quota = withTypedLastApplied(quota);
    const res = sendCreate(ctx, "resourcequotas", ctx.namespace, quota, complete.dry);
    if (!res.ok) return reportErrors(ctx.out, [plainError(`failed to create quota: ${res.status.message}`)]);
    printCreated(ctx, res.object, complete.dry, true);
  },
};
