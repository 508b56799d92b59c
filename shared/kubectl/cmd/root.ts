// The kubectl root command: its persistent flags, the order cobra registers
// subcommands in (suggestions follow it), and "did you mean" matching.

import type { FlagSpec } from "../flags.ts";
import type { Command } from "./command.ts";

/** The words that start a kubectl command line. */
export const KUBECTL_ALIASES: readonly string[] = ["kubectl", "k"];

/** Persistent flags every command accepts; only --namespace changes anything here. */
export const GLOBAL_FLAGS: readonly FlagSpec[] = [
  { name: "namespace", short: "n", type: "string" },
  { name: "kubeconfig", type: "string" },
  { name: "context", type: "string" },
  { name: "cluster", type: "string" },
  { name: "user", type: "string" },
  { name: "server", short: "s", type: "string" },
  { name: "request-timeout", type: "string" },
  { name: "v", short: "v", type: "string" },
  { name: "as", type: "string" },
  { name: "as-group", type: "stringArray" },
  { name: "as-uid", type: "string" },
  { name: "insecure-skip-tls-verify", type: "bool" },
  { name: "match-server-version", type: "bool" },
  { name: "warnings-as-errors", type: "bool" },
];

/** kubectl's subcommands in registration order (cmd.go), for "Did you mean this?". */
export const KUBECTL_COMMAND_ORDER = [
  "create", "expose", "run", "set", "explain", "get", "edit", "delete", "rollout", "scale", "autoscale",
  "certificate", "cluster-info", "top", "cordon", "uncordon", "drain", "taint", "describe", "logs", "attach",
  "exec", "port-forward", "proxy", "cp", "auth", "debug", "events", "diff", "apply", "patch", "replace", "wait",
  "kustomize", "label", "annotate", "completion", "config", "plugin", "version", "api-versions", "api-resources",
  "options",
];

/** Levenshtein distance, case-insensitive, as cobra's ld(s, t, true). */
function ld(s: string, t: string): number {
  s = s.toLowerCase();
  t = t.toLowerCase();
  const d: number[][] = [];
  for (let i = 0; i <= s.length; i++) d.push([i, ...new Array<number>(t.length).fill(0)]);
  for (let j = 0; j <= t.length; j++) d[0]![j] = j;
  for (let j = 1; j <= t.length; j++) {
    for (let i = 1; i <= s.length; i++) {
      if (s[i - 1] === t[j - 1]) d[i]![j] = d[i - 1]![j - 1]!;
      else d[i]![j] = Math.min(d[i - 1]![j]!, d[i]![j - 1]!, d[i - 1]![j - 1]!) + 1;
    }
  }
  return d[s.length]![t.length]!;
}

/**
 * cobra's SuggestionsFor with SuggestionsMinimumDistance 2. The distance is at
 * least the difference in length, so only names within 2 characters of the typed
 * word's length are measured: a 100 kB word costs one pass, not a 100 kB matrix.
 */
export function suggestionsFor(typed: string, names: readonly string[]): string[] {
  const lower = typed.toLowerCase();
  return names.filter((n) => (Math.abs(typed.length - n.length) <= 2 && ld(typed, n) <= 2) || n.toLowerCase().startsWith(lower));
}

/** `unknown command "x" for "kubectl"` plus cobra's suggestions block. */
export function unknownCommandMessage(typed: string): string {
  const suggestions = suggestionsFor(typed, KUBECTL_COMMAND_ORDER);
  let msg = `unknown command ${JSON.stringify(typed)} for "kubectl"`;
  if (suggestions.length > 0) msg += `\n\nDid you mean this?\n${suggestions.map((s) => `\t${s}\n`).join("")}`;
  return msg;
}

export function findSubcommand(commands: readonly Command[], word: string): Command | undefined {
  return commands.find((c) => c.name === word || (c.aliases ?? []).includes(word));
}
