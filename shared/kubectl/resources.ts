// How kubectl names resource types: what a player may type ("po", "pods",
// "deploy", "deployments.apps", "Deployment", "deployments.v1.apps"), the
// "all" category, and the kind strings its printers use ("deployment.apps").

import { RESOURCES, apiVersionOf, qualifiedKind, type ResourceInfo, type ResourceName } from "../sim/api/resources.ts";

export { qualifiedKind };

/** The `all` category, as discovery reports it, restricted to what the simulation serves. */
export const ALL_CATEGORY: readonly ResourceName[] = ["pods", "deployments", "replicasets"];

const NAMES = Object.keys(RESOURCES) as ResourceName[];

export function infoOf(name: ResourceName): ResourceInfo {
  return RESOURCES[name];
}

/** Resolves one typed resource type; undefined when the server has no such type. */
export function resolveType(typed: string): ResourceName | undefined {
  const t = typed.toLowerCase();
  for (const name of NAMES) {
    const info: ResourceInfo = RESOURCES[name];
    const kind = info.kind.toLowerCase();
    const forms = [info.resource, info.singular, kind, ...info.shortNames];
    if (forms.includes(t)) return name;
    if (info.group !== "") {
      for (const f of [info.resource, info.singular, kind]) {
        if (t === `${f}.${info.group}` || t === `${f}.${info.version}.${info.group}`) return name;
      }
    } else if (t === `${info.resource}.${info.version}` || t === `${info.singular}.${info.version}`) {
      return name;
    }
  }
  return undefined;
}

/** Splits "deploy,rs" and expands "all"; typed names are returned for error messages. */
export function splitTypes(arg: string): string[] {
  const out: string[] = [];
  for (const part of arg.split(",")) {
    if (part.toLowerCase() === "all") out.push(...ALL_CATEGORY);
    else out.push(part);
  }
  return out;
}

/** "v1", "apps/v1". */
export function apiVersionFor(name: ResourceName): string {
  return apiVersionOf(RESOURCES[name]);
}

/** The group-qualified resource for messages: "pods", "deployments.apps". */
export function groupResource(name: ResourceName): string {
  const info: ResourceInfo = RESOURCES[name];
  return info.group === "" ? info.resource : `${info.resource}.${info.group}`;
}

export function isNamespaced(name: ResourceName): boolean {
  return RESOURCES[name].namespaced;
}

export function resourceForKind(apiVersion: string | undefined, kind: string | undefined): ResourceName | undefined {
  return NAMES.find((n) => RESOURCES[n].kind === kind && apiVersionOf(RESOURCES[n]) === apiVersion);
}

export const RESOURCE_NAMES: readonly ResourceName[] = NAMES;
