// Text formats shared by the canvas and the DOM panels.

/** Simulated milliseconds as a clock: 83_400 → "00:01:23". Hours keep growing past 99. */
export function formatClock(ms: number): string {
  const total = Number.isFinite(ms) ? Math.max(0, Math.floor(ms / 1000)) : 0;
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${pad(Math.floor(total / 3600))}:${pad(Math.floor(total / 60) % 60)}:${pad(total % 60)}`;
}

/** Millicores, always with the unit, so requests and capacity compare at a glance: "2000m". */
export function formatCpu(milli: number): string {
  return `${milli}m`;
}

/** MiB as "512Mi" or "1.5Gi". */
export function formatMemory(mi: number): string {
  if (mi < 1024) return `${mi}Mi`;
  const gi = mi / 1024;
  return `${Number.isInteger(gi) ? gi : gi.toFixed(1)}Gi`;
}
