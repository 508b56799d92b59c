// kubectl get: tables for the default and wide outputs (one per resource type,
// separated by a blank line, names kind-prefixed when several types print),
// yaml/json/name for one object or a List, "No resources found" on stderr.

import type { KubeObject } from "../../sim/api/meta.ts";
import { qualifiedKind, type ResourceInfo } from "../../sim/api/resources.ts";
import { plainError, reportErrors, usageError, type KubectlError } from "../errors.ts";
import { flagBool, flagList, flagString } from "../flags.ts";
import { infoOf, isNamespaced } from "../resources.ts";
import { buildTable } from "../printers/resource-tables.ts";
import { printTable, type Table } from "../printers/table.ts";
import { runBuilder, type Info } from "./builder.ts";
import { ALL_NAMESPACES, FIELD_SELECTOR, FILENAME, OUTPUT, SELECTOR, bool, int, str, type Command, type CommandContext } from "./command.ts";
import { GET_FORMATS, checkOutput, listOf, printObject } from "./output.ts";

export const NO_RESOURCE_TYPE_HINT = `You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n`;

export const noResourcesFound = (namespace: string | undefined): string =>
  namespace === undefined ? "No resources found\n" : `No resources found in ${namespace} namespace.\n`;

export const getCommand: Command = {
  name: "get",
  use: "get [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file|custom-columns|custom-columns-file|wide] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags]",
  short: "Display one or many resources",
  flags: [
    OUTPUT,
    str("raw"),
    bool("watch", "w"),
    bool("watch-only"),
    bool("output-watch-events"),
    bool("ignore-not-found"),
    FIELD_SELECTOR,
    ALL_NAMESPACES,
    FILENAME,
    bool("recursive", "R"),
    str("kustomize", "k"),
    int("chunk-size"),
    SELECTOR,
    str("subresource"),
    bool("server-print"),
    bool("no-headers"),
    bool("show-labels"),
    str("sort-by"),
    { name: "label-columns", short: "L", type: "stringSlice" },
    bool("show-kind"),
    str("template"),
    bool("allow-missing-template-keys"),
    bool("show-managed-fields"),
  ],
  run: runGet,
};

function runGet(ctx: CommandContext): void {
  const f = ctx.flags;
  const output = flagString(f, "output");
  const bad = checkOutput(output, GET_FORMATS);
  if (bad) return reportErrors(ctx.out, [bad]);
  if (ctx.args.length === 0) {
    ctx.out.err(NO_RESOURCE_TYPE_HINT);
    return reportErrors(ctx.out, [
      usageError(ctx.path, 'Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).'),
    ]);
  }
  if (flagString(f, "sort-by") !== "") return reportErrors(ctx.out, [plainError("--sort-by is not available in the Pod Pilot console")]);
  const allNamespaces = flagBool(f, "all-namespaces");
  const result = runBuilder(ctx, ctx.args, {
    allowEmptySelector: true,
    allNamespaces,
    labelSelector: flagString(f, "selector"),
    fieldSelector: flagString(f, "field-selector"),
  });
  if (result.fatal) return reportErrors(ctx.out, [result.fatal]);
  let errors: KubectlError[] = [...result.errors];
  if (flagBool(f, "ignore-not-found")) errors = errors.filter((e) => !(e.kind === "status" && e.status.reason === "NotFound"));

  if (output !== "" && output !== "wide") {
    printGeneric(ctx, output, result.infos, errors, result.singleItemImplied);
    return;
  }

  const kinds = new Set(result.infos.map((i) => i.resource));
  const withKind = kinds.size > 1 || flagBool(f, "show-kind");
  const noHeaders = flagBool(f, "no-headers");
  let text = "";
  let separatorReady = false;
  let group: { info: ResourceInfo; objects: KubeObject[] } | undefined;
  const flush = (): void => {
    if (!group) return;
    const table: Table = buildTable(group.info.resource as Info["resource"], ctx.now, group.objects);
    const printed = printTable(table, {
      wide: output === "wide",
      noHeaders,
      withNamespace: allNamespaces && group.info.namespaced,
      showLabels: flagBool(f, "show-labels"),
      labelColumns: flagList(f, "label-columns"),
      kind: withKind ? qualifiedKind(group.info) : undefined,
    });
    if (printed !== "" && separatorReady) {
      text += "\n";
      separatorReady = false;
    }
    text += printed;
  };
  let allNamespaced = !allNamespaces;
  for (const info of result.infos) {
    allNamespaced = allNamespaced && isNamespaced(info.resource);
    if (!group || group.info.resource !== info.resource) {
      flush();
      if (group && !noHeaders && text.length > 0) separatorReady = true;
      group = { info: infoOf(info.resource), objects: [] };
    }
    group.objects.push(...info.objects);
  }
  flush();
  ctx.out.out(text);
  if (text.length === 0 && errors.length === 0 && !flagBool(f, "ignore-not-found")) {
    ctx.out.err(noResourcesFound(allNamespaced ? ctx.namespace : undefined));
  }
  reportErrors(ctx.out, errors);
}

function printGeneric(ctx: CommandContext, output: string, infos: readonly Info[], errors: KubectlError[], singleItemImplied: boolean): void {
  if (singleItemImplied && errors.length > 0) return reportErrors(ctx.out, errors);
  const objects = infos.flatMap((i) => i.objects);
  if (objects.length === 0 && flagBool(ctx.flags, "ignore-not-found")) return reportErrors(ctx.out, errors);
  const printable = singleItemImplied && objects.length === 1 ? objects[0]! : listOf(objects);
  ctx.out.out(printObject(output, printable));
  reportErrors(ctx.out, errors);
}
