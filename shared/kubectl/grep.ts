// grep after a console pipe: GNU grep's options that people type after kubectl
// (-v -i -c -w -n -m N -e P -E -F), its basic and extended regular expressions,
// matched on RE2 (re2js) so that no pattern takes more than linear time.

import { RE2JS } from "re2js";
import { translateGrepPattern } from "./grep-pattern.ts";
import { type FilterResult, joined } from "./pipeline.ts";

const refuse = (message: string): FilterResult => ({ stdout: "", stderr: `grep: ${message}\n`, exitCode: 2 });

/** Compiles one pattern as grep reads it; a refusal is grep's message. */
function compile(pattern: string, opts: { extended: boolean; fixed: boolean; word: boolean; ignoreCase: boolean }): RE2JS | string {
  let source: string;
  if (opts.fixed) source = RE2JS.quote(pattern);
  else {
    const t = translateGrepPattern(pattern, opts.extended);
    if (!t.ok) return t.error;
    source = t.source;
  }
  if (opts.word) source = `\\b(?:${source})\\b`;
  try {
    return RE2JS.compile(source, opts.ignoreCase ? RE2JS.CASE_INSENSITIVE : 0);
  } catch (e) {
    // What GNU grep accepts but RE2 cannot build (a repeat over 1000, a program too large).
    return e instanceof Error && /repeat count|too large|nests too deeply/.test(e.message) ? "Regular expression too big" : `Invalid regular expression`;
  }
}

export function grep(args: readonly string[], input: readonly string[]): FilterResult {
  let invert = false;
  let ignoreCase = false;
  let countOnly = false;
  let word = false;
  let numbered = false;
  let extended = false;
  let fixed = false;
  let max = Infinity;
  const patterns: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    let m: RegExpExecArray | null;
    if (a === "-e" && i + 1 < args.length) patterns.push(args[++i]!);
    else if (a === "-m" && i + 1 < args.length && /^\d+$/.test(args[i + 1]!)) max = Number(args[++i]);
    else if ((m = /^-m(\d+)$/.exec(a))) max = Number(m[1]);
    else if (/^-[viwcEFn]+$/.test(a)) {
      numbered ||= a.includes("n");
      invert ||= a.includes("v");
      ignoreCase ||= a.includes("i");
      countOnly ||= a.includes("c");
      word ||= a.includes("w");
      // The last of -E and -F given wins, as in GNU grep.
      const mode = a.replace(/[^EF]/g, "").slice(-1);
      if (mode !== "") {
        extended = mode === "E";
        fixed = mode === "F";
      }
    } else if (a.startsWith("-") && a !== "-") return refuse(`invalid option -- '${a.slice(1)}'`);
    else patterns.push(a);
  }
  if (patterns.length === 0) return { stdout: "", stderr: "Usage: grep [OPTION]... PATTERNS [FILE]...\n", exitCode: 2 };
  const res: RE2JS[] = [];
  // A pattern argument holds one pattern per line, as in GNU grep.
  for (const p of patterns.flatMap((p) => p.split("\n"))) {
    const re = compile(p, { extended, fixed, word, ignoreCase });
    if (typeof re === "string") return refuse(re);
    res.push(re);
  }
  const matched: string[] = [];
  for (let i = 0; i < input.length && matched.length < max; i++) {
    const l = input[i]!;
    if (res.some((r) => r.test(l)) !== invert) matched.push(numbered ? `${i + 1}:${l}` : l);
  }
  const stdout = countOnly ? `${matched.length}\n` : joined(matched);
  return { stdout, stderr: "", exitCode: matched.length > 0 ? 0 : 1 };
}
