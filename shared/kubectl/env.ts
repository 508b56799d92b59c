// What a kubectl run needs from its host (the room's console or the headless
// tool), and what it gives back.

import type { SimClock } from "../sim/kernel/clock.ts";
import type { Client } from "../sim/clientgo/client.ts";

export interface KubectlEnv {
  /** Acting as the player; its writes are recorded into the action log by the caller. */
  client: Client;
  /** "now" for AGE columns. */
  clock: SimClock;
  epochMs: number;
  /** The kubeconfig context's namespace; "default" when unset. */
  defaultNamespace?: string;
  /**
   * Advances simulated time by ms (in 100 ms steps), as real time passes while
   * kubectl waits on a watch. Absent when the console cannot block (the shared
   * game room): waiting commands then report the state they see once.
   */
  wait?: (ms: number) => void;
}

export interface KubectlResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** Collects a command's output; exitCode 1 once any error was reported. */
export class Output {
  stdout = "";
  stderr = "";
  exitCode = 0;

  out(s: string): void {
    this.stdout += s;
  }

  err(s: string): void {
    this.stderr += s;
  }

  /** cmdutil.fatal: the message (newline added if missing) on stderr, exit code 1. */
  fail(msg: string, code = 1): void {
    if (msg.length > 0) this.stderr += msg.endsWith("\n") ? msg : `${msg}\n`;
    this.exitCode = code;
  }

  result(): KubectlResult {
    return { stdout: this.stdout, stderr: this.stderr, exitCode: this.exitCode };
  }
}
