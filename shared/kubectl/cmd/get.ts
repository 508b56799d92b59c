// kubectl get: tables for the default and wide outputs (one per resource type,
// separated by a blank line, names kind-prefixed when several types print),
// yaml/json/name/jsonpath/custom-columns for one object or a List, rows or
// items ordered by --sort-by, "No resources found" on stderr.

import type { KubeObject } from "../../sim/api/meta.ts";
import { qualifiedKind, type ResourceInfo } from "../../sim/api/resources.ts";
import { plainError, reportErrors, usageError, type KubectlError } from "../errors.ts";
import { flagBool, flagList, flagString } from "../flags.ts";
import { infoOf, isNamespaced } from "../resources.ts";
import { buildTable } from "../printers/resource-tables.ts";
import { printTable, type Table } from "../printers/table.ts";
import { runBuilder, type Info } from "./builder.ts";
import { ALL_NAMESPACES, FIELD_SELECTOR, FILENAME, OUTPUT, SELECTOR, bool, int, str, type Command, type CommandContext } from "./command.ts";
import { GET_FORMATS, GET_TEMPLATE_FORMATS, checkOutput, genericPrinter, listOf } from "./output.ts";
import { sortObjects, sortTableRows, type SortResult } from "./sorter.ts";

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
  const bad = checkOutput(output, GET_FORMATS, GET_TEMPLATE_FORMATS);
  if (bad) return reportErrors(ctx.out, [bad]);
  if (ctx.args.length === 0) {
    ctx.out.err(NO_RESOURCE_TYPE_HINT);
    return reportErrors(ctx.out, [
      usageError(ctx.path, 'Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).'),
    ]);
  }
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

  if ((output !== "" && output !== "wide") || (output === "" && flagString(f, "template") !== "")) {
    printGeneric(ctx, output, result.infos, errors, result.singleItemImplied);
    return;
  }

  // RuntimeSorter: every server table (one per list or GET) has its rows sorted on its own, before anything prints.
  let infos = result.infos;
  const sortBy = flagString(f, "sort-by");
  if (sortBy !== "" && infos.length > 0) {
    const sorted: Info[] = [];
    for (const info of infos) {
      const s = sortTableRows(info.objects, sortBy, ctx.now);
      if (s.kind !== "sorted") return reportSortFailure(ctx, s);
      sorted.push({ ...info, objects: s.objects });
    }
    infos = sorted;
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
  for (const info of infos) {
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

/** A sort that failed: kubectl's error, or the klog.Exitf line that ended it (status 255). */
function reportSortFailure(ctx: CommandContext, s: Exclude<SortResult, { kind: "sorted" }>): void {
  if (s.kind === "exit") return ctx.out.fail(s.stderr, 255);
  reportErrors(ctx.out, [s.error]);
}

function printGeneric(ctx: CommandContext, output: string, infos: readonly Info[], errors: KubectlError[], singleItemImplied: boolean): void {
  const f = ctx.flags;
  if (singleItemImplied && errors.length > 0) return reportErrors(ctx.out, errors);
  const objects = infos.flatMap((i) => i.objects);
  if (objects.length === 0 && flagBool(f, "ignore-not-found")) return reportErrors(ctx.out, errors);
  const printer = genericPrinter(output, {
    template: flagString(f, "template"),
    noHeaders: flagBool(f, "no-headers"),
    allowMissingKeys: !f.changed.has("allow-missing-template-keys") || flagBool(f, "allow-missing-template-keys"),
  });
  if (typeof printer !== "function") return reportErrors(ctx.out, [printer]);
  if (singleItemImplied && objects.length === 1) {
    const printed = printer(objects[0]!);
    ctx.out.out(printed.text);
    return reportErrors(ctx.out, printed.error === undefined ? errors : [...errors, plainError(printed.error)]);
  }
  // SortingPrinter: the List's items are sorted before the printer sees them.
  let items: readonly KubeObject[] = objects;
  const sortBy = flagString(f, "sort-by");
  if (sortBy !== "") {
    const s = sortObjects(objects, sortBy, ctx.now);
    if (s.kind === "exit") return reportSortFailure(ctx, s);
    if (s.kind === "error") return reportErrors(ctx.out, [...errors, s.error]);
    items = s.objects;
  }
  const printed = printer(listOf(items));
  ctx.out.out(printed.text);
  reportErrors(ctx.out, printed.error === undefined ? errors : [...errors, plainError(printed.error)]);
}
