// The JSONPath template parser of k8s.io/client-go/util/jsonpath (parser.go
// and node.go, v0.34), ported rune for rune: text outside braces is literal,
// each {action} becomes a list of nodes, and the error texts are upstream's
// ("unterminated array", "unclosed action", "invalid array index x"...).
// Its quirks are kept on purpose, since players see their effects: a
// bracketed key is re-parsed as a dotted path (['a.b'] reads a, then b), an
// unescaped '.' always splits a field, and "[?(" filters take one quoted
// string at most.

import { goRune } from "./go-fmt.ts";

export interface ParamsEntry {
  value: number;
  known: boolean;
  /** The end of [n]: n+1, which a negative n wraps along with the start. */
  derived: boolean;
}

export interface ListNode {
  readonly type: "List";
  readonly nodes: Node[];
}

export type Node =
  | ListNode
  | { readonly type: "Text"; readonly text: string }
  | { readonly type: "Field"; readonly value: string }
  | { readonly type: "Identifier"; readonly name: string }
  | { readonly type: "Array"; readonly params: readonly [ParamsEntry, ParamsEntry, ParamsEntry] }
  | { readonly type: "Filter"; readonly left: ListNode; readonly right: ListNode; readonly operator: string }
  | { readonly type: "Int"; readonly value: number }
  | { readonly type: "Float"; readonly value: number }
  | { readonly type: "Bool"; readonly value: boolean }
  | { readonly type: "Wildcard" }
  | { readonly type: "Recursive" }
  | { readonly type: "Union"; readonly nodes: ListNode[] };

export type ParseResult = { readonly ok: true; readonly root: ListNode } | { readonly ok: false; readonly error: string };

const EOF = -1;
const LEFT_DELIM = "{";
const RIGHT_DELIM = "}";
const DICT_KEY_RE = /^'([^']*)'$/;
const SLICE_OPERATOR_RE = /^(-?\d*)(:-?\d*)?(:-?\d*)?$/;
const FILTER_RE = /^([^!<>=]+)([!<>=]+)(.+?)$/;

const newList = (): ListNode => ({ type: "List", nodes: [] });

/** What the parser does next: read literal text, read inside the action held by a list, or stop. */
type Next = "text" | "done" | ListNode;

/** A parse failure: upstream returns it as an error value from every parse step. */
class ParseError {
  readonly message: string;
  constructor(message: string) {
    this.message = message;
  }
}

const isSpace = (r: number): boolean => r === 0x20 || r === 0x09;
const isEndOfLine = (r: number): boolean => r === 0x0d || r === 0x0a;
const isDigit = (r: number): boolean => r >= 0 && /\p{Nd}/u.test(String.fromCodePoint(r));
const isAlphaNumeric = (r: number): boolean => r === 0x5f || (r >= 0 && /[\p{L}\p{Nd}]/u.test(String.fromCodePoint(r)));

/** Characters that may end an identifier or field name. */
function isTerminator(r: number): boolean {
  if (isSpace(r) || isEndOfLine(r)) return true;
  return r === EOF || ".,[]$@{}".includes(String.fromCodePoint(r));
}

class Parser {
  private readonly root: ListNode = newList();
  private readonly input: string;
  private pos = 0;
  private start = 0;
  private width = 0;

  constructor(input: string) {
    this.input = input;
  }

  /**
   * Upstream's parse steps call each other in tail position, one call per
   * node, which Go's growable stacks absorb; here each step returns the next
   * one instead, so a long template cannot overflow the call stack.
   */
  parse(): ListNode {
    let next: Next = "text";
    while (next !== "done") next = next === "text" ? this.parseText(this.root) : this.parseInsideAction(next);
    return this.root;
  }

  private consumeText(): string {
    const value = this.input.slice(this.start, this.pos);
    this.start = this.pos;
    return value;
  }

  private next(): number {
    if (this.pos >= this.input.length) {
      this.width = 0;
      return EOF;
    }
    const r = this.input.codePointAt(this.pos)!;
    this.width = r > 0xffff ? 2 : 1;
    this.pos += this.width;
    return r;
  }

  private peek(): number {
    const r = this.next();
    this.backup();
    return r;
  }

  private backup(): void {
    this.pos -= this.width;
  }

  private parseText(cur: ListNode): Next {
    for (;;) {
      if (this.input.startsWith(LEFT_DELIM, this.pos)) {
        if (this.pos > this.start) cur.nodes.push({ type: "Text", text: this.consumeText() });
        return this.parseLeftDelim(cur);
      }
      if (this.next() === EOF) break;
    }
    if (this.pos > this.start) cur.nodes.push({ type: "Text", text: this.consumeText() });
    return "done";
  }

  private parseLeftDelim(cur: ListNode): Next {
    this.pos += LEFT_DELIM.length;
    this.consumeText();
    const node = newList();
    cur.nodes.push(node);
    return node;
  }

  private parseInsideAction(cur: ListNode): Next {
    for (;;) {
      if (this.input.startsWith(RIGHT_DELIM, this.pos)) return this.parseRightDelim();
      if (this.input.startsWith("[?(", this.pos)) return this.parseFilter(cur);
      if (this.input.startsWith("..", this.pos)) return this.parseRecursive(cur);
      const r = this.next();
      if (r === EOF || isEndOfLine(r)) throw new ParseError("unclosed action");
      if (r === 0x20 || r === 0x40 || r === 0x24) {
        // A space, or @ / $: the current object, which the walk already holds.
        this.consumeText();
        continue;
      }
      if (r === 0x5b) return this.parseArray(cur);
      if (r === 0x22 || r === 0x27) return this.parseQuote(cur, r);
      if (r === 0x2e) return this.parseField(cur);
      if (r === 0x2b || r === 0x2d || isDigit(r)) {
        this.backup();
        return this.parseNumber(cur);
      }
      if (isAlphaNumeric(r)) {
        this.backup();
        return this.parseIdentifier(cur);
      }
      throw new ParseError(`unrecognized character in action: ${goRune(r)}`);
    }
  }

  private parseRightDelim(): Next {
    this.pos += RIGHT_DELIM.length;
    this.consumeText();
    return "text";
  }

  /** Built-in keywords ("range", "end") and the bool literals. */
  private parseIdentifier(cur: ListNode): Next {
    for (;;) {
      const r = this.next();
      if (isTerminator(r)) {
        this.backup();
        break;
      }
    }
    const value = this.consumeText();
    if (value === "true" || value === "false") cur.nodes.push({ type: "Bool", value: value === "true" });
    else cur.nodes.push({ type: "Identifier", name: value });
    return cur;
  }

  private parseRecursive(cur: ListNode): Next {
    const last = cur.nodes[cur.nodes.length - 1];
    if (last?.type === "Recursive") throw new ParseError("invalid multiple recursive descent");
    this.pos += 2;
    this.consumeText();
    cur.nodes.push({ type: "Recursive" });
    if (isAlphaNumeric(this.peek())) return this.parseField(cur);
    return cur;
  }

  private parseNumber(cur: ListNode): Next {
    const sign = this.peek();
    if (sign === 0x2b || sign === 0x2d) this.next();
    for (;;) {
      const r = this.next();
      if (r !== 0x2e && !isDigit(r)) {
        this.backup();
        break;
      }
    }
    const value = this.consumeText();
    if (/^[+-]?[0-9]+$/.test(value) && Number.isSafeInteger(Number(value))) cur.nodes.push({ type: "Int", value: Number(value) });
    else if (/^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)$/.test(value)) cur.nodes.push({ type: "Float", value: Number(value) });
    else throw new ParseError(`cannot parse number ${value}`);
    return cur;
  }

  /** [n], [a:b:c], [*], ['key'] and unions [x,y]. */
  private parseArray(cur: ListNode): Next {
    for (;;) {
      const r = this.next();
      if (r === EOF || r === 0x0a) throw new ParseError("unterminated array");
      if (r === 0x5d) break;
    }
    let text = this.consumeText().slice(1, -1);
    if (text === "*") text = ":";

    const parts = text.split(",");
    if (parts.length > 1) {
      const union: ListNode[] = parts.map((s) => parseAction(`[${s.replace(/^ +| +$/g, "")}]`));
      cur.nodes.push({ type: "Union", nodes: union });
      return cur;
    }

    const key = DICT_KEY_RE.exec(text);
    if (key) {
      cur.nodes.push(...parseAction(`.${key[1]}`).nodes);
      return cur;
    }

    const m = SLICE_OPERATOR_RE.exec(text);
    if (!m) throw new ParseError(`invalid array index ${text}`);
    const groups = [m[1] ?? "", m[2] ?? "", m[3] ?? ""];
    const params: [ParamsEntry, ParamsEntry, ParamsEntry] = [
      { value: 0, known: false, derived: false },
      { value: 0, known: false, derived: false },
      { value: 0, known: false, derived: false },
    ];
    for (let i = 0; i < 3; i++) {
      let g = groups[i]!;
      if (g !== "") {
        if (i > 0) g = g.slice(1);
        if (i > 0 && g === "") params[i]!.known = false;
        else {
          if (!/^[+-]?[0-9]+$/.test(g)) throw new ParseError(`array index ${g} is not a number`);
          params[i] = { value: Number(g), known: true, derived: false };
        }
      } else if (i === 1) {
        params[1] = { value: params[0].value + 1, known: true, derived: true };
      }
    }
    cur.nodes.push({ type: "Array", params });
    return cur;
  }

  /** [?(left op right)] or the existence test [?(path)]. */
  private parseFilter(cur: ListNode): Next {
    this.pos += 3;
    this.consumeText();
    let begin = false;
    let end = false;
    let pair = 0;
    for (;;) {
      const r = this.next();
      if (r === EOF || r === 0x0a) throw new ParseError("unterminated filter");
      if (r === 0x22 || r === 0x27) {
        if (!begin) {
          begin = true;
          pair = r;
          continue;
        }
        if (this.input[this.pos - 2] !== "\\" && r === pair) end = true;
      } else if (r === 0x29 && begin === end) break;
    }
    if (this.next() !== 0x5d) throw new ParseError("unclosed array expect ]");
    const text = this.consumeText().slice(0, -2);
    const m = FILTER_RE.exec(text);
    if (!m) cur.nodes.push({ type: "Filter", left: parseAction(text), right: newList(), operator: "exists" });
    else cur.nodes.push({ type: "Filter", left: parseAction(m[1]!), right: parseAction(m[3]!), operator: m[2]! });
    return cur;
  }

  private parseQuote(cur: ListNode, quote: number): Next {
    for (;;) {
      const r = this.next();
      if (r === EOF || r === 0x0a) throw new ParseError("unterminated quoted string");
      if (r === quote && this.input[this.pos - 2] !== "\\") break;
    }
    const value = this.consumeText();
    const s = unquoteExtend(value);
    if (s === undefined) throw new ParseError(`unquote string ${value} error invalid syntax`);
    cur.nodes.push({ type: "Text", text: s });
    return cur;
  }

  private parseField(cur: ListNode): Next {
    this.consumeText();
    while (this.advance());
    const value = this.consumeText();
    if (value === "*") cur.nodes.push({ type: "Wildcard" });
    else cur.nodes.push({ type: "Field", value: value.replaceAll("\\", "") });
    return cur;
  }

  /** Steps over one rune of a field name; a backslash escapes the next one (app\.kubernetes\.io). */
  private advance(): boolean {
    const r = this.next();
    if (r === 0x5c) this.next();
    else if (isTerminator(r)) {
      this.backup();
      return false;
    }
    return true;
  }
}

/** parseAction: the nodes of one action's text, as if written "{text}". */
function parseAction(text: string): ListNode {
  const root = new Parser(`${LEFT_DELIM}${text}${RIGHT_DELIM}`).parse();
  return root.nodes[0] as ListNode;
}

const SIMPLE_ESCAPES: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, "\\": 0x5c };

/** UnquoteExtend: strconv.Unquote that also takes single-quoted strings; undefined on invalid syntax. */
export function unquoteExtend(s: string): string | undefined {
  if (s.length < 2) return undefined;
  const quote = s[0]!;
  if (quote !== s[s.length - 1] || (quote !== '"' && quote !== "'")) return undefined;
  let body = s.slice(1, -1);
  if (!body.includes("\\") && !body.includes(quote)) return body;
  const bytes: number[] = [];
  const encoder = new TextEncoder();
  while (body.length > 0) {
    const ch = String.fromCodePoint(body.codePointAt(0)!);
    if (ch === quote) return undefined;
    if (ch !== "\\") {
      bytes.push(...encoder.encode(ch));
      body = body.slice(ch.length);
      continue;
    }
    if (body.length <= 1) return undefined;
    const c = body[1]!;
    body = body.slice(2);
    if (c in SIMPLE_ESCAPES) bytes.push(SIMPLE_ESCAPES[c]!);
    else if (c === "x" || c === "u" || c === "U") {
      const n = c === "x" ? 2 : c === "u" ? 4 : 8;
      const hex = body.slice(0, n);
      if (hex.length < n || !/^[0-9a-fA-F]+$/.test(hex)) return undefined;
      body = body.slice(n);
      const v = parseInt(hex, 16);
      if (c === "x") bytes.push(v);
      else if (v > 0x10ffff || (v >= 0xd800 && v < 0xe000)) return undefined;
      else bytes.push(...encoder.encode(String.fromCodePoint(v)));
    } else if (c >= "0" && c <= "7") {
      const oct = c + body.slice(0, 2);
      if (!/^[0-7]{3}$/.test(oct)) return undefined;
      const v = parseInt(oct, 8);
      if (v > 255) return undefined;
      body = body.slice(2);
      bytes.push(v);
    } else if (c === "'" || c === '"') {
      if (c !== quote) return undefined;
      bytes.push(c.charCodeAt(0));
    } else return undefined;
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

/** Parses a JSONPath template ("{.items[*].metadata.name}"); the error is upstream's text. */
export function parseJsonPath(text: string): ParseResult {
  try {
    return { ok: true, root: new Parser(text).parse() };
  } catch (e) {
    if (e instanceof ParseError) return { ok: false, error: e.message };
    throw e;
  }
}
