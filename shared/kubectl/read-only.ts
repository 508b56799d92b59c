// Whether a console line only reads: kubectl's own parse of the line (cobra's
// Find, pflag's flags) names the command, and a command on the list below sends
// no mutating request and leaves the kubeconfig alone. A room may run such a
// line anywhere the cluster is the same (a read replica) and print the same.
// Anything unsure — a parse error, an unknown or unsupported command, a
// --dry-run (it sends requests) — counts as a write, so it runs where writes do.

import { parseFlags } from "./flags.ts";
import { splitPipeline } from "./pipeline.ts";
import { tokenize } from "./tokenize.ts";
import { findCommand } from "./kubectl.ts";
import { GLOBAL_FLAGS, KUBECTL_ALIASES } from "./cmd/root.ts";

/** Command paths (after "kubectl") that only read the cluster. */
const READ_ONLY_COMMANDS: ReadonlySet<string> = new Set([
  "get",
  "describe",
  "explain",
  "logs",
  "top node",
  "top pod",
  "api-resources",
  "api-versions",
  "version",
  "cluster-info",
  "cluster-info dump",
  "auth can-i",
  "auth whoami",
  "rollout status",
  "rollout history",
]);

/** True when the line's command (a pipeline's first) is one that only reads. */
export function isReadOnlyLine(line: string): boolean {
  const first = splitPipeline(line)[0] ?? "";
  const tokens = tokenize(first);
  if (!tokens.ok) return false;
  const [program, ...words] = tokens.words;
  if (program === undefined || !KUBECTL_ALIASES.includes(program)) return false;
  const found = findCommand(words);
  const cmd = found.path[found.path.length - 1];
  if (found.unknown !== undefined || !cmd || cmd.unsupported) return false;
  if (!READ_ONLY_COMMANDS.has(found.path.map((c) => c.name).join(" "))) return false;
  const parsed = parseFlags([...cmd.flags, ...GLOBAL_FLAGS], found.rest);
  // None of these takes --dry-run today; should one grow it (as `rollout undo` has), its requests are logged.
  return parsed.ok && !parsed.flags.changed.has("dry-run");
}
