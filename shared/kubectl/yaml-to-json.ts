// Reading YAML input the way kubectl's sigs.k8s.io/yaml (go-yaml v2) does, with
// its failures worded as go-yaml words them and bounded so that no input can
// throw or exhaust the console: the input's size and nesting depth are checked
// before parsing, aliases are resolved once (unknown anchors, anchors that
// contain themselves, excessive aliasing), and YAML 1.1 scalars are read as
// go-yaml v2 reads them (timestamps and base-60 numbers stay strings).

import { isAlias, isMap, isPair, isScalar, isSeq, type Pair, parseAllDocuments, type Document, type Node, type ParseOptions, type DocumentOptions, type SchemaOptions, type ToJSOptions, type YAMLError } from "yaml";

/** kube-apiserver refuses request bodies over 3 MiB; larger input could never be sent. */
export const MAX_INPUT_BYTES = 3 * 1024 * 1024;
/** Nesting deeper than this is refused before parsing (the parser recurses per level). */
export const MAX_DEPTH = 200;
/** go-yaml's alias limit shows up only for documents built to explode. */
const MAX_ALIAS_COUNT = 100;

const OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  version: "1.1",
  logLevel: "error",
  // go-yaml v2 leaves timestamps and sexagesimal numbers as strings when decoding into interface{}.
  customTags: (tags) => tags.filter((t) => typeof t === "string" || (t.tag !== "tag:yaml.org,2002:timestamp" && t.format !== "TIME")),
};
const TO_JS: ToJSOptions = { maxAliasCount: MAX_ALIAS_COUNT };

export type YamlDocuments = { readonly ok: true; readonly values: unknown[] } | { readonly ok: false; readonly error: string };

const fail = (problem: string): YamlDocuments => ({ ok: false, error: `error converting YAML to JSON: yaml: ${problem}` });

/** sigs.k8s.io/yaml's ToJSON error: "error converting YAML to JSON: yaml: line N: <problem>". */
export function yamlToJsonError(e: YAMLError): string {
  const line = e.linePos?.[0]?.line ?? 1;
  const msg = e.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
  return `error converting YAML to JSON: yaml: line ${line}: ${msg}`;
}

/**
 * The deepest nesting in the text, found in one pass: flow collections ([ {)
 * outside quotes and comments, plus block indentation levels and "- " entries
 * on a line. Returns the 1-based line where MAX_DEPTH is first exceeded.
 */
function tooDeepAt(text: string): number | undefined {
  const indents: number[] = [];
  let flow = 0;
  let line = 1;
  let quote = "";
  let atLineStart = true;
  let col = 0;
  let dashes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "\n") {
      line++;
      atLineStart = true;
      col = 0;
      dashes = 0;
      continue;
    }
    if (atLineStart) {
      if (c === " ") {
        col++;
        continue;
      }
      if (c === "-" && text[i + 1] === " " && quote === "" && flow === 0) {
        dashes++;
        col += 2;
        i++;
        continue;
      }
      atLineStart = false;
      if (quote === "" && flow === 0 && c !== "#") {
        while (indents.length > 0 && indents[indents.length - 1]! >= col) indents.pop();
        indents.push(col);
        if (indents.length + dashes > MAX_DEPTH) return line;
      }
    }
    if (quote !== "") {
      if (c === quote) quote = "";
      else if (c === "\\" && quote === '"') i++;
      continue;
    }
    if (c === "#" && (i === 0 || /\s/.test(text[i - 1]!))) {
      while (i + 1 < text.length && text[i + 1] !== "\n") i++;
      continue;
    }
    if ((c === '"' || c === "'") && (i === 0 || /[\s,[{:]/.test(text[i - 1]!))) quote = c;
    else if (c === "[" || c === "{") {
      if (++flow + indents.length > MAX_DEPTH) return line;
    } else if ((c === "]" || c === "}") && flow > 0) flow--;
  }
  return undefined;
}

/** A YAML 1.1 merge key ("<<") takes a map or a sequence of maps, each possibly an alias. */
function mergeProblem(doc: Document, pair: Pair): string | undefined {
  if (!isScalar(pair.key) || (pair.key.type !== undefined && pair.key.type !== "PLAIN")) return undefined;
  // The parser turns a plain "<<" key into the merge symbol.
  const k = pair.key.value;
  if (k !== "<<" && !(typeof k === "symbol" && k.description === "<<")) return undefined;
  const deref = (n: unknown): unknown => (isAlias(n) ? n.resolve(doc) : n);
  const value = deref(pair.value);
  if (isMap(value) || (isSeq(value) && value.items.every((item) => isMap(deref(item))))) return undefined;
  return "map merge requires map or sequence of maps as the value";
}

/** go-yaml's alias failures, found by resolving each alias once (cycles need an alias inside its own anchor). */
function aliasProblem(doc: Document): string | undefined {
  const done = new Set<unknown>();
  const open = new Set<unknown>();
  const walk = (node: unknown): string | undefined => {
    if (isAlias(node)) {
      const target = node.resolve(doc);
      if (target === undefined) return `unknown anchor '${node.source}' referenced`;
      if (open.has(target)) return `anchor '${node.source}' value contains itself`;
      return walk(target);
    }
    if (done.has(node) || (!isMap(node) && !isSeq(node) && !isPair(node))) return undefined;
    open.add(node);
    let problem: string | undefined;
    if (isPair(node)) problem = mergeProblem(doc, node) ?? walk(node.key) ?? walk(node.value);
    else for (const item of (node as { items: unknown[] }).items) if ((problem = walk(item))) break;
    open.delete(node);
    done.add(node);
    return problem;
  };
  return walk(doc.contents as Node | null);
}

/** Every document of the input as JSON-like values, or the one-line error kubectl would print after "error parsing STDIN: ". */
export function readYamlDocuments(text: string): YamlDocuments {
  if (text.length > MAX_INPUT_BYTES) return fail(`input is larger than ${MAX_INPUT_BYTES} bytes`);
  const deepLine = tooDeepAt(text);
  if (deepLine !== undefined) return fail(`line ${deepLine}: exceeded max depth of ${MAX_DEPTH}`);
  const values: unknown[] = [];
  for (const doc of parseAllDocuments(text, OPTIONS)) {
    if (doc.errors.length > 0) return { ok: false, error: yamlToJsonError(doc.errors[0]!) };
    const problem = aliasProblem(doc);
    if (problem !== undefined) return fail(problem);
    try {
      values.push(doc.toJS(TO_JS));
    } catch (e) {
      // What is left after aliasProblem is the library's alias-count guard.
      if (e instanceof ReferenceError) return fail("document contains excessive aliasing");
      throw e;
    }
  }
  return { ok: true, values };
}
