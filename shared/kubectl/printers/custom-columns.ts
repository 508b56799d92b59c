// -o custom-columns=HEADER:path,...: kubectl's CustomColumnsPrinter
// (pkg/cmd/get/customcolumn.go). Headers print exactly as given; each cell
// is the column's relaxed JSONPath over one object, every value in Go's %v
// form joined by ",", or <none>; the rows go through the table tabwriter.
// The spec is split at every comma and colon first, so a path cannot hold
// either, as upstream.

import { goSprint } from "./go-fmt.ts";
import { JsonPath } from "./jsonpath.ts";
import { TABLE_TABWRITER, tabwrite } from "./tabwriter.ts";

export const RELAXED_JSONPATH_ERROR = "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'";
export const NO_COLUMNS_GIVEN = "custom-columns format specified but no custom columns given";
export const badColumnSpec = (part: string): string => `unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`;

const RELAXED_RE = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/;

/** RelaxedJSONPathExpression: "metadata.name", ".metadata.name", "{metadata.name}" all become "{.metadata.name}". */
export function relaxedJsonPathExpression(path: string): { ok: true; value: string } | { ok: false; error: string } {
  if (path === "") return { ok: true, value: "" };
  const m = RELAXED_RE.exec(path);
  if (!m) return { ok: false, error: RELAXED_JSONPATH_ERROR };
  return { ok: true, value: `{.${m[1] || m[2]}}` };
}

export interface Column {
  readonly header: string;
  /** The JSONPath template, e.g. "{.metadata.name}". */
  readonly fieldSpec: string;
}

/** NewCustomColumnsPrinterFromSpec; the string is the error kubectl reports. */
export function parseCustomColumns(spec: string): Column[] | string {
  if (spec === "") return NO_COLUMNS_GIVEN;
  const columns: Column[] = [];
  for (const part of spec.split(",")) {
    const colon = part.indexOf(":");
    if (colon < 0) return badColumnSpec(part);
    const path = relaxedJsonPathExpression(part.slice(colon + 1));
    if (!path.ok) return path.error;
    columns.push({ header: part.slice(0, colon), fieldSpec: path.value });
  }
  return columns;
}

/** EscapeTerminal: ESC and CR made visible so a cell cannot drive the terminal. */
export function escapeTerminal(s: string): string {
  return s.replaceAll("\x1b", "^[").replaceAll("\r", "\\r");
}

/**
 * PrintObj for one object or a List's items. The header line goes out before
 * the columns are parsed, and rows already written stay on an error, as
 * upstream's deferred tabwriter flush leaves them.
 */
export function printCustomColumns(columns: readonly Column[], obj: unknown, noHeaders: boolean): { text: string; error?: string } {
  const lines: string[] = [];
  const flush = (): string => (lines.length === 0 ? "" : tabwrite(`${lines.join("\n")}\n`, TABLE_TABWRITER));
  if (!noHeaders) lines.push(columns.map((c) => c.header).join("\t"));
  const parsers: JsonPath[] = [];
  for (const c of columns) {
    const p = JsonPath.parse(c.fieldSpec);
    if (typeof p === "string") return { text: flush(), error: p };
    parsers.push(p.setAllowMissingKeys(true));
  }
  const o = obj as { kind?: unknown; items?: unknown };
  const objects = o.kind === "List" && Array.isArray(o.items) ? o.items : [obj];
  for (const item of objects) {
    const cells: string[] = [];
    for (const parser of parsers) {
      const found = parser.findResults(item);
      if (!found.ok) return { text: flush(), error: found.error };
      const values = found.results.flat().map((v) => escapeTerminal(goSprint(v)));
      const first = found.results[0];
      cells.push((first === undefined || first.length === 0 ? ["<none>", ...values] : values).join(","));
    }
    lines.push(cells.join("\t"));
  }
  return { text: flush() };
}
