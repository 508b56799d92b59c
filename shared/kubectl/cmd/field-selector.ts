// --field-selector: the field labels the API server accepts per resource
// (pkg/registry/*/strategy.go GetAttrs), matched with =, == and !=.

import type { KubeObject } from "../../sim/api/meta.ts";
import type { ResourceName } from "../../sim/api/resources.ts";

export interface FieldRequirement {
  readonly field: string;
  readonly op: "=" | "!=";
  readonly value: string;
}

/** fields.ParseSelector. */
export function parseFieldSelector(s: string): FieldRequirement[] | string {
  const out: FieldRequirement[] = [];
  for (const term of s.split(",")) {
    if (term === "") continue;
    const m = /^([^=!]*)(==|!=|=)(.*)$/.exec(term);
    if (!m) return `invalid selector: '${s}'; can't understand '${term}'`;
    out.push({ field: m[1]!, op: m[2] === "!=" ? "!=" : "=", value: m[3]! });
  }
  return out;
}

type Getter = (o: KubeObject) => string;
const path = (...keys: string[]): Getter => (o) => {
  let v: unknown = o;
  for (const k of keys) v = v === null || typeof v !== "object" ? undefined : (v as Record<string, unknown>)[k];
  return v === undefined || v === null ? "" : String(v);
};

const META: Record<string, Getter> = { "metadata.name": path("metadata", "name"), "metadata.namespace": path("metadata", "namespace") };

const FIELDS: { readonly [R in ResourceName]: Record<string, Getter> } = {
  pods: {
    ...META,
    "spec.nodeName": path("spec", "nodeName"),
    "spec.restartPolicy": path("spec", "restartPolicy"),
    "spec.schedulerName": path("spec", "schedulerName"),
    "spec.serviceAccountName": path("spec", "serviceAccountName"),
    "spec.hostNetwork": (o) => String((o as { spec?: { hostNetwork?: boolean } }).spec?.hostNetwork === true),
    "status.phase": path("status", "phase"),
    "status.podIP": path("status", "podIP"),
    "status.nominatedNodeName": path("status", "nominatedNodeName"),
  },
  nodes: { ...META, "spec.unschedulable": (o) => String((o as { spec?: { unschedulable?: boolean } }).spec?.unschedulable === true) },
  events: {
    ...META,
    "involvedObject.kind": path("involvedObject", "kind"),
    "involvedObject.namespace": path("involvedObject", "namespace"),
    "involvedObject.name": path("involvedObject", "name"),
    "involvedObject.uid": path("involvedObject", "uid"),
    "involvedObject.apiVersion": path("involvedObject", "apiVersion"),
    "involvedObject.resourceVersion": path("involvedObject", "resourceVersion"),
    "involvedObject.fieldPath": path("involvedObject", "fieldPath"),
    reason: path("reason"),
    reportingComponent: path("reportingComponent"),
    source: path("source", "component"),
    type: path("type"),
  },
  namespaces: { ...META, "status.phase": path("status", "phase") },
  replicasets: { ...META, "status.replicas": path("status", "replicas") },
  deployments: { ...META },
  leases: { ...META },
  serviceaccounts: { ...META },
  resourcequotas: { ...META },
  limitranges: { ...META },
  roles: { ...META },
  rolebindings: { ...META },
  clusterroles: { ...META },
  clusterrolebindings: { ...META },
  priorityclasses: { ...META },
};

export function fieldSelectorMatches(resource: ResourceName, obj: KubeObject, reqs: readonly FieldRequirement[]): boolean {
  const fields = FIELDS[resource];
  return reqs.every((r) => {
    const v = fields[r.field]!(obj);
    return r.op === "=" ? v === r.value : v !== r.value;
  });
}

export function supportsField(resource: ResourceName, field: string): boolean {
  return Object.hasOwn(FIELDS[resource], field);
}
