// The protocol's size limits, checked in the browser before anything is sent:
// the server closes a socket on a frame over its limit, so a message that
// would not fit is refused here with a sentence saying how big it is and what
// fits. Sizes are UTF-8 bytes, as the wire counts them.

import { MAX_CONSOLE_BYTES, MAX_LINE_BYTES, MAX_MESSAGE_BYTES } from "../../shared/protocol/messages.ts";

const encoder = new TextEncoder();

export function utf8Bytes(text: string): number {
  return encoder.encode(text).length;
}

/**
 * A message's size on the wire, over-estimated: its type and payload as JSON
 * (the SDK's msgpack encoding never escapes, so it is no larger for strings).
 */
export function messageBytes(type: string, payload: unknown): number {
  return utf8Bytes(type) + utf8Bytes(JSON.stringify(payload ?? null));
}

/**
 * "12.3 KB", "64 KB", "512 B" (KB of 1024 bytes, as the limits are set).
 * Rounded up, so a size over a limit never reads as the limit itself.
 */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const kb = Math.ceil((bytes / 1024) * 10) / 10;
  return Number.isInteger(kb) ? `${kb} KB` : `${kb.toFixed(1)} KB`;
}

/** Why a message may not be sent, or undefined when it fits the frame limit. */
export function messageProblem(type: string, payload: unknown): string | undefined {
  const bytes = messageBytes(type, payload);
  if (bytes <= MAX_MESSAGE_BYTES) return undefined;
  return `this message is ${formatBytes(bytes)}, over the ${formatBytes(MAX_MESSAGE_BYTES)} a message may be; it was not sent`;
}

/** Why a console request may not be sent (one line, no dump), or undefined. */
export function kubectlProblem(line: string, stdin?: string): string | undefined {
  const lineBytes = utf8Bytes(line);
  if (lineBytes > MAX_LINE_BYTES) return `the command line is ${formatBytes(lineBytes)}; a console line may be at most ${formatBytes(MAX_LINE_BYTES)}`;
  if (stdin !== undefined) {
    const stdinBytes = utf8Bytes(stdin);
    if (stdinBytes > MAX_CONSOLE_BYTES) return `the manifest is ${formatBytes(stdinBytes)}; the YAML editor takes at most ${formatBytes(MAX_CONSOLE_BYTES)}`;
  }
  return undefined;
}
