// What a kubectl run needs from its host (the room's console or the headless
// tool), and what it gives back.

import type { SimClock } from "../sim/kernel/clock.ts";
import type { Client } from "../sim/clientgo/client.ts";
import type { Kubeconfig } from "./kubeconfig.ts";

export interface KubectlEnv {
  /** Acting as the player; its writes are recorded into the action log by the caller. */
  client: Client;
  /** "now" for AGE columns. */
  clock: SimClock;
  epochMs: number;
  /**
   * The player's kubeconfig, kept by the session across lines: its current
   * context's namespace is the default namespace, and `kubectl config` changes it.
   */
  kubeconfig?: Kubeconfig;
  /**
   * Advances simulated time by ms (in 100 ms steps), as real time passes while
   * kubectl waits on a watch. Absent when the console cannot block (the shared
   * game room): waiting commands then report the state they see once.
   */
  wait?: (ms: number) => void;
}

/** One write to stdout or stderr, in the order kubectl made it. */
export interface OutputChunk {
  readonly stream: "stdout" | "stderr";
  readonly text: string;
}

export interface KubectlResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** stdout and stderr interleaved as a terminal shows them (warnings before results); adjacent writes to one stream are joined. */
  output: readonly OutputChunk[];
}

/** Appends text to an ordered stream, joining it to the last chunk when that went to the same stream. */
export function appendChunk(chunks: OutputChunk[], stream: OutputChunk["stream"], text: string): void {
  if (text === "") return;
  const last = chunks[chunks.length - 1];
  if (last?.stream === stream) chunks[chunks.length - 1] = { stream, text: last.text + text };
  else chunks.push({ stream, text });
}

/** Collects a command's output; exitCode 1 once any error was reported. */
export class Output {
  stdout = "";
  stderr = "";
  exitCode = 0;
  readonly #chunks: OutputChunk[] = [];

  out(s: string): void {
    this.stdout += s;
    appendChunk(this.#chunks, "stdout", s);
  }

  err(s: string): void {
    this.stderr += s;
    appendChunk(this.#chunks, "stderr", s);
  }

  /** cmdutil.fatal: the message (newline added if missing) on stderr, exit code 1. */
  fail(msg: string, code = 1): void {
    if (msg.length > 0) this.err(msg.endsWith("\n") ? msg : `${msg}\n`);
    this.exitCode = code;
  }

  result(): KubectlResult {
    return { stdout: this.stdout, stderr: this.stderr, exitCode: this.exitCode, output: [...this.#chunks] };
  }
}
