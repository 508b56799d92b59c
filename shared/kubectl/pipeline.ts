// A console line may pipe kubectl's output through the filters people use with
// it in a terminal: grep, head, tail, wc -l, sort, and awk '{print $N}'. Only
// standard output goes down the pipe; standard error reaches the player as a
// terminal shows it. The exit code is the last command's, as in bash.

import { grep } from "./grep.ts";
import { tokenize } from "./tokenize.ts";

export const SUPPORTED_FILTERS = "grep, head, tail, wc -l, sort, awk '{print $N}'";

export type FilterResult = { readonly stdout: string; readonly stderr: string; readonly exitCode: number };

/** Splits a line at the pipes that are not quoted or escaped; each part keeps its own text. */
export function splitPipeline(line: string): string[] {
  const parts: string[] = [];
  let start = 0;
  let quote: "'" | '"' | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote === "'") {
      if (c === "'") quote = undefined;
    } else if (quote === '"') {
      if (c === "\\") i++;
      else if (c === '"') quote = undefined;
    } else if (c === "\\") i++;
    else if (c === "'" || c === '"') quote = c;
    else if (c === "#" && (i === 0 || /\s/.test(line[i - 1]!))) break;
    else if (c === "|") {
      parts.push(line.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(line.slice(start));
  return parts;
}

function lines(text: string): string[] {
  if (text === "") return [];
  const all = text.split("\n");
  if (all[all.length - 1] === "") all.pop();
  return all;
}

/** Lines as a filter prints them: each ended by a newline. */
export const joined = (ls: readonly string[]): string => (ls.length === 0 ? "" : `${ls.join("\n")}\n`);

function count(args: string[], fallback: number): number | undefined {
  if (args.length === 0) return fallback;
  if (args.length === 1 && /^-\d+$/.test(args[0]!)) return Number(args[0]!.slice(1));
  if (args.length === 2 && args[0] === "-n" && /^\d+$/.test(args[1]!)) return Number(args[1]);
  if (args.length === 1 && /^-n\d+$/.test(args[0]!)) return Number(args[0]!.slice(2));
  return undefined;
}

/** Runs one filter stage ("grep -v Running") over `input`. */
export function runFilter(stage: string, input: string): FilterResult {
  const tokens = tokenize(stage);
  if (!tokens.ok) return { stdout: "", stderr: `bash: ${tokens.error}\n`, exitCode: 2 };
  const [name, ...args] = tokens.words;
  if (name === undefined) return { stdout: "", stderr: "bash: syntax error near unexpected token `|'\n", exitCode: 2 };
  const input_ = lines(input);
  switch (name) {
    case "head":
    case "tail": {
      const n = count(args, 10);
      if (n === undefined) return { stdout: "", stderr: `${name}: usage: ${name} [-n N]\n`, exitCode: 1 };
      return { stdout: joined(name === "head" ? input_.slice(0, n) : n === 0 ? [] : input_.slice(-n)), stderr: "", exitCode: 0 };
    }
    case "wc":
      if (args.length !== 1 || args[0] !== "-l") return { stdout: "", stderr: "wc: only wc -l is available here\n", exitCode: 1 };
      return { stdout: `${input_.length}\n`, stderr: "", exitCode: 0 };
    case "sort": {
      const reverse = args.includes("-r");
      const sorted = [...input_].sort();
      return { stdout: joined(reverse ? sorted.reverse() : sorted), stderr: "", exitCode: 0 };
    }
    case "grep":
      return grep(args, input_);
    case "awk": {
      const m = args.length === 1 ? /^\s*\{\s*print\s+((?:\$\d+\s*,?\s*)+)\}\s*$/.exec(args[0]!) : null;
      if (!m) return { stdout: "", stderr: "awk: only awk '{print $N}' is available here\n", exitCode: 2 };
      const fields = [...m[1]!.matchAll(/\$(\d+)/g)].map((f) => Number(f[1]));
      const out = input_.map((l) => {
        const cols = l.trim().split(/\s+/);
        return fields.map((f) => (f === 0 ? l : (cols[f - 1] ?? ""))).join(" ");
      });
      return { stdout: joined(out), stderr: "", exitCode: 0 };
    }
    default:
      return { stdout: "", stderr: `${name}: not available after a pipe here (${SUPPORTED_FILTERS} are)\n`, exitCode: 127 };
  }
}
