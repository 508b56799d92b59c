// client-go's JSONPath evaluator (util/jsonpath/jsonpath.go, v0.34) over a
// decoded JSON object, as kubectl runs it for -o jsonpath, custom-columns and
// --sort-by. FindResults walks each top-level action from the root; range
// re-runs the actions up to its end once per element; PrintResults writes
// strings raw, numbers and bools as Go prints them, maps and slices as
// compact JSON, and joins one action's results with a space. Map keys are
// visited in sorted order where Go's map iteration would be random (the *
// wildcard, .. descent), so output is deterministic.

import { marshalCompact, printJson } from "./json.ts";
import { GoFloat, goFloat, goNumber, goSprint, goTypeName, sortedKeys } from "./go-fmt.ts";
import { CompareError, compare } from "./jsonpath-compare.ts";
import { parseJsonPath, type ListNode, type Node } from "./jsonpath-parser.ts";

/**
 * An execution failure; the message is upstream's. `partial` is what the
 * failing step returned alongside its error, which an existence filter
 * ([?(@.x[0])]) still counts as a match, as upstream does.
 */
export class ExecError {
  readonly message: string;
  readonly partial: readonly unknown[];
  constructor(message: string, partial: readonly unknown[]) {
    this.message = message;
    this.partial = partial;
  }
}

/**
 * Upstream evaluates without limit; here a template's work is bounded, since
 * one console line must not stall the room: nested ranges over ".." multiply
 * (each of 26 unclosed {range ..} re-walks everything below it), and a range
 * nests one evaluation inside another. The step budget grows with the object
 * (STEPS_PER_VALUE for each value in it, a string's bytes included, since ..
 * visits them), so a template whose work is linear in the object always
 * finishes, whatever the cluster's size, and one that multiplies stops early.
 */
export const BASE_STEPS = 1_000_000;
export const STEPS_PER_VALUE = 3;
export const MAX_RANGE_DEPTH = 100;
export const MAX_OUTPUT_BYTES = 4 * 1024 * 1024;

export const tooManySteps = "template evaluation stopped: too many steps for the size of the object";
export const rangesTooDeep = `template evaluation stopped: ranges nested more than ${MAX_RANGE_DEPTH} deep`;
export const outputTooLarge = `template output stopped at ${MAX_OUTPUT_BYTES} bytes`;

/** The evaluation ran out of budget; unlike ExecError, no filter or union may swallow it. */
class BudgetExceeded {
  readonly message: string;
  constructor(message: string) {
    this.message = message;
  }
}

export type FindResult = { readonly ok: true; readonly results: unknown[][] } | { readonly ok: false; readonly error: string };

const isNil = (v: unknown): boolean => v === null || v === undefined;
const isMap = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof GoFloat);

/** A string's bytes, which Go's reflection yields when a string is indexed (.name.*). */
function stringBytes(s: string): number[] {
  return [...new TextEncoder().encode(s)];
}

/** The elements Go's reflection visits for * and ..: a map's values, a slice's items, a string's bytes. */
function children(v: unknown): unknown[] {
  if (Array.isArray(v)) return v;
  if (typeof v === "string") return stringBytes(v);
  if (isMap(v)) return sortedKeys(v).map((k) => v[k]);
  return [];
}

export class JsonPath {
  private readonly nodes: Node[];
  /** parser.Root.Nodes is a suffix of the parsed nodes; range moves its start, as upstream does. */
  private rootStart = 0;
  private beginRange = 0;
  private inRange = 0;
  private endRange = 0;
  private lastEndNode = -1;
  private allowMissingKeys = false;
  private outputJson = false;
  private steps = 0;
  private maxSteps = BASE_STEPS;

  private constructor(root: ListNode) {
    this.nodes = root.nodes;
  }

  /** Parses a template; the string is the parse error. */
  static parse(template: string): JsonPath | string {
    const parsed = parseJsonPath(template);
    return parsed.ok ? new JsonPath(parsed.root) : parsed.error;
  }

  /** AllowMissingKeys: a missing field yields nothing instead of "x is not found". */
  setAllowMissingKeys(allow: boolean): this {
    this.allowMissingKeys = allow;
    return this;
  }

  /** EnableJSONOutput (-o jsonpath-as-json): each action's results as an indented JSON array. */
  enableJsonOutput(on: boolean): this {
    this.outputJson = on;
    return this;
  }

  /** Execute: every action's results, printed; or the execution error. */
  execute(data: unknown): { ok: true; text: string } | { ok: false; error: string } {
    const found = this.findResults(data);
    if (!found.ok) return found;
    // Measured value by value first, so a huge result is refused before it is built.
    let size = 0;
    for (const r of found.results) {
      for (const v of r) {
        size += printed(v).length + 1;
        if (size > MAX_OUTPUT_BYTES) return { ok: false, error: outputTooLarge };
      }
    }
    return { ok: true, text: found.results.map((r) => this.printResults(r)).join("") };
  }

  findResults(data: unknown): FindResult {
    const saved = { rootStart: this.rootStart, lastEndNode: this.lastEndNode };
    this.steps = 0;
    this.maxSteps = BASE_STEPS + STEPS_PER_VALUE * valueCount(data);
    try {
      return { ok: true, results: this.find(data) };
    } catch (e) {
      if (e instanceof ExecError) return { ok: false, error: e.message };
      if (!(e instanceof BudgetExceeded)) throw e;
      // Leave the template as an unfinished walk would not: ready for the next object.
      Object.assign(this, saved, { beginRange: 0, inRange: 0, endRange: 0 });
      return { ok: false, error: e.message };
    }
  }

  /** Counts `n` values visited against the template's budget. */
  private spend(n: number): void {
    this.steps += n;
    if (this.steps > this.maxSteps) throw new BudgetExceeded(tooManySteps);
  }

  private find(data: unknown): unknown[][] {
    if (this.inRange > MAX_RANGE_DEPTH) throw new BudgetExceeded(rangesTooDeep);
    const start = this.rootStart;
    const length = this.nodes.length - start;
    const full: unknown[][] = [];
    for (let i = 0; i < length; i++) {
      const results = this.walk([data], this.nodes[start + i]!);
      // An end node closes the current block.
      if (this.endRange > 0 && this.endRange <= this.inRange) {
        this.endRange--;
        this.lastEndNode = start + i;
        break;
      }
      if (this.beginRange > 0) {
        this.beginRange--;
        this.inRange++;
        this.rootStart = start + i + 1;
        if (results.length > 0) {
          for (const value of results) {
            this.rootStart = start + i + 1;
            full.push(...this.find(value));
          }
        } else {
          // Still walk the block so the end node is found.
          this.find(null);
        }
        this.inRange--;
        for (let k = i + 1; k < length; k++) {
          if (start + k === this.lastEndNode) {
            i = k;
            break;
          }
        }
        continue;
      }
      full.push(results);
    }
    return full;
  }

  /** PrintResults: one action's values, space-separated. */
  printResults(results: readonly unknown[]): string {
    if (this.outputJson) return printJson(results.map(jsonValue));
    return results.map(printed).join(" ");
  }

  private walk(input: unknown[], node: Node): unknown[] {
    const out = this.walkNode(input, node);
    this.spend(1 + out.length);
    return out;
  }

  private walkNode(input: unknown[], node: Node): unknown[] {
    switch (node.type) {
      case "List":
        return this.evalList(input, node);
      case "Text":
        return [node.text];
      case "Field":
        return this.evalField(input, node.value);
      case "Array":
        return evalArray(input, node.params);
      case "Filter":
        return this.evalFilter(input, node);
      case "Int":
      case "Bool":
        return input.map(() => node.value);
      case "Float":
        return input.map(() => new GoFloat(node.value));
      case "Wildcard":
        return input.filter((v) => !isNil(v)).flatMap(children);
      case "Recursive":
        return this.evalRecursive(input);
      case "Union":
        return this.evalUnion(input, node.nodes);
      case "Identifier":
        return this.evalIdentifier(input, node.name);
    }
  }

  private evalList(input: unknown[], node: ListNode): unknown[] {
    let cur = input;
    for (const n of node.nodes) cur = this.walk(cur, n);
    return cur;
  }

  private evalUnion(input: unknown[], lists: readonly ListNode[]): unknown[] {
    const result: unknown[] = [];
    for (const list of lists) {
      try {
        // A loop, not a spread: a union's results may be too many for the call's arguments.
        for (const v of this.evalList(input, list)) result.push(v);
      } catch (e) {
        throw e instanceof ExecError ? new ExecError(e.message, input) : e;
      }
    }
    return result;
  }

  /** The .. operator: every container (and string) below the input, each followed by its descendants. */
  private evalRecursive(input: readonly unknown[], result: unknown[] = []): unknown[] {
    for (const value of input) {
      if (isNil(value)) continue;
      const kids = children(value);
      if (kids.length === 0) continue;
      // Charged as it descends: a long string alone has as many children as bytes.
      this.spend(kids.length);
      result.push(value);
      this.evalRecursive(kids, result);
    }
    return result;
  }

  private evalIdentifier(input: unknown[], name: string): unknown[] {
    if (name === "range") {
      this.beginRange++;
      return input;
    }
    if (name === "end") {
      if (this.inRange === 0) throw new ExecError("not in range, nothing to end", []);
      this.endRange++;
      return [];
    }
    throw new ExecError(`unrecognized identifier ${name}`, input);
  }

  private evalField(input: unknown[], key: string): unknown[] {
    if (input.length === 0) return [];
    const results: unknown[] = [];
    for (const v of input) {
      if (isMap(v) && Object.hasOwn(v, key) && v[key] !== undefined) results.push(v[key]);
    }
    if (results.length === 0 && !this.allowMissingKeys) throw new ExecError(`${key} is not found`, []);
    return results;
  }

  private evalFilter(input: unknown[], node: Extract<Node, { type: "Filter" }>): unknown[] {
    const results: unknown[] = [];
    const side = (item: unknown, list: ListNode): readonly unknown[] => {
      try {
        return this.evalList([item], list);
      } catch (e) {
        throw e instanceof ExecError ? new ExecError(e.message, input) : e;
      }
    };
    for (const value of input) {
      if (!Array.isArray(value)) throw new ExecError(`${goSprint(value)} is not array or slice and cannot be filtered`, input);
      for (const item of value) {
        if (node.operator === "exists") {
          let lefts: readonly unknown[];
          try {
            lefts = this.evalList([item], node.left);
          } catch (e) {
            // The existence test ignores the walk's error but not what the failing step returned.
            if (!(e instanceof ExecError)) throw e;
            lefts = e.partial;
          }
          if (lefts.length > 0) results.push(item);
          continue;
        }
        const lefts = side(item, node.left);
        if (lefts.length === 0) continue;
        if (lefts.length > 1) throw new ExecError("can only compare one element at a time", input);
        const rights = side(item, node.right);
        if (rights.length === 0) continue;
        if (rights.length > 1) throw new ExecError("can only compare one element at a time", input);
        let pass: boolean | undefined;
        try {
          pass = compare(node.operator, lefts[0], rights[0]);
        } catch (e) {
          throw e instanceof CompareError ? new ExecError(e.message, results) : e;
        }
        if (pass === undefined) throw new ExecError(`unrecognized filter operator ${node.operator}`, results);
        if (pass) results.push(item);
      }
    }
    return results;
  }
}

function evalArray(input: unknown[], nodeParams: Extract<Node, { type: "Array" }>["params"]): unknown[] {
  const result: unknown[] = [];
  for (const value of input) {
    if (isNil(value)) continue;
    if (!Array.isArray(value)) throw new ExecError(`${goTypeName(value)} is not array or slice`, input);
    const params = nodeParams.map((p) => ({ ...p }));
    const [p0, p1, p2] = params as [(typeof params)[0], (typeof params)[0], (typeof params)[0]];
    const len = value.length;
    if (!p0.known) p0.value = 0;
    if (p0.value < 0) p0.value += len;
    if (!p1.known) p1.value = len;
    if (p1.value < 0 || (p1.value === 0 && p1.derived)) p1.value += len;
    // Asking for zero elements is allowed, and ends the walk of this node.
    if (p1.value === p0.value) return result;
    if (p0.value >= len || p0.value < 0) throw new ExecError(`array index out of bounds: index ${p0.value}, length ${len}`, input);
    if (p1.value > len || p1.value < 0) throw new ExecError(`array index out of bounds: index ${p1.value - 1}, length ${len}`, input);
    if (p0.value > p1.value) throw new ExecError(`starting index ${p0.value} is greater than ending index ${p1.value}`, input);
    const slice = value.slice(p0.value, p1.value);
    let step = 1;
    if (p2.known) {
      if (p2.value <= 0) throw new ExecError("step must be > 0", input);
      step = p2.value;
    }
    for (let i = 0; i < slice.length; i += step) result.push(slice[i]);
  }
  return result;
}

/** How many values an object holds, each string counting its bytes too (what .. can visit). */
function valueCount(data: unknown): number {
  let n = 0;
  const stack: unknown[] = [data];
  while (stack.length > 0) {
    const v = stack.pop();
    n++;
    if (typeof v === "string") n += v.length;
    else if (Array.isArray(v)) for (const item of v) stack.push(item);
    else if (isMap(v)) for (const k in v) stack.push(v[k]);
  }
  return n;
}

/** One value as PrintResults writes it: containers as compact JSON, scalars as text. */
const printed = (r: unknown): string => (Array.isArray(r) || isMap(r) ? marshalCompact(r) : evalToText(r));

/** evalToText: fmt.Fprint of a scalar; a JSON null prints "null". */
function evalToText(v: unknown): string {
  if (isNil(v)) return "null";
  if (typeof v === "number") return goNumber(v);
  if (v instanceof GoFloat) return goFloat(v.value);
  return String(v);
}

/** A result as encoding/json sees it (template float literals are plain numbers there). */
function jsonValue(v: unknown): unknown {
  return v instanceof GoFloat ? v.value : v;
}
