// One console line in, kubectl's stdout, stderr and exit code out. The line is
// split like a shell would, the command found the way cobra finds it (flags may
// come before the subcommand), flags parsed like pflag, and the command run
// against the API server as the player.

import { runFilter, splitPipeline } from "./pipeline.ts";
import { plainError, reportErrors, flagError } from "./errors.ts";
import { Output, appendChunk, type KubectlEnv, type KubectlResult } from "./env.ts";
import { flagString, parseFlags, type FlagSpec } from "./flags.ts";
import { tokenize } from "./tokenize.ts";
import { impersonationFromFlags } from "./impersonation.ts";
import { contextNamespace, findContext } from "./kubeconfig.ts";
import type { Command, CommandContext } from "./cmd/command.ts";
import { COMMANDS } from "./cmd/index.ts";
import { GLOBAL_FLAGS, KUBECTL_ALIASES, findSubcommand, unknownCommandMessage } from "./cmd/root.ts";
import { rootHelp } from "./cmd/help.ts";
import { NOT_AVAILABLE } from "./cmd/unsupported.ts";
import { warningWriter } from "./warnings.ts";

export type { KubectlEnv, KubectlResult, OutputChunk } from "./env.ts";

/** What the console says for a line that is not a kubectl command. */
export const notKubectlMessage = (word: string): string => `${word}: command not found (this console runs kubectl commands only; try "kubectl get pods")\n`;


function takesValue(specs: readonly FlagSpec[], w: string): boolean {
  // cobra's hasNoOptDefVal / shortHasNoOptDefVal: unknown flags are assumed to take a value.
  const spec = w.startsWith("--") ? specs.find((s) => s.name === w.slice(2)) : specs.find((s) => s.short === w.slice(1));
  return !(spec && (spec.type === "bool" || spec.noOptDefVal !== undefined));
}

function isValueFlag(specs: readonly FlagSpec[], w: string): boolean {
  if (w.includes("=")) return false;
  if (w.startsWith("--")) return takesValue(specs, w);
  return w.startsWith("-") && w.length === 2 && takesValue(specs, w);
}

/** cobra's stripFlags: the words that are neither flags nor flag values. */
function stripFlags(args: readonly string[], specs: readonly FlagSpec[]): string[] {
  const commands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const s = args[i]!;
    if (s === "--") break;
    if (isValueFlag(specs, s)) {
      if (args.length - i - 1 <= 1) break;
      i++;
      continue;
    }
    if (s !== "" && !s.startsWith("-")) commands.push(s);
  }
  return commands;
}

/** cobra's argsMinusFirstX: args without the first bare occurrence of x. */
function argsMinusFirst(args: readonly string[], x: string, specs: readonly FlagSpec[]): string[] {
  for (let pos = 0; pos < args.length; pos++) {
    const s = args[pos]!;
    if (s === "--") break;
    if (isValueFlag(specs, s)) {
      pos++;
      continue;
    }
    if (!s.startsWith("-") && s === x) return [...args.slice(0, pos), ...args.slice(pos + 1)];
  }
  return [...args];
}

/** cobra's Find: walks subcommands named by the first non-flag words; the rest are the command's args. */
export function findCommand(words: readonly string[]): { path: Command[]; rest: string[]; unknown?: string } {
  const path: Command[] = [];
  let commands: readonly Command[] = COMMANDS;
  let args = [...words];
  let specs: readonly FlagSpec[] = GLOBAL_FLAGS;
  for (;;) {
    const stripped = stripFlags(args, specs);
    if (stripped.length === 0) break;
    const sub = findSubcommand(commands, stripped[0]!);
    if (!sub) {
      if (path.length === 0) return { path, rest: args, unknown: stripped[0]! };
      break;
    }
    args = argsMinusFirst(args, stripped[0]!, specs);
    path.push(sub);
    commands = sub.subcommands ?? [];
    specs = [...GLOBAL_FLAGS, ...sub.flags];
  }
  return { path, rest: args };
}

/** Runs one console line ("kubectl get pods -o wide"); stdin feeds `apply -f -`. */
export function runKubectl(env: KubectlEnv, line: string, stdin?: string): KubectlResult {
  const [first, ...filters] = splitPipeline(line);
  let result = runCommand(env, first!, stdin);
  for (const stage of filters) {
    // Like a shell pipe: the command's stderr reaches the terminal as written, the filter's output after it.
    const next = runFilter(stage, result.stdout);
    const output = result.output.filter((c) => c.stream === "stderr");
    appendChunk(output, "stdout", next.stdout);
    appendChunk(output, "stderr", next.stderr);
    result = { stdout: next.stdout, stderr: result.stderr + next.stderr, exitCode: next.exitCode, output };
  }
  return result;
}

/** Linux's ARG_MAX and MAX_ARG_STRLEN: the shell cannot start kubectl with more. */
const ARG_MAX = 2 * 1024 * 1024;
const MAX_ARG_STRLEN = 128 * 1024;
const ARGUMENT_LIST_TOO_LONG = "bash: /usr/local/bin/kubectl: Argument list too long\n";

function runCommand(env: KubectlEnv, line: string, stdin?: string): KubectlResult {
  const out = new Output();
  if (line.length > ARG_MAX) {
    out.fail(ARGUMENT_LIST_TOO_LONG, 126);
    return out.result();
  }
  const tokens = tokenize(line);
  if (!tokens.ok) {
    out.fail(`bash: ${tokens.error}`, 2);
    return out.result();
  }
  const words = tokens.words;
  if (words.some((w) => w.length > MAX_ARG_STRLEN) && KUBECTL_ALIASES.includes(words[0]!)) {
    out.fail(ARGUMENT_LIST_TOO_LONG, 126);
    return out.result();
  }
  if (words.length === 0) return out.result();
  if (!KUBECTL_ALIASES.includes(words[0]!)) {
    out.err(notKubectlMessage(words[0]!));
    out.exitCode = 127;
    return out.result();
  }
  const found = findCommand(words.slice(1));
  if (found.unknown !== undefined) {
    reportErrors(out, [plainError(unknownCommandMessage(found.unknown))]);
    return out.result();
  }
  const cmd = found.path[found.path.length - 1];
  const commandPath = ["kubectl", ...found.path.map((c) => c.name)].join(" ");
  if (cmd?.unsupported) {
    out.fail(NOT_AVAILABLE(commandPath));
    return out.result();
  }
  const specs = [...(cmd?.flags ?? []), ...GLOBAL_FLAGS];
  const parsed = parseFlags(specs, found.rest);
  if (!parsed.ok) {
    reportErrors(out, [flagError(commandPath, parsed.error)]);
    return out.result();
  }
  if (!cmd) {
    if (parsed.flags.args.length === 0) out.out(rootHelp());
    return out.result();
  }
  if (parsed.flags.help) {
    out.out(`${cmd.short}.\n\nUsage:\n  kubectl ${cmd.use}\n\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n`);
    return out.result();
  }
  const missing = (cmd.required ?? []).filter((r) => !parsed.flags.changed.has(r));
  if (missing.length > 0) {
    reportErrors(out, [plainError(`required flag(s) "${missing.join('", "')}" not set`)]);
    return out.result();
  }
  const impersonation = impersonationFromFlags(parsed.flags, env.client.user.name);
  if (impersonation !== undefined && "error" in impersonation) {
    reportErrors(out, [plainError(impersonation.error)]);
    return out.result();
  }
  const namespaceFlag = flagString(parsed.flags, "namespace");
  // --context picks another context of the kubeconfig for this one command (config commands read it themselves).
  const contextFlag = flagString(parsed.flags, "context");
  if (contextFlag !== "" && found.path[0]?.name !== "config" && !(env.kubeconfig && findContext(env.kubeconfig, contextFlag))) {
    reportErrors(out, [plainError(`context was not found for specified context: ${contextFlag}`)]);
    return out.result();
  }
  const client = impersonation ? env.client.withImpersonation(impersonation) : env.client;
  const ctx: CommandContext = {
    env: { ...env, client: client.withWarningHandler(warningWriter(out)) },
    now: { epochMs: env.epochMs, nowMs: env.clock.now },
    namespace: namespaceFlag || contextNamespace(env.kubeconfig, contextFlag || undefined),
    namespaceExplicit: parsed.flags.changed.has("namespace"),
    stdin,
    path: commandPath,
    flags: parsed.flags,
    args: parsed.flags.args,
    out,
  };
  cmd.run(ctx);
  return out.result();
}

export { completeKubectl } from "./complete.ts";
