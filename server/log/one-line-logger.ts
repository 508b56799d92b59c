// Colyseus' logger, one line per entry: the transport and the matchmaker
// print a caught error's whole stack (an oversized frame, a frame msgpack
// cannot read, a malformed matchmaking body), which any client can trigger at
// will. Errors and warnings go to the server's `log` as their first line;
// informational chatter stays on the console.

/** The longest line logged for one entry: enough for the reason, never a client's whole payload. */
export const MAX_LOG_LINE = 300;

export function oneLine(args: readonly unknown[]): string {
  const text = args.map((a) => (a instanceof Error ? `${a.name}: ${a.message}` : typeof a === "string" ? a : String(safeJson(a)))).join(" ");
  const first = text.split("\n", 1)[0]!.trim();
  return first.length > MAX_LOG_LINE ? `${first.slice(0, MAX_LOG_LINE)}…` : first;
}

function safeJson(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/** A logger for defineServer({ logger }): what Colyseus reports as errors costs one line of `log`. */
export function oneLineLogger(log: (line: string) => void) {
  return {
    error: (...args: unknown[]) => log(`[colyseus] ${oneLine(args)}`),
    warn: (...args: unknown[]) => log(`[colyseus] ${oneLine(args)}`),
    info: (...args: unknown[]) => console.info(...args),
    debug: (...args: unknown[]) => console.debug(...args),
    trace: (...args: unknown[]) => console.debug(...args),
  };
}
