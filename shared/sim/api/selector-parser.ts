// The label selector parser of apimachinery pkg/labels/selector.go (Lexer, Parser,
// NewRequirement), ported token for token so that a malformed `-l` argument gets
// the same message as from a real API server.

import type { SelectorRequirement } from "./labels.ts";
import { isQualifiedName, isValidLabelValue } from "./validation.ts";

type Token =
  | "end"
  | "closedPar"
  | "comma"
  | "doesNotExist"
  | "doubleEquals"
  | "equals"
  | "greaterThan"
  | "identifier"
  | "in"
  | "lessThan"
  | "notEquals"
  | "notIn"
  | "openPar";

const STRING_TO_TOKEN: Readonly<Record<string, Token>> = {
  ")": "closedPar",
  ",": "comma",
  "!": "doesNotExist",
  "==": "doubleEquals",
  "=": "equals",
  ">": "greaterThan",
  in: "in",
  "<": "lessThan",
  "!=": "notEquals",
  notin: "notIn",
  "(": "openPar",
};

/** selection.Operator values of the binary operators, in apimachinery's order (for messages). */
const BINARY_OPERATORS = ["in", "notin", "=", "==", "!=", "gt", "lt"];

interface Scanned {
  readonly tok: Token;
  readonly lit: string;
}

const isWhitespace = (ch: string): boolean => ch === " " || ch === "\t" || ch === "\r" || ch === "\n";
const isSpecial = (ch: string): boolean => "=!(),><".includes(ch);

function lex(s: string): Scanned[] {
  const items: Scanned[] = [];
  let pos = 0;
  for (;;) {
    while (pos < s.length && isWhitespace(s[pos]!)) pos++;
    if (pos >= s.length) {
      items.push({ tok: "end", lit: "" });
      return items;
    }
    if (isSpecial(s[pos]!)) {
      // Longest operator made of special symbols: "!=" rather than "!". Every single
      // special symbol is an operator, so the first one always matches.
      let buffer = s[pos++]!;
      while (pos < s.length && STRING_TO_TOKEN[buffer + s[pos]] !== undefined) buffer += s[pos++];
      items.push({ tok: STRING_TO_TOKEN[buffer]!, lit: buffer });
    } else {
      let buffer = "";
      while (pos < s.length && !isSpecial(s[pos]!) && !isWhitespace(s[pos]!)) buffer += s[pos++];
      items.push({ tok: STRING_TO_TOKEN[buffer] ?? "identifier", lit: buffer });
    }
  }
}

type Operator = "in" | "notin" | "=" | "==" | "!=" | "gt" | "lt" | "exists" | "!";

class SelectorSyntaxError {
  readonly message: string;
  constructor(message: string) {
    this.message = message;
  }
}

class Parser {
  readonly #items: readonly Scanned[];
  #position = 0;

  constructor(text: string) {
    this.#items = lex(text);
  }

  /** In a value position, "in" and "notin" are plain identifiers. */
  #lookahead(values: boolean): Scanned {
    return asValue(this.#items[this.#position]!, values);
  }

  #consume(values: boolean): Scanned {
    return asValue(this.#items[this.#position++]!, values);
  }

  parse(): SelectorRequirement[] {
    const reqs: SelectorRequirement[] = [];
    for (;;) {
      const { tok, lit } = this.#lookahead(true);
      if (tok === "identifier" || tok === "doesNotExist") {
        let r: SelectorRequirement;
        try {
          r = this.#parseRequirement();
        } catch (e) {
          if (e instanceof SelectorSyntaxError) throw new SelectorSyntaxError(`unable to parse requirement: ${e.message}`);
          throw e;
        }
        reqs.push(r);
        const next = this.#consume(true);
        if (next.tok === "end") return reqs;
        if (next.tok === "comma") {
          const after = this.#lookahead(true);
          if (after.tok !== "identifier" && after.tok !== "doesNotExist") throw new SelectorSyntaxError(`found '${after.lit}', expected: identifier after ','`);
        } else {
          throw new SelectorSyntaxError(`found '${next.lit}', expected: ',' or 'end of string'`);
        }
      } else if (tok === "end") {
        return reqs;
      } else {
        throw new SelectorSyntaxError(`found '${lit}', expected: !, identifier, or 'end of string'`);
      }
    }
  }

  #parseRequirement(): SelectorRequirement {
    let { tok, lit } = this.#consume(true);
    let op: Operator | undefined;
    if (tok === "doesNotExist") {
      op = "!";
      ({ tok, lit } = this.#consume(true));
    }
    if (tok !== "identifier") throw new SelectorSyntaxError(`found '${lit}', expected: identifier`);
    const key = lit;
    const keyErrs = isQualifiedName(key);
    // The parser validates the key with a nil field path, which Go prints as "<nil>".
    if (keyErrs.length > 0) throw new SelectorSyntaxError(`<nil>: Invalid value: ${goQuote(key)}: ${keyErrs.join("; ")}`);
    const after = this.#lookahead(true).tok;
    if (after === "end" || after === "comma") op ??= "exists";
    if (op === "exists" || op === "!") return newRequirement(key, op, []);

    op = this.#parseOperator();
    const values = op === "in" || op === "notin" ? this.#parseValues() : this.#parseExactValue();
    // sets.String.List(): sorted, deduplicated.
    return newRequirement(key, op, [...new Set(values)].sort());
  }

  #parseOperator(): Operator {
    const { tok, lit } = this.#consume(false);
    switch (tok) {
      case "in":
        return "in";
      case "equals":
        return "=";
      case "doubleEquals":
        return "==";
      case "greaterThan":
        return "gt";
      case "lessThan":
        return "lt";
      case "notIn":
        return "notin";
      case "notEquals":
        return "!=";
      default:
        throw new SelectorSyntaxError(`found '${lit}', expected: ${BINARY_OPERATORS.join(", ")}`);
    }
  }

  #parseValues(): string[] {
    const open = this.#consume(true);
    if (open.tok !== "openPar") throw new SelectorSyntaxError(`found '${open.lit}' expected: '('`);
    const { tok, lit } = this.#lookahead(true);
    if (tok === "identifier" || tok === "comma") {
      const values = this.#parseIdentifiersList();
      if (this.#consume(true).tok !== "closedPar") throw new SelectorSyntaxError(`found '${lit}', expected: ')'`);
      return values;
    }
    if (tok === "closedPar") {
      this.#consume(true);
      return [""];
    }
    throw new SelectorSyntaxError(`found '${lit}', expected: ',', ')' or identifier`);
  }

  #parseIdentifiersList(): string[] {
    const values = new Set<string>();
    for (;;) {
      const { tok, lit } = this.#consume(true);
      if (tok === "identifier") {
        values.add(lit);
        const next = this.#lookahead(true);
        if (next.tok === "comma") continue;
        if (next.tok === "closedPar") return [...values];
        throw new SelectorSyntaxError(`found '${next.lit}', expected: ',' or ')'`);
      } else if (tok === "comma") {
        if (values.size === 0) values.add(""); // "(,"
        const next = this.#lookahead(true).tok;
        if (next === "closedPar") {
          values.add(""); // ",)"
          return [...values];
        }
        if (next === "comma") values.add(""); // ",,"
      } else {
        throw new SelectorSyntaxError(`found '${lit}', expected: ',', or identifier`);
      }
    }
  }

  #parseExactValue(): string[] {
    const ahead = this.#lookahead(true).tok;
    if (ahead === "end" || ahead === "comma") return [""];
    const { tok, lit } = this.#consume(true);
    if (tok === "identifier") return [lit];
    throw new SelectorSyntaxError(`found '${lit}', expected: identifier`);
  }
}

function asValue(item: Scanned, values: boolean): Scanned {
  return values && (item.tok === "in" || item.tok === "notIn") ? { tok: "identifier", lit: item.lit } : item;
}

/** NewRequirement: operator arity and label value checks, errors aggregated as apimachinery prints them. */
function newRequirement(key: string, op: Operator, values: string[]): SelectorRequirement {
  const errs: string[] = [];
  if (op === "gt" || op === "lt") {
    values.forEach((v, i) => {
      if (!/^[+-]?\d+$/.test(v)) errs.push(`values[${i}]: Invalid value: ${goQuote(v)}: for 'Gt', 'Lt' operators, the value must be an integer`);
    });
  }
  values.forEach((v, i) => {
    const msgs = isValidLabelValue(v);
    if (msgs.length > 0) errs.push(`values[${i}][${key}]: Invalid value: ${goQuote(v)}: ${msgs.join("; ")}`);
  });
  if (errs.length > 0) throw new SelectorSyntaxError(errs.length === 1 ? errs[0]! : `[${errs.join(", ")}]`);
  switch (op) {
    case "=":
    case "==":
      return { key, op: "=", value: values[0]! };
    case "!=":
      return { key, op, value: values[0]! };
    case "gt":
    case "lt":
      return { key, op, value: values[0]! };
    case "in":
    case "notin":
      return { key, op, values };
    case "exists":
    case "!":
      return { key, op };
  }
}

/** Go's %q for the printable ASCII that label keys and values are made of. */
function goQuote(s: string): string {
  return JSON.stringify(s);
}

export function parseLabelSelector(text: string): SelectorRequirement[] | string {
  try {
    const reqs = new Parser(text).parse();
    // sort.Sort(ByKey): the printed form and matching order do not depend on input order.
    return reqs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  } catch (e) {
    if (e instanceof SelectorSyntaxError) return e.message;
    throw e;
  }
}
