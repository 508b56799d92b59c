// The name printer (-o name and every "<kind>/<name> <operation>" success line):
// "pod/web-1", "deployment.apps/web scaled".

import type { KubeObject } from "../../sim/api/meta.ts";

/** "pod", "deployment.apps": the lower-cased kind, qualified by group when there is one. */
export function kindString(apiVersion: string | undefined, kind: string | undefined): string {
  const slash = (apiVersion ?? "").indexOf("/");
  const group = slash < 0 ? "" : apiVersion!.slice(0, slash);
  const k = (kind ?? "").toLowerCase();
  return group === "" ? k : `${k}.${group}`;
}

export function nameLine(obj: Pick<KubeObject, "apiVersion" | "kind" | "metadata">, operation = ""): string {
  const name = obj.metadata?.name || "<unknown>";
  return `${kindString(obj.apiVersion, obj.kind)}/${name}${operation ? ` ${operation}` : ""}\n`;
}
