// Translates a GNU grep pattern, basic (BRE, the default) or extended (-E),
// into RE2 syntax, so grep runs on a linear-time engine: a pattern such as
// '(.*){6}x' must not stall the room the way a backtracking engine does.
// Refusals use GNU grep's (glibc regcomp's) own texts; what RE2 cannot do at
// all (back-references) is refused in one line.

export type GrepPattern = { readonly ok: true; readonly source: string } | { readonly ok: false; readonly error: string };

export const UNMATCHED_OPEN_PAREN = "Unmatched ( or \\(";
export const UNMATCHED_CLOSE_PAREN = "Unmatched ) or \\)";
export const UNMATCHED_BRACKET = "Unmatched [, [^, [:, [., or [=";
export const UNMATCHED_BRACE = "Unmatched \\{";
export const INVALID_INTERVAL = "Invalid content of \\{\\}";
export const INVALID_PRECEDING = "Invalid preceding regular expression";
export const INVALID_CLASS_NAME = "Invalid character class name";
export const INVALID_RANGE_END = "Invalid range end";
export const TRAILING_BACKSLASH = "Trailing backslash";
export const TOO_BIG = "Regular expression too big";
export const CLASS_SYNTAX = "character class syntax is [[:space:]], not [:space:]";
export const NO_BACK_REFERENCES = "back-references are not available here (grep runs on a linear-time engine)";

// glibc's RE_DUP_MAX: a larger interval count is "too big" for GNU grep too.
const DUP_MAX = 0x7fff;
const CLASS_NAMES = new Set(["alpha", "upper", "lower", "digit", "xdigit", "space", "print", "punct", "graph", "cntrl", "blank", "alnum"]);

/** One piece of the translated expression; a repetition applies to the last atom. */
type Item = { text: string; kind: "atom" | "repeated" | "anchor" | "alt" };
type Frame = { items: Item[] };

const fail = (error: string): GrepPattern => ({ ok: false, error });

/** Characters RE2 reads as operators, escaped when grep means them literally. */
function literal(c: string): string {
  return /[\\.+*?()|[\]{}^$]/.test(c) ? `\\${c}` : c;
}

/** Parses "m}", "m,}", "m,n}" or ",n}" after an opening brace; undefined when malformed. */
function interval(text: string): { min: number; max: number | undefined; length: number } | undefined {
  const m = /^(\d*)(,(\d*))?/.exec(text)!;
  if (m[1] === "" && m[3] === undefined) return undefined;
  if (m[1] === "" && m[3] === "") return undefined;
  const min = m[1] === "" ? 0 : Number(m[1]);
  const max = m[2] === undefined ? min : m[3] === "" ? undefined : Number(m[3]);
  return { min, max, length: m[0].length };
}

/** Reads a bracket expression starting at `[`; returns its RE2 text and where it ends. */
function bracket(p: string, start: number): { text: string; end: number } | { error: string } {
  let i = start + 1;
  let out = "[";
  if (p[i] === "^") {
    out += "^";
    i++;
  }
  const first = i;
  // "[:space:]" written without the outer brackets: GNU grep refuses it.
  if (p[i] === ":" && /^:[a-z]+:\]/.test(p.slice(i)) && i === start + 1) return { error: CLASS_SYNTAX };
  for (; i < p.length; i++) {
    const c = p[i]!;
    if (c === "]" && i > first) return { text: `${out}]`, end: i + 1 };
    if (c === "[" && (p[i + 1] === ":" || p[i + 1] === "." || p[i + 1] === "=")) {
      const kind = p[i + 1]!;
      const close = p.indexOf(`${kind}]`, i + 2);
      if (close < 0) return { error: UNMATCHED_BRACKET };
      const name = p.slice(i + 2, close);
      if (kind === ":") {
        if (!CLASS_NAMES.has(name)) return { error: INVALID_CLASS_NAME };
        out += `[:${name}:]`;
      } else if ([...name].length === 1) out += literal(name);
      else return { error: kind === "." ? "Invalid collation character" : INVALID_CLASS_NAME };
      i = close + 1;
      continue;
    }
    if (c === "-" && i > first && p[i + 1] !== "]" && i + 1 < p.length) {
      const lo = p[i - 1]!;
      const hi = p[i + 1]!;
      if (hi.codePointAt(0)! < lo.codePointAt(0)!) return { error: INVALID_RANGE_END };
      out += "-";
      continue;
    }
    // Inside brackets a backslash is an ordinary character in POSIX.
    out += c === "\\" || c === "[" || c === "]" || c === "^" || c === "-" ? `\\${c}` : c;
  }
  return { error: UNMATCHED_BRACKET };
}

/** Translates `pattern`; `extended` is grep -E. */
export function translateGrepPattern(pattern: string, extended: boolean): GrepPattern {
  const stack: Frame[] = [{ items: [] }];
  const top = (): Frame => stack[stack.length - 1]!;
  const last = (): Item | undefined => top().items[top().items.length - 1];
  const atom = (text: string): void => void top().items.push({ text, kind: "atom" });
  /** Whether an operator here has nothing to repeat (start, after a group opens, an alternation or an anchor). */
  const atStart = (): boolean => {
    const l = last();
    return l === undefined || l.kind === "alt" || l.kind === "anchor";
  };
  const repeat = (op: string): void => {
    const l = last()!;
    // RE2 refuses "a**"; grep reads it as (a*)*.
    if (l.kind === "repeated") l.text = `(?:${l.text})${op}`;
    else l.text += op;
    l.kind = "repeated";
  };
  const closeGroup = (): boolean => {
    if (stack.length === 1) return false;
    const frame = stack.pop()!;
    top().items.push({ text: `(${frame.items.map((it) => it.text).join("")})`, kind: "atom" });
    return true;
  };
  let groups = 0;

  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    let op = c;
    let escaped = false;
    if (c === "\\") {
      if (i + 1 >= pattern.length) return fail(TRAILING_BACKSLASH);
      op = pattern[++i]!;
      escaped = true;
    }
    // Which spelling is the operator: BRE writes \( \) \{ \| \+ \?, ERE the bare character.
    const isOp = (ch: string): boolean => op === ch && escaped !== extended;
    if (escaped && /[1-9]/.test(op)) return fail(Number(op) > groups ? "Invalid back reference" : NO_BACK_REFERENCES);
    if (escaped && "wWsSbB".includes(op)) {
      top().items.push({ text: `\\${op}`, kind: "bB".includes(op) ? "anchor" : "atom" });
      continue;
    }
    if (escaped && (op === "<" || op === ">")) {
      // RE2 has no start/end-of-word assertions; a word boundary is the nearest it has.
      top().items.push({ text: "\\b", kind: "anchor" });
      continue;
    }
    if (escaped && (op === "`" || op === "'")) {
      top().items.push({ text: op === "`" ? "\\A" : "\\z", kind: "anchor" });
      continue;
    }
    if (isOp("(")) {
      groups++;
      stack.push({ items: [] });
      continue;
    }
    if (isOp(")")) {
      if (closeGroup()) continue;
      // An unmatched ")" is an ordinary character in grep -E, an error in BRE.
      if (!extended) return fail(UNMATCHED_CLOSE_PAREN);
      atom("\\)");
      continue;
    }
    if (isOp("|")) {
      top().items.push({ text: "|", kind: "alt" });
      continue;
    }
    if (!escaped && c === "[") {
      const b = bracket(pattern, i);
      if ("error" in b) return fail(b.error);
      atom(b.text);
      i = b.end - 1;
      continue;
    }
    if (!escaped && c === ".") {
      atom(".");
      continue;
    }
    if (!escaped && c === "^") {
      // BRE: an anchor only where a subexpression starts; elsewhere an ordinary character.
      if (extended || top().items.length === 0 || last()!.kind === "alt") top().items.push({ text: "^", kind: "anchor" });
      else atom("\\^");
      continue;
    }
    if (!escaped && c === "$") {
      const rest = pattern.slice(i + 1);
      if (extended || rest === "" || rest.startsWith("\\)") || rest.startsWith("\\|")) top().items.push({ text: "$", kind: "anchor" });
      else atom("\\$");
      continue;
    }
    if ((!escaped && c === "*") || isOp("+") || isOp("?")) {
      // With nothing to repeat, BRE reads the operator as itself; grep -E repeats the empty string.
      if (!atStart()) repeat(op);
      else if (!extended) atom(literal(op));
      continue;
    }
    if (isOp("{")) {
      const close = pattern.indexOf(extended ? "}" : "\\}", i + 1);
      const spec = close < 0 ? undefined : interval(pattern.slice(i + 1, close));
      const wellFormed = spec !== undefined && spec.length === close - i - 1;
      if (!wellFormed) {
        // grep -E reads a brace that starts no interval as itself.
        if (extended) {
          atom("\\{");
          continue;
        }
        return fail(close < 0 ? UNMATCHED_BRACE : INVALID_INTERVAL);
      }
      if (spec.max !== undefined && spec.min > spec.max) return fail(INVALID_INTERVAL);
      if (spec.min > DUP_MAX || (spec.max ?? 0) > DUP_MAX) return fail(TOO_BIG);
      i = close + (extended ? 0 : 1);
      if (atStart()) {
        if (extended) continue;
        return fail(INVALID_PRECEDING);
      }
      repeat(`{${spec.min},${spec.max ?? ""}}`.replace(/^\{(\d+),\1\}$/, "{$1}"));
      continue;
    }
    atom(literal(op));
  }
  if (stack.length > 1) return fail(UNMATCHED_OPEN_PAREN);
  return { ok: true, source: top().items.map((it) => it.text).join("") };
}
