// -o handling shared by get and the commands that print objects: which
// formats exist, and printing objects as yaml, json, names, a JSONPath
// template or custom columns.

import type { KubeObject } from "../../sim/api/meta.ts";
import { plainError, type KubectlError } from "../errors.ts";
import { parseCustomColumns, printCustomColumns } from "../printers/custom-columns.ts";
import { printJson } from "../printers/json.ts";
import { newJsonPathPrinter } from "../printers/jsonpath-printer.ts";
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

/** A real format the console does not print, with the ones it does. */
export function formatNotAvailable(format: string, templates: readonly string[]): KubectlError {
  const others = templates.includes("jsonpath") ? "-o jsonpath, -o custom-columns, -o yaml, -o json, -o name or -o wide" : "-o yaml, -o json, -o name or -o wide";
  return plainError(`output format ${JSON.stringify(format)} is not available in the Pod Pilot console; use ${others}`);
}

/** The template formats kubectl get prints here (the -file variants need files the console does not have). */
export const GET_TEMPLATE_FORMATS = ["custom-columns", "jsonpath", "jsonpath-as-json"];

/**
 * Validates -o for a command whose allowed formats are `allowed`; undefined
 * when printable here. `templates`: the template formats the command prints.
 */
export function checkOutput(output: string, allowed: readonly string[], templates: readonly string[] = []): KubectlError | undefined {
  const format = output.split("=")[0]!;
  if (SUPPORTED_FORMATS.includes(output)) return allowed.includes(output) || output === "" ? undefined : noPrinterError(output, allowed);
  if (templates.includes(format) && allowed.includes(format)) return undefined;
  if (allowed.includes(format)) return formatNotAvailable(format, templates);
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

/** A printer for whole objects (one, or a List): its text, and the error PrintObj returned. */
export type ObjectPrinter = (obj: unknown) => { readonly text: string; readonly error?: string };

export interface TemplateOptions {
  /** --template: the template when -o names only the format. */
  readonly template: string;
  readonly noHeaders: boolean;
  /** --allow-missing-template-keys (default true). */
  readonly allowMissingKeys: boolean;
}

const JSONPATH_FORMATS = ["jsonpath", "jsonpath-as-json"];

/** The format and its template: "jsonpath={.a}" splits at "="; a --template value leaves -o whole. */
function templateOf(output: string, formats: readonly string[], template: string): { format: string; value: string } {
  if (template !== "") return { format: output, value: template };
  for (const f of formats) if (output.startsWith(`${f}=`)) return { format: f, value: output.slice(f.length + 1) };
  return { format: output, value: "" };
}

/**
 * get's PrintFlags.ToPrinter for everything but tables, tried in kubectl's
 * order: templates (jsonpath), json/yaml, custom-columns, name. Template
 * errors (parsing, no template) come from here, after the objects were read.
 */
export function genericPrinter(output: string, opts: TemplateOptions): ObjectPrinter | KubectlError {
  if (output === "" && opts.template !== "") return formatNotAvailable("go-template", GET_TEMPLATE_FORMATS);
  const jsonpath = templateOf(output, JSONPATH_FORMATS, opts.template);
  if (JSONPATH_FORMATS.includes(jsonpath.format)) {
    const p = newJsonPathPrinter(jsonpath.value, { allowMissingKeys: opts.allowMissingKeys, json: jsonpath.format === "jsonpath-as-json" });
    return typeof p === "string" ? plainError(p) : p;
  }
  if (output === "json" || output === "yaml" || output === "name") return (obj) => ({ text: printObject(output, obj) });
  const columns = templateOf(output, ["custom-columns"], opts.template);
  if (columns.format === "custom-columns") {
    const cols = parseCustomColumns(columns.value);
    return typeof cols === "string" ? plainError(cols) : (obj) => printCustomColumns(cols, obj, opts.noHeaders);
  }
  return noPrinterError(output, GET_FORMATS);
}
