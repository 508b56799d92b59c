// Caught errors Colyseus reports (an oversized frame, an unreadable one) cost
// one line of the server's log, never a stack trace.

import { describe, expect, it } from "vitest";
import { MAX_LOG_LINE, oneLineLogger } from "./one-line-logger.ts";

describe("oneLineLogger", () => {
  it.each([
    ["a ws error as Colyseus prints it", ["Max payload size exceeded\nRangeError: Max payload size exceeded\n    at Receiver.haveLength (ws/lib/receiver.js:442:28)"], "[colyseus] Max payload size exceeded"],
    ["an Error", [new RangeError("Invalid typed array length: -1")], "[colyseus] RangeError: Invalid typed array length: -1"],
    ["a value", [{ code: 4212 }], '[colyseus] {"code":4212}'],
    ["a huge message", ["x".repeat(10_000)], `[colyseus] ${"x".repeat(MAX_LOG_LINE)}…`],
  ])("logs %s as one line", (_name, args, line) => {
    const logged: string[] = [];
    oneLineLogger((l) => logged.push(l)).error(...args);
    expect(logged).toEqual([line]);
  });
});
