// kubectl wait (pkg/cmd/wait): blocks until every named object meets a
// condition (a status condition, a JSONPath value, or deletion), then prints
// "<kind>/<name> condition met" for each. Where the console can let simulated
// time pass it watches until --timeout; where it cannot (the shared room) it
// reports a condition that already holds and says plainly when it would block.

import type { KubeObject } from "../../sim/api/meta.ts";
import type { ResourceName } from "../../sim/api/resources.ts";
import { STEP_MS } from "../../sim/kernel/clock.ts";
import { plainError, reportErrors, type KubectlError } from "../errors.ts";
import { flagBool, flagString } from "../flags.ts";
import { relaxedJsonPathExpression } from "../printers/custom-columns.ts";
import { JsonPath } from "../printers/jsonpath.ts";
import { nameLine } from "../printers/name.ts";
import { runBuilder } from "./builder.ts";
import { ALL_NAMESPACES, FIELD_SELECTOR, SELECTOR, bool, str, type CommandContext } from "./command.ts";
import { optionsCommand, type Completed } from "./options.ts";
import { WATCH_TIMEOUT_MESSAGE } from "./rollout.ts";

/** WaitFlags' default --timeout. */
export const DEFAULT_WAIT_TIMEOUT_MS = 30_000;
/** A negative --timeout means "wait for a week". */
const WEEK_MS = 168 * 60 * 60 * 1000;
export const NO_MATCHING_RESOURCES = "no matching resources found";
export const CANNOT_BLOCK_MESSAGE = 'error: "kubectl wait" cannot block in the shared game console; the condition is not met yet';
const JSONPATH_FORMAT_ERROR = "jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'";

/** extendErrWaitTimeout: the timeout error names the resource and object. */
export const timedOutOn = (resource: ResourceName, name: string): string => `${WATCH_TIMEOUT_MESSAGE} on ${resource}/${name}`;

/** What --for asks: met(current object, or undefined once it is gone from the API). */
type Condition = { readonly isDelete: boolean; met(obj: KubeObject | undefined, original: KubeObject): boolean | KubectlError };

/** splitJSONPathInput: splits on "=", keeping "==" inside the expression. */
function splitJsonPathInput(input: string): string[] {
  const out: string[] = [];
  let element = "";
  for (let i = 0; i < input.length; i++) {
    if (input[i] === "=") {
      if (input[i + 1] === "=") {
        element += "==";
        i++;
        continue;
      }
      out.push(element);
      element = "";
      continue;
    }
    element += input[i];
  }
  return [...out, element];
}

/** ConditionalWait.checkCondition: a condition of that type (case-folded) with that status, observed at the current generation. */
function statusConditionMet(obj: KubeObject, name: string, value: string): boolean {
  const status = (obj as { status?: { conditions?: unknown; observedGeneration?: number } }).status;
  const conditions = Array.isArray(status?.conditions) ? (status.conditions as Record<string, unknown>[]) : [];
  for (const c of conditions) {
    if (typeof c.type !== "string" || c.type.toLowerCase() !== name.toLowerCase() || typeof c.status !== "string") continue;
    const generation = obj.metadata.generation;
    const observed = typeof c.observedGeneration === "number" ? c.observedGeneration : status?.observedGeneration;
    if (generation !== undefined && observed !== undefined && observed < generation) return false;
    return c.status.toLowerCase() === value.toLowerCase();
  }
  return false;
}

/** JSONPathWait.checkCondition: exactly one primitive result, equal to the value (or any value when none was given). */
function jsonPathMet(path: JsonPath, value: string, obj: KubeObject): boolean | KubectlError {
  const found = path.findResults(obj);
  if (!found.ok) return plainError(found.error);
  const results = found.results;
  if (results.length === 0 || results[0]!.length === 0) return false;
  if (results.length > 1) return plainError("given jsonpath expression matches more than one list");
  if (results[0]!.length > 1) return plainError("given jsonpath expression matches more than one value");
  const r = results[0]![0];
  if (value === "") return true;
  if (typeof r === "object" && r !== null) return plainError("jsonpath leads to a nested object or list which is not supported");
  return String(r).trim() === value.trim();
}

/** conditionFuncFor: --for parsed once, before anything is fetched. */
function conditionFor(forFlag: string): Condition | KubectlError {
  if (forFlag.toLowerCase() === "delete") return { isDelete: true, met: (obj, original) => obj === undefined || obj.metadata.uid !== original.metadata.uid };
  if (forFlag.startsWith("condition=")) {
    let name = forFlag.slice("condition=".length);
    let value = "true";
    const eq = name.indexOf("=");
    if (eq >= 0) {
      value = name.slice(eq + 1);
      name = name.slice(0, eq);
    }
    return { isDelete: false, met: (obj) => obj !== undefined && statusConditionMet(obj, name, value) };
  }
  if (forFlag.startsWith("jsonpath=")) {
    const parts = splitJsonPathInput(forFlag.slice("jsonpath=".length));
    if (parts.length > 2) return plainError(JSONPATH_FORMAT_ERROR);
    const relaxed = relaxedJsonPathExpression(parts[0]!);
    if (!relaxed.ok) return plainError(relaxed.error);
    let value = "";
    if (parts.length === 2) {
      value = parts[1]!.replace(/^['"]+|['"]+$/g, "");
      if (value === "") return plainError("jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3");
    }
    if (relaxed.value === "") return plainError("jsonpath expression cannot be empty");
    const path = JsonPath.parse(relaxed.value);
    if (typeof path === "string") return plainError(path);
    path.setAllowMissingKeys(true);
    return { isDelete: false, met: (obj) => obj !== undefined && jsonPathMet(path, value, obj) };
  }
  return plainError(`unrecognized condition: ${JSON.stringify(forFlag)}`);
}

function current(ctx: CommandContext, resource: ResourceName, obj: KubeObject): KubeObject | undefined {
  const got = ctx.env.client.get(resource, obj.metadata.namespace, obj.metadata.name!);
  return got.ok ? (got.object as KubeObject) : undefined;
}

interface WaitOptions {
  readonly condition: Condition;
  readonly timeoutMs: number;
  readonly resources: readonly string[];
  readonly selector: string;
  readonly fieldSelector: string;
  readonly all: boolean;
  readonly allNamespaces: boolean;
}

/** WaitFlags.ToOptions: --for parsed and the timeout made effective before anything is fetched. */
function complete(ctx: CommandContext): Completed<WaitOptions> {
  const f = ctx.flags;
  const condition = conditionFor(flagString(f, "for"));
  if ("kind" in condition) return { error: condition };
  const t = f.values.get("timeout");
  return {
    options: {
      condition,
      timeoutMs: typeof t !== "number" ? DEFAULT_WAIT_TIMEOUT_MS : t < 0 ? WEEK_MS : t,
      resources: ctx.args,
      selector: flagString(f, "selector"),
      fieldSelector: flagString(f, "field-selector"),
      all: flagBool(f, "all"),
      allNamespaces: flagBool(f, "all-namespaces"),
    },
  };
}

function run(o: WaitOptions, ctx: CommandContext): void {
  const { condition, timeoutMs } = o;
  const r = runBuilder(ctx, o.resources, {
    allowEmptySelector: false,
    labelSelector: o.selector,
    fieldSelector: o.fieldSelector,
    selectAll: o.all,
    allNamespaces: o.allNamespaces,
  });
  if (r.fatal) return reportErrors(ctx.out, [r.fatal]);
  // --for=delete ignores NotFound (already gone); any other lookup error ends the command.
  const errors = r.errors.filter((e) => !(condition.isDelete && e.kind === "status" && e.status.reason === "NotFound"));
  if (errors.length > 0) return reportErrors(ctx.out, [errors[0]!]);
  const objects = r.infos.flatMap((i) => i.objects.map((obj) => ({ resource: i.resource, obj })));
  if (objects.length === 0) {
    if (!condition.isDelete) reportErrors(ctx.out, [plainError(NO_MATCHING_RESOURCES)]);
    return;
  }
  // One deadline for the whole command, as kubectl's context timeout is.
  let waited = 0;
  for (const { resource, obj } of objects) {
    let met = condition.met(current(ctx, resource, obj), obj);
    while (met === false && ctx.env.wait && waited < timeoutMs) {
      // Real kubectl returns on the watch event that meets the condition: look again every step.
      const step = Math.min(STEP_MS, timeoutMs - waited);
      ctx.env.wait(step);
      waited += step;
      met = condition.met(current(ctx, resource, obj), obj);
    }
    if (met !== true) return reportErrors(ctx.out, [met === false ? notMet(ctx, resource, obj.metadata.name!, timeoutMs) : met]);
    ctx.out.out(nameLine(obj, "condition met"));
  }
}

export const waitCommand = optionsCommand<WaitOptions>({
  name: "wait",
  use: "wait ([-f FILENAME] | resource.group/resource.name | resource.group [(-l label | --all)]) [--for=delete|--for condition=available|--for=jsonpath='{}'=value]",
  short: "Experimental: Wait for a specific condition on one or many resources",
  flags: [str("for"), { name: "timeout", type: "duration" }, SELECTOR, FIELD_SELECTOR, bool("all"), ALL_NAMESPACES],
  complete,
  run,
});

/** Why an unmet condition ends the command: timeout 0 checks once; the room cannot block; otherwise time ran out. */
function notMet(ctx: CommandContext, resource: ResourceName, name: string, timeoutMs: number): KubectlError {
  if (timeoutMs === 0) return plainError(`condition not met for ${resource}/${name}`);
  if (!ctx.env.wait) return plainError(CANNOT_BLOCK_MESSAGE);
  return plainError(timedOutOn(resource, name));
}
