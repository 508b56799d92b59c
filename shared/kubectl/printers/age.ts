// Ages as kubectl prints them: apimachinery's duration.HumanDuration, with its
// integer truncation at every step, applied to "now" on the simulated clock.

import { parseTime } from "../../sim/kernel/time.ts";

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** duration.HumanDuration: "45s", "3m12s", "95m", "7h59m", "47h", "2d3h", "90d", "3y12d". */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / SECOND);
  if (seconds < -1) return "<invalid>";
  if (seconds < 0) return "0s";
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = Math.trunc(ms / MINUTE);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = Math.trunc(ms / HOUR);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${Math.trunc(hours / 24)}d` : `${Math.trunc(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const dy = Math.trunc(hours / 24) % 365;
    const y = Math.trunc(hours / 24 / 365);
    return dy === 0 ? `${y}y` : `${y}y${dy}d`;
  }
  return `${Math.trunc(hours / 24 / 365)}y`;
}

/** Where "now" is: the scenario epoch and the simulated clock. */
export interface Now {
  readonly epochMs: number;
  readonly nowMs: number;
}

/** translateTimestampSince: "<unknown>" for a zero (absent) time. */
export function since(now: Now, timestamp: string | null | undefined): string {
  if (!timestamp) return "<unknown>";
  const t = parseTime(now.epochMs, timestamp);
  if (Number.isNaN(t)) return "<unknown>";
  return humanDuration(now.nowMs - t);
}
