// -o handling shared by get and the commands that print objects: which
// formats exist, and printing objects as yaml, json or names.

import type { KubeObject } from "../../sim/api/meta.ts";
import { plainError, type KubectlError } from "../errors.ts";
import { printJson } from "../printers/json.ts";
import { nameLine } from "../printers/name.ts";
import { printYaml } from "../printers/yaml.ts";

/** Every -o format kubectl get knows (PrintFlags.AllowedFormats, sorted as the error prints them). */
export const GET_FORMATS = [
  "custom-columns",
  "custom-columns-file",
  "go-template",
  "go-template-file",
  "json",
  "jsonpath",
  "jsonpath-as-json",
  "jsonpath-file",
  "name",
  "template",
  "templatefile",
  "wide",
  "yaml",
];

/** The formats this console prints. */
export const SUPPORTED_FORMATS = ["", "wide", "yaml", "json", "name"];

export function noPrinterError(output: string, allowed: readonly string[]): KubectlError {
  return plainError(`unable to match a printer suitable for the output format ${JSON.stringify(output)}, allowed formats are: ${[...allowed].sort().join(",")}`);
}

/** Validates -o for a command whose allowed formats are `allowed`; undefined when printable here. */
export function checkOutput(output: string, allowed: readonly string[]): KubectlError | undefined {
  const format = output.split("=")[0]!;
  if (SUPPORTED_FORMATS.includes(output)) return allowed.includes(output) || output === "" ? undefined : noPrinterError(output, allowed);
  if (allowed.includes(format)) return plainError(`output format ${JSON.stringify(format)} is not available in the Pod Pilot console; use -o yaml, -o json, -o name or -o wide`);
  return noPrinterError(output, allowed);
}

/** The List kubectl wraps several objects in for -o yaml/json. */
export function listOf(items: readonly KubeObject[]): Record<string, unknown> {
  return { apiVersion: "v1", items, kind: "List", metadata: { resourceVersion: "" } };
}

export function printObject(output: string, obj: unknown): string {
  if (output === "json") return printJson(obj);
  if (output === "yaml") return printYaml(obj);
  const o = obj as KubeObject & { items?: KubeObject[] };
  if (o.kind === "List" && Array.isArray(o.items)) return o.items.map((i) => nameLine(i)).join("");
  return nameLine(o);
}
