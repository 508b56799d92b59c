// cli-runtime's resource.Builder for ResourceTypeOrNameArgs: turns "pods",
// "deploy,rs", "pod web-1 web-2", "deploy/web pod/x" and -l/--field-selector
// into GETs and LISTs against the API server, collecting errors as it goes
// (ContinueOnError), in the order kubectl visits them.

import type { KubeObject } from "../../sim/api/meta.ts";
import type { ResourceName, ResourceTypes } from "../../sim/api/resources.ts";
import { parseSelector, selectorMatches } from "../../sim/api/labels.ts";
import { plainError, statusError, type KubectlError } from "../errors.ts";
import { isNamespaced, resolveType, splitTypes, infoOf } from "../resources.ts";
import type { CommandContext } from "./command.ts";
import { fieldSelectorMatches, parseFieldSelector, supportsField, type FieldRequirement } from "./field-selector.ts";

export interface BuilderOptions {
  /** get/describe: a type alone lists everything (labels.Everything()). */
  readonly allowEmptySelector: boolean;
  readonly allNamespaces?: boolean;
  readonly labelSelector?: string;
  readonly fieldSelector?: string;
  /** --all on delete, label, scale. */
  readonly selectAll?: boolean;
}

/** One visited result: a single object, or a whole list of one resource. */
export interface Info {
  readonly resource: ResourceName;
  readonly namespace: string | undefined;
  readonly objects: readonly KubeObject[];
  readonly isList: boolean;
  /** The name that was asked for (GETs). */
  readonly name?: string;
}

export interface BuilderResult {
  /** A problem found before any request: nothing was visited. */
  readonly fatal?: KubectlError;
  readonly infos: readonly Info[];
  readonly errors: readonly KubectlError[];
  /** One named object was asked for: -o yaml prints it bare, not in a List. */
  readonly singleItemImplied: boolean;
}

interface Target {
  readonly resource: ResourceName;
  readonly name?: string;
}

export const NO_TYPE_MESSAGE = (t: string): string => `the server doesn't have a resource type ${JSON.stringify(t)}`;

function failure(e: KubectlError): BuilderResult {
  return { fatal: e, infos: [], errors: [], singleItemImplied: false };
}

/** Splits "type/name" (splitResourceTypeName); undefined when s has no slash. */
function splitTuple(s: string): { type: string; name: string } | KubectlError | undefined {
  if (!s.includes("/")) return undefined;
  const seg = s.split("/");
  if (seg.length !== 2) return plainError("arguments in resource/name form may not have more than one slash");
  const [type, name] = seg as [string, string];
  if (type.length === 0 || name.length === 0 || type.split(",").filter((x) => x !== "").length !== 1) {
    return plainError("arguments in resource/name form must have a single resource and name");
  }
  return { type, name };
}

function isError(x: unknown): x is KubectlError {
  return typeof x === "object" && x !== null && "kind" in x;
}

export function runBuilder(ctx: CommandContext, args: readonly string[], opts: BuilderOptions): BuilderResult {
  const slashes = args.filter((a) => a.includes("/")).length;
  const targets: Target[] = [];
  let singleItemImplied = false;
  let labelSelector = opts.labelSelector?.trim() || undefined;
  const fieldSelector = opts.fieldSelector?.trim() || undefined;
  if (opts.selectAll && labelSelector !== undefined) return failure(plainError(`found non-empty label selector ${JSON.stringify(labelSelector)} with previously set 'all' parameter. `));

  let tuples: { type: string; name: string }[] = [];
  let types: string[] = [];
  let names: string[] = [];
  if (slashes > 0) {
    if (slashes !== args.length) {
      return failure(
        plainError(
          "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
        ),
      );
    }
    for (const a of args) {
      const t = splitTuple(a);
      if (isError(t)) return failure(t);
      tuples.push(t!);
    }
  } else if (args.length >= 2 && splitTypes(args[0]!).length > 1) {
    for (const type of splitTypes(args[0]!)) for (const name of args.slice(1)) tuples.push({ type, name });
  } else if (args.length > 0) {
    types = splitTypes(args[0]!);
    names = args.slice(1);
    if (names.length === 0 && opts.allowEmptySelector && labelSelector === undefined) labelSelector = "";
  }

  if (opts.selectAll) labelSelector = labelSelector ?? "";

  const parsedLabels = labelSelector !== undefined && labelSelector !== "" ? parseSelector(labelSelector) : [];
  let fieldReqs: FieldRequirement[] = [];
  if (fieldSelector !== undefined) {
    const f = parseFieldSelector(fieldSelector);
    if (typeof f === "string") return failure(plainError(f));
    fieldReqs = f;
  }

  const selecting = labelSelector !== undefined || fieldSelector !== undefined;
  if (tuples.length > 0) {
    if (selecting) return failure(plainError("selectors and the all flag cannot be used when passing resource/name arguments"));
    tuples = tuples.filter((t) => t.type !== "");
    for (const t of tuples) {
      const r = resolveType(t.type);
      if (!r) return failure(plainError(NO_TYPE_MESSAGE(t.type)));
      targets.push({ resource: r, name: t.name });
    }
    singleItemImplied = tuples.length === 1;
  } else if (selecting) {
    if (names.length > 0) return failure(plainError("name cannot be provided when a selector is specified"));
    if (types.length === 0) return failure(plainError("at least one resource must be specified to use a selector"));
    const seen = new Set<ResourceName>();
    for (const t of types) {
      const r = resolveType(t);
      if (!r) return failure(plainError(NO_TYPE_MESSAGE(t)));
      if (seen.has(r)) continue;
      seen.add(r);
      targets.push({ resource: r });
    }
  } else if (names.length > 0) {
    if (types.length > 1) return failure(plainError("you must specify only one resource"));
    const r = resolveType(types[0]!);
    if (!r) return failure(plainError(NO_TYPE_MESSAGE(types[0]!)));
    for (const name of names) targets.push({ resource: r, name });
    singleItemImplied = names.length === 1;
  } else if (types.length > 0) {
    for (const t of types) if (!resolveType(t)) return failure(plainError(NO_TYPE_MESSAGE(t)));
    return failure(plainError("resource(s) were provided, but no name was specified"));
  } else {
    return failure(
      plainError(
        "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
      ),
    );
  }

  if (typeof parsedLabels === "string") {
    return failure(statusError({ apiVersion: "v1", kind: "Status", status: "Failure", message: parsedLabels, reason: "BadRequest", code: 400 }));
  }
  const labelReqs = parsedLabels;

  const infos: Info[] = [];
  const errors: KubectlError[] = [];
  for (const t of targets) {
    const namespaced = isNamespaced(t.resource);
    if (t.name !== undefined) {
      if (namespaced && opts.allNamespaces) return failure(plainError("a resource cannot be retrieved by name across all namespaces"));
      const ns = namespaced ? ctx.namespace : undefined;
      const res = ctx.env.client.get(t.resource, ns, t.name);
      if (res.ok) infos.push({ resource: t.resource, namespace: ns, objects: [res.object], isList: false, name: t.name });
      else errors.push(statusError(res.status));
      continue;
    }
    const ns = namespaced && !opts.allNamespaces ? ctx.namespace : undefined;
    const list = ctx.env.client.list(t.resource, ns, labelReqs.length > 0 ? { labelSelector: (l) => selectorMatches(labelReqs, l) } : {});
    if (!list.ok) {
      errors.push(statusError(list.status));
      continue;
    }
    let items = list.object.items as readonly KubeObject[];
    if (fieldReqs.length > 0) {
      const unsupported = fieldReqs.find((r) => !supportsField(t.resource, r.field));
      if (unsupported) {
        const info = infoOf(t.resource);
        errors.push(
          statusError({
            apiVersion: "v1",
            kind: "Status",
            status: "Failure",
            code: 400,
            reason: "BadRequest",
            message: `Unable to find {${JSON.stringify(info.group)} ${JSON.stringify(info.version)} ${JSON.stringify(info.resource)}} that match label selector ${JSON.stringify(labelSelector ?? "")}, field selector ${JSON.stringify(fieldSelector)}: field label not supported: ${unsupported.field}`,
          }),
        );
        continue;
      }
      items = items.filter((o) => fieldSelectorMatches(t.resource, o, fieldReqs));
    }
    infos.push({ resource: t.resource, namespace: ns, objects: items, isList: true });
  }
  return { infos, errors, singleItemImplied };
}

/**
 * The items of a list kubectl only reads on the side (describe's events, related
 * ReplicaSets): like the describers, a refused list shows as nothing.
 */
export function listedOrNone<R extends ResourceName>(ctx: CommandContext, resource: R, namespace?: string): readonly ResourceTypes[R][] {
  const r = ctx.env.client.list(resource, namespace);
  return r.ok ? r.object.items : [];
}
