// -o jsonpath=<template> and -o jsonpath-as-json=<template>: cli-runtime's
// JSONPathPrintFlags.ToPrinter and JSONPathPrinter.PrintObj. The template
// runs over the unstructured object (a List when several objects print);
// missing keys print nothing unless --allow-missing-template-keys=false; no
// newline is added after the output. A failing template reports the error,
// the template and the whole object as Go's %#v renders it.

import { goQuote, goSharpV } from "./go-fmt.ts";
import { JsonPath } from "./jsonpath.ts";

export const NO_TEMPLATE_GIVEN = "template format specified but no template given";

export const parseError = (template: string, err: string): string => `error parsing jsonpath ${template}, ${err}`;

/** The error PrintObj returns when Execute fails (it ends in a blank line, as upstream's does). */
export function executeError(template: string, err: string, obj: unknown): string {
  return (
    `error executing jsonpath ${goQuote(template)}: Error executing template: ${err}. Printing more information for debugging the template:\n` +
    `\ttemplate was:\n\t\t${template}\n` +
    `\tobject given to jsonpath engine was:\n\t\t${goSharpV(obj)}\n\n\n`
  );
}

export interface JsonPathPrinterOptions {
  readonly allowMissingKeys: boolean;
  /** jsonpath-as-json. */
  readonly json: boolean;
}

export type PrintOutcome = { readonly text: string; readonly error?: string };

/** NewJSONPathPrinter: the template parsed once; the string is the parse error kubectl reports. */
export function newJsonPathPrinter(template: string, opts: JsonPathPrinterOptions): ((obj: unknown) => PrintOutcome) | string {
  if (template === "") return NO_TEMPLATE_GIVEN;
  const parsed = JsonPath.parse(template);
  if (typeof parsed === "string") return parseError(template, parsed);
  parsed.setAllowMissingKeys(opts.allowMissingKeys).enableJsonOutput(opts.json);
  return (obj) => {
    const run = parsed.execute(obj);
    return run.ok ? { text: run.text } : { text: "", error: executeError(template, run.error, obj) };
  };
}
