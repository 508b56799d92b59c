// Lines kubectl logs through klog to stderr (klog.Warning and friends), with
// klog's text header: "W0101 09:00:00.000000   12345 helpers.go:731] message".
// The time is the simulated wall clock in UTC, the console machine's zone.

import { rfc3339Micro } from "../../sim/kernel/time.ts";
import type { CommandContext } from "./command.ts";

export interface Klog {
  /** klog.Warning from `source` ("helpers.go:731", the call site in kubectl v1.34). */
  warning(source: string, message: string): void;
}

/**
 * The pid klog prints. Every kubectl run is a new process, so real pids climb
 * as a session goes on; here they climb with simulated time, and wrap as
 * Linux's pid_max (32768) does.
 */
export function kubectlPid(simMs: number): number {
  return 1000 + (Math.floor(simMs / 1000) % 31768);
}

/** klog's header: severity letter, mmdd hh:mm:ss.uuuuuu, the pid right-aligned in 7, then file:line. */
export function klogLine(severity: "I" | "W" | "E", epochMs: number, simMs: number, source: string, message: string): string {
  const t = rfc3339Micro(epochMs, simMs); // 2026-01-01T09:00:00.000000Z
  const header = `${severity}${t.slice(5, 7)}${t.slice(8, 10)} ${t.slice(11, 26)} ${String(kubectlPid(simMs)).padStart(7, " ")} ${source}]`;
  return `${header} ${message}\n`;
}

export function klogFor(ctx: Pick<CommandContext, "now" | "out">): Klog {
  return {
    warning(source, message) {
      ctx.out.err(klogLine("W", ctx.now.epochMs, ctx.now.nowMs, source, message));
    },
  };
}
