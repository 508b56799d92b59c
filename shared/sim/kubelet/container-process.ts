// What a container's main process will do, worked out from its spec with the
// command table (stages/commands.ts): exit with a status after a while, or run
// until it is stopped. The argv is command + args, as the runtime builds it when
// either is set; a shell's `-c` script is run the way sh would run a list of
// simple commands joined by `;`, newlines and `&&`. Anything the table does not
// know makes the whole container a long-running one, never a guess. What the
// commands that run print (echo) is the instance's log, written as it starts.

import type { Container } from "../api/core-v1.ts";
import type { DeepReadonly } from "../api/meta.ts";
import type { CommandRule, CommandTable } from "./stages/schema.ts";

export type ContainerProcess =
  | { readonly exits: false }
  /** `runsMs` is how long its commands sleep; 0 means it returns at once. `log` is what it printed. */
  | { readonly exits: true; readonly code: number; readonly runsMs: number; readonly log: string };

const RUNS_FOREVER: ContainerProcess = { exits: false };

const UNIT_MS: Record<string, number> = { "": 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

interface SimpleCommand {
  readonly rule: CommandRule;
  readonly groups: Readonly<Record<string, string | undefined>>;
  /** The line a printing command writes, newline included. */
  readonly printed?: string;
}

export function containerProcess(table: CommandTable, container: DeepReadonly<Container>): ContainerProcess {
  const argv = [...(container.command ?? []), ...(container.args ?? [])];
  // No command: the image's entrypoint, a server in every image the game uses.
  if (argv.length === 0) return RUNS_FOREVER;
  if (table.shells.includes(argv[0]!)) {
    // `sh -c SCRIPT [NAME ARGS...]`; any other shell invocation reads a terminal it does not have.
    if (argv[1] !== "-c" || argv.length < 3) return RUNS_FOREVER;
    return runScript(table, argv[2]!);
  }
  // One program with its arguments: no shell splits them.
  const command = parse(table, argv.join(" "), false);
  return command === undefined ? RUNS_FOREVER : run([[command]]);
}

/** sh's lists: `;` and newlines run one after another, `&&` stops at the first failure. */
function runScript(table: CommandTable, script: string): ContainerProcess {
  const lists: SimpleCommand[][] = [];
  for (const list of script.split(/[;\n]/)) {
    if (list.trim() === "") continue;
    const chain: SimpleCommand[] = [];
    for (const part of list.split("&&")) {
      const command = parse(table, part, true);
      if (command === undefined) return RUNS_FOREVER;
      chain.push(command);
    }
    lists.push(chain);
  }
  return run(lists);
}

/** `shell`: the words came through sh, which removes their quotes before echo sees them. */
function parse(table: CommandTable, text: string, shell: boolean): SimpleCommand | undefined {
  const words = text.trim().split(/\s+/).join(" ");
  for (const rule of table.commands) {
    const m = new RegExp(rule.pattern).exec(words);
    if (m === null) continue;
    const groups = m.groups ?? {};
    if (!rule.prints) return { rule, groups };
    const printed = groups["text"] ?? "";
    return { rule, groups, printed: `${shell ? printed.replace(/["']/g, "") : printed}\n` };
  }
  return undefined;
}

function run(lists: readonly (readonly SimpleCommand[])[]): ContainerProcess {
  let status = 0;
  let runsMs = 0;
  let log = "";
  for (const chain of lists) {
    for (const { rule, groups, printed } of chain) {
      if (printed !== undefined) log += printed;
      const code = groups["code"] !== undefined ? Number(groups["code"]) % 256 : undefined;
      if (groups["seconds"] !== undefined) runsMs += Math.round(Number(groups["seconds"]) * UNIT_MS[groups["unit"] ?? ""]!);
      if (rule.endsShell) return { exits: true, code: code ?? status, runsMs, log };
      status = code ?? rule.status;
      if (status !== 0) break;
    }
  }
  return { exits: true, code: status, runsMs, log };
}
