// The activity feed's words: each logged action as a player would say what
// they did ("scaled deployment/web to 8", "cordoned node/node-2"), and a
// refusal as what they tried and why. Objects are named as kubectl names them
// (kind/name, lower case). Dry runs change nothing, so they are not deeds.

import { RESOURCES, type ResourceName } from "../../sim/api/resources.ts";
import type { LoggedAction } from "../actions/action.ts";
import type { ActionOutcome } from "../actions/apply.ts";

export interface Deed {
  readonly actor: string;
  /** Without the actor: "scaled deployment/web to 8". */
  readonly text: string;
  readonly refused: boolean;
}

/** The deed, or undefined when the action changed nothing by design (a dry run). */
export function describeAction(entry: LoggedAction, outcome: ActionOutcome): Deed | undefined {
  const action = entry.action;
  if (action.type === "request" && action.request.dryRun) return undefined;
  const deed = deedOf(entry);
  if (outcome.ok) return { actor: entry.user.name, text: deed.done, refused: false };
  return { actor: entry.user.name, text: `tried to ${deed.attempt}: ${outcome.message}`, refused: true };
}

interface Words {
  /** Past tense, for a deed that happened. */
  readonly done: string;
  /** Infinitive, for one that was refused. */
  readonly attempt: string;
}

function words(verb: string, past: string, rest: string): Words {
  return { done: `${past} ${rest}`, attempt: `${verb} ${rest}` };
}

function deedOf(entry: LoggedAction): Words {
  const action = entry.action;
  switch (action.type) {
    case "bind":
      return words("place", "placed", `pod/${action.pod} on node/${action.node}`);
    case "fault":
      return action.fault === "node-crash" ? words("crash", "crashed", `node/${action.node}`) : words("restart", "restarted", `node/${action.node}`);
    case "request":
      return requestWords(action.request);
  }
}

type Request = Extract<LoggedAction["action"], { type: "request" }>["request"];

function objectName(resource: string, name: string): string {
  const info = RESOURCES[resource as ResourceName];
  return `${info?.singular ?? resource}/${name}`;
}

function requestWords(request: Request): Words {
  switch (request.verb) {
    case "create":
      return words("create", "created", objectName(request.resource, request.body.metadata["name"] as string ?? "(generated)"));
    case "update": {
      const name = objectName(request.resource, String(request.body.metadata["name"] ?? ""));
      if (request.subresource === "scale") return words("scale", "scaled", `${name} to ${replicasOf(request.body)}`);
      return words("update", "updated", request.subresource ? `${name} (${request.subresource})` : name);
    }
    case "patch": {
      const name = objectName(request.resource, request.name);
      const replicas = replicasOf(request.patch);
      if (replicas !== undefined) return words("scale", "scaled", `${name} to ${replicas}`);
      const unschedulable = specField(request.patch, "unschedulable");
      if (request.resource === "nodes" && unschedulable !== undefined) {
        return unschedulable === true ? words("cordon", "cordoned", name) : words("uncordon", "uncordoned", name);
      }
      const metadata = onlyMetadata(request.patch);
      if (metadata?.labels) return words("label", "labeled", `${name} ${pairs(metadata.labels)}`);
      if (metadata?.annotations) return words("annotate", "annotated", `${name} ${pairs(metadata.annotations)}`);
      return words("patch", "patched", name);
    }
    case "delete":
      return words("delete", "deleted", objectName(request.resource, request.name));
    case "deletecollection":
      return words("delete", "deleted", `every ${RESOURCES[request.resource as ResourceName]?.singular ?? request.resource} in ${request.namespace ? `namespace/${request.namespace}` : "the cluster"}`);
    case "bind":
      return words("bind", "bound", `pod/${request.name} to node/${request.node}`);
    case "evict":
      return words("evict", "evicted", `pod/${request.name}`);
  }
}

/** The patch's labels or annotations when it changes nothing else (kubectl label / annotate). */
function onlyMetadata(patch: Record<string, unknown>): { labels?: Record<string, unknown>; annotations?: Record<string, unknown> } | undefined {
  const keys = Object.keys(patch);
  const metadata = patch["metadata"];
  if (keys.length !== 1 || keys[0] !== "metadata" || !metadata || typeof metadata !== "object") return undefined;
  const m = metadata as Record<string, unknown>;
  const fields = Object.keys(m).filter((k) => k !== "resourceVersion");
  if (fields.length !== 1) return undefined;
  const value = m[fields[0]!];
  if (!value || typeof value !== "object") return undefined;
  return fields[0] === "labels" ? { labels: value as Record<string, unknown> } : fields[0] === "annotations" ? { annotations: value as Record<string, unknown> } : undefined;
}

/** As typed on the command line: key=value, or key- for a removal. */
function pairs(map: Record<string, unknown>): string {
  return Object.entries(map)
    .map(([k, v]) => (v === null ? `${k}-` : `${k}=${String(v)}`))
    .join(" ");
}

function specField(body: Record<string, unknown>, field: string): unknown {
  const spec = body["spec"];
  return spec && typeof spec === "object" ? (spec as Record<string, unknown>)[field] : undefined;
}

function replicasOf(body: Record<string, unknown>): number | undefined {
  const replicas = specField(body, "replicas");
  return typeof replicas === "number" ? replicas : undefined;
}
