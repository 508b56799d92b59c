// The headless console: runs console lines against one session of a scenario and
// returns what the in-game console prints. Besides kubectl it understands
// `sleep DURATION` (advance simulated time), `inject FAULT TARGET` (the failure
// buttons) and shell heredocs for `kubectl apply -f - <<EOF`.

import type { UserInfo } from "../shared/sim/apiserver/types.ts";
import type { Session } from "../shared/game/session.ts";
import { ADMIN } from "../shared/sim/cluster.ts";
import { parseDuration } from "./duration.ts";

export const CONSOLE_USER: UserInfo = ADMIN;

export interface TranscriptOutput {
  stdout(text: string): void;
  stderr(text: string): void;
}

const FAULTS = ["node-crash", "node-restart"] as const;
const HEREDOC_RE = /\s*<<-?\s*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\1\s*$/;

/** Runs every line; returns the exit code of the last command (0 when all succeed). */
export function runTranscript(session: Session, lines: readonly string[], out: TranscriptOutput, echo: boolean): number {
  let exitCode = 0;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    let command = line;
    let stdin: string | undefined;
    const heredoc = HEREDOC_RE.exec(line);
    if (heredoc) {
      command = line.slice(0, heredoc.index).trimEnd();
      const body: string[] = [];
      for (i++; i < lines.length && lines[i]!.trim() !== heredoc[2]; i++) body.push(lines[i]!);
      stdin = body.join("\n") + "\n";
    }
    if (echo) {
      out.stdout(`$ ${line}\n`);
      if (stdin !== undefined) out.stdout(`${stdin}${heredoc![2]}\n`);
    }
    exitCode = runLine(session, command, stdin, out);
  }
  return exitCode;
}

function runLine(session: Session, line: string, stdin: string | undefined, out: TranscriptOutput): number {
  const words = line.split(/\s+/);
  if (words[0] === "sleep") {
    const ms = words.length === 2 ? parseDuration(words[1]!) : undefined;
    if (ms === undefined) {
      out.stderr(`sleep: invalid time interval '${words.slice(1).join(" ")}'\n`);
      return 1;
    }
    session.runFor(ms);
    return 0;
  }
  if (words[0] === "inject") {
    const fault = words[1] as (typeof FAULTS)[number];
    if (words.length !== 3 || !FAULTS.includes(fault)) {
      out.stderr(`inject: usage: inject ${FAULTS.join("|")} NODE\n`);
      return 1;
    }
    const outcome = session.apply(CONSOLE_USER, { type: "fault", fault, node: words[2]! });
    if (!outcome.ok) {
      out.stderr(`inject: ${outcome.message}\n`);
      return 1;
    }
    return 0;
  }
  // Like a real terminal, the headless console lets `rollout status` and `wait` block while simulated time passes.
  const result = session.kubectl(CONSOLE_USER, line, stdin, { canWait: true });
  for (const chunk of result.output) out[chunk.stream](chunk.text);
  return result.exitCode;
}
