// Human-readable tables (cli-runtime's HumanReadablePrinter for server-side
// tables): upper-case headers, wide-only columns, the NAMESPACE column for
// -A, LABELS and -L columns, kind-prefixed names when several types print,
// and cells cut at their first line break.

import type { DeepReadonly, ObjectMeta } from "../../sim/api/meta.ts";
import { formatLabels } from "./selector.ts";
import { TABLE_TABWRITER, tabwrite } from "./tabwriter.ts";

export interface ColumnDefinition {
  readonly name: string;
  /** Non-zero columns are shown by -o wide only. */
  readonly priority: 0 | 1;
  /** "name" marks the column that gets a kind prefix. */
  readonly format?: "name";
}

export interface TableRow {
  readonly cells: readonly string[];
  readonly meta: DeepReadonly<ObjectMeta>;
}

export interface Table {
  readonly columns: readonly ColumnDefinition[];
  readonly rows: readonly TableRow[];
}

export interface TableOptions {
  readonly wide: boolean;
  readonly noHeaders: boolean;
  readonly withNamespace: boolean;
  readonly showLabels: boolean;
  readonly labelColumns: readonly string[];
  /** "pod", "deployment.apps": prefixes the name cell when several types print. */
  readonly kind?: string;
}

/** The tab-separated lines of one table, before the tabwriter lays them out. */
export function tableLines(table: Table, opts: TableOptions): string[] {
  if (table.rows.length === 0) return [];
  const shown = table.columns.map((c) => opts.wide || c.priority === 0);
  const nameColumn = opts.kind ? table.columns.findIndex((c) => c.format === "name") : -1;
  const header: string[] = [];
  if (opts.withNamespace) header.push("NAMESPACE");
  table.columns.forEach((c, i) => shown[i] && header.push(c.name.toUpperCase()));
  for (const label of opts.labelColumns) {
    const parts = label.split("/");
    header.push(parts[parts.length - 1]!.toUpperCase());
  }
  if (opts.showLabels) header.push("LABELS");

  const lines: string[] = [];
  if (!opts.noHeaders) lines.push(header.join("\t"));
  for (const row of table.rows) {
    const cells: string[] = [];
    if (opts.withNamespace) cells.push(row.meta.namespace ?? "");
    row.cells.forEach((cell, i) => {
      if (!shown[i]) return;
      cells.push(cutAtBreak(i === nameColumn ? `${opts.kind}/${cell}` : cell));
    });
    for (const label of opts.labelColumns) cells.push(row.meta.labels?.[label] ?? "");
    if (opts.showLabels) cells.push(formatLabels(row.meta.labels));
    lines.push(cells.join("\t"));
  }
  return lines;
}

function cutAtBreak(s: string): string {
  const i = s.search(/[\f\n\r]/);
  return i < 0 ? s : `${s.slice(0, i)}...`;
}

/** One table, laid out by kubectl's tabwriter. */
export function printTable(table: Table, opts: TableOptions): string {
  const lines = tableLines(table, opts);
  return lines.length === 0 ? "" : tabwrite(`${lines.join("\n")}\n`, TABLE_TABWRITER);
}
