// kubectl get: tables for the default and wide outputs (one per resource type,
// separated by a blank line, names kind-prefixed when several types print),
// yaml/json/name/jsonpath/custom-columns for one object or a List, rows or
// items ordered by --sort-by, "No resources found" on stderr. GetOptions is
// built once in complete(); validate() has kubectl's refusals, then the
// console's (--watch, --raw, -f), so no flag is silently ignored.

import type { KubeObject } from "../../sim/api/meta.ts";
import { qualifiedKind, type ResourceInfo } from "../../sim/api/resources.ts";
import { plainError, reportErrors, usageError, type KubectlError } from "../errors.ts";
import { flagBool, flagList, flagString } from "../flags.ts";
import { infoOf, isNamespaced } from "../resources.ts";
import { buildTable } from "../printers/resource-tables.ts";
import { printTable, type Table } from "../printers/table.ts";
import { runBuilder, type Info } from "./builder.ts";
import { ALL_NAMESPACES, FIELD_SELECTOR, FILENAME, OUTPUT, SELECTOR, bool, int, str, type CommandContext } from "./command.ts";
import { optionsCommand, type Completed } from "./options.ts";
import { GET_FORMATS, GET_TEMPLATE_FORMATS, checkOutput, genericPrinter, listOf } from "./output.ts";
import { sortObjects, sortTableRows, type SortResult } from "./sorter.ts";
import { NOT_AVAILABLE } from "./unsupported.ts";

export const NO_RESOURCE_TYPE_HINT = `You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n`;

export const noResourcesFound = (namespace: string | undefined): string =>
  namespace === undefined ? "No resources found\n" : `No resources found in ${namespace} namespace.\n`;

/** The subresources get may read (supportedSubresources). */
const SUPPORTED_SUBRESOURCES = ["status", "scale"];

interface GetOptions {
  readonly resources: readonly string[];
  readonly output: string;
  readonly template: string;
  readonly allowMissingKeys: boolean;
  readonly noHeaders: boolean;
  readonly showLabels: boolean;
  readonly labelColumns: readonly string[];
  readonly showKind: boolean;
  readonly sortBy: string;
  readonly selector: string;
  readonly fieldSelector: string;
  readonly allNamespaces: boolean;
  readonly ignoreNotFound: boolean;
  readonly subresource: string;
  readonly raw: string;
  readonly watch: boolean;
  readonly watchOnly: boolean;
  readonly outputWatchEvents: boolean;
  readonly filenames: readonly string[];
}

function complete(ctx: CommandContext): Completed<GetOptions> {
  const f = ctx.flags;
  const output = flagString(f, "output");
  const bad = checkOutput(output, GET_FORMATS, GET_TEMPLATE_FORMATS);
  if (bad) return { error: bad };
  const raw = flagString(f, "raw");
  if (raw !== "" && ctx.args.length > 0) return { error: plainError("arguments may not be passed when --raw is specified") };
  const watch = flagBool(f, "watch");
  const watchOnly = flagBool(f, "watch-only");
  const filenames = flagList(f, "filename");
  // --raw needs no resource; a watch may name none.
  if (raw === "" && !watch && !watchOnly && ctx.args.length === 0 && filenames.length === 0) {
    ctx.out.err(NO_RESOURCE_TYPE_HINT);
    return { error: usageError(ctx.path, 'Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).') };
  }
  void flagBool(f, "recursive"); // only shapes how -f reads directories
  return {
    options: {
      resources: ctx.args,
      output,
      template: flagString(f, "template"),
      allowMissingKeys: !f.changed.has("allow-missing-template-keys") || flagBool(f, "allow-missing-template-keys"),
      noHeaders: flagBool(f, "no-headers"),
      showLabels: flagBool(f, "show-labels"),
      labelColumns: flagList(f, "label-columns"),
      showKind: flagBool(f, "show-kind"),
      sortBy: flagString(f, "sort-by"),
      selector: flagString(f, "selector"),
      fieldSelector: flagString(f, "field-selector"),
      allNamespaces: flagBool(f, "all-namespaces"),
      ignoreNotFound: flagBool(f, "ignore-not-found"),
      subresource: flagString(f, "subresource"),
      raw,
      watch,
      watchOnly,
      outputWatchEvents: flagBool(f, "output-watch-events"),
      filenames,
    },
  };
}

/** GetOptions.Validate, then what the console cannot do, refused rather than ignored. */
function validate(o: GetOptions, ctx: CommandContext): KubectlError | undefined {
  if (o.raw !== "") {
    if (o.watch || o.watchOnly || o.selector !== "") return plainError("--raw may not be specified with other flags that filter the server request or alter the output");
    if (o.output !== "") return plainError("--raw and --output are mutually exclusive");
  }
  if (o.showLabels && o.output !== "" && o.output !== "wide") return plainError(`--show-labels option cannot be used with ${o.output} printer`);
  if (o.outputWatchEvents && !(o.watch || o.watchOnly)) return plainError("--output-watch-events option can only be used with --watch or --watch-only");
  if (o.subresource !== "" && !SUPPORTED_SUBRESOURCES.includes(o.subresource)) return plainError(`invalid subresource value: ${JSON.stringify(o.subresource)}. Must be one of [${SUPPORTED_SUBRESOURCES.join(" ")}]`);
  // A console line cannot stream a watch, read files or speak raw HTTP; a Scale has no table here.
  if (o.raw !== "") return plainError(NOT_AVAILABLE(`${ctx.path} --raw`));
  if (o.watch || o.watchOnly) return plainError(NOT_AVAILABLE(`${ctx.path} ${o.watch ? "--watch" : "--watch-only"}`));
  if (o.filenames.length > 0) return plainError(NOT_AVAILABLE(`${ctx.path} -f`));
  if (o.subresource === "scale") return plainError(NOT_AVAILABLE(`${ctx.path} --subresource=scale`));
  return undefined;
}

/** Run: --subresource=status reads the same object (the status subresource's GET returns it whole). */
function run(o: GetOptions, ctx: CommandContext): void {
  const { output, allNamespaces } = o;
  const result = runBuilder(ctx, o.resources, {
    allowEmptySelector: true,
    allNamespaces,
    labelSelector: o.selector,
    fieldSelector: o.fieldSelector,
  });
  if (result.fatal) return reportErrors(ctx.out, [result.fatal]);
  let errors: KubectlError[] = [...result.errors];
  if (o.ignoreNotFound) errors = errors.filter((e) => !(e.kind === "status" && e.status.reason === "NotFound"));

  if ((output !== "" && output !== "wide") || (output === "" && o.template !== "")) {
    printGeneric(ctx, o, result.infos, errors, result.singleItemImplied);
    return;
  }

  // RuntimeSorter: every server table (one per list or GET) has its rows sorted on its own, before anything prints.
  let infos = result.infos;
  if (o.sortBy !== "" && infos.length > 0) {
    const sorted: Info[] = [];
    for (const info of infos) {
      const s = sortTableRows(info.objects, o.sortBy, ctx.now);
      if (s.kind !== "sorted") return reportSortFailure(ctx, s);
      sorted.push({ ...info, objects: s.objects });
    }
    infos = sorted;
  }

  const kinds = new Set(result.infos.map((i) => i.resource));
  const withKind = kinds.size > 1 || o.showKind;
  const noHeaders = o.noHeaders;
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
      showLabels: o.showLabels,
      labelColumns: o.labelColumns,
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
    // Not push(...objects): a 30,000-pod list as arguments overflows the stack.
    for (const obj of info.objects) group.objects.push(obj);
  }
  flush();
  ctx.out.out(text);
  if (text.length === 0 && errors.length === 0 && !o.ignoreNotFound) {
    ctx.out.err(noResourcesFound(allNamespaced ? ctx.namespace : undefined));
  }
  reportErrors(ctx.out, errors);
}

/** A sort that failed: kubectl's error, or the klog.Exitf line that ended it (status 255). */
function reportSortFailure(ctx: CommandContext, s: Exclude<SortResult, { kind: "sorted" }>): void {
  if (s.kind === "exit") return ctx.out.fail(s.stderr, 255);
  reportErrors(ctx.out, [s.error]);
}

function printGeneric(ctx: CommandContext, o: GetOptions, infos: readonly Info[], errors: KubectlError[], singleItemImplied: boolean): void {
  if (singleItemImplied && errors.length > 0) return reportErrors(ctx.out, errors);
  const objects = infos.flatMap((i) => i.objects);
  if (objects.length === 0 && o.ignoreNotFound) return reportErrors(ctx.out, errors);
  const printer = genericPrinter(o.output, { template: o.template, noHeaders: o.noHeaders, allowMissingKeys: o.allowMissingKeys });
  if (typeof printer !== "function") return reportErrors(ctx.out, [printer]);
  if (singleItemImplied && objects.length === 1) {
    const printed = printer(objects[0]!);
    ctx.out.out(printed.text);
    return reportErrors(ctx.out, printed.error === undefined ? errors : [...errors, plainError(printed.error)]);
  }
  // SortingPrinter: the List's items are sorted before the printer sees them.
  let items: readonly KubeObject[] = objects;
  if (o.sortBy !== "") {
    const s = sortObjects(objects, o.sortBy, ctx.now);
    if (s.kind === "exit") return reportSortFailure(ctx, s);
    if (s.kind === "error") return reportErrors(ctx.out, [...errors, s.error]);
    items = s.objects;
  }
  const printed = printer(listOf(items));
  ctx.out.out(printed.text);
  reportErrors(ctx.out, printed.error === undefined ? errors : [...errors, plainError(printed.error)]);
}

export const getCommand = optionsCommand<GetOptions>({
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
  complete,
  validate,
  run,
});
